import { channelLook, clockAt, engagement, type Post, type Scenario, type SimState } from '../../core/index';
import { BLOCK_LABEL, CATEGORY_LABEL, FLAG_LABEL, formatDuration, formatFollowers, ROLE_LABEL, TONE_LABEL } from '../desk/labels';
import { avatar } from './avatar';
import { el } from './dom';
import { quotedParent, reachOf, type CardContext } from './post-card';
import { threadSection, type ThreadOrder } from './thread-view';

const STATUS: Record<Post['status'], string> = {
  open: 'Open — waiting for a response',
  answered: '✓ Answered',
  closed: '✓ Closed',
  hidden: 'Hidden from public view',
  deleted: '✗ Deleted',
};

/** What the desk has done with a post so far, one line each (newest replies last). */
export function historyLines(p: Post, scenario: Scenario, coaching: boolean, linkFrom: number | null): string[] {
  const lines: string[] = [`Status: ${STATUS[p.status]}${p.inDm ? ' · in private messages (DM)' : ''}`];
  if (p.triage) lines.push(`Triaged: ${CATEGORY_LABEL[p.triage.category].label}${p.triage.urgent ? ', urgent' : ''}`);
  if (p.escalatedTo.length) lines.push(`Escalated to: ${p.escalatedTo.map((r) => ROLE_LABEL[r]).join(', ')}`);
  if (p.linkedTo !== undefined) lines.push(`Linked with post #${p.linkedTo}`);
  if (coaching && p.needs && !p.escalatedTo.includes(p.needs.role)) lines.push(`Hint: this needs ${ROLE_LABEL[p.needs.role]} by ${clockAt(scenario, p.needs.deadline)}.`);
  for (const r of p.replies.slice(-3)) {
    const who = r.by === 'trainee' ? 'You' : 'Team';
    const words = `“${r.text.length > 90 ? `${r.text.slice(0, 89)}…` : r.text}”`;
    const landed = coaching && r.by === 'trainee' ? (r.quality > 0 ? ' — ✓ landed well' : r.quality < 0 ? ' — ✗ landed badly' : ' — landed flat') : '';
    lines.push(`${who} ${clockAt(scenario, r.t)} (${TONE_LABEL[r.tone].label.toLowerCase()}): ${words}${landed}`);
  }
  if (p.replies.length > 3) lines.push(`… and ${p.replies.length - 3} earlier replies`);
  if (linkFrom !== null) lines.push(`Linking from post #${linkFrom}: press L here to link, Esc to cancel.`);
  return lines;
}

/**
 * The selected post in full, as DOM text that wraps and scrolls: who wrote it
 * and their reach, its flags, every word, its counts, and what the desk has
 * done with it. The tutorial's coach speaks at the bottom.
 */
export class DetailPanel {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private readonly coach: HTMLElement;
  private key = '';
  private order: ThreadOrder = 'relevant';

  constructor(
    private readonly scenario: Scenario,
    private readonly coaching: boolean,
  ) {
    this.body = el('div', { class: 'rl-detail-body', tabindex: '0', 'aria-label': 'Selected post, scrollable' });
    this.coach = el('p', { class: 'rl-coach', role: 'note', hidden: '' });
    this.root = el('section', { class: 'rl-panel rl-detail', 'aria-label': 'Selected post' }, this.body, this.coach);
  }

  setCoach(text: string | undefined): void {
    const on = text !== undefined;
    if (this.coach.hidden === on) this.coach.hidden = !on;
    if (on && this.coach.textContent !== text) this.coach.textContent = text;
  }

  /** Switches the thread between most relevant and newest first; returns the new order. */
  toggleOrder(): ThreadOrder {
    this.order = this.order === 'relevant' ? 'newest' : 'relevant';
    return this.order;
  }

  render(p: Post | undefined, state: SimState, linkFrom: number | null): void {
    const e = p ? engagement(p, state) : undefined;
    const root = p && p.threadId !== p.id ? state.posts[p.threadId - 1] : p;
    // The thread is redrawn when it grows or its answers change, not on every arrival elsewhere.
    const threadKey = root ? state.posts.filter((x) => x.threadId === root.id).map((x) => `${x.status}${x.replies.length}`).join() : '';
    const key = p
      ? `${p.id}|${p.status}|${p.inDm}|${p.replies.length}|${p.escalatedTo.join()}|${p.triage?.category ?? ''}${p.triage?.urgent ?? ''}|${p.linkedTo ?? ''}|${Math.floor((state.t - p.t) / 60)}|${e!.views}|${linkFrom}|${this.order}|${threadKey}`
      : `none|${linkFrom}`;
    if (key === this.key) return;
    this.key = key;
    if (!p) {
      this.body.replaceChildren(
        el('h2', { class: 'rl-title' }, 'No post selected'),
        el('p', { class: 'rl-dim' }, 'Use ↑ and ↓ (or click) to pick a post in the feed.'),
        el('p', {}, linkFrom !== null ? `Linking from post #${linkFrom}: pick a post on another channel and press L.` : ''),
      );
      return;
    }
    const channel = this.scenario.channels.find((c) => c.id === p.channel)?.name ?? p.channel;
    const reach = reachOf(p.author.followers);
    const thread = p.threadId !== p.id ? ` · in the thread of #${p.threadId}` : '';
    this.body.replaceChildren(
      el('div', { class: 'rl-head' }, avatar(p.author.handle, p.author.name, 48), el('h2', { class: 'rl-title' }, el('span', { class: 'rl-name' }, p.author.name), ' ', el('span', { class: 'rl-handle' }, p.author.handle))),
      el(
        'p',
        { class: 'rl-dim' },
        `#${p.id} on ${channel} · ${formatFollowers(p.author.followers)} followers (${reach.label.toLowerCase()}) · posted ${clockAt(this.scenario, p.t)}, ${formatDuration(state.t - p.t)} ago${thread}`,
      ),
      el('div', { class: 'rl-chips', 'aria-label': 'Flags' }, ...(p.flags.length ? p.flags.map((f) => el('span', { class: 'rl-chip rl-chip-flag' }, `⚠ ${FLAG_LABEL[f]}`)) : [el('span', { class: 'rl-chip' }, 'No flags')])),
      el('blockquote', { class: 'rl-quote' }, `“${p.text}”`),
      el('p', { class: 'rl-dim' }, `${formatFollowers(e!.views)} views · ${formatFollowers(e!.reactions)} reactions · ${formatFollowers(e!.shares)} shares · ${formatFollowers(e!.comments)} comments`),
      el('ul', { class: 'rl-history', 'aria-label': 'What the desk has done' }, ...historyLines(p, this.scenario, this.coaching, linkFrom).map((l) => el('li', {}, l))),
    );
    const ctx = this.cardContext(p, state);
    if (root && root !== p) this.body.insertBefore(quotedParent(root, ctx), this.body.querySelector('.rl-quote'));
    if (root) {
      const comments = threadSection(root, { ...ctx, look: this.cardContext(root, state).look }, this.order);
      if (comments) this.body.append(comments);
    }
  }

  private cardContext(p: Post, state: SimState): CardContext {
    const channel = this.scenario.channels.find((c) => c.id === p.channel);
    return {
      state,
      look: channel ? channelLook(channel) : 'x-timeline',
      channelName: channel?.name ?? p.channel,
      showChannel: false,
      brand: this.scenario.brand.name,
      selected: false,
      linking: false,
      pinned: false,
    };
  }
}
