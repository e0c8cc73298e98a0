import { clamp } from '../util/fixed-math';
import { BREACH_DEFAULT_TEXT } from '../guideline/rules';
import type { BreachKind } from '../scenario/scenario.schema';
import { addMoment, mustPost, type SimContext } from './context';
import { breachCommitted } from './moments';
import { excite } from './surge';
import type { Post } from './state';

/**
 * Heat (how readily the crowd piles on) and goodwill (what the public thinks of
 * the brand): the slow pressures of silence, and the quick ones of breaches,
 * censorship and good answers.
 */

const HEAT_MIN = 40;
const HEAT_MAX = 250;

/** Phase, once a sim minute: silence on visible, high-reach anger feeds the crowd; overdue anger costs goodwill. */
export function settlePressure(ctx: SimContext, dt: number): void {
  const { state: s, queues } = ctx;
  let silent = 0;
  for (const id of queues.openQueue) {
    const p = mustPost(ctx, id);
    if (p.source !== 'routine' && p.author.followers >= 1000 && s.t - p.t > 1800) silent++;
    if (silent >= 6) break;
  }
  s.heat = clamp(s.heat + (silent * 0.5 * dt) / 60, HEAT_MIN, HEAT_MAX);
  // Unanswered anger costs goodwill steadily, in proportion to how much of it is overdue.
  let overdue = 0;
  for (const id of queues.openQueue) {
    const p = mustPost(ctx, id);
    if (p.sentiment < 0 && s.t - p.t > ctx.index.slaSeconds[p.channel]!) overdue++;
  }
  s.goodwill = clamp(s.goodwill - (Math.min(overdue, 50) * 0.004 * dt) / 60, 0, 100);
  if (overdue === 0) s.goodwill = clamp(s.goodwill + (0.02 * dt) / 60, 0, 100);
}

/** A breach of the guideline: recorded, costs goodwill, heats the crowd, and teaches in the debrief. */
export function breach(ctx: SimContext, kind: BreachKind, postId?: number): void {
  const s = ctx.state;
  const rule = ctx.scenario.guideline.forbidden.find((f) => f.kind === kind);
  const text = rule?.text ?? BREACH_DEFAULT_TEXT[kind];
  s.breaches.push({ t: s.t, kind, rule: rule?.rule ?? 'practice', text, ...(postId !== undefined ? { postId } : {}) });
  s.goodwill = clamp(s.goodwill - 4, 0, 100);
  s.heat = clamp(s.heat + 4, HEAT_MIN, HEAT_MAX);
  // The debrief teaches from the first few of each kind; the score counts them all.
  if (s.breaches.filter((b) => b.kind === kind).length <= 3) addMoment(ctx, breachCommitted(rule, text, postId));
}

/** Removing legitimate criticism makes it spread (the Streisand effect). */
export function censor(ctx: SimContext, p: Post, kind: BreachKind): void {
  const s = ctx.state;
  s.heat = clamp(s.heat + 12, HEAT_MIN, HEAT_MAX);
  excite(ctx, p.channel);
  excite(ctx, p.channel);
  breach(ctx, kind, p.id);
}

/** A good answer to surge-related anger damps the crowd; a bad one feeds it. */
export function calmIfSurge(ctx: SimContext, p: Post, quality: number): void {
  if (p.source === 'routine') return;
  const s = ctx.state;
  s.heat = clamp(s.heat - quality * 1.5 * reachWeight(p), HEAT_MIN, HEAT_MAX);
}

/** How much one author's reaction counts: a large audience multiplies both harm and repair. */
export function reachWeight(p: Post): number {
  return p.author.followers >= 10000 ? 2 : p.author.followers >= 1000 ? 1.5 : 1;
}

export { HEAT_MIN, HEAT_MAX };
