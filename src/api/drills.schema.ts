import { z } from 'zod';
import { LESSON_IDS, runRecordSchema, type LessonVerdict, type Mode } from '../core/index';
import { breakdown, epochMs, grade, nameSchema, obligationStatus, scenarioHash, scenarioId, seed, uuid } from './common.schema';
import { runRecordField } from './runs.schema';
import { scenarioSummarySchema } from './scenarios.schema';

export const drillStatus = z.enum(['lobby', 'running', 'paused', 'ended']);
export const drillCommand = z.enum(['start', 'pause', 'resume', 'end']);

const joinCode = z
  .string()
  .min(4)
  .max(12)
  .transform((s) => s.toUpperCase())
  .meta({ description: 'The short join code of a drill' });
const token = z.string().min(1).max(200);

export const drillParams = z.object({ code: joinCode });
/**
 * Trainer routes take the token only as `Authorization: Bearer`; `token` is declared here so that
 * a token in the URL gets its own refusal (drill/token_in_url) rather than a generic one.
 */
export const tokenQuery = z.strictObject({ token: token.optional().meta({ description: 'Refused with 400 drill/token_in_url: send the token as "Authorization: Bearer …"' }) });
export const eventsQuery = z.strictObject({
  token: token.optional().meta({ description: 'Trainer or trainee token (EventSource cannot send headers)' }),
  lastEventId: z.coerce.number().int().min(0).optional(),
});

export const drillCreateBody = z.strictObject({ scenarioId, seed: seed.optional().meta({ description: 'Omit for a server-drawn seed' }) });
export const drillCreated = z.object({
  drillId: uuid,
  code: z.string(),
  trainerToken: z.string().meta({ description: 'Private: send as "Authorization: Bearer …" on trainer endpoints' }),
  scenarioId: z.string(),
  scenarioHash,
  seed,
  status: drillStatus,
});

export const joinBody = z.strictObject({ name: nameSchema });
/** A run record's actions, checked with the core's own schema. */
const runActions = runRecordSchema.shape.actions;

/** Sim second of the drill's shift (seconds since the shift's start clock). */
export const simSecond = z.number().int().min(0).max(7 * 24 * 3600);
export const firedInject = z.object({
  eventId: z.number().int(),
  injectId: z.string(),
  title: z.string(),
  at: epochMs,
  simT: simSecond.meta({ description: 'The sim second every trainee applies it at; a run that applies it at another time is refused' }),
});
/** Where the drill's own clock stood when the trainer ended it; every run is scored up to this sim second. */
const endedAtSimT = simSecond.nullable().meta({ description: 'Sim second the drill ended at (null until it ends); runs are scored up to it' });
export const joined = z.object({
  traineeId: uuid,
  traineeToken: z.string().meta({ description: 'Private: send as "Authorization: Bearer …" on trainee endpoints' }),
  name: z.string(),
  code: z.string(),
  scenarioId: z.string(),
  scenarioHash,
  seed,
  mode: z.literal('drill' satisfies Mode),
  status: drillStatus,
  firedInjects: z.array(firedInject),
  endedAtSimT,
});
export const injectBody = z.strictObject({ injectId: z.string().min(1).max(60) });
export const statusResponse = z.object({ status: drillStatus });

/** What a trainee reports: the live figures, and the actions so far so the trainer can open the review mid-drill. */
export const progressBody = z.strictObject({
  t: simSecond.meta({ description: 'Sim seconds into the shift' }),
  score: z.number().int().min(0).max(100),
  level: z.string().min(1).max(60),
  obligations: z.array(z.strictObject({ id: z.string().min(1).max(60), status: obligationStatus })).max(50),
  actions: runActions.optional().meta({ description: "The run record's actions up to `t`; kept for the trainer's review, never broadcast" }),
});
/** The live part of a progress report: what the trainer's table shows and the event stream carries. */
export const progressFigures = progressBody.omit({ actions: true });
export const drillRunBody = z.strictObject({ run: runRecordField });
export const drillRunResponse = z.object({ traineeId: uuid, verified: z.literal(true), score: z.number().int(), grade, duplicate: z.boolean(), breakdown });

