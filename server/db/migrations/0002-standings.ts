import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Materialised best runs per player and per team member, so leaderboards read
 * an index instead of ranking every run on each request; backfilled from the runs
 * stored so far with the same rule the server applies on insert (higher score, then
 * the earlier run).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('player_bests')
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('scenario_hash', 'text', (c) => c.notNull())
    .addColumn('player_key', 'text', (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('player_bests_pk', ['scenario_id', 'scenario_hash', 'player_key'])
    .execute();
  await db.schema.createIndex('player_bests_rank').on('player_bests').columns(['scenario_id', 'scenario_hash', 'score desc', 'run_id']).execute();

  await db.schema
    .createTable('team_member_bests')
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('scenario_hash', 'text', (c) => c.notNull())
    .addColumn('team_key', 'text', (c) => c.notNull())
    .addColumn('player_key', 'text', (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_member_bests_pk', ['scenario_id', 'scenario_hash', 'team_key', 'player_key'])
    .execute();

  await sql`
    insert into player_bests (scenario_id, scenario_hash, player_key, run_id, score)
    select scenario_id, scenario_hash, player_key, id, score from (
      select scenario_id, scenario_hash, player_key, id, score,
        row_number() over (partition by scenario_id, scenario_hash, player_key order by score desc, id asc) as nth
      from runs where rated = 1
    ) ranked where nth = 1`.execute(db);
  await sql`
    insert into team_member_bests (scenario_id, scenario_hash, team_key, player_key, run_id, score)
    select scenario_id, scenario_hash, team_key, player_key, id, score from (
      select scenario_id, scenario_hash, team_key, player_key, id, score,
        row_number() over (partition by scenario_id, scenario_hash, team_key, player_key order by score desc, id asc) as nth
      from runs where rated = 1 and team_key is not null
    ) ranked where nth = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('team_member_bests').execute();
  await db.schema.dropTable('player_bests').execute();
}
