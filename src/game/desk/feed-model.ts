import type { Post, SimState } from '../../core/index';

export type FeedView = 'live' | 'queue';
/** 'all' or a channel id. */
export type FeedTab = string;

/**
 * Indexes the posts for the feed so that drawing a window of it costs the same
 * with 200 posts in the history as with 3,000: per-channel id lists grow by
 * appending new arrivals, and the queue holds only posts still open (the
 * backlog), re-checked each sync.
 */
export class FeedModel {
  private seen = 0;
  private readonly byChannel = new Map<string, number[]>();
  private open: number[] = [];
  private readonly queueByChannel = new Map<string, number[]>();
  private state: SimState | undefined;

  constructor(channels: string[]) {
    for (const c of channels) this.byChannel.set(c, []);
  }

  sync(state: SimState): void {
    this.state = state;
    const posts = state.posts;
    for (; this.seen < posts.length; this.seen++) {
      const p = posts[this.seen]!;
      this.byChannel.get(p.channel)?.push(p.id);
      if (p.status === 'open') this.open.push(p.id);
    }
    this.open = this.open.filter((id) => posts[id - 1]!.status === 'open');
    this.queueByChannel.clear();
  }

  post(id: number): Post | undefined {
    const p = this.state?.posts[id - 1];
    return p && p.id === id ? p : undefined;
  }

  length(tab: FeedTab, view: FeedView): number {
    if (view === 'queue') return this.queue(tab).length;
    return tab === 'all' ? this.seen : (this.byChannel.get(tab)?.length ?? 0);
  }

  /** The post id at position `i`: newest first in the live view, oldest waiting first in the queue. */
  at(tab: FeedTab, view: FeedView, i: number): number | undefined {
    if (view === 'queue') return this.queue(tab)[i];
    if (tab === 'all') return i >= 0 && i < this.seen ? this.seen - i : undefined;
    const ids = this.byChannel.get(tab);
    return ids ? ids[ids.length - 1 - i] : undefined;
  }

  indexOf(tab: FeedTab, view: FeedView, id: number): number {
    if (view === 'queue') return this.queue(tab).indexOf(id);
    if (tab === 'all') return id >= 1 && id <= this.seen ? this.seen - id : -1;
    const ids = this.byChannel.get(tab);
    if (!ids) return -1;
    // Ids grow with arrival, so each channel's list is sorted: binary search.
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = ids[mid]!;
      if (v === id) return ids.length - 1 - mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  openCount(tab: FeedTab): number {
    return this.queue(tab).length;
  }

  private queue(tab: FeedTab): number[] {
    if (tab === 'all') return this.open;
    let q = this.queueByChannel.get(tab);
    if (!q) {
      q = this.open.filter((id) => this.state!.posts[id - 1]!.channel === tab);
      this.queueByChannel.set(tab, q);
    }
    return q;
  }
}
