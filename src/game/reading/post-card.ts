import { engagement, type ChannelLook, type Post, type SimState } from '../../core/index';
import { FLAG_LABEL, formatFollowers, ROLE_LABEL } from '../desk/labels';
import { avatar } from './avatar';
import { el } from './dom';

/** What a card needs besides its post. */
export interface CardContext {
  state: SimState;
  look: ChannelLook;
  channelName: string;
  /** The All tab marks each card with its channel. */
  showChannel: boolean;
  brand: string;
  selected: boolean;
  linking: boolean;
  pinned: boolean;
}

/** Reach tiers as the desk words them (followers at or above each floor). */
export const REACH_TIERS: readonly { floor: number; label: string; tier: 'very-high' | 'high' | 'some' | 'small' }[] = [
  { floor: 100_000, label: 'Very high reach', tier: 'very-high' },
  { floor: 10_000, label: 'High reach', tier: 'high' },
  { floor: 1000, label: 'Some reach', tier: 'some' },
  { floor: 0, label: 'Small reach', tier: 'small' },
];

export function reachOf(followers: number): (typeof REACH_TIERS)[number] {
  return REACH_TIERS.find((r) => followers >= r.floor)!;
}

/** "now", "4 min", "2 h" — a feed's relative time from sim seconds. */
export function relativeTime(seconds: number): string {
  const m = Math.floor(Math.max(0, seconds) / 60);
  if (m < 1) return 'now';
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h`;
}

/** A review's stars from the post's sentiment (−2 … +2 → 1 … 5). */
export function stars(sentiment: number): number {
  return Math.max(1, Math.min(5, Math.round(sentiment) + 3));
}

const compact = (n: number): string => formatFollowers(n);

/** Characters of the pinned card's excerpt: it stays one or two lines at any size; the full text is one click away. */
const PINNED_EXCERPT = 70;

/**
 * The instigator's post, pinned above the feed in little room: who, when, how
 * far it has spread, and the start of what they said.
 */
export function buildPinnedCard(p: Post, ctx: CardContext): HTMLElement {
  const e = engagement(p, ctx.state);
  const excerpt = excerptOf(p.text, PINNED_EXCERPT);
  const nameId = `rl-pinned-${p.id}-name`;
  return el(
    'article',
    { class: `rl-card rl-compact rl-look-${ctx.look}${ctx.selected ? ' rl-selected' : ''}`, 'data-post-id': String(p.id), 'aria-labelledby': nameId },
    el(
      'div',
      { class: 'rl-head' },
      avatar(p.author.handle, p.author.name, 24),
      el(
        'div',
        { class: 'rl-who' },
        chip('Pinned · started it', 'pinned'),
        el('span', { class: 'rl-name', id: nameId }, p.author.name),
        el('span', { class: 'rl-time' }, `· ${relativeTime(ctx.state.t - p.t)}`),
        el('span', { class: 'rl-count' }, el('span', { class: 'rl-count-n' }, compact(e.reactions)), ' reactions'),
        el('span', { class: 'rl-count' }, el('span', { class: 'rl-count-n' }, compact(e.shares)), ' shares'),
      ),
    ),
    el('p', { class: 'rl-text' }, excerpt),
  );
}

/** The text cut at a word boundary to fit `max` characters, with an ellipsis when cut. */
export function excerptOf(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : text;
}

/** Characters of a queue row's excerpt: rows stay short so the backlog reads at a glance. */
const QUEUE_EXCERPT = 110;

/**
 * A post as the desk's work queue shows it: not the public look but the
 * desk's tool, compact: who, how long it has waited, where, its reach and
 * flags, and the start of the text (the detail shows it all).
 */
export function buildQueueRow(p: Post, ctx: CardContext): HTMLElement {
  const reach = reachOf(p.author.followers);
  const excerpt = excerptOf(p.text, QUEUE_EXCERPT);
  const nameId = `rl-queue-${p.id}-name`;
  return el(
    'article',
    { class: `rl-card rl-compact${ctx.selected ? ' rl-selected' : ''}`, 'data-post-id': String(p.id), 'aria-labelledby': nameId, 'aria-current': ctx.selected ? 'true' : undefined },
    el(
      'div',
      { class: 'rl-head' },
      avatar(p.author.handle, p.author.name, 24),
      el(
        'div',
        { class: 'rl-who' },
        el('span', { class: 'rl-name', id: nameId }, p.author.name),
        el('span', { class: 'rl-time' }, `waiting ${relativeTime(ctx.state.t - p.t)}`),
        chip(ctx.channelName, `channel rl-look-${ctx.look}`),
        reach.tier === 'small' ? undefined : chip(reach.label, `reach-${reach.tier}`),
        ...p.flags.map((f) => chip(`⚠ ${FLAG_LABEL[f]}`, 'flag')),
        ctx.linking ? chip('Linking from here', 'focus') : undefined,
      ),
    ),
    el('p', { class: 'rl-text' }, excerpt),
  );
}

/** What changes the card's structure: it is rebuilt only when this changes (its clock and counts are updated in place). */
export function cardKey(p: Post, ctx: CardContext): string {
  return `${p.id}|${p.status}|${p.inDm}|${p.replies.length}|${p.escalatedTo.join()}|${p.linkedTo ?? ''}|${ctx.selected}|${ctx.linking}|${ctx.showChannel}|${ctx.pinned}`;
}

/**
 * Brings a card's relative time and counts up to the state's time, touching
 * only the text that changed: a spreading post ticks without a rebuild.
 */
export function refreshCard(card: HTMLElement, p: Post, ctx: CardContext): void {
  const time = card.querySelector<HTMLElement>(':scope > .rl-head .rl-time');
  const when = `· ${relativeTime(ctx.state.t - p.t)}`;
  if (time && time.textContent !== when) time.textContent = when;
  const counts = card.querySelector<HTMLElement>('.rl-counts');
  if (!counts) return;
  const values = countValues(p, ctx);
  counts.querySelectorAll<HTMLElement>('.rl-count-n').forEach((n, i) => {
    const v = compact(values[i] ?? 0);
    if (n.textContent !== v) n.textContent = v;
  });
}

/** The counts a look shows, in the order it shows them. */
function countValues(p: Post, ctx: CardContext): number[] {
  const e = engagement(p, ctx.state);
  switch (ctx.look) {
    case 'facebook-page':
      return [e.reactions, e.comments, e.shares];
    case 'x-timeline':
      return [e.comments, e.shares, e.reactions, e.views];
    case 'review-site':
      return [e.reactions, e.views];
  }
}

function chip(text: string, kind: string): HTMLElement {
  return el('span', { class: `rl-chip rl-chip-${kind}` }, text);
}

const COUNT_LABELS: Record<ChannelLook, { aria: string; labels: string[] }> = {
  'facebook-page': { aria: 'Reactions, comments and shares', labels: ['reactions', 'comments', 'shares'] },
  'x-timeline': { aria: 'Replies, reposts, likes and views', labels: ['replies', 'reposts', 'likes', 'views'] },
  'review-site': { aria: 'Helpful votes and views', labels: ['found this helpful', 'views'] },
};

function countsFor(p: Post, ctx: CardContext): HTMLElement {
  const { aria, labels } = COUNT_LABELS[ctx.look];
  const values = countValues(p, ctx);
  return el('div', { class: 'rl-counts', 'aria-label': aria }, ...labels.map((label, i) => el('span', { class: 'rl-count' }, el('span', { class: 'rl-count-n' }, compact(values[i]!)), ` ${label}`)));
}

/** How the public sees a hidden or deleted post, by look. */
export function publicNotice(p: Post, ctx: CardContext): string | undefined {
  if (p.status === 'hidden') return ctx.look === 'facebook-page' ? `Hidden by the page: only ${p.author.name} and their friends still see it.` : 'Hidden by the brand: the public no longer sees this post.';
  if (p.status === 'deleted') return ctx.look === 'review-site' ? 'Review removed by the business.' : 'This post was deleted by the brand.';
  return undefined;
}

function deskChips(p: Post, ctx: CardContext): HTMLElement {
  const chips: HTMLElement[] = p.flags.map((f) => chip(`⚠ ${FLAG_LABEL[f]}`, 'flag'));
  const status = { open: 'Open', answered: '✓ Answered', closed: '✓ Closed', hidden: 'Hidden', deleted: '✗ Deleted' }[p.status];
  chips.push(chip(status, p.status));
  if (p.inDm) chips.push(chip('In DM', 'desk'));
  if (p.escalatedTo.length) chips.push(chip(`↑ ${p.escalatedTo.map((r) => ROLE_LABEL[r]).join(', ')}`, 'desk'));
  if (p.linkedTo !== undefined) chips.push(chip(`⇄ Linked #${p.linkedTo}`, 'desk'));
  if (ctx.linking) chips.push(chip('Linking from here', 'focus'));
  return el('div', { class: 'rl-chips', 'aria-label': 'Flags and desk status' }, ...chips);
}

