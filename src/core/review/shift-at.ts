import { clockAt } from '../guideline/rules';
import { obligationsOf } from '../guideline/escalation.machine';
import { runBot } from '../bots/bots';
import type { Rejection } from '../errors';
import { rebuild } from '../run/run-record';
import type { RunRecord } from '../run/run-record.schema';
import { ROLE_LABELS, type Scenario } from '../scenario/scenario.schema';
import type { Action } from '../sim/actions';
import type { Post, SimState } from '../sim/state';

/**
 * Watching a shift back: the desk rebuilt from a run record at any minute, for the
 * trainee's own run and for a model run of the same seed side by side. Everything is
 * replayed from the record, so what is shown is what was on the desk then.
 */

/** Posts of the feed shown for a minute: the newest that had arrived by then. */
export const FEED_AT_MOST = 12;
/** How far back "what you did" looks from the chosen minute. */
export const RECENT_MINUTES = 10;

export type ReplayableRun = Pick<RunRecord, 'seed' | 'mode' | 'actions'>;

/** One thing the guideline asked of the desk at that minute, and by when. */
export interface Ask {
  rule?: string;
  text: string;
  due: string;
  /** Sim seconds until the deadline (negative once it has passed). */
  left: number;
}

export interface DeskDeed {
  t: number;
  clock: string;
  text: string;
}

export interface ShiftAt {
  t: number;
  clock: string;
  declaredLevel: string;
  trueLevel: string;
  goodwill: number;
  /** Newest first, each with its status as it stood then. */
  feed: Post[];
  asks: Ask[];
  /** What the desk did in the minutes before, oldest first. */
  did: DeskDeed[];
}

/** The desk of `run` at sim second `t` (clamped to the shift). */
export function shiftAt(scenario: Scenario, run: ReplayableRun, t: number): ShiftAt | Rejection {
  const end = scenario.duration.simMinutes * 60;
  const at = Math.max(0, Math.min(end, t));
  // Only what had been done before that minute: the record goes on past it.
  const rebuilt = rebuild(scenario, { ...run, actions: run.actions.filter((a) => a.t < at) }, at);
  if (!rebuilt.ok) return rebuilt;
  const s = rebuilt.sim.state;
  const levels = scenario.guideline.levels;
  return {
    t: s.t,
    clock: clockAt(scenario, s.t),
    declaredLevel: levels[s.declaredLevel]!.name,
    trueLevel: levels[s.trueLevel]!.name,
    goodwill: Math.round(s.goodwill),
    feed: s.posts.slice(-FEED_AT_MOST).reverse(),
    asks: asksAt(scenario, s),
    did: s.log
      .filter((e) => e.t > s.t - RECENT_MINUTES * 60)
      .map((e) => ({ t: e.t, clock: clockAt(scenario, e.t), text: describeAction(scenario, s, e) })),
  };
}

/** The model run: the guideline bot playing the same seed, as a record to watch beside the trainee's. */
export function modelRun(scenario: Scenario, run: Pick<RunRecord, 'seed' | 'mode'>): ReplayableRun {
  const { sim } = runBot(scenario, { seed: run.seed, mode: run.mode, bot: 'guideline' });
  return { seed: run.seed, mode: run.mode, actions: sim.state.log.map((e) => ({ t: e.t, action: e.action })) };
}

function asksAt(scenario: Scenario, s: SimState): Ask[] {
  const asks: Ask[] = [];
  for (const o of obligationsOf(scenario, s.guideline)) {
    if (o.status !== 'open' || o.deadline === undefined) continue;
    asks.push({ rule: o.rule, text: o.text, due: clockAt(scenario, o.deadline), left: o.deadline - s.t });
  }
  for (const p of s.posts) {
    if (!p.needs || p.escalatedTo.includes(p.needs.role) || p.needsMissed || p.status === 'deleted' || p.status === 'closed') continue;
    asks.push({ text: `Tell ${ROLE_LABELS[p.needs.role]} about ${p.author.name}'s post`, due: clockAt(scenario, p.needs.deadline), left: p.needs.deadline - s.t });
  }
  return asks.sort((a, b) => a.left - b.left);
}

/** One action in words, naming the post's author rather than its number. */
export function describeAction(scenario: Scenario, s: SimState, { t, action: a }: { t: number; action: Action }): string {
  const who = (id: number) => {
    const p = s.posts.find((x) => x.id === id);
    return p ? `${p.author.name}'s post` : `post #${id}`;
  };
  switch (a.type) {
    case 'post.reply': {
      const p = s.posts.find((x) => x.id === a.postId);
      const sent = p?.replies.find((r) => r.by === 'trainee' && r.t === t);
      return `Replied in public to ${who(a.postId)}${sent ? ` (${sent.tone}, quality ${sent.quality > 0 ? '+' : ''}${sent.quality})` : ''}`;
    }
    case 'post.dm':
      return `Moved ${who(a.postId)} to a private message`;
    case 'post.hide':
      return `Hid ${who(a.postId)}`;
    case 'post.delete':
      return `Deleted ${who(a.postId)}`;
    case 'post.close':
      return `Closed ${who(a.postId)} without a reply`;
    case 'post.escalate':
      return `Told ${ROLE_LABELS[a.role]} about ${who(a.postId)}`;
    case 'post.triage':
      return `Triaged ${who(a.postId)} as ${a.category}${a.urgent ? ', urgent' : ''}`;
    case 'thread.link':
      return `Linked ${who(a.postIds[0])} with ${who(a.postIds[1])}`;
    case 'desk.holdingStatement':
      return 'Posted a holding statement';
    case 'desk.pausePromotions':
      return 'Paused scheduled promotions';
    case 'desk.callInStaff':
      return `Called in ${a.count} extra staff`;
    case 'level.declare':
      return `Declared ${scenario.guideline.levels.find((l) => l.id === a.level)?.name ?? a.level}`;
    case 'inject.fire':
      return `Trainer fired "${a.injectId}"`;
  }
}
