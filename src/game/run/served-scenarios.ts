import type { ScenarioList, ScenarioVersion } from '../../api/index';
import { findEntry, putEntry, type Catalog } from './scenario-catalog';

/** The part of the API client this needs. */
export interface ServedScenarioSource {
  scenarios(): Promise<ScenarioList>;
  scenarioVersion(id: string, hash: string): Promise<ScenarioVersion>;
}

export interface ServedResult {
  /** Ids whose server version is now in the catalogue (new, or newer than the bundle's). */
  added: string[];
  /** One line per version that could not be fetched or read. */
  problems: string[];
}

/**
 * Adds the server's scenarios to the catalogue: any id the bundle lacks, and the server's
 * version where it differs from the bundle's (ranked attempts and drills use the server's
 * latest hash). The bundle stays as it is for anything the server cannot give, so the game
 * plays offline. The YAML parser loads only when something is to be parsed.
 */
export async function addServedScenarios(catalog: Catalog, source: ServedScenarioSource): Promise<ServedResult> {
  const { scenarios } = await source.scenarios();
  const wanted = scenarios.filter((s) => findEntry(catalog, s.id)?.hash !== s.hash);
  const result: ServedResult = { added: [], problems: [] };
  if (wanted.length === 0) return result;
  const { loadScenario } = await import('./served-scenario-loader');
  for (const summary of wanted) {
    const where = `server:${summary.id}@${summary.hash}`;
    try {
      const { yaml } = await source.scenarioVersion(summary.id, summary.hash);
      const loaded = loadScenario(yaml, where);
      if (!loaded.ok) {
        result.problems.push(`${where}: ${loaded.problems[0]?.message ?? 'not a scenario'}`);
      } else if (loaded.hash !== summary.hash || loaded.scenario.id !== summary.id) {
        // This game's engine reads the file differently from the server's: its runs would not verify.
        result.problems.push(`${where}: this game reads it as ${loaded.scenario.id}@${loaded.hash}; reload the page to update the game`);
      } else {
        putEntry(catalog, { id: summary.id, file: where, scenario: loaded.scenario, hash: loaded.hash, origin: 'server' });
        result.added.push(summary.id);
      }
    } catch (err) {
      result.problems.push(`${where}: ${(err as Error).message}`);
    }
  }
  return result;
}
