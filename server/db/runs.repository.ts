import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { NewRun, RunRow } from './runs.table';

export type InsertRunResult = { kind: 'inserted'; run: RunRow } | { kind: 'duplicate'; run: RunRow } | { kind: 'attempt_used' };

/**
 * Stores a verified run once. The unique run hash makes a resubmission a no-op that
 * answers the stored row; the unique attempt id keeps one run per attempt.
 */
export async function insertRun(db: Kysely<Database>, run: NewRun): Promise<InsertRunResult> {
  const inserted = await db
    .insertInto('runs')
    .values(run)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { kind: 'inserted', run: inserted };
  const existing = await findRunByHash(db, run.run_hash);
  return existing ? { kind: 'duplicate', run: existing } : { kind: 'attempt_used' };
}

export async function findRunByHash(db: Kysely<Database>, runHash: string): Promise<RunRow | undefined> {
  return db.selectFrom('runs').selectAll().where('run_hash', '=', runHash).executeTakeFirst();
}

export async function findRunByPublicId(db: Kysely<Database>, publicId: string): Promise<RunRow | undefined> {
  return db.selectFrom('runs').selectAll().where('public_id', '=', publicId).executeTakeFirst();
}

export async function countRuns(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('runs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