/** The brand's replies as the public reads them, under the post. */
export function brandReplies(p: Post, ctx: CardContext): HTMLElement | undefined {
  if (p.replies.length === 0) return undefined;
  const shown = p.replies.slice(-2);
  return el(
    'ol',
    { class: 'rl-thread', 'aria-label': `Replies from ${ctx.brand}` },
    p.replies.length > shown.length ? el('li', { class: 'rl-more' }, `${p.replies.length - shown.length} earlier replies`) : undefined,
    ...shown.map((r) =>
      el(
        'li',
        { class: 'rl-reply' },
        avatar(`brand:${ctx.brand}`, ctx.brand, 24),
        el(
          'div',
          {},
          el('span', { class: 'rl-name' }, ctx.brand),
          ' ',
          chip(r.by === 'trainee' ? 'Page · you' : 'Page · team', 'brand'),
          ' ',
          el('span', { class: 'rl-time' }, relativeTime(ctx.state.t - r.t)),
          el('p', { class: 'rl-reply-text' }, r.text),
        ),
      ),
    ),
  );
}

/**
 * One post as its platform would show it, drawn by us (no marks of any real
 * platform): avatar, name, handle, reach, time, the full text, counts that
 * grow as it spreads, flags and the desk's status as chips, and the brand's
 * replies in the thread.
 */
