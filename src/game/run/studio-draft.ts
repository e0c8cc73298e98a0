/**
 * "Play this draft": the studio leaves the scenario it is editing in sessionStorage and
 * opens the game with `?draft=1&scenario=ID`; the game then offers that draft first in its
 * catalogue for this visit only. sessionStorage keeps the draft to this tab, and the
 * address carries only the flag, never the text (a scenario can be tens of kilobytes).
 */

export const STUDIO_DRAFT_KEY = 'surge-drill.studio-draft';
export const DRAFT_PARAM = 'draft';
/** The draft's name in the catalogue; without `.yaml`, so the loader does not ask the id to match it. */
export const DRAFT_FILE = 'studio draft';

/** The draft's YAML keyed by its catalogue name, when the address asks for it and the tab holds one. */
export function studioDraftFiles(search: string, storage: Pick<Storage, 'getItem'>): Record<string, string> {
  if (new URLSearchParams(search).get(DRAFT_PARAM) !== '1') return {};
  const text = storage.getItem(STUDIO_DRAFT_KEY);
  return text ? { [DRAFT_FILE]: text } : {};
}

/**
 * The game's address that plays a draft: practice mode unless it is a tutorial (which
 * plays as one). A `renderer` choice in the studio's own address carries over.
 */
export function draftPlayAddress(scenarioId: string, tutorial: boolean, studioSearch = ''): string {
  const q = new URLSearchParams({ [DRAFT_PARAM]: '1', scenario: scenarioId });
  if (!tutorial) q.set('mode', 'practice');
  const renderer = new URLSearchParams(studioSearch).get('renderer');
  if (renderer) q.set('renderer', renderer);
  return `./?${q.toString()}`;
}
