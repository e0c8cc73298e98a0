import { reject } from '../../errors';
import { clamp } from '../../util/fixed-math';
import { did } from '../assessment';
import { addMoment } from '../context';
import { holdingStatement as statementMoment } from '../moments';
import { breach, HEAT_MAX, HEAT_MIN } from '../pressure';
import type { ActionOf, ActionRule } from './action-rule';

/** A public holding statement on the issue; once per shift, and it fixes the brand's position. */
export const holdingStatement: ActionRule<ActionOf<'desk.holdingStatement'>> = {
  validate(ctx, a) {
    if (ctx.state.holdingStatementAt !== undefined) return reject('action/already_done', 'a holding statement is already out');
    if (!ctx.scenario.positions.some((p) => p.id === a.position)) return reject('action/unknown_position', a.position);
    return undefined;
  },
  perform(ctx, a) {
    const s = ctx.state;
    s.holdingStatementAt = s.t;
    const inconsistent = s.position !== undefined && s.position !== a.position;
    s.position ??= a.position;
    if (inconsistent) breach(ctx, 'inconsistentAnswer');
    const mattered = s.trueLevel >= 1;
    if (mattered) {
      s.heat = clamp(s.heat * 0.8, HEAT_MIN, HEAT_MAX);
      s.goodwill = clamp(s.goodwill + 3, 0, 100);
    }
    addMoment(ctx, statementMoment(ctx, a.position, mattered));
    did(ctx, { what: 'holdingStatement' });
  },
};
