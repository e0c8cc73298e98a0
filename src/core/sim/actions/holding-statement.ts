import { reject } from '../../errors';
import { STATEMENT_FROM_LEVEL, STATEMENT_GOODWILL, STATEMENT_HEAT_FACTOR } from '../../tuning';
import { did } from '../assessment';
import { addMoment } from '../context';
import { holdingStatement as statementMoment } from '../moments';
import { breach, changeGoodwill, scaleHeat } from '../pressure';
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
    const mattered = s.trueLevel >= STATEMENT_FROM_LEVEL;
    if (mattered) {
      scaleHeat(ctx, STATEMENT_HEAT_FACTOR, 'holdingStatement');
      changeGoodwill(ctx, STATEMENT_GOODWILL, 'holdingStatement');
    }
    addMoment(ctx, statementMoment(ctx, a.position, mattered));
    did(ctx, { what: 'holdingStatement' });
  },
};
