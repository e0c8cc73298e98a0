import { reject } from '../../errors';
import { DM_GOODWILL, DM_QUALITY } from '../../tuning';
import { mustPost } from '../context';
import { calmIfSurge, changeGoodwill } from '../pressure';
import { markResponded } from '../team';
import { checkLivePost, type ActionOf, type ActionRule } from './action-rule';

/** Taking a conversation to direct messages. */
export const dm: ActionRule<ActionOf<'post.dm'>> = {
  validate(ctx, a) {
    // Hiding a post that shows personal data and then taking it to DM is the practice.
    const bad = checkLivePost(ctx, a.postId, true);
    if (bad) return bad;
    return mustPost(ctx, a.postId).inDm ? reject('action/already_done', 'already in DM') : undefined;
  },
  perform(ctx, a) {
    const s = ctx.state;
    const p = mustPost(ctx, a.postId);
    p.inDm = true;
    markResponded(ctx, p);
    if (p.flags.includes('personalData') || p.category === 'unhappy' || p.category === 'legal') changeGoodwill(ctx, DM_GOODWILL, 'dm');
    calmIfSurge(ctx, p, DM_QUALITY, 'dm');
  },
};
