import type { GameServices } from '../session';
import type { SavedRun } from './autosave.store';
import { findEntry, type CatalogEntry } from './scenario-catalog';

/**
 * The saved run, if there is one that can be resumed. A save that cannot be
 * read or rebuilt is discarded, with a notice saying why.
 */
export function savedRun(services: GameServices): { save: SavedRun; entry: CatalogEntry } | undefined {
  const loaded = services.autosave.load();
  if (loaded.kind === 'none') return undefined;
  if (loaded.kind === 'corrupt') {
    discardSave(services, loaded.reason);
    return undefined;
  }
  const entry = findEntry(services.catalog, loaded.save.record.scenarioId);
  if (!entry) {
    discardSave(services, `its scenario "${loaded.save.record.scenarioId}" is not in this build`);
    return undefined;
  }
  return { save: loaded.save, entry };
}

/** Drops the saved run and tells the player why, on the menu and aloud. */
export function discardSave(services: GameServices, reason: string): void {
  services.autosave.clear();
  const notice = `Your saved run could not be restored and was discarded: ${reason}.`;
  services.session.notices.push(notice);
  services.announcer.say(notice, true);
}
