import { mustPost } from '../context';
import { censor } from '../pressure';
import { removeFromQueue } from '../team';
import { checkLivePost, type ActionOf, type ActionRule } from './action-rule';

/** Deleting a post: right for abuse, personal data, and handled criticism of named staff; censorship otherwise. */
export const remove: ActionRule<ActionOf<'post.delete'>> = {
  validate: (ctx, a) => checkLivePost(ctx, a.postId),
  perform(ctx, a) {
    const p = mustPost(ctx, a.postId);
    p.status = 'deleted';
    removeFromQueue(ctx, p);
    // Criticism of named staff may come down once the brand has apologised, explained and invited a DM.
    const staffHandled =
      p.flags.includes('namedStaff') &&
      p.replies.some((r) => r.by === 'trainee' && ['apologise', 'explain', 'inviteDm'].every((b) => r.parts.includes(b as never)));
    const allowed = p.flags.includes('abuse') || p.flags.includes('personalData') || staffHandled;
    if (!allowed) censor(ctx, p, 'deletedCriticism');
  },
};
