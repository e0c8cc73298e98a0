import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { AttemptRow, NewAttempt } from './attempts.table';

/** Inserts an attempt; answers false when a rated attempt already holds that scenario and seed. */
export async function insertAttempt(db: Kysely<Database>, attempt: NewAttempt): Promise<boolean> {
  const result = await db
    .insertInto('attempts')
    .values(attempt)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findAttempt(db: Kysely<Database>, id: string): Promise<AttemptRow | undefined> {
  return db.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether any attempt (rated or not) was ever issued for this scenario and seed. */
export async function seedWasIssued(db: Kysely<Database>, scenarioId: string, seed: number): Promise<boolean> {
  const row = await db
    .selectFrom('attempts')
    .select('id')
    .where('scenario_id', '=', scenarioId)
    .where('seed', '=', seed)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes one of an attempt's verification tries before its replay, atomically across
 * instances, and answers how many it has now used; undefined when none is left. A try
 * counts as failed unless its run verifies (which uses the attempt up), so concurrent
 * forgeries cannot start more replays than the limit.
 */
export async function reserveVerifyTry(db: Kysely<Database>, id: string, limit: number): Promise<number | undefined> {
  const row = await db
    .updateTable('attempts')
    .set((eb) => ({ verify_tries: eb('verify_tries', '+', 1) }))
    .where('id', '=', id)
    .where('verify_tries', '<', limit)
    .returning('verify_tries')
    .executeTakeFirst();
  return row ? Number(row.verify_tries) : undefined;
}

/** Gives a try back when its replay never ran (the verifier was busy): an honest client's retry must not burn the attempt. */
export async function releaseVerifyTry(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('attempts')
    .set((eb) => ({ verify_tries: eb('verify_tries', '-', 1) }))
    .where('id', '=', id)
    .where('verify_tries', '>', 0)
    .execute();
}
