import { z } from 'zod';
import type { Grade, ObligationStatus } from '../core/index';
import { NAME_MAX, normaliseName } from './names';

/** Building blocks shared by every feature's requests and responses. */

export const scenarioId = z.string().min(1).max(80).meta({ description: 'A scenario id, e.g. "bakery-mugging"' });
export const seed = z.number().int().min(0).max(0x7fffffff);
export const grade = z.enum(['A', 'B', 'C', 'D', 'F'] as const satisfies readonly Grade[]);
export const scenarioHash = z.string().regex(/^[0-9a-f]{16}$/).meta({ description: 'Scenario version digest (from /api/scenarios)' });
export const uuid = z.uuid();
/** Epoch milliseconds. */
export const epochMs = z.number().int();
export const obligationStatus = z.enum(['waiting', 'open', 'met', 'missed', 'metLate'] as const satisfies readonly ObligationStatus[]);

export const nameSchema = z
  .string()
  .max(200, 'too long')
  .transform(normaliseName)
  .pipe(z.string().min(1, 'must not be empty').max(NAME_MAX, `at most ${NAME_MAX} characters`));

/** One line of a score's breakdown (the core's ScoreComponent). */
export const scoreLine = z.object({ id: z.string(), label: z.string(), weight: z.number(), score: z.number(), why: z.string() });
export const breakdown = z.array(scoreLine);

/** Every refusal: a namespaced code (see the server's http-errors) and a reason. */
export const errorSchema = z
  .object({
    code: z.string().meta({ description: 'Namespaced error code, e.g. run/score_mismatch' }),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  });
