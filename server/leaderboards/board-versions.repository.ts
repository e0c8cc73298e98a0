import { sql, type Kysely } from 'kysely';
import { isPostgres, type Database } from '../db/database';
import type { Board } from './leaderboards.repository';

/** PostgreSQL channel on which every instance hears that a board changed (payload: its key). */
export const BOARD_CHANGES_CHANNEL = 'surge_board_changes';

/** A board's identity as one string: the cache's key and the notification's payload. */
export const boardKey = (board: Board): string => JSON.stringify([board.scenarioId, board.scenarioHash]);

/**
 * Called inside the transaction that changes a board's standings: raises its version (read by
 * SQLite servers before each board read) and, on PostgreSQL, notifies every instance — the
 * notification is delivered on commit, so nobody hears of a change they cannot yet read.
 */
export async function markBoardChanged(trx: Kysely<Database>, board: Board): Promise<void> {
  await trx
    .insertInto('board_versions')
    .values({ scenario_id: board.scenarioId, scenario_hash: board.scenarioHash, version: 1 })
    .onConflict((oc) => oc.columns(['scenario_id', 'scenario_hash']).doUpdateSet((eb) => ({ version: eb(eb.ref('board_versions.version'), '+', 1) })))
    .execute();
  if (isPostgres(trx)) await sql`select pg_notify(${BOARD_CHANGES_CHANNEL}, ${boardKey(board)})`.execute(trx);
}

/** The board's current version (0 before its first standing). */
export async function boardVersion(db: Kysely<Database>, board: Board): Promise<number> {
  const row = await db
    .selectFrom('board_versions')
    .select('version')
    .where('scenario_id', '=', board.scenarioId)
    .where('scenario_hash', '=', board.scenarioHash)
    .executeTakeFirst();
  return row ? Number(row.version) : 0;
}
