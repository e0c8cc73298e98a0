import { reject } from '../../errors';
import { did } from '../assessment';
import { addMoment } from '../context';
import { promotionsPaused } from '../moments';
import type { ActionOf, ActionRule } from './action-rule';

/** Pausing the scheduled promotions for the rest of the shift. */
export const pausePromotions: ActionRule<ActionOf<'desk.pausePromotions'>> = {
  validate: (ctx) => (ctx.state.promotionsPausedAt !== undefined ? reject('action/already_done', 'promotions are already paused') : undefined),
  perform(ctx) {
    ctx.state.promotionsPausedAt = ctx.state.t;
    addMoment(ctx, promotionsPaused());
    did(ctx, { what: 'pausePromotions' });
  },
};
