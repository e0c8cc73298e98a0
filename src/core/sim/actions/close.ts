import { CLOSE_UNANSWERED_GOODWILL } from '../../tuning';
import { needsResponse } from '../../guideline/rules';
import { mustPost } from '../context';
import { changeGoodwill } from '../pressure';
import { removeFromQueue } from '../team';
import { checkLivePost, type ActionOf, type ActionRule } from './action-rule';

/** Closing a post; closing one that wanted an answer and got none costs goodwill. */
export const close: ActionRule<ActionOf<'post.close'>> = {
  validate: (ctx, a) => checkLivePost(ctx, a.postId),
  perform(ctx, a) {
    const s = ctx.state;
    const p = mustPost(ctx, a.postId);
    const handled = p.firstResponseAt !== undefined || p.escalatedTo.length > 0 || !needsResponse(p);
    if (!handled) {
      changeGoodwill(ctx, CLOSE_UNANSWERED_GOODWILL, 'closedUnanswered');
      removeFromQueue(ctx, p);
    }
    p.status = 'closed';
  },
};
