import { reject } from '../../errors';
import { DM_GOODWILL, DM_QUALITY } from '../../tuning';
import { MAX_QUALITY, MIN_QUALITY } from '../../judge/quality';
import { mustPost } from '../context';
import { calmIfSurge, changeGoodwill } from '../pressure';
import { markResponded } from '../team';
import { citeBreaches, judgeWriting } from '../writing';
import { checkLivePost, checkWritten, type ActionOf, type ActionRule } from './action-rule';

/** Taking a conversation to direct messages, in the trainee's words (judged as private). */
export const dm: ActionRule<ActionOf<'post.dm'>> = {
  validate(ctx, a) {
    // Hiding a post that shows personal data and then taking it to DM is the practice.
    const bad = checkLivePost(ctx, a.postId, true);
    if (bad) return bad;
    return mustPost(ctx, a.postId).inDm ? reject('action/already_done', 'already in DM') : checkWritten(a.text);
  },
  perform(ctx, a) {
    const p = mustPost(ctx, a.postId);
    const written = judgeWriting(ctx, a.text, 'dm', p);
    p.dms.push(written);
    p.inDm = true;
    markResponded(ctx, p);
    // Moving to private is itself the practice; the words can add warmth or spoil it.
    const quality = Math.max(MIN_QUALITY, Math.min(MAX_QUALITY, DM_QUALITY + written.quality));
    if (quality > 0 && (p.flags.includes('personalData') || p.category === 'unhappy' || p.category === 'legal')) changeGoodwill(ctx, DM_GOODWILL, 'dm');
    calmIfSurge(ctx, p, quality, 'dm');
    citeBreaches(ctx, written, p.id);
  },
};
