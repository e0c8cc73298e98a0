import type { Generated, Insertable, Selectable } from 'kysely';

/** A ranked attempt: the server chose (or re-issued) the seed, so a run can be bound to it. */
export interface AttemptsTable {
  id: string;
  scenario_id: string;
  scenario_hash: string;
  seed: number;
  /** 1 when the seed was freshly drawn for this attempt; 0 for a repeat at an already-played seed. */
  rated: number;
  /** When the server issued it, by the server's clock: its play window counts from here. */
  created_at: number;
  /** Replays spent on its runs (taken before each replay); at MAX_FAILED_VERIFICATIONS without a stored run it is burned. */
  verify_tries: Generated<number>;
}

export type AttemptRow = Selectable<AttemptsTable>;
export type NewAttempt = Insertable<AttemptsTable>;
