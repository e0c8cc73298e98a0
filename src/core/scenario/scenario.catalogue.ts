import { loadScenario, type ScenarioProblem } from './scenario.loader';
import type { Scenario } from './scenario.schema';

/** One scenario file's text; reading it (disk, bundle) is the caller's job. */
export interface ScenarioSource {
  file: string;
  text: string;
}

export interface CatalogueEntry {
  file: string;
  scenario: Scenario;
  /** The scenario's version digest: runs and leaderboards are bound to it. */
  hash: string;
}

export interface ScenarioCatalogue {
  /** Valid scenarios by id, in the order of the sources. */
  byId: Map<string, CatalogueEntry>;
  /** Every problem of every broken file; a broken file is left out, never half-loaded. */
  problems: ScenarioProblem[];
}

/** Loads a set of scenario files: the one loader the CLI, the server and the game share. */
export function loadCatalogue(sources: readonly ScenarioSource[]): ScenarioCatalogue {
  const byId = new Map<string, CatalogueEntry>();
  const problems: ScenarioProblem[] = [];
  for (const { file, text } of sources) {
    const result = loadScenario(text, file);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const id = result.scenario.id;
    const first = byId.get(id);
    if (first) {
      problems.push({ file, line: 1, column: 1, path: 'id', message: `the id "${id}" is already used by ${first.file}` });
      continue;
    }
    byId.set(id, { file, scenario: result.scenario, hash: result.hash });
  }
  return { byId, problems };
}
