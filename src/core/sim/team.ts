import { FAST_LANE_LEVEL, REACH, TEAM_REPLY_GOODWILL } from '../tuning';
import { needsResponse } from '../guideline/rules';
import { mustPost, type SimContext } from './context';
import { changeGoodwill } from './pressure';
import type { Post } from './state';

/**
 * The rest of the desk: agents who answer routine posts at a fixed rate while
 * the trainee handles the hard ones, and the open queue they work through.
 */

/** Posts the rest of the team may answer: unflagged, no named role needed, not reserved by the trainee. */
function teamMayAnswer(p: Post): boolean {
  return (
    p.status === 'open' &&
    p.flags.length === 0 &&
    p.needs === undefined &&
    p.source !== 'instigator' &&
    !(p.triage?.urgent ?? false) &&
    p.author.followers < REACH.TEAM_LIMIT
  );
}

/** Phase: the team earns work credit for the step and spends it on the queue, one post per credit. */
export function teamWork(ctx: SimContext, dt: number): void {
  const { scenario, state: s } = ctx;
  const perMinute = ((s.team.agents + s.team.extra) * scenario.team.postsPerAgentHour) / 60;
  s.team.workCredit += (perMinute * dt) / 60;
  // Fast lane: once the trainee has declared a raised level, routine customers are served first.
  const fastLane = s.declaredLevel >= FAST_LANE_LEVEL;
  while (s.team.workCredit >= 1) {
    const id = nextForTeam(ctx, fastLane);
    if (id === undefined) {
      s.team.workCredit = Math.min(s.team.workCredit, 1);
      break;
    }
    s.team.workCredit -= 1;
    const p = mustPost(ctx, id);
    p.replies.push({ t: s.t, by: 'team', blocks: ['acknowledge', 'nextStep'], tone: 'neutral', quality: 0 });
    markResponded(ctx, p);
    changeGoodwill(ctx, TEAM_REPLY_GOODWILL, 'teamReply');
  }
}

function nextForTeam(ctx: SimContext, fastLane: boolean): number | undefined {
  let fallback: number | undefined;
  for (const id of ctx.state.queues.open) {
    const p = mustPost(ctx, id);
    if (!teamMayAnswer(p)) continue;
    if (!fastLane || p.source === 'routine') return id;
    fallback ??= id;
  }
  return fallback;
}

/** First response to a post: leaves the queue and counts towards the service level. */
export function markResponded(ctx: SimContext, p: Post): void {
  const s = ctx.state;
  if (p.firstResponseAt !== undefined) return;
  p.firstResponseAt = s.t;
  if (p.status === 'open') p.status = 'answered';
  dequeue(ctx, p);
  if (p.source === 'routine' && needsResponse(p)) {
    s.counters.routineDue++;
    if (s.t - p.t <= ctx.index.slaSeconds[p.channel]!) s.counters.routineInTarget++;
  }
}

/** Takes a post out of the queue unanswered; a routine one then counts as a missed service level. */
export function removeFromQueue(ctx: SimContext, p: Post): void {
  dequeue(ctx, p);
  if (p.source === 'routine' && needsResponse(p) && p.firstResponseAt === undefined) ctx.state.counters.routineDue++;
}

function dequeue(ctx: SimContext, p: Post): void {
  const queue = ctx.state.queues.open;
  const i = queue.indexOf(p.id);
  if (i >= 0) queue.splice(i, 1);
}
