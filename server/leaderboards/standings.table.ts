import type { Selectable } from 'kysely';

/**
 * Each player's best rated run per board, kept up to date as runs are stored, so a
 * leaderboard page is an index range scan rather than a ranking of every run.
 */
export interface PlayerBestsTable {
  scenario_id: string;
  scenario_hash: string;
  player_key: string;
  run_id: number;
  score: number;
}

/** Each member's best rated run under a team, per board; team standings aggregate these. */
export interface TeamMemberBestsTable {
  scenario_id: string;
  scenario_hash: string;
  team_key: string;
  player_key: string;
  run_id: number;
  score: number;
}

export type PlayerBestRow = Selectable<PlayerBestsTable>;

/** A board's change counter: raised in every transaction that changes its standings. */
export interface BoardVersionsTable {
  scenario_id: string;
  scenario_hash: string;
  version: number;
}
