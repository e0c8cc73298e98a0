import { z } from 'zod';
import type { Mode } from '../src/core/index';
import { nameSchema } from './runs/names';

/**
 * Request and response shapes of the HTTP API. Requests are parsed with these
 * schemas; the OpenAPI document at /api/docs is generated from them, so the
 * documentation cannot drift from what the server accepts.
 */

const scenarioId = z.string().min(1).max(80).meta({ description: 'A scenario id, e.g. "bakery-mugging"' });
const seed = z.number().int().min(0).max(0x7fffffff);
const grade = z.enum(['A', 'B', 'C', 'D', 'F']);
const hash = z.string().regex(/^[0-9a-f]{16}$/).meta({ description: 'Scenario version digest (from /api/scenarios)' });
const uuid = z.uuid();
const joinCode = z
  .string()
  .min(4)
  .max(12)
  .transform((s) => s.toUpperCase())
  .meta({ description: 'The short join code of a drill' });

/** The run record is validated by the core's own schema; documented as components/schemas/RunRecord. */
export const runField = z.unknown().meta({ description: 'A run record as produced by the core (makeRunRecord)' });

export const errorSchema = z
  .object({
    code: z.string().meta({ description: 'Namespaced error code, e.g. run/score_mismatch' }),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['sqlite', 'postgres']),
  engineVersion: z.string(),
  scenarios: z.number().int(),
  verifier: z.object({ workers: z.number().int(), ready: z.number().int(), busy: z.number().int(), queued: z.number().int() }),
  uptimeSeconds: z.number().int(),
});

export const scenarioSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    difficulty: z.string(),
    hash,
    realMinutes: z.number().int(),
    simMinutes: z.number().int(),
    injects: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), scripted: z.boolean() })),
  })
  .meta({ id: 'ScenarioSummary' });

export const scenariosResponse = z.object({ engineVersion: z.string(), scenarios: z.array(scenarioSummarySchema) });

export const attemptBody = z.strictObject({
  scenarioId,
  seed: seed.optional().meta({
    description: 'Replay a seed you have seen before. A client-chosen seed is always unrated; omit it for a fresh, rated seed.',
  }),
});
export const attemptResponse = z.object({ attemptId: uuid, scenarioId: z.string(), scenarioHash: hash, seed, rated: z.boolean() });

export const runBody = z.strictObject({
  player: nameSchema.meta({ description: 'Display name (1–24 characters after normalisation)' }),
  team: nameSchema.optional().meta({ description: 'Optional team name' }),
  attemptId: uuid,
  run: runField,
});

const breakdown = z.array(z.object({ id: z.string(), label: z.string(), weight: z.number(), score: z.number(), why: z.string() }));

export const runResponse = z.object({
  runId: uuid,
  verified: z.literal(true),
  score: z.number().int(),
  grade,
  rated: z.boolean(),
  /** The player's place on the scenario's individual board after this run (rated runs only). */
  rank: z.number().int().nullable(),
  duplicate: z.boolean().meta({ description: 'True when this exact run was already stored; nothing new was written' }),
  breakdown,
});

export const runDetail = z.object({
  runId: uuid,
  player: z.string(),
  team: z.string().nullable(),
  scenarioId: z.string(),
  scenarioHash: hash,
  seed,
  score: z.number().int(),
  grade,
  rated: z.boolean(),
  at: z.number().int(),
  breakdown,
  record: runField,
});

export const runParams = z.object({ runId: uuid });
export const boardParams = z.object({ scenarioId });

