import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Frozen. One row per leaderboard whose version goes up in the transaction that changes its
 * standings, so a server holding the board in memory can tell in one key lookup whether its
 * copy is current (see server/leaderboards/board-cache.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('board_versions')
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('scenario_hash', 'text', (c) => c.notNull())
    .addColumn('version', postgres ? 'bigint' : 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('board_versions_pk', ['scenario_id', 'scenario_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('board_versions').execute();
}
