import { reject } from '../../errors';
import { MODE_RULES } from '../../modes';
import { fireInject as fire } from '../schedule';
import type { ActionOf, ActionRule } from './action-rule';

/** A trainer firing one of the scenario's injects by hand (practice and drills only). */
export const fireInject: ActionRule<ActionOf<'inject.fire'>> = {
  validate(ctx, a) {
    const s = ctx.state;
    if (!MODE_RULES[s.mode].injects) return reject('action/not_in_mode', 'injects are for practice and drills');
    if (!ctx.scenario.injects.some((i) => i.id === a.injectId)) return reject('action/unknown_inject', a.injectId);
    return s.firedInjects.some((f) => f.id === a.injectId) ? reject('action/already_done', 'that inject has fired') : undefined;
  },
  perform: (ctx, a) => fire(ctx, a.injectId, 'trainer'),
};
