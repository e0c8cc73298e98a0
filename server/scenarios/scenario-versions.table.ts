import type { Insertable, Selectable } from 'kysely';
import type { ScenarioSource } from '../../src/api/index';

/** One kept version of a scenario: its file text, by (id, hash); `version` counts up per id. */
export interface ScenarioVersionsTable {
  scenario_id: string;
  hash: string;
  version: number;
  /** The exact file text this version was first read or published as. */
  yaml: string;
  source: ScenarioSource;
  /** Epoch ms when an author published it; null for files read at start. */
  published_at: number | null;
  created_at: number;
}

export type ScenarioVersionRow = Selectable<ScenarioVersionsTable>;
export type NewScenarioVersion = Insertable<ScenarioVersionsTable>;