const page = {
  hash: hash.optional().meta({ description: 'Scenario version; defaults to the version this server runs' }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};
export const playerBoardQuery = z.strictObject({ ...page, player: nameSchema.optional().meta({ description: 'Also answer this player\'s own standing' }) });
export const teamBoardQuery = z.strictObject({ ...page, team: nameSchema.optional().meta({ description: 'Also answer this team\'s own standing' }) });

const playerStanding = z.object({
  rank: z.number().int(),
  player: z.string(),
  team: z.string().nullable(),
  score: z.number().int(),
  grade,
  runId: uuid,
  at: z.number().int(),
});
const teamStanding = z.object({
  rank: z.number().int(),
  team: z.string(),
  members: z.number().int(),
  average: z.number().meta({ description: 'Mean of the members\' best scores, to one decimal' }),
  best: z.number().int(),
});
const boardHeader = { scenarioId: z.string(), scenarioHash: hash, total: z.number().int(), offset: z.number().int(), limit: z.number().int() };
export const playerBoardResponse = z.object({ ...boardHeader, entries: z.array(playerStanding), you: playerStanding.nullable() });
export const teamBoardResponse = z.object({ ...boardHeader, entries: z.array(teamStanding), yours: teamStanding.nullable() });

// ---- drills ----

export const drillStatus = z.enum(['lobby', 'running', 'paused', 'ended']);
export const drillParams = z.object({ code: joinCode });
export const drillCreateBody = z.strictObject({ scenarioId, seed: seed.optional().meta({ description: 'Omit for a server-drawn seed' }) });
export const drillCreated = z.object({
  drillId: uuid,
  code: z.string(),
  trainerToken: z.string().meta({ description: 'Private: send as "Authorization: Bearer …" on trainer endpoints' }),
  scenarioId: z.string(),
  scenarioHash: hash,
  seed,
  status: drillStatus,
});
export const joinBody = z.strictObject({ name: nameSchema });
const firedInject = z.object({ eventId: z.number().int(), injectId: z.string(), title: z.string(), at: z.number().int() });
export const joined = z.object({
  traineeId: uuid,
  traineeToken: z.string().meta({ description: 'Private: send as "Authorization: Bearer …" on trainee endpoints' }),
  name: z.string(),
  code: z.string(),
  scenarioId: z.string(),
  scenarioHash: hash,
  seed,
  mode: z.literal('drill' satisfies Mode),
  status: drillStatus,
  firedInjects: z.array(firedInject),
});
export const injectBody = z.strictObject({ injectId: z.string().min(1).max(60) });

const obligationStatus = z.enum(['waiting', 'open', 'met', 'missed', 'metLate']);
export const progressBody = z.strictObject({
  t: z.number().int().min(0).max(7 * 24 * 3600).meta({ description: 'Sim seconds into the shift' }),
  score: z.number().int().min(0).max(100),
  level: z.string().min(1).max(60),
  obligations: z.array(z.strictObject({ id: z.string().min(1).max(60), status: obligationStatus })).max(50),
});
export const drillRunBody = z.strictObject({ run: runField });
export const drillRunResponse = z.object({ traineeId: uuid, verified: z.literal(true), score: z.number().int(), grade, duplicate: z.boolean(), breakdown });

const traineeView = z.object({
  traineeId: uuid,
  name: z.string(),
  joinedAt: z.number().int(),
  progress: progressBody.extend({ at: z.number().int() }).nullable(),
  final: z.object({ score: z.number().int(), grade, at: z.number().int() }).nullable(),
});
export const drillView = z.object({
  drillId: uuid,
  code: z.string(),
  status: drillStatus,
  scenario: scenarioSummarySchema,
  seed,
  createdAt: z.number().int(),
  startedAt: z.number().int().nullable(),
  endedAt: z.number().int().nullable(),
  trainees: z.array(traineeView),
  firedInjects: z.array(firedInject),
});
export const okResponse = z.object({ status: drillStatus });

export const resultsResponse = z.object({
  code: z.string(),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  status: drillStatus,
  trainees: z.array(
    z.object({
      traineeId: uuid,
      name: z.string(),
      finished: z.boolean(),
      score: z.number().int().nullable(),
      grade: grade.nullable(),
      breakdown,
      obligations: z.array(z.object({ id: z.string(), rule: z.string(), text: z.string(), status: obligationStatus })),
    }),
  ),
  averageScore: z.number().nullable(),
  components: z.array(z.object({ id: z.string(), label: z.string(), average: z.number() })),
  missedMoments: z.array(z.object({ kind: z.string(), title: z.string(), guideline: z.string(), missedBy: z.number().int(), of: z.number().int() })),
  missedObligations: z.array(z.object({ id: z.string(), rule: z.string(), text: z.string(), missedBy: z.number().int(), of: z.number().int() })),
});

export const eventsQuery = z.strictObject({
  token: z.string().min(1).max(200).optional().meta({ description: 'Trainer or trainee token (EventSource cannot send headers)' }),
  lastEventId: z.coerce.number().int().min(0).optional(),
});
export const tokenQuery = z.strictObject({ token: z.string().min(1).max(200).optional() });

