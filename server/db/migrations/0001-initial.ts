import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Frozen: typed against Kysely<any> so later changes to the table types never
 * change what this migration did. Add new migrations instead of editing this one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const serial = postgres ? 'serial' : 'integer';
  const bigint = postgres ? 'bigint' : 'integer';
  const autoIncrement = <T extends { autoIncrement(): T }>(c: T): T => (postgres ? c : c.autoIncrement());

  await db.schema
    .createTable('attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('scenario_hash', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('rated', 'integer', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  // One rated attempt per scenario and seed, even across several app instances.
  await db.schema
    .createIndex('attempts_rated_seed')
    .on('attempts')
    .columns(['scenario_id', 'seed'])
    .unique()
    .where(sql.ref('rated'), '=', sql.lit(1))
    .execute();
  await db.schema.createIndex('attempts_seed').on('attempts').columns(['scenario_id', 'seed']).execute();

  await db.schema
    .createTable('runs')
    .addColumn('id', serial, (c) => autoIncrement(c.primaryKey()))
    .addColumn('public_id', 'text', (c) => c.notNull().unique())
    .addColumn('run_hash', 'text', (c) => c.notNull().unique())
    .addColumn('attempt_id', 'text', (c) => c.notNull().unique().references('attempts.id'))
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('scenario_hash', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('player', 'text', (c) => c.notNull())
    .addColumn('player_key', 'text', (c) => c.notNull())
    .addColumn('team', 'text')
    .addColumn('team_key', 'text')
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('rated', 'integer', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('runs_board')
    .on('runs')
    .columns(['scenario_id', 'scenario_hash', 'rated', 'player_key', 'score', 'id'])
    .execute();

  await db.schema
    .createTable('drills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('trainer_token_hash', 'text', (c) => c.notNull())
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('scenario_hash', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addColumn('started_at', bigint)
    .addColumn('ended_at', bigint)
    .execute();

  await db.schema
    .createTable('drill_trainees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('drill_id', 'text', (c) => c.notNull().references('drills.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('joined_at', bigint, (c) => c.notNull())
    .addColumn('progress', 'text')
    .addColumn('progress_at', bigint)
    .addColumn('final_score', 'integer')
    .addColumn('final_grade', 'text')
    .addColumn('final_outcome', 'text')
    .addColumn('run_hash', 'text')
    .addColumn('record', 'text')
    .addColumn('finished_at', bigint)
    .addUniqueConstraint('drill_trainees_name', ['drill_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('drill_events')
    .addColumn('id', serial, (c) => autoIncrement(c.primaryKey()))
    .addColumn('drill_id', 'text', (c) => c.notNull().references('drills.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drill_events_drill').on('drill_events').columns(['drill_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['drill_events', 'drill_trainees', 'drills', 'runs', 'attempts']) {
    await db.schema.dropTable(table).execute();
  }
}
