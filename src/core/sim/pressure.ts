import { clamp } from '../util/fixed-math';
import {
  BREACH_GOODWILL,
  BREACH_HEAT,
  BREACH_MOMENTS_PER_KIND,
  CAUGHT_UP_GOODWILL_PER_MINUTE,
  CENSOR_HEAT,
  CENSOR_KICKS,
  GOODWILL_MAX,
  GOODWILL_MIN,
  HEAT_MAX,
  HEAT_MIN,
  OVERDUE_GOODWILL_PER_POST_MINUTE,
  OVERDUE_MAX_POSTS,
  REACH,
  REACH_WEIGHT,
  REPLY_HEAT_PER_QUALITY,
  SILENCE_AFTER_SECONDS,
  SILENCE_HEAT_PER_POST_MINUTE,
  SILENCE_MAX_POSTS,
} from '../tuning';
import { BREACH_DEFAULT_TEXT } from '../guideline/rules';
import type { BreachKind } from '../scenario/scenario.schema';
import { addMoment, mustPost, type SimContext } from './context';
import { breachCommitted } from './moments';
import { excite } from './surge';
import type { Post, PressureCause, PressureLedger } from './state';

/**
 * Heat (how readily the crowd piles on) and goodwill (what the public thinks of
 * the brand): the slow pressures of silence, and the quick ones of breaches,
 * censorship and good answers.
 */

/** The one writer of goodwill: adds `delta`, keeps the index within its bounds. */
export function changeGoodwill(ctx: SimContext, delta: number, why: PressureCause): void {
  const s = ctx.state;
  const before = s.goodwill;
  s.goodwill = clamp(before + delta, GOODWILL_MIN, GOODWILL_MAX);
  record(s.pressure.goodwill, why, s.goodwill - before);
}

/** The one writer of heat (with scaleHeat): adds `delta`, keeps heat within its bounds. */
export function changeHeat(ctx: SimContext, delta: number, why: PressureCause): void {
  const s = ctx.state;
  const before = s.heat;
  s.heat = clamp(before + delta, HEAT_MIN, HEAT_MAX);
  record(s.pressure.heat, why, s.heat - before);
}

/** Multiplies heat by `factor` (a relief that takes a share of the heat away), within its bounds. */
export function scaleHeat(ctx: SimContext, factor: number, why: PressureCause): void {
  const s = ctx.state;
  const before = s.heat;
  s.heat = clamp(before * factor, HEAT_MIN, HEAT_MAX);
  record(s.pressure.heat, why, s.heat - before);
}

/** Adds an applied change (after the bounds) to its cause's running total; no-ops leave no entry. */
function record(ledger: PressureLedger, why: PressureCause, applied: number): void {
  if (applied !== 0) ledger[why] = (ledger[why] ?? 0) + applied;
}

/** Phase, once a sim minute: silence on visible, high-reach anger feeds the crowd; overdue anger costs goodwill. */
export function settlePressure(ctx: SimContext, dt: number): void {
  const s = ctx.state;
  let silent = 0;
  for (const id of s.queues.open) {
    const p = mustPost(ctx, id);
    if (p.source !== 'routine' && p.author.followers >= REACH.SOME && s.t - p.t > SILENCE_AFTER_SECONDS) silent++;
    if (silent >= SILENCE_MAX_POSTS) break;
  }
  changeHeat(ctx, (silent * SILENCE_HEAT_PER_POST_MINUTE * dt) / 60, 'silence');
  // Unanswered anger costs goodwill steadily, in proportion to how much of it is overdue.
  let overdue = 0;
  for (const id of s.queues.open) {
    const p = mustPost(ctx, id);
    if (p.sentiment < 0 && s.t - p.t > ctx.index.slaSeconds[p.channel]!) overdue++;
  }
  changeGoodwill(ctx, (Math.min(overdue, OVERDUE_MAX_POSTS) * OVERDUE_GOODWILL_PER_POST_MINUTE * dt) / 60, 'overdue');
  if (overdue === 0) changeGoodwill(ctx, (CAUGHT_UP_GOODWILL_PER_MINUTE * dt) / 60, 'caughtUp');
}

/** The words of a text that committed a breach, and the judge's reason. */
export interface BreachWords {
  quote: string;
  reason: string;
}

/** A breach of the guideline: recorded, costs goodwill, heats the crowd, and teaches in the debrief. */
export function breach(ctx: SimContext, kind: BreachKind, postId?: number, words?: BreachWords): void {
  const s = ctx.state;
  const rule = ctx.scenario.guideline.forbidden.find((f) => f.kind === kind);
  const text = rule?.text ?? BREACH_DEFAULT_TEXT[kind];
  s.breaches.push({ t: s.t, kind, rule: rule?.rule ?? 'practice', text, ...(postId !== undefined ? { postId } : {}), ...(words ?? {}) });
  changeGoodwill(ctx, BREACH_GOODWILL, 'breach');
  changeHeat(ctx, BREACH_HEAT, 'breach');
  // The debrief teaches from the first few of each kind; the score counts them all.
  if (s.breaches.filter((b) => b.kind === kind).length <= BREACH_MOMENTS_PER_KIND) {
    addMoment(ctx, breachCommitted(rule, text, postId === undefined ? undefined : mustPost(ctx, postId).author.name, words?.quote));
  }
}

/** Removing legitimate criticism makes it spread (the Streisand effect). */
export function censor(ctx: SimContext, p: Post, kind: BreachKind): void {
  const s = ctx.state;
  changeHeat(ctx, CENSOR_HEAT, 'censored');
  for (let i = 0; i < CENSOR_KICKS; i++) excite(ctx, p.channel);
  breach(ctx, kind, p.id);
}

/** A good answer to surge-related anger damps the crowd; a bad one feeds it. */
export function calmIfSurge(ctx: SimContext, p: Post, quality: number, why: 'reply' | 'dm'): void {
  if (p.source === 'routine') return;
  const s = ctx.state;
  // Negated product, not a subtraction: x + −(q·k·w) is bit-identical to x − q·k·w.
  changeHeat(ctx, -(quality * REPLY_HEAT_PER_QUALITY * reachWeight(p)), why);
}

/** How much one author's reaction counts: a large audience multiplies both harm and repair. */
export function reachWeight(p: Post): number {
  return p.author.followers >= REACH.HIGH ? REACH_WEIGHT.HIGH : p.author.followers >= REACH.SOME ? REACH_WEIGHT.SOME : REACH_WEIGHT.SMALL;
}
