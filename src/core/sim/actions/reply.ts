import { reject } from '../../errors';
import { REPLY_GOODWILL_PER_QUALITY, WINDOW_SECONDS } from '../../tuning';
import { addMoment, mustPost, type SimContext } from '../context';
import { instigatorAnswered } from '../moments';
import { breach, calmIfSurge, changeGoodwill, reachWeight } from '../pressure';
import { judgeReply } from '../reply-judge';
import { markResponded } from '../team';
import { checkLivePost, type ActionOf, type ActionRule } from './action-rule';

/** A public reply, judged against the post and the guideline. */
export const reply: ActionRule<ActionOf<'post.reply'>> = {
  validate(ctx, a) {
    const bad = checkLivePost(ctx, a.postId);
    if (bad) return bad;
    if (a.blocks.length === 0) return reject('action/empty_reply');
    if (a.position !== undefined && !ctx.scenario.positions.some((p) => p.id === a.position)) {
      return reject('action/unknown_position', a.position);
    }
    return undefined;
  },
  perform(ctx, a) {
    const s = ctx.state;
    const p = mustPost(ctx, a.postId);
    const toAuthor = ctx.caches.repliesByAuthor.get(p.author.handle) ?? 0;
    ctx.caches.repliesByAuthor.set(p.author.handle, toAuthor + 1);
    const verdict = judgeReply(p, a.blocks, a.tone, a.position, {
      ...(s.position !== undefined ? { position: s.position } : {}),
      recentStandardReplies: recentStandardReplies(ctx),
      repliesToAuthor: toAuthor,
    });
    p.replies.push({ t: s.t, by: 'trainee', blocks: [...a.blocks], tone: a.tone, ...(a.position ? { position: a.position } : {}), quality: verdict.quality });
    if (p.aboutRootCause && a.position) s.position ??= a.position;
    if (a.blocks.includes('standardReply')) s.counters.cannedReplies++;
    if (verdict.quality > 0) s.counters.goodReplies++;
    markResponded(ctx, p);
    changeGoodwill(ctx, verdict.quality * REPLY_GOODWILL_PER_QUALITY * reachWeight(p), 'reply');
    calmIfSurge(ctx, p, verdict.quality, 'reply');
    for (const kind of verdict.breaches) breach(ctx, kind, p.id);
    if (p.source === 'instigator' && verdict.quality > 0) addMoment(ctx, instigatorAnswered(ctx, p, a.tone));
  },
};

/** Standard replies the trainee sent in the last sim hour (a third one in an hour reads as canned). */
function recentStandardReplies(ctx: SimContext): number {
  const { log, t } = ctx.state;
  let n = 0;
  for (let i = log.length - 1; i >= 0 && log[i]!.t >= t - WINDOW_SECONDS; i--) {
    const a = log[i]!.action;
    if (a.type === 'post.reply' && a.blocks.includes('standardReply')) n++;
  }
  return n;
}
