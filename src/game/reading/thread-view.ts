import { engagement, type ChannelLook, type Post, type SimState } from '../../core/index';
import { formatFollowers } from '../desk/labels';
import { avatar } from './avatar';
import { el } from './dom';
import { brandReplies, excerptOf, publicNotice, relativeTime, type CardContext } from './post-card';

/** How a thread's comments are ordered: the platform's "most relevant" (most reactions first) or newest first. */
export type ThreadOrder = 'relevant' | 'newest';

export const THREAD_ORDER_LABEL: Record<ThreadOrder, string> = { relevant: 'Most relevant', newest: 'Newest first' };

/** Comments shown under a post: the rest are counted, the feed has them all. */
export const THREAD_COMMENTS_SHOWN = 6;

/** Words each look uses for a thread. */
const THREAD_WORDS: Record<ChannelLook, { comments: string; reaction: string }> = {
  'facebook-page': { comments: 'Comments', reaction: 'reactions' },
  'x-timeline': { comments: 'Replies', reaction: 'likes' },
  'review-site': { comments: 'Responses', reaction: 'found this helpful' },
};

/** The posts in `root`'s thread (not `root` itself), ordered as asked. */
export function threadComments(state: Pick<SimState, 'posts' | 't' | 'heat' | 'excitation'>, root: Post, order: ThreadOrder): Post[] {
  const comments = state.posts.filter((p) => p.threadId === root.id && p.id !== root.id);
  if (order === 'newest') return comments.reverse();
  const reactions = new Map(comments.map((p) => [p.id, engagement(p, state).reactions]));
  return comments.sort((a, b) => reactions.get(b.id)! - reactions.get(a.id)! || a.id - b.id);
}

/** One comment as the public sees it, with the brand's answers nested under it. */
function comment(p: Post, ctx: CardContext, words: (typeof THREAD_WORDS)[ChannelLook]): HTMLElement {
  const notice = publicNotice(p, ctx);
  return el(
    'li',
    { class: 'rl-comment', 'data-post-id': String(p.id) },
    avatar(p.author.handle, p.author.name, 24),
    el(
      'div',
      { class: 'rl-comment-body' },
      el('span', { class: 'rl-name' }, p.author.name),
      ' ',
      el('span', { class: 'rl-time' }, `#${p.id} · ${relativeTime(ctx.state.t - p.t)}`),
      notice ? el('p', { class: 'rl-public-notice' }, notice) : undefined,
      el('p', { class: `rl-text${notice ? ' rl-desk-only' : ''}` }, notice ? `Desk sees: ${p.text}` : p.text),
      notice ? undefined : el('p', { class: 'rl-dim' }, `${formatFollowers(engagement(p, ctx.state).reactions)} ${words.reaction}`),
      brandReplies(p, ctx),
    ),
  );
}

/**
 * A post's thread as its platform shows it: the comments under it in the
 * chosen order, each with the brand's replies nested under it, hidden and
 * deleted comments as the public sees them (and what the desk still sees).
 */
export function threadSection(root: Post, ctx: CardContext, order: ThreadOrder): HTMLElement | undefined {
  const all = threadComments(ctx.state, root, order);
  if (all.length === 0) return undefined;
  const words = THREAD_WORDS[ctx.look];
  const shown = all.slice(0, THREAD_COMMENTS_SHOWN);
  return el(
    'section',
    { class: 'rl-comments', 'aria-label': `${words.comments} on post #${root.id}` },
    el('p', { class: 'rl-label' }, `${words.comments} (${all.length}) · ${THREAD_ORDER_LABEL[order]} · O: ${THREAD_ORDER_LABEL[order === 'relevant' ? 'newest' : 'relevant'].toLowerCase()}`),
    el('ol', { class: 'rl-comment-list' }, ...shown.map((p) => comment(p, ctx, words))),
    all.length > shown.length ? el('p', { class: 'rl-more' }, `${all.length - shown.length} more in the feed`) : undefined,
  );
}
