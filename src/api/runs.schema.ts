import { z } from 'zod';
import type { RunRecord } from '../core/index';
import { breakdown, epochMs, grade, nameSchema, scenarioHash, scenarioId, seed, uuid } from './common.schema';

/**
 * A run record, typed as the core's and documented as components/schemas/RunRecord
 * (the core's runRecordSchema). Not re-checked here: in a request the service checks
 * it with the core's schema, so a bad record answers `run/invalid` naming the field
 * rather than `request/invalid`; in a response it is a record the server verified
 * before storing it, and re-parsing up to MAX_ACTIONS actions on every read would
 * cost milliseconds for nothing.
 */
export const runRecordField = z.custom<RunRecord>().meta({ description: 'A run record as produced by the core (makeRunRecord)' });

export const attemptBody = z.strictObject({
  scenarioId,
  seed: seed.optional().meta({
    description: 'Replay a seed you have seen before. A client-chosen seed is always unrated; omit it for a fresh, rated seed.',
  }),
});
export const attemptResponse = z.object({
  attemptId: uuid,
  scenarioId: z.string(),
  scenarioHash,
  seed,
  rated: z.boolean(),
  issuedAt: epochMs.meta({ description: "When the server issued the attempt, by the server's clock: the shift's clock starts now" }),
  shiftMs: z.number().int().meta({ description: 'The shift in real time at the ranked pace; a run cannot arrive sooner than this after issuedAt' }),
  finishGraceMs: z.number().int().meta({ description: 'How late after shiftMs the shift may end (a slow start, a briefly hidden tab) and still count' }),
  offlineGraceMs: z.number().int().meta({
    description: 'How long after the play window a run that ended in time may still arrive (kept in the offline queue); it must send endedAfterMs',
  }),
});

export const runBody = z.strictObject({
  player: nameSchema.meta({ description: 'Display name (1–24 characters after normalisation)' }),
  team: nameSchema.optional().meta({ description: 'Optional team name' }),
  attemptId: uuid,
  run: runRecordField,
  endedAfterMs: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({
      description:
        "Milliseconds from receiving the attempt to the shift's end, by the client's own clock (so clock offsets cancel). " +
        'Needed only when the run arrives after the play window (it waited in an offline queue); it must then show the shift ended in time.',
    }),
});

export const runResponse = z.object({
  runId: uuid,
  verified: z.literal(true),
  score: z.number().int(),
  grade,
  rated: z.boolean(),
  rank: z.number().int().nullable().meta({ description: "The player's place on the scenario's individual board after this run (rated runs only)" }),
  duplicate: z.boolean().meta({ description: 'True when this exact run was already stored; nothing new was written' }),
  breakdown,
  claimKey: z.string().optional().meta({
    description: 'Only on the run that claimed the player name: the key later runs under this name must send (header x-claim-key). Shown once; the server keeps only its hash.',
  }),
  teamCode: z.string().optional().meta({
    description: 'Only on the run that claimed the team name: the code members must send (header x-team-code). Shown once.',
  }),
});

export const runParams = z.object({ runId: uuid });

export const runDetail = z.object({
  runId: uuid,
  player: z.string(),
  team: z.string().nullable(),
  scenarioId: z.string(),
  scenarioHash,
  seed,
  score: z.number().int(),
  grade,
  rated: z.boolean(),
  at: epochMs,
  breakdown,
  record: runRecordField,
});

export const runSharingBody = z.strictObject({
  shared: z.boolean().meta({ description: 'true opens the run’s review page to anyone with its address; false makes it private' }),
});
export const runSharingResponse = z.object({ runId: uuid, shared: z.boolean(), page: z.string().meta({ description: 'The review page’s path' }) });
