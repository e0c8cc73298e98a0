import type { Insertable, Selectable } from 'kysely';

/** A ranked attempt: the server chose (or re-issued) the seed, so a run can be bound to it. */
export interface AttemptsTable {
  id: string;
  scenario_id: string;
  scenario_hash: string;
  seed: number;
  /** 1 when the seed was freshly drawn for this attempt; 0 for a repeat at an already-played seed. */
  rated: number;
  created_at: number;
}

export type AttemptRow = Selectable<AttemptsTable>;
export type NewAttempt = Insertable<AttemptsTable>;
