import { OBLIGATION_MISSED_GOODWILL, ROLE_MISSED_GOODWILL } from '../tuning';
import type { DeskDeed } from '../guideline/escalation.machine';
import { situationLevel } from '../guideline/rules';
import { addMoment, mustPost, type SimContext } from './context';
import { levelReached, obligationSettled, roleMissed } from './moments';
import { breach, changeGoodwill } from './pressure';
import type { ObligationState } from './state';

/**
 * The guideline's view of the shift: the true level of the situation, the
 * obligations each level opens (kept by the escalation machine), and the
 * deadlines of posts that need a named role.
 */

/** Phase: posts whose needed role was not told in time count as missed, once. */
export function checkPostDeadlines(ctx: SimContext): void {
  const { state: s, queues } = ctx;
  const stillWaiting: number[] = [];
  for (const id of queues.awaitingRole) {
    const p = mustPost(ctx, id);
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
  queues.awaitingRole = stillWaiting;
}

/** Phase: the true level (the situation as the guideline defines it) only ever rises within a shift. */
export function assess(ctx: SimContext, dt: number): void {
  const s = ctx.state;
  const level = situationLevel(ctx.scenario, s, ctx.queues.windowNegative);
  if (level > s.trueLevel) {
    s.trueLevel = level;
    ctx.guideline.send({ type: 'situation.assessed', level });
    addMoment(ctx, levelReached(ctx, level));
  }
  if (s.declaredLevel < s.trueLevel) s.escalationLagSeconds += dt;
  if (s.declaredLevel > s.trueLevel) s.overEscalationSeconds += dt;
}

/** Tells the guideline machine the desk did something an obligation may ask for. */
export function did(ctx: SimContext, deed: DeskDeed): void {
  ctx.guideline.send({ type: 'desk.did', deed });
  syncObligations(ctx);
}

/** Copies the machine's obligation states into plain state, noting each change as a key moment. */
export function syncObligations(ctx: SimContext): void {
  const s = ctx.state;
  const states = ctx.guideline.obligationStates();
  for (const o of s.obligations) {
    const now = states[o.id] as ObligationState['status'] | undefined;
    if (!now || now === o.status) continue;
    const def = ctx.scenario.guideline.obligations.find((d) => d.id === o.id)!;
    if (o.status === 'waiting') {
      o.openedAt = s.t;
      o.deadline = s.t + def.withinMinutes * 60;
    }
    if (now === 'met' || now === 'metLate') o.doneAt = s.t;
    o.status = now;
    if (now === 'met' || now === 'missed' || now === 'metLate') {
      if (now === 'missed') changeGoodwill(ctx, OBLIGATION_MISSED_GOODWILL, 'obligationMissed');
      addMoment(ctx, obligationSettled(ctx, o, now));
    }
  }
}
