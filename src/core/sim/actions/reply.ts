import { COMPENSATION_COPYCAT_KICKS, REPLY_GOODWILL_PER_QUALITY } from '../../tuning';
import { mustPost, addMoment } from '../context';
import { instigatorAnswered } from '../moments';
import { breach, calmIfSurge, changeGoodwill, reachWeight } from '../pressure';
import { excite } from '../surge';
import { markResponded } from '../team';
import { citeBreaches, judgeWriting } from '../writing';
import { PUBLIC_REPLIES_PER_AUTHOR } from '../../tuning';
import { checkLivePost, checkWritten, type ActionOf, type ActionRule } from './action-rule';

/**
 * A public reply in the trainee's own words. The judge's verdict drives the crowd: a good
 * personal reply calms the author and their followers, a canned or defensive one feeds the
 * surge, public compensation brings copycats; every breach is cited at once with its words.
 */
export const reply: ActionRule<ActionOf<'post.reply'>> = {
  validate(ctx, a) {
    return checkLivePost(ctx, a.postId) ?? checkWritten(a.text);
  },
  perform(ctx, a) {
    const s = ctx.state;
    const p = mustPost(ctx, a.postId);
    const toAuthor = ctx.caches.repliesByAuthor.get(p.author.handle) ?? 0;
    ctx.caches.repliesByAuthor.set(p.author.handle, toAuthor + 1);
    const written = judgeWriting(ctx, a.text, 'reply', p);
    p.replies.push({ ...written, by: 'trainee' });
    if (written.breaches.includes('cannedRepeat')) s.counters.cannedReplies++;
    if (written.quality > 0) s.counters.goodReplies++;
    markResponded(ctx, p);
    changeGoodwill(ctx, written.quality * REPLY_GOODWILL_PER_QUALITY * reachWeight(p), 'reply');
    calmIfSurge(ctx, p, written.quality, 'reply');
    citeBreaches(ctx, written, p.id);
    if (toAuthor >= PUBLIC_REPLIES_PER_AUTHOR) breach(ctx, 'repliedMoreThanTwice', p.id);
    if (written.breaches.includes('publicCompensation')) for (let i = 0; i < COMPENSATION_COPYCAT_KICKS; i++) excite(ctx, p.channel);
    if (p.source === 'instigator' && written.quality > 0) addMoment(ctx, instigatorAnswered(ctx, p, written.tone));
  },
};
