import { z } from 'zod';
import { epochMs, grade, scenarioHash, seed, uuid } from './common.schema';
import { drillStatus, drillView, firedInject, progressFigures, simSecond } from './drills.schema';

/**
 * The live (SSE) events of a drill, by event name. The first event of every stream is
 * a `snapshot`; control events carry their stored id so a reconnecting client resumes.
 */

const lastEventId = z.number().int().meta({ description: 'Id of the last stored event the snapshot includes' });

export const trainerSnapshot = drillView.extend({ role: z.literal('trainer'), lastEventId });
export const traineeSnapshot = z.object({
  role: z.literal('trainee'),
  code: z.string(),
  status: drillStatus,
  scenarioId: z.string(),
  scenarioHash,
  seed,
  firedInjects: z.array(firedInject),
  endedAtSimT: simSecond.nullable(),
  you: z.object({ traineeId: uuid, name: z.string(), finished: z.boolean() }).nullable(),
  lastEventId,
});

export const drillEventData = {
  snapshot: z.discriminatedUnion('role', [trainerSnapshot, traineeSnapshot]),
  status: z.object({ status: drillStatus, simT: simSecond.meta({ description: "Where the drill's clock stood (sim second) when the status changed" }) }),
  inject: firedInject.pick({ injectId: true, title: true, simT: true }),
  /** Trainer only: someone joined. */
  joined: z.object({ traineeId: uuid, name: z.string() }),
  /** Trainer only: live, unverified progress. */
  progress: progressFigures.extend({ traineeId: uuid, at: epochMs }),
  /** Trainer only: a trainee's run verified. */
  finished: z.object({ traineeId: uuid, score: z.number().int(), grade }),
} as const;

export type DrillEventKind = keyof typeof drillEventData;
export type DrillEventData<K extends DrillEventKind> = z.output<(typeof drillEventData)[K]>;

const message = <K extends DrillEventKind>(event: K) => z.object({ event: z.literal(event), data: drillEventData[event] });

/** One event as documented in OpenAPI: its SSE `event:` name and its `data:` JSON. */
export const drillEventSchema = z
  .discriminatedUnion('event', [message('snapshot'), message('status'), message('inject'), message('joined'), message('progress'), message('finished')])
  .meta({ description: 'An SSE message: `event:` is the name, `data:` the JSON payload' });
