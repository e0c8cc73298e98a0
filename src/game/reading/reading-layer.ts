import { channelLook, engagement, type Post, type Scenario, type SimState } from '../../core/index';
import type { FeedModel, FeedTab, FeedView } from '../desk/feed-model';
import type { TextSize } from '../ui/theme';
import { HEIGHT, TEXT_SCALE, WIDTH } from '../ui/theme';
import { DetailPanel } from './detail-panel';
import { DutiesPanel } from './duties-panel';
import { el } from './dom';
import { FeedWindow } from './feed-window';
import { buildCard, buildPinnedCard, buildQueueRow, cardKey, refreshCard, type CardContext } from './post-card';

/** A panel's place on the desk in design pixels (the canvas's 1280×720). */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FeedFrame {
  state: SimState;
  model: FeedModel;
  tab: FeedTab;
  view: FeedView;
  selected: number | null;
  linkFrom: number | null;
}

function setIfChanged(e: Element, name: string, value: string): void {
  if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}

interface CardSlot {
  el: HTMLElement;
  key: string;
}

/**
 * The desk's reading layer: the feed and the selected post as DOM over the
 * canvas, so dense text wraps, scrolls, keeps its size at any window size and
 * is read by screen readers. The canvas keeps the motion and the charts; both
 * draw the same core state. Panels sit where the canvas leaves room for them,
 * measured in CSS pixels, so text never shrinks with the canvas.
 */
