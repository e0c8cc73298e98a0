import type { Kysely } from 'kysely';

/**
 * Frozen. A verified run's review page (`/runs/:publicId`) is open to anyone with the
 * address until whoever submitted the run makes it private; existing runs stay shared.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('runs').addColumn('shared', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('runs').dropColumn('shared').execute();
}
