import { reject } from '../../errors';
import { STATEMENT_EFFECT, STATEMENT_FROM_LEVEL } from '../../tuning';
import { did } from '../assessment';
import { addMoment } from '../context';
import { holdingStatement as statementMoment } from '../moments';
import { changeGoodwill, scaleHeat } from '../pressure';
import { citeBreaches, judgeWriting } from '../writing';
import { checkWritten, type ActionOf, type ActionRule } from './action-rule';

/**
 * A public holding statement on the issue, once per shift, judged on its content: one that
 * owns the problem and says what happens next earns its effect; one that contradicts the
 * facts, deflects or admits liability costs what it would in life.
 */
export const holdingStatement: ActionRule<ActionOf<'desk.holdingStatement'>> = {
  validate(ctx, a) {
    return ctx.state.holdingStatementAt !== undefined ? reject('action/already_done', 'a holding statement is already out') : checkWritten(a.text);
  },
  perform(ctx, a) {
    const s = ctx.state;
    const written = judgeWriting(ctx, a.text, 'holdingStatement');
    s.holdingStatementAt = s.t;
    s.holdingStatement = written;
    citeBreaches(ctx, written);
    const mattered = s.trueLevel >= STATEMENT_FROM_LEVEL;
    const effect = STATEMENT_EFFECT[String(written.quality) as keyof typeof STATEMENT_EFFECT];
    if (mattered) {
      scaleHeat(ctx, effect.heatFactor, 'holdingStatement');
      changeGoodwill(ctx, effect.goodwill, 'holdingStatement');
    }
    addMoment(ctx, statementMoment(written, effect, mattered));
    // The obligation is to speak in time; what the words were worth is the effect above.
    did(ctx, { what: 'holdingStatement' });
  },
};
