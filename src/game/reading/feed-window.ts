import type { FeedModel, FeedTab, FeedView } from '../desk/feed-model';

/** Cards drawn at once: enough to scroll through, few enough that a long history costs nothing. */
export const WINDOW_CARDS = 30;
/** Cards kept above the selected one, so there is context to scroll up to. */
export const CARDS_ABOVE = 8;

export interface WindowSlice {
  ids: number[];
  /** List position of the first id. */
  start: number;
  /** Posts newer than the frozen head, not shown until the trainee asks (live view only). */
  newCount: number;
}

/**
 * Which posts the feed draws. In the live view a selection freezes the head of
 * the list: newer posts are counted ("3 new posts") instead of pushing the
 * selected card away, until the trainee goes to the top (Home) or clears the
 * selection. The queue adds at its end, so it never needs freezing.
 */
export class FeedWindow {
  private headId: number | undefined;
  private scope = '';

  slice(model: FeedModel, tab: FeedTab, view: FeedView, selected: number | null): WindowSlice {
    const scope = `${tab}|${view}`;
    if (scope !== this.scope) {
      this.scope = scope;
      this.headId = undefined;
    }
    const total = model.length(tab, view);
    const selIdx = selected === null ? -1 : model.indexOf(tab, view, selected);
    let offset = 0;
    if (view === 'live') {
      const newest = model.at(tab, view, 0);
      if (selected === null || this.headId === undefined) this.headId = newest;
      offset = this.headId === undefined ? 0 : Math.max(0, model.indexOf(tab, view, this.headId));
      if (selIdx >= 0 && selIdx < offset) {
        this.headId = newest;
        offset = 0;
      }
    }
    const start = selIdx < 0 ? offset : Math.max(offset, selIdx - CARDS_ABOVE);
    const ids: number[] = [];
    for (let i = start; i < Math.min(total, start + WINDOW_CARDS); i++) ids.push(model.at(tab, view, i)!);
    return { ids, start, newCount: offset };
  }

  /** Shows the newer posts: the head follows the newest again. */
  release(): void {
    this.headId = undefined;
  }
}
