import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../server/db/database';
import { markBoardChanged } from '../../../server/leaderboards/board-versions.repository';
import { nameKey } from '../../../server/runs/names';

export interface SeededBoard {
  scenarioId: string;
  scenarioHash: string;
  players: number;
  /** Players per team (every player is in one team). */
  teamSize: number;
  /** Names start with this, so two boards in one database do not share players. */
  prefix?: string;
  /** Seeds are firstSeed, firstSeed + 1, …: rated seeds are unique per scenario, so boards of one scenario need apart ranges. */
  firstSeed?: number;
}

const BATCH = 500;

export const seededPlayer = (board: SeededBoard, i: number) => `${board.prefix ?? 'P'}${i}`;
export const seededTeam = (board: SeededBoard, i: number) => `${board.prefix ?? 'P'}T${Math.floor(i / board.teamSize)}`;

/**
 * A board of `players` players with one rated run each, written straight into the tables in
 * large batches (the submission path's one transaction per run would make seeding, not the
 * reads under test, the slow part). Scores spread over 0..100 with many ties.
 */
export async function seedBoard(db: Kysely<Database>, board: SeededBoard): Promise<void> {
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < board.players; start += BATCH) {
      const attempts = [];
      const runs = [];
      for (let i = start; i < Math.min(board.players, start + BATCH); i++) {
        const id = randomUUID();
        const seed = (board.firstSeed ?? 1_000_000) + i;
        const player = seededPlayer(board, i);
        const team = seededTeam(board, i);
        attempts.push({ id, scenario_id: board.scenarioId, scenario_hash: board.scenarioHash, seed, rated: 1, created_at: now });
        runs.push({
          public_id: randomUUID(),
          run_hash: randomUUID(),
          attempt_id: id,
          scenario_id: board.scenarioId,
          scenario_hash: board.scenarioHash,
          seed,
          player,
          player_key: nameKey(player),
          team,
          team_key: nameKey(team),
          score: (i * 7919) % 101,
          grade: 'C' as const,
          rated: 1,
          breakdown: '[]',
          record: '{}',
          created_at: now + i,
        });
      }
      await trx.insertInto('attempts').values(attempts).execute();
      const stored = await trx.insertInto('runs').values(runs).returning(['id', 'scenario_id', 'scenario_hash', 'player_key', 'team_key', 'score']).execute();
      await trx.insertInto('player_bests').values(stored.map(({ team_key: _team, id, ...r }) => ({ ...r, run_id: id }))).execute();
      await trx.insertInto('team_member_bests').values(stored.map(({ id, team_key, ...r }) => ({ ...r, team_key: team_key!, run_id: id }))).execute();
    }
    await markBoardChanged(trx, board);
  });
}
