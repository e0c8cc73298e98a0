import { reject } from '../../errors';
import { LINK_HEAT } from '../../tuning';
import { did } from '../assessment';
import { mustPost, postById } from '../context';
import { changeHeat } from '../pressure';
import type { Post } from '../state';
import type { ActionOf, ActionRule } from './action-rule';

/** Linking the same story across two channels; linking the same issue or author cools the crowd. */
export const link: ActionRule<ActionOf<'thread.link'>> = {
  validate(ctx, a) {
    const [a1, b1] = a.postIds.map((id) => postById(ctx.state, id));
    if (!a1) return reject('action/unknown_post', `#${a.postIds[0]}`);
    if (!b1) return reject('action/unknown_post', `#${a.postIds[1]}`);
    if (a1.channel === b1.channel) return reject('action/same_channel');
    if (a1.linkedTo !== undefined || b1.linkedTo !== undefined) return reject('action/already_done', 'already linked');
    return undefined;
  },
  perform(ctx, action) {
    const s = ctx.state;
    const [a, b] = action.postIds.map((id) => mustPost(ctx, id)) as [Post, Post];
    a.linkedTo = b.id;
    b.linkedTo = a.id;
    const sameIssue = (a.aboutRootCause && b.aboutRootCause) || a.author.handle === b.author.handle;
    if (sameIssue) {
      changeHeat(ctx, LINK_HEAT, 'linkedThreads');
      did(ctx, { what: 'linkThreads' });
    }
  },
};
