import { sql, type Kysely } from 'kysely';
import { isPostgres, type Database } from '../db/database';
import type { NewScenarioVersion, ScenarioVersionRow } from './scenario-versions.table';

/** PostgreSQL channel on which every instance hears that a scenario got a new version (payload: its id). */
export const SCENARIO_CHANGES_CHANNEL = 'surge_scenario_changes';

export async function findVersion(db: Kysely<Database>, scenarioId: string, hash: string): Promise<ScenarioVersionRow | undefined> {
  return db.selectFrom('scenario_versions').selectAll().where('scenario_id', '=', scenarioId).where('hash', '=', hash).executeTakeFirst();
}

export async function latestVersion(db: Kysely<Database>, scenarioId: string): Promise<ScenarioVersionRow | undefined> {
  return db.selectFrom('scenario_versions').selectAll().where('scenario_id', '=', scenarioId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The latest version of every scenario id, by id. */
export async function latestVersions(db: Kysely<Database>): Promise<ScenarioVersionRow[]> {
  return db
    .selectFrom('scenario_versions as v')
    .selectAll('v')
    .where('v.version', '=', (eb) => eb.selectFrom('scenario_versions as w').select((w) => w.fn.max('w.version').as('latest')).whereRef('w.scenario_id', '=', 'v.scenario_id'))
    .orderBy('v.scenario_id')
    .execute();
}

/** Concurrent publishers of one id may race for the next version number; the loser tries again. */
const KEEP_ATTEMPTS = 8;

/**
 * Keeps a version unless (id, hash) is already kept; answers the stored row and whether
 * this call created it. Version numbers count up per id.
 */
export async function keepVersion(
  db: Kysely<Database>,
  version: Omit<NewScenarioVersion, 'version'>,
): Promise<{ row: ScenarioVersionRow; created: boolean }> {
  for (let attempt = 0; attempt < KEEP_ATTEMPTS; attempt++) {
    const existing = await findVersion(db, version.scenario_id, version.hash);
    if (existing) return { row: existing, created: false };
    const last = await latestVersion(db, version.scenario_id);
    const row = { ...version, version: (last?.version ?? 0) + 1 };
    // No conflict target: either the (id, hash) key or the (id, version) number may collide.
    const result = await db.insertInto('scenario_versions').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) {
      if (isPostgres(db)) await sql`select pg_notify(${SCENARIO_CHANGES_CHANNEL}, ${version.scenario_id})`.execute(db);
      return { row: { ...row, published_at: row.published_at ?? null }, created: true };
    }
  }
  throw new Error(`could not keep a version of ${version.scenario_id} in ${KEEP_ATTEMPTS} tries`);
}
