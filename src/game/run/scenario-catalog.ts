import { formatProblem, loadCatalogue, modesOffered, type Scenario } from '../../core/index';
import type { PlayerMode } from './launch-params';

export interface CatalogEntry {
  id: string;
  file: string;
  scenario: Scenario;
  hash: string;
  /** `server` when the version came from the server the game was served by, not from the bundle. */
  origin?: 'bundle' | 'server';
}

export interface Catalog {
  entries: CatalogEntry[];
  /** Broken scenario files, as "file:line:column field: message" lines; the menu shows them. */
  problems: string[];
}

const DIFFICULTY_ORDER = ['tutorial', 'easy', 'standard', 'hard'];

/** Loads scenario texts keyed by path; broken files are reported, never fatal. Tutorials come first. */
export function buildCatalog(files: Record<string, string>): Catalog {
  const catalogue = loadCatalogue(Object.entries(files).map(([path, text]) => ({ file: path.replace(/^\//, ''), text })));
  return catalogOf(
    [...catalogue.byId].map(([id, entry]) => ({ id, ...entry })),
    catalogue.problems.map(formatProblem),
  );
}

/** A catalog of scenarios already validated (at build time, or by `buildCatalog`), tutorials first. */
export function catalogOf(validated: readonly CatalogEntry[], problems: string[]): Catalog {
  const entries = validated.map((e) => ({ ...e, origin: e.origin ?? ('bundle' as const) }));
  sortEntries(entries);
  return { entries, problems };
}

/** The menu's order: tutorials first, then by difficulty, then by title. */
export function sortEntries(entries: CatalogEntry[]): void {
  entries.sort(
    (a, b) =>
      Number(b.scenario.tutorial) - Number(a.scenario.tutorial) ||
      DIFFICULTY_ORDER.indexOf(a.scenario.difficulty) - DIFFICULTY_ORDER.indexOf(b.scenario.difficulty) ||
      (a.scenario.title < b.scenario.title ? -1 : a.scenario.title > b.scenario.title ? 1 : 0),
  );
}

/** Puts a version in the catalogue, replacing any other version of its id. */
export function putEntry(catalog: Catalog, entry: CatalogEntry): void {
  const at = catalog.entries.findIndex((e) => e.id === entry.id);
  if (at >= 0) catalog.entries[at] = entry;
  else catalog.entries.push(entry);
  sortEntries(catalog.entries);
}

export function findEntry(catalog: Catalog, id: string): CatalogEntry | undefined {
  return catalog.entries.find((e) => e.id === id);
}

/** The modes a scenario offers in the menu, the default first. */
export function modesFor(entry: CatalogEntry): PlayerMode[] {
  return modesOffered(entry.scenario);
}

export function defaultMode(entry: CatalogEntry): PlayerMode {
  return modesFor(entry)[0]!;
}