export class ReadingLayer {
  private readonly root: HTMLElement;
  private readonly feedPanel: HTMLElement;
  private readonly tabsEl: HTMLElement;
  private readonly viewLine: HTMLElement;
  private readonly newButton: HTMLButtonElement;
  /** How fast posts arrive: the surge seen, not only heard. */
  private readonly rateEl: HTMLElement;
  private readonly pinnedEl: HTMLElement;
  private readonly list: HTMLElement;
  readonly detail: DetailPanel;
  readonly duties: DutiesPanel;
  private readonly cards = new Map<number, CardSlot>();
  private readonly window = new FeedWindow();
  private readonly resize: ResizeObserver;
  private readonly looks: Map<string, { name: string; look: CardContext['look'] }>;
  private pinnedKey = '';
  private tabsKey = '';
  private scrolledFor = '';
  private start = 0;
  private shownIds: number[] = [];
  /** The newest post id drawn so far: a card above it has just arrived and slides in. */
  private newestDrawn = 0;
  /** The pinned post's reactions when last drawn, so a rise can tick visibly. */
  private pinnedReactions = -1;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly scenario: Scenario,
    private readonly regions: { feed: Region; detail: Region; duties: Region },
    textSize: TextSize,
    coaching: boolean,
    reducedMotion: boolean,
    private readonly onPick: (tab: FeedTab | undefined, postId: number | undefined) => void,
    private readonly onShowNew: () => void,
  ) {
    this.looks = new Map(scenario.channels.map((c) => [c.id, { name: c.name, look: channelLook(c) }]));
    this.tabsEl = el('div', { class: 'rl-tabs', role: 'tablist', 'aria-label': 'Channels' });
    this.viewLine = el('p', { class: 'rl-view', id: 'rl-view-line' });
    this.newButton = el('button', { class: 'rl-new', type: 'button', hidden: '', tabindex: '-1', 'aria-live': 'off' });
    this.rateEl = el('span', { class: 'rl-rate' });
    this.newButton.addEventListener('click', () => this.onShowNew());
    this.pinnedEl = el('div', { class: 'rl-pinned', 'aria-label': 'Pinned: the post that started it' });
    this.list = el('div', { class: 'rl-list', role: 'feed', 'aria-labelledby': 'rl-view-line', tabindex: '0' });
    this.list.addEventListener('click', (e) => this.pickFrom(e));
    this.pinnedEl.addEventListener('click', (e) => this.pickFrom(e));
    this.feedPanel = el('section', { class: 'rl-panel rl-feed', 'aria-label': 'Social feed' }, this.tabsEl, el('div', { class: 'rl-bar' }, this.viewLine, this.rateEl, this.newButton), this.pinnedEl, this.list);
    this.detail = new DetailPanel(scenario, coaching);
    this.duties = new DutiesPanel(coaching);
    this.root = el('div', { id: 'reading', class: 'rl-root' }, this.feedPanel, this.detail.root, this.duties.root);
    this.root.style.setProperty('--rl-text', String(TEXT_SCALE[textSize]));
    // The game's own reduced-motion setting stills the feed as the system setting does (see index.html).
    this.root.classList.toggle('rl-still', reducedMotion);
    // Inside the page's main landmark, beside the canvas, so assistive tech finds it where the game is.
    (document.querySelector('main') ?? document.body).append(this.root);
    this.resize = new ResizeObserver(() => this.place());
    this.resize.observe(canvas);
    window.addEventListener('resize', this.onWindowResize);
    this.place();
  }

  private readonly onWindowResize = () => this.place();

  /** Lines the panels up with the canvas regions they cover. */
  place(): void {
    const r = this.canvas.getBoundingClientRect();
    const sx = r.width / WIDTH;
    const sy = r.height / HEIGHT;
    const put = (e: HTMLElement, g: Region) => {
      e.style.left = `${r.left + g.x * sx}px`;
      e.style.top = `${r.top + g.y * sy}px`;
      e.style.width = `${g.w * sx}px`;
      e.style.height = `${g.h * sy}px`;
    };
    put(this.feedPanel, this.regions.feed);
    put(this.detail.root, this.regions.detail);
    put(this.duties.root, this.regions.duties);
  }

  /** Called every frame: the attribute is written only when it changes, so a still layer is not restyled. */
  setVisible(on: boolean): void {
    if (this.root.hidden === on) this.root.hidden = !on;
  }

  destroy(): void {
    this.resize.disconnect();
    window.removeEventListener('resize', this.onWindowResize);
    this.root.remove();
  }

  /** Shows the posts that arrived above a frozen selection. */
  showNew(): void {
    this.window.release();
  }

  /** List position of the first card drawn (where ↓ starts when nothing is selected). */
  firstIndex(): number {
    return this.start;
  }

  /** Ids of the posts on screen, top to bottom: the pinned one, then the cards at least partly inside the feed's viewport. */
  visibleIds(): number[] {
    if (this.root.hidden) return [];
    const box = this.list.getBoundingClientRect();
    const pinned = this.pinnedEl.hidden ? [] : [...this.pinnedEl.querySelectorAll('[data-post-id]')].map((e) => Number(e.getAttribute('data-post-id')));
    return [
      ...pinned,
      ...this.shownIds.filter((id) => {
        const r = this.cards.get(id)?.el.getBoundingClientRect();
        return r !== undefined && r.bottom > box.top + 1 && r.top < box.bottom - 1 && !pinned.includes(id);
      }),
    ];
  }

  render(f: FeedFrame, selectedPost: Post | undefined, coach: string | undefined): void {
    this.renderTabs(f);
    const slice = this.window.slice(f.model, f.tab, f.view, f.selected);
    this.start = slice.start;
    if (this.newButton.hidden !== (slice.newCount === 0)) this.newButton.hidden = slice.newCount === 0;
    const newText = `↑ ${slice.newCount} new — Home`;
    if (slice.newCount > 0 && this.newButton.textContent !== newText) this.newButton.textContent = newText;
    this.renderRate(f.state);
    this.renderPinned(f);
    this.renderList(f, slice.ids);
    this.detail.render(selectedPost, f.state, f.linkFrom);
    this.detail.setCoach(coach);
  }

  private ctx(p: Post, f: FeedFrame, pinned: boolean): CardContext {
    const c = this.looks.get(p.channel) ?? { name: p.channel, look: 'x-timeline' as const };
    return { state: f.state, look: c.look, channelName: c.name, showChannel: f.tab === 'all', brand: this.scenario.brand.name, selected: p.id === f.selected, linking: p.id === f.linkFrom, pinned };
  }

  private renderTabs(f: FeedFrame): void {
    const tabs = [{ id: 'all', name: 'All' }, ...this.scenario.channels.map((c) => ({ id: c.id, name: c.name }))];
    const labels = tabs.map((t) => `${t.name} (${f.model.openCount(t.id)})`);
    const key = `${f.tab}|${f.view}`;
    if (key === this.tabsKey) {
      // Only the open counts moved (a post arrived or was handled): new words in the same buttons.
      this.tabsEl.querySelectorAll('button').forEach((b, i) => {
        if (b.textContent !== labels[i]) b.textContent = labels[i]!;
      });
      return;
    }
    this.tabsKey = key;
    this.tabsEl.replaceChildren(
      ...tabs.map((t, i) => {
        const b = el('button', { type: 'button', role: 'tab', class: 'rl-tab', 'aria-selected': String(t.id === f.tab), tabindex: '-1' }, labels[i]!);
        b.addEventListener('click', () => this.onPick(t.id, undefined));
        return b;
      }),
    );
    this.viewLine.textContent =
      f.view === 'live' ? 'Live feed, newest first · F: work queue' : 'Work queue: open, oldest first · F: live';
  }

  /** The instigator's post stays in sight on the All tab and its own channel, its counts ticking up. */
  private renderPinned(f: FeedFrame): void {
    const id = f.state.instigatorId;
    const p = id === undefined ? undefined : f.state.posts[id - 1];
    const show = p !== undefined && f.view === 'live' && (f.tab === 'all' || f.tab === p.channel);
    const key = show ? `pin|${cardKey(p, this.ctx(p, f, true))}|${Math.floor((f.state.t - p.t) / 60)}|${engagement(p, f.state).reactions}` : '';
    if (key === this.pinnedKey) return;
    this.pinnedKey = key;
    this.pinnedEl.hidden = !show;
    this.pinnedEl.replaceChildren(...(show ? [buildPinnedCard(p, this.ctx(p, f, true))] : []));
    if (!show) return;
    const reactions = engagement(p, f.state).reactions;
    if (this.pinnedReactions >= 0 && reactions > this.pinnedReactions) this.pinnedEl.querySelector('.rl-count-n')?.classList.add('rl-bump');
    this.pinnedReactions = reactions;
  }

  /** "38 posts in the last 10 min ▲": arrivals in the last window, and whether they are speeding up. */
  private renderRate(state: SimState): void {
    const text = arrivalRate(state);
    if (this.rateEl.textContent !== text) this.rateEl.textContent = text;
  }

  private renderList(f: FeedFrame, ids: number[]): void {
    const keep = new Set(ids);
    for (const [id, slot] of this.cards) {
      if (!keep.has(id)) {
        slot.el.remove();
        this.cards.delete(id);
      }
    }
    ids.forEach((id, i) => {
      const p = f.state.posts[id - 1]!;
      const ctx = this.ctx(p, f, false);
      const key = `${f.view}|${cardKey(p, ctx)}`;
      let slot = this.cards.get(id);
      if (!slot || slot.key !== key) {
        const card = f.view === 'queue' ? buildQueueRow(p, ctx) : buildCard(p, ctx);
        // A post newer than any drawn before slides in (only in the live feed, never on a redraw).
        if (!slot && f.view === 'live' && this.newestDrawn > 0 && id > this.newestDrawn) card.classList.add('rl-arrived');
        if (slot) slot.el.replaceWith(card);
        slot = { el: card, key };
        this.cards.set(id, slot);
      } else if (f.view === 'live') refreshCard(slot.el, p, ctx);
      setIfChanged(slot.el, 'aria-posinset', String(this.start + i + 1));
      setIfChanged(slot.el, 'aria-setsize', String(f.model.length(f.tab, f.view)));
      const at = this.list.children[i] ?? null;
      if (at !== slot.el) this.list.insertBefore(slot.el, at);
    });
    this.shownIds = ids;
    this.newestDrawn = Math.max(this.newestDrawn, ...ids);
    this.list.querySelector('.rl-empty')?.remove();
    if (ids.length === 0) this.list.append(el('p', { class: 'rl-empty' }, f.view === 'queue' ? 'Nothing waiting on this channel.' : 'No posts yet.'));
    this.keepSelectionInSight(f);
  }

  /** Scrolls only when the selection, the tab or the view changed: a new arrival never moves what the trainee reads. */
  private keepSelectionInSight(f: FeedFrame): void {
    const key = `${f.tab}|${f.view}|${f.selected}`;
    if (key === this.scrolledFor) return;
    this.scrolledFor = key;
    const card = f.selected === null ? undefined : this.cards.get(f.selected)?.el;
    if (card) card.scrollIntoView({ block: 'nearest' });
    else this.list.scrollTop = 0;
  }

  private pickFrom(e: MouseEvent): void {
    const card = (e.target as Element).closest('[data-post-id]');
    if (card) this.onPick(undefined, Number(card.getAttribute('data-post-id')));
  }
}

/** Sim minutes the feed's arrival rate looks back over, and the window before it compared with. */
export const RATE_WINDOW_MINUTES = 10;

/** Posts that arrived in the last window, and ▲ or ▼ against the window before when the pace changed. */
export function arrivalRate(state: Pick<SimState, 't' | 'posts'>): string {
  const windowS = RATE_WINDOW_MINUTES * 60;
  let last = 0;
  let before = 0;
  // Posts are in arrival order: read back from the newest until two windows ago.
  for (let i = state.posts.length - 1; i >= 0; i--) {
    const age = state.t - state.posts[i]!.t;
    if (age >= 2 * windowS) break;
    if (age < windowS) last++;
    else before++;
  }
  const trend = last > before ? ' ▲' : last < before ? ' ▼' : '';
  return `${last} in ${RATE_WINDOW_MINUTES} min${trend}`;
}
