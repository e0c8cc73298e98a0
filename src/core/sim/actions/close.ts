import { clamp } from '../../util/fixed-math';
import { CLOSE_UNANSWERED_GOODWILL, GOODWILL_MAX, GOODWILL_MIN } from '../../tuning';
import { needsResponse } from '../../guideline/rules';
import { mustPost } from '../context';
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
      s.goodwill = clamp(s.goodwill + CLOSE_UNANSWERED_GOODWILL, GOODWILL_MIN, GOODWILL_MAX);
      removeFromQueue(ctx, p);
    }
    p.status = 'closed';
  },
};
