import { obligationsOf } from '../guideline/escalation.machine';
import { clockAt } from '../guideline/rules';
import { HINTS_MAX } from '../tuning';
import { ROLE_LABELS } from '../scenario/scenario.schema';
import { mustPost, type SimContext } from './context';

/** Practice hints: what the guideline asks of the trainee right now, most pressing first. */
export function currentRequirements(ctx: SimContext): string[] {
  const { scenario, state: s } = ctx;
  const clock = (t: number) => clockAt(scenario, t);
  const hints: string[] = [];
  const levels = scenario.guideline.levels;
  if (s.declaredLevel < s.trueLevel) {
    hints.push(`The situation meets "${levels[s.trueLevel]!.name}": declare it.`);
  }
  for (const o of obligationsOf(scenario, s.guideline)) {
    if (o.status === 'open') hints.push(`Rule ${o.rule}: ${o.text} (due ${clock(o.deadline ?? 0)})`);
  }
  for (const id of s.queues.open) {
    const p = mustPost(ctx, id);
    if (p.needs && !p.escalatedTo.includes(p.needs.role)) hints.push(`Post #${p.id} needs ${ROLE_LABELS[p.needs.role]} by ${clock(p.needs.deadline)}.`);
    if (p.flags.includes('personalData')) hints.push(`Post #${p.id} shows personal data: hide it and take it to DM.`);
    if (hints.length >= HINTS_MAX) break;
  }
  return hints;
}
