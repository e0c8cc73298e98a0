import { addMoment, type SimContext } from './context';
import { postEscalated } from './moments';
import type { Post } from './state';

/**
 * A post that needed a role is settled once the role can act on it: on time when that is by
 * the post's deadline, late otherwise (a miss already counted becomes a late success).
 */
export function settleNeed(ctx: SimContext, p: Post, readyAt: number): void {
  const s = ctx.state;
  const needs = p.needs!;
  const onTime = readyAt <= needs.deadline;
  if (onTime) s.counters.postNeedsMet++;
  else s.counters.postNeedsLate++;
  if (p.needsMissed) s.counters.postNeedsMissed--;
  addMoment(ctx, postEscalated(ctx, p, needs.role, needs.deadline, onTime, readyAt));
}
