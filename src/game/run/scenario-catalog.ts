import { formatProblem, loadCatalogue, type Scenario } from '../../core/index';

export interface CatalogEntry {
  id: string;
  file: string;
  scenario: Scenario;
  hash: string;
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
  const entries = [...validated];
  entries.sort(
    (a, b) =>
      Number(b.scenario.tutorial) - Number(a.scenario.tutorial) ||
      DIFFICULTY_ORDER.indexOf(a.scenario.difficulty) - DIFFICULTY_ORDER.indexOf(b.scenario.difficulty) ||
      (a.scenario.title < b.scenario.title ? -1 : a.scenario.title > b.scenario.title ? 1 : 0),
  );
  return { entries, problems };
}

export function findEntry(catalog: Catalog, id: string): CatalogEntry | undefined {
  return catalog.entries.find((e) => e.id === id);
}
