import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { markBoardChanged } from '../leaderboards/board-versions.repository';
import type { NewRun, RunRow } from './runs.table';

export type InsertRunResult = { kind: 'inserted'; run: RunRow } | { kind: 'duplicate'; run: RunRow } | { kind: 'attempt_used' };

/**
 * Stores a verified run once. The unique run hash makes a resubmission a no-op that
 * answers the stored row; the unique attempt id keeps one run per attempt. A rated
 * run updates the player's (and team member's) best in the same transaction, so the
 * standings never disagree with the runs. `alsoInTransaction` runs after a new row is
 * written; if it throws, nothing is stored.
 */
export async function insertRun(db: Kysely<Database>, run: NewRun, alsoInTransaction?: (trx: Kysely<Database>) => Promise<void>): Promise<InsertRunResult> {
  const inserted = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('runs').values(run).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
    if (row && row.rated === 1) await recordBest(trx, row);
    // Only a newly stored run does more (claims its names): a duplicate or a used attempt changes nothing.
    if (row) await alsoInTransaction?.(trx);
    return row;
  });
  if (inserted) return { kind: 'inserted', run: inserted };
  const existing = await findRunByHash(db, run.run_hash);
  return existing ? { kind: 'duplicate', run: existing } : { kind: 'attempt_used' };
}

/** Keeps the better of the stored best and this run: a higher score wins; on a tie the earlier run stays. */
async function recordBest(trx: Kysely<Database>, run: RunRow): Promise<void> {
  const board = { scenario_id: run.scenario_id, scenario_hash: run.scenario_hash };
  await markBoardChanged(trx, { scenarioId: run.scenario_id, scenarioHash: run.scenario_hash });
  await trx
    .insertInto('player_bests')
    .values({ ...board, player_key: run.player_key, run_id: run.id, score: run.score })
    .onConflict((oc) =>
      oc
        .columns(['scenario_id', 'scenario_hash', 'player_key'])
        .doUpdateSet((eb) => ({ run_id: eb.ref('excluded.run_id'), score: eb.ref('excluded.score') }))
        .where((eb) => eb('excluded.score', '>', eb.ref('player_bests.score'))),
    )
    .execute();
  if (run.team_key === null) return;
  await trx
    .insertInto('team_member_bests')
    .values({ ...board, team_key: run.team_key, player_key: run.player_key, run_id: run.id, score: run.score })
    .onConflict((oc) =>
      oc
        .columns(['scenario_id', 'scenario_hash', 'team_key', 'player_key'])
        .doUpdateSet((eb) => ({ run_id: eb.ref('excluded.run_id'), score: eb.ref('excluded.score') }))
        .where((eb) => eb('excluded.score', '>', eb.ref('team_member_bests.score'))),
    )
    .execute();
}

export async function findRunByHash(db: Kysely<Database>, runHash: string): Promise<RunRow | undefined> {
  return db.selectFrom('runs').selectAll().where('run_hash', '=', runHash).executeTakeFirst();
}

export async function findRunByPublicId(db: Kysely<Database>, publicId: string): Promise<RunRow | undefined> {
  return db.selectFrom('runs').selectAll().where('public_id', '=', publicId).executeTakeFirst();
}

/** Opens or closes a run's review page; only the holder of the attempt it was submitted under may. */
export async function setRunShared(db: Kysely<Database>, publicId: string, attemptId: string, shared: boolean): Promise<boolean> {
  const result = await db
    .updateTable('runs')
    .set({ shared: shared ? 1 : 0 })
    .where('public_id', '=', publicId)
    .where('attempt_id', '=', attemptId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findRunByAttempt(db: Kysely<Database>, attemptId: string): Promise<RunRow | undefined> {
  return db.selectFrom('runs').selectAll().where('attempt_id', '=', attemptId).executeTakeFirst();
}
