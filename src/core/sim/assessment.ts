import { OBLIGATION_MISSED_GOODWILL, ROLE_MISSED_GOODWILL } from '../tuning';
import { nextDeadline, obligationStatuses, stepGuideline, type DeskDeed, type EscalationEvent } from '../guideline/escalation.machine';
import { situationLevel } from '../guideline/rules';
import { addMoment, mustPost, type SimContext } from './context';
import { levelReached, obligationSettled, roleMissed } from './moments';
import { settleNeed } from './needs';
import { breach, changeGoodwill } from './pressure';
import type { ObligationStatus } from './state';

/**
 * The guideline's view of the shift: the true level of the situation, the
 * obligations each level opens (kept by the escalation machine), and the
 * deadlines of posts that need a named role.
 */

/** Phase: posts whose needed role was not told in time count as missed, once. */
export function checkPostDeadlines(ctx: SimContext): void {
  const s = ctx.state;
  const stillWaiting: number[] = [];
  for (const id of s.queues.awaitingRole) {
    const p = mustPost(ctx, id);
    // Escalated with an unclear note: the need waits for the role's questions to be answered, whatever happens to the post meanwhile.
    if (p.needsBriefedAt !== undefined) {
      if (s.t < p.needsBriefedAt) stillWaiting.push(id);
      else settleNeed(ctx, p, p.needsBriefedAt);
      continue;
    }
    if (!p.needs || p.escalatedTo.includes(p.needs.role) || p.status === 'deleted' || p.status === 'closed') continue;
    if (s.t <= p.needs.deadline) stillWaiting.push(id);
    else {
      p.needsMissed = true;
      s.counters.postNeedsMissed++;
      if (p.flags.includes('legalThreat')) breach(ctx, 'ignoredLegalThreat', p.id);
      else {
        changeGoodwill(ctx, ROLE_MISSED_GOODWILL, 'roleMissed');
        addMoment(ctx, roleMissed(ctx, p, p.needs.role, p.needs.deadline));
      }
    }
  }
  s.queues.awaitingRole = stillWaiting;
}

/** Phase: the true level (the situation as the guideline defines it) only ever rises within a shift. */
export function assess(ctx: SimContext, dt: number): void {
  const s = ctx.state;
  const level = situationLevel(ctx.scenario, s, ctx.caches.windowNegative);
  if (level > s.trueLevel) {
    s.trueLevel = level;
    sendGuideline(ctx, { type: 'situation.assessed', level, t: s.t });
    addMoment(ctx, levelReached(ctx, level));
  }
  if (s.declaredLevel < s.trueLevel) s.escalationLagSeconds += dt;
  if (s.declaredLevel > s.trueLevel) s.overEscalationSeconds += dt;
}

/** Phase: time reaches the guideline machine, which may let open obligations pass their deadline. */
export function tickGuideline(ctx: SimContext): void {
  const due = nextDeadline(ctx.state.guideline);
  // Most steps no deadline is due; skipping those ticks only saves work, the machine's guard decides.
  if (due !== undefined && ctx.state.t >= due) sendGuideline(ctx, { type: 'clock.tick', t: ctx.state.t });
}

/** Phase: deeds done through an unclear note count once the role's questions are answered. */
export function settleDeferredDeeds(ctx: SimContext): void {
  const s = ctx.state;
  if (s.deferredDeeds.length === 0) return;
  const due = s.deferredDeeds.filter((d) => d.at <= s.t);
  s.deferredDeeds = s.deferredDeeds.filter((d) => d.at > s.t);
  for (const d of due) did(ctx, d.deed);
}

/** A deed that counts once a role can act on it: now, or when its questions are answered. */
export function didWhenReady(ctx: SimContext, deed: DeskDeed, readyAt: number): void {
  if (readyAt <= ctx.state.t) did(ctx, deed);
  else ctx.state.deferredDeeds.push({ at: readyAt, deed });
}

/** Tells the guideline machine the desk did something an obligation may ask for, and reacts at once. */
export function did(ctx: SimContext, deed: DeskDeed): void {
  const before = obligationStatuses(ctx.state.guideline);
  sendGuideline(ctx, { type: 'desk.did', deed, t: ctx.state.t });
  reactToObligations(ctx, before);
}

/** Steps the machine purely; its snapshot in the state is the only record of the obligations. */
function sendGuideline(ctx: SimContext, event: EscalationEvent): void {
  ctx.state.guideline = stepGuideline(ctx.index.machine, ctx.state.guideline, event);
  ctx.inspector?.send(event);
}

/**
 * Phase (and after each deed): for every obligation the machine settled since
 * `before`, in the guideline's order, the debrief's moment and a missed one's cost.
 */
export function reactToObligations(ctx: SimContext, before: Record<string, ObligationStatus>): void {
  const now = obligationStatuses(ctx.state.guideline);
  for (const o of ctx.scenario.guideline.obligations) {
    const status = now[o.id]!;
    if (status === before[o.id] || status === 'waiting' || status === 'open') continue;
    if (status === 'missed') changeGoodwill(ctx, OBLIGATION_MISSED_GOODWILL, 'obligationMissed');
    addMoment(ctx, obligationSettled(ctx, o, status));
  }
}
