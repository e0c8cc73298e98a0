import type { Generated, Insertable, Selectable } from 'kysely';
import type { Grade } from '../../src/core/index';

/** A verified ranked run: stored only after the server's own replay agreed with the claim. */
export interface RunsTable {
  /** Insertion order; the last tie-break on every leaderboard. */
  id: Generated<number>;
  public_id: string;
  /** sha256 of the canonical run record: the same run submitted twice is stored once. */
  run_hash: string;
  attempt_id: string;
  scenario_id: string;
  scenario_hash: string;
  seed: number;
  player: string;
  /** Case-folded name: standings group by it. */
  player_key: string;
  team: string | null;
  team_key: string | null;
  score: number;
  grade: Grade;
  rated: number;
  /** JSON: the replay's score breakdown. */
  breakdown: string;
  /** JSON: the run record as verified. */
  record: string;
  created_at: number;
  /** 1 while the run's review page is open to anyone with its address; its submitter can set 0. */
  shared: Generated<number>;
}

export type RunRow = Selectable<RunsTable>;
export type NewRun = Insertable<RunsTable>;
