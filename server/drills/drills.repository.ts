import type { Grade } from '../../src/core/index';
import type { LiveEventKind } from './drill-bus';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { DrillEventRow, DrillRow, DrillStatus, DrillUpdate, NewDrill, NewTrainee, TraineeRow } from './drills.table';

/** Inserts a drill; answers false if the join code is already taken. */
export async function insertDrill(db: Kysely<Database>, drill: NewDrill): Promise<boolean> {
  const result = await db.insertInto('drills').values(drill).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findDrillByCode(db: Kysely<Database>, code: string): Promise<DrillRow | undefined> {
  return db.selectFrom('drills').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Moves a drill between statuses only from one of `from`, so two trainers clicking at once cannot skip a step. */
export async function transitionDrill(
  db: Kysely<Database>,
  drillId: string,
  from: readonly DrillStatus[],
  update: DrillUpdate & { status: DrillStatus },
): Promise<boolean> {
  const result = await db
    .updateTable('drills')
    .set(update)
    .where('id', '=', drillId)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Inserts a trainee; answers false if the name is already taken in this drill. */
export async function insertTrainee(db: Kysely<Database>, trainee: NewTrainee): Promise<boolean> {
  const result = await db.insertInto('drill_trainees').values(trainee).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findTraineeByToken(db: Kysely<Database>, tokenHash: string): Promise<TraineeRow | undefined> {
  return db.selectFrom('drill_trainees').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function listTrainees(db: Kysely<Database>, drillId: string): Promise<TraineeRow[]> {
  return db.selectFrom('drill_trainees').selectAll().where('drill_id', '=', drillId).orderBy('joined_at').orderBy('id').execute();
}

export async function saveProgress(db: Kysely<Database>, traineeId: string, progress: string, at: number): Promise<void> {
  await db.updateTable('drill_trainees').set({ progress, progress_at: at }).where('id', '=', traineeId).execute();
}

/** Records a trainee's verified final run once; answers false if one is already recorded. */
export async function finishTrainee(
  db: Kysely<Database>,
  traineeId: string,
  result: { final_score: number; final_grade: Grade; final_outcome: string; run_hash: string; record: string; finished_at: number },
): Promise<boolean> {
  const updated = await db
    .updateTable('drill_trainees')
    .set(result)
    .where('id', '=', traineeId)
    .where('run_hash', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function appendDrillEvent(
  db: Kysely<Database>,
  event: { drill_id: string; kind: LiveEventKind; payload: string; created_at: number },
): Promise<DrillEventRow> {
  return db.insertInto('drill_events').values(event).returningAll().executeTakeFirstOrThrow();
}

export async function drillEventsAfter(db: Kysely<Database>, drillId: string, afterId: number, kinds?: readonly LiveEventKind[]): Promise<DrillEventRow[]> {
  let query = db.selectFrom('drill_events').selectAll().where('drill_id', '=', drillId).where('id', '>', afterId);
  if (kinds) query = query.where('kind', 'in', [...kinds]);
  return query.orderBy('id').execute();
}
