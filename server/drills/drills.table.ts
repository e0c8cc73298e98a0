import type { Grade } from '../../src/core/index';
import type { LiveEventKind } from './drill-bus';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type DrillStatus = 'lobby' | 'running' | 'paused' | 'ended';

/** A trainer-led drill: one scenario and seed for a cohort. */
export interface DrillsTable {
  id: string;
  /** Short join code shown to trainees. */
  code: string;
  /** sha256 of the trainer token; the token itself is never stored. */
  trainer_token_hash: string;
  scenario_id: string;
  scenario_hash: string;
  seed: number;
  status: DrillStatus;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
}

export interface DrillTraineesTable {
  id: string;
  drill_id: string;
  name: string;
  name_key: string;
  token_hash: string;
  joined_at: number;
  /** JSON: the latest live progress the trainee reported (unverified, for the trainer's view). */
  progress: string | null;
  progress_at: number | null;
  /** Verified final result, set once the trainee's run record replayed. */
  final_score: number | null;
  final_grade: Grade | null;
  /** JSON: the verified outcome's breakdown and key moments. */
  final_outcome: string | null;
  run_hash: string | null;
  record: string | null;
  finished_at: number | null;
}

/** Control events (status changes, injects, joins, finishes) in order; SSE clients resume from an id. */
export interface DrillEventsTable {
  id: Generated<number>;
  drill_id: string;
  kind: LiveEventKind;
  /** JSON payload. */
  payload: string;
  created_at: number;
}

/** A live event too large to travel inside a NOTIFY payload, parked briefly (PostgreSQL bus). */
export interface DrillBusPayloadsTable {
  id: Generated<number>;
  /** The whole DrillEvent as JSON. */
  payload: string;
  created_at: number;
}

export type DrillRow = Selectable<DrillsTable>;
export type NewDrill = Insertable<DrillsTable>;
export type DrillUpdate = Updateable<DrillsTable>;
export type TraineeRow = Selectable<DrillTraineesTable>;
export type NewTrainee = Insertable<DrillTraineesTable>;
export type DrillEventRow = Selectable<DrillEventsTable>;
