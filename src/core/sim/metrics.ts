import type { Scenario } from '../scenario/scenario.schema';
import { mustPost, postById, type SimContext } from './context';
import type { SimState } from './state';

/** The HUD's and the debrief's measurements, sampled once a sim minute into `history`. */

/** Phase, once a sim minute: one metric sample. */
export function sample(ctx: SimContext): void {
  const { state: s, caches } = ctx;
  let sentimentSum = 0;
  let n = 0;
  for (let i = caches.windowStart; i < s.posts.length; i++) {
    const p = s.posts[i]!;
    const calmed = p.replies.some((r) => r.quality > 0) || p.inDm;
    sentimentSum += Math.min(2, p.sentiment + (calmed ? 1 : 0));
    n++;
  }
  let negativeReach = 0;
  let backlog = 0;
  for (const id of s.queues.open) {
    const p = mustPost(ctx, id);
    backlog++;
    if (p.sentiment < 0) negativeReach += p.author.followers;
  }
  s.history.push({
    t: s.t,
    sentiment: n === 0 ? 0 : Math.round((sentimentSum * 100) / n),
    goodwill: Math.round(s.goodwill),
    backlog,
    serviceLevel: serviceLevel(ctx),
    negativeReach,
    declaredLevel: s.declaredLevel,
    trueLevel: s.trueLevel,
    arrivalsLastHour: s.posts.length - caches.windowStart,
  });
}

/** Routine customers due an answer so far, and how many got one within target: one definition for HUD, score and debrief. */
export interface ServiceLevelFigures {
  inTarget: number;
  /** Answered (in target or late), dropped unanswered, and still open past target. */
  due: number;
  percent: number;
}

export function serviceLevelFigures(scenario: Scenario, s: SimState): ServiceLevelFigures {
  const c = s.counters;
  // Open routine posts already past their target count as missed, not as pending.
  let overdue = 0;
  for (const id of s.queues.open) {
    const p = postById(s, id)!;
    const target = scenario.channels.find((ch) => ch.id === p.channel)!.serviceLevelMinutes * 60;
    if (p.source === 'routine' && s.t - p.t > target) overdue++;
  }
  const due = c.routineDue + overdue;
  return { inTarget: c.routineInTarget, due, percent: due === 0 ? 100 : Math.round((c.routineInTarget * 100) / due) };
}

/** Percent of due routine posts answered within target. */
export function serviceLevel(ctx: SimContext): number {
  return serviceLevelFigures(ctx.scenario, ctx.state).percent;
}
