import { mustPost } from '../context';
import { censor } from '../pressure';
import { removeFromQueue } from '../team';
import { checkLivePost, type ActionOf, type ActionRule } from './action-rule';

/** Hiding a post from the public: right for abuse and exposed personal data, censorship otherwise. */
export const hide: ActionRule<ActionOf<'post.hide'>> = {
  validate: (ctx, a) => checkLivePost(ctx, a.postId),
  perform(ctx, a) {
    const p = mustPost(ctx, a.postId);
    const allowed = p.flags.includes('abuse') || p.flags.includes('personalData');
    p.status = 'hidden';
    // A customer who exposed their own details still needs an answer, in private.
    if (!p.flags.includes('personalData')) removeFromQueue(ctx, p);
    if (!allowed) censor(ctx, p, 'hidLegitimatePost');
  },
};
