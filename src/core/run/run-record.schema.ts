import { z } from 'zod';
import { MODES, type Mode } from '../modes';
import { actionSchema } from '../sim/actions';

/** Bumped whenever a change to the core could change the outcome of a recorded run. */
export const ENGINE_VERSION = '2.4.0';

/** Far more actions than a human can take in a shift; bounds the work a forged record can cause. */
export const MAX_ACTIONS = 5000;

export const runRecordSchema = z.strictObject({
  scenarioId: z.string().min(1).max(80),
  scenarioHash: z.string().regex(/^[0-9a-f]{16}$/),
  engineVersion: z.string().min(1).max(20),
  seed: z.number().int().min(0).max(0x7fffffff),
  mode: z.enum(MODES as [Mode, ...Mode[]]),
  actions: z.array(z.strictObject({ t: z.number().int().min(0), action: actionSchema })).max(MAX_ACTIONS),
  claimed: z.strictObject({ score: z.number().int().min(0).max(100), grade: z.enum(['A', 'B', 'C', 'D', 'F']) }),
});

/** What a client sends and the server replays: derived from the schema, so the two cannot drift. */
export type RunRecord = z.infer<typeof runRecordSchema>;
