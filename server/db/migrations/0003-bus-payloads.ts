import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Frozen. Live drill events too large for a PostgreSQL NOTIFY payload (8000 bytes) are parked
 * here for a moment; the notification carries only the row's id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('drill_bus_payloads')
    .addColumn('id', postgres ? 'serial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', postgres ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drill_bus_payloads_created').on('drill_bus_payloads').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('drill_bus_payloads').execute();
}
