import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Frozen. Who owns a player or team name (by its look-alike identity key), and how
 * many failed verifications each attempt has had.
 *
 * Names already on the boards get no row here: the first verified run under such a
 * name after this migration claims it (and receives its key), as a new name would.
 * There is no one to hand a key to otherwise, and it keeps every existing name usable.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('name_owners')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('display', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', postgres ? 'bigint' : 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('name_owners_pk', ['kind', 'identity_key'])
    .execute();
  await db.schema.alterTable('attempts').addColumn('verify_tries', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attempts').dropColumn('verify_tries').execute();
  await db.schema.dropTable('name_owners').execute();
}
