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

/** Counts one more failed verification on an attempt and answers the new count (atomic across instances). */
export async function recordFailedVerification(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .updateTable('attempts')
    .set((eb) => ({ failed_verifications: eb('failed_verifications', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_verifications')
    .executeTakeFirstOrThrow();
  return Number(row.failed_verifications);
}
