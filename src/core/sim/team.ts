import { FAST_LANE_LEVEL, REACH, TEAM_REPLY_GOODWILL } from '../tuning';
import { needsResponse } from '../guideline/rules';
import { mustPost, type SimContext } from './context';
import { changeGoodwill } from './pressure';
import type { Post, SimState } from './state';

/** What the rest of the team posts on a routine question: a plain, correct holding answer. */
const TEAM_REPLY_TEXT = "Thanks for getting in touch. We're looking into this for you and will reply here shortly.";

/**
 * The rest of the desk: agents who answer routine posts at a fixed rate while
 * the trainee handles the hard ones, and the open queue they work through.
 */

/** Posts the team never answers, whatever the queue: flagged, needing a named role, the instigator's, or from a big account. */
function onlyForTrainee(p: Post): boolean {
  return p.flags.length > 0 || p.needs !== undefined || p.source === 'instigator' || p.author.followers >= REACH.TEAM_LIMIT;
}

/** Posts the rest of the team may answer now: open, not only for the trainee, not reserved by them as urgent. */
function teamMayAnswer(p: Post): boolean {
  return p.status === 'open' && !onlyForTrainee(p) && !(p.triage?.urgent ?? false);
}

/**
 * The trainee's own share of the work: posts that waited for them (needing an answer
 * or flagged, and never taken by the team) and how many of those they handled in
 * any way (a reply, a DM, an escalation, hiding, deleting or closing).
 */
export function traineeWorkload(s: SimState): { handled: number; waited: number } {
  let handled = 0;
  let waited = 0;
  for (const p of s.posts) {
    if (!onlyForTrainee(p) || !(needsResponse(p) || p.flags.length > 0)) continue;
    waited++;
    const acted = p.replies.some((r) => r.by === 'trainee') || p.inDm || p.escalatedTo.length > 0 || p.status === 'hidden' || p.status === 'deleted' || p.status === 'closed';
    if (acted) handled++;
  }
  return { handled, waited };
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
    p.replies.push({ t: s.t, by: 'team', text: TEAM_REPLY_TEXT, quality: 0, tone: 'neutral', parts: ['acknowledge', 'nextStep'], breaches: [], evidence: [] });
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
