import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Frozen. Every version of every scenario the server has served, kept by its hash: the files
 * read from SCENARIO_DIR at start and the ones authors publish. Runs, boards and drills name a
 * version by hash, so an old version stays replayable after a new one replaces it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const epoch = postgres ? 'bigint' : 'integer';
  await db.schema
    .createTable('scenario_versions')
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('yaml', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('published_at', epoch)
    .addColumn('created_at', epoch, (c) => c.notNull())
    .addPrimaryKeyConstraint('scenario_versions_pk', ['scenario_id', 'hash'])
    .addUniqueConstraint('scenario_versions_number', ['scenario_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scenario_versions').execute();
}