export function buildCard(p: Post, ctx: CardContext): HTMLElement {
  const reach = reachOf(p.author.followers);
  const parent = p.threadId !== p.id ? ctx.state.posts[p.threadId - 1] : undefined;
  const notice = publicNotice(p, ctx);
  const nameId = `rl-post-${p.id}-name`;
  const head = el(
    'div',
    { class: 'rl-head' },
    avatar(p.author.handle, p.author.name, 32),
    el(
      'div',
      { class: 'rl-who' },
      el('span', { class: 'rl-name', id: nameId }, p.author.name),
      el('span', { class: 'rl-handle' }, p.author.handle),
      el('span', { class: 'rl-time' }, `· ${relativeTime(ctx.state.t - p.t)}`),
      el(
        'span',
        { class: 'rl-meta' },
        ctx.showChannel ? chip(ctx.channelName, `channel rl-look-${ctx.look}`) : undefined,
        el('span', { class: 'rl-followers' }, `${formatFollowers(p.author.followers)} followers`),
        reach.tier === 'small' ? undefined : chip(reach.label, `reach-${reach.tier}`),
        ctx.pinned ? chip('Started it', 'pinned') : undefined,
      ),
    ),
  );
  const card = el(
    'article',
    {
      class: `rl-card rl-look-${ctx.look}${ctx.selected ? ' rl-selected' : ''}${p.status === 'open' ? '' : ' rl-done'}`,
      'data-post-id': String(p.id),
      'aria-labelledby': nameId,
      'aria-current': ctx.selected ? 'true' : undefined,
    },
    head,
    parent ? el('p', { class: 'rl-reply-to' }, `Replying to ${parent.author.handle}`) : undefined,
    ctx.look === 'review-site' ? el('p', { class: 'rl-stars', 'aria-label': `${stars(p.sentiment)} of 5 stars` }, '★'.repeat(stars(p.sentiment)) + '☆'.repeat(5 - stars(p.sentiment))) : undefined,
    notice ? el('p', { class: 'rl-public-notice' }, notice) : undefined,
    el('p', { class: `rl-text${notice ? ' rl-desk-only' : ''}` }, notice ? `Desk sees: ${p.text}` : p.text),
    // On an X-like timeline a reply in a chain carries the post it answers, quoted.
    parent && ctx.look === 'x-timeline' ? quotedParent(parent, ctx) : undefined,
    el('div', { class: 'rl-foot' }, deskChips(p, ctx), notice ? undefined : countsFor(p, ctx)),
    brandReplies(p, ctx),
  );
  return card;
}

/** Characters of the parent shown in a quote. */
const QUOTE_EXCERPT = 120;

/**
 * What a reply is answering, drawn inside it: on an X-like timeline a quoted
 * post (the chain's start), elsewhere the start of the post it replies to.
 */
export function quotedParent(parent: Post, ctx: CardContext): HTMLElement {
  const notice = publicNotice(parent, ctx);
  return el(
    'blockquote',
    { class: 'rl-quoted', 'aria-label': `${ctx.look === 'x-timeline' ? 'Quoting' : 'In reply to'} ${parent.author.name}` },
    avatar(parent.author.handle, parent.author.name, 20),
    el('span', { class: 'rl-name' }, parent.author.name),
    ' ',
    el('span', { class: 'rl-handle' }, parent.author.handle),
    el('p', { class: 'rl-text' }, notice ?? excerptOf(parent.text, QUOTE_EXCERPT)),
  );
}