export const traineeView = z.object({
  traineeId: uuid,
  name: z.string(),
  joinedAt: epochMs,
  progress: progressFigures.extend({ at: epochMs }).nullable(),
  final: z.object({ score: z.number().int(), grade, at: epochMs }).nullable(),
});
export const drillView = z.object({
  drillId: uuid,
  code: z.string(),
  status: drillStatus,
  scenario: scenarioSummarySchema,
  seed,
  createdAt: epochMs,
  startedAt: epochMs.nullable(),
  endedAt: epochMs.nullable(),
  endedAtSimT,
  trainees: z.array(traineeView),
  firedInjects: z.array(firedInject),
});

/** A trainee's run as far as it has reached the server: the final record, or the actions of the last progress report. */
export const traineeParams = drillParams.extend({ traineeId: uuid });
export const traineeReview = z.object({
  traineeId: uuid,
  name: z.string(),
  finished: z.boolean(),
  scenarioId: z.string(),
  scenarioHash,
  seed,
  mode: z.literal('drill' satisfies Mode),
  actions: runActions,
  until: simSecond.meta({ description: 'Rebuild the run up to this sim second (the scored end, or the last progress report)' }),
});

/** A scored guideline obligation as the debrief reports it. */
export const obligationResult = z.object({ id: z.string(), rule: z.string(), text: z.string(), status: obligationStatus });

/** The core's RunFigures: the one set of numbers the review, the results, the CSV and the xAPI all read. */
export const runFiguresSchema = z.object({
  scoredAt: simSecond,
  score: z.number().int(),
  grade,
  breakdown: z.array(z.object({ id: z.string(), label: z.string(), weight: z.number(), score: z.number() })),
  obligations: z.object({ total: z.number().int(), met: z.number().int(), metLate: z.number().int(), missed: z.number().int(), notYetDue: z.number().int() }),
  lessons: z.array(z.object({ id: z.enum(LESSON_IDS), verdict: z.enum(['missed', 'mixed', 'kept'] as const satisfies readonly LessonVerdict[]), title: z.string() })),
  breaches: z.array(z.object({ t: z.number().int(), kind: z.string(), rule: z.string(), text: z.string() })),
});

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
      obligations: z.array(obligationResult),
      joinedAt: epochMs,
      finishedAt: epochMs.nullable(),
      figures: runFiguresSchema.nullable().meta({ description: 'The verified run\'s figures (null until it finishes)' }),
    }),
  ),
  averageScore: z.number().nullable(),
  components: z.array(z.object({ id: z.string(), label: z.string(), average: z.number() })),
  missedMoments: z.array(
    z.object({ kind: z.string(), title: z.string(), guideline: z.string(), missedBy: z.number().int(), of: z.number().int(), firstAt: simSecond.meta({ description: 'Earliest sim second any trainee missed it' }) }),
  ),
  missedLessons: z
    .array(z.object({ id: z.enum(LESSON_IDS), title: z.string(), missedBy: z.number().int(), of: z.number().int() }))
    .meta({ description: 'Debrief lessons by stable id, most trainees missing them first' }),
  missedObligations: z.array(obligationResult.omit({ status: true }).extend({ missedBy: z.number().int(), of: z.number().int() })),
});

/** xAPI 1.0.3 statements; only the parts this server fills in are described. */
const languageMap = z.record(z.string(), z.string());
export const xapiStatement = z.object({
  id: uuid,
  actor: z.object({ objectType: z.literal('Agent'), name: z.string(), account: z.object({ homePage: z.string(), name: z.string() }) }),
  verb: z.object({ id: z.string(), display: languageMap }),
  object: z.object({ objectType: z.literal('Activity'), id: z.string(), definition: z.object({ name: languageMap, type: z.string() }) }),
  result: z.object({
    completion: z.boolean(),
    success: z.boolean().optional(),
    score: z.object({ scaled: z.number(), raw: z.number(), min: z.number(), max: z.number() }).optional(),
    extensions: z.record(z.string(), z.unknown()).optional(),
  }),
  context: z.object({ registration: uuid, platform: z.string(), extensions: z.record(z.string(), z.unknown()) }),
  timestamp: z.iso.datetime().nullable(),
});
export const xapiResponse = z.array(xapiStatement);

export const resultsCsv = z.string().meta({
  description:
    'RFC 4180 CSV (CRLF), one row per trainee: name, finished, score, grade, one column per score component, the scored-at clock, obligations by status, lessons missed, breaches, joined and finished times',
});
