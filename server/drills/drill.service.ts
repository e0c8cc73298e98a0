import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { clockAt, type RunRecord, type Scenario } from '../../src/core/index';
import type { DrillEventData, DrillTraineeView, DrillView, FiredInject, TraineeProgress, TraineeProgressReport, TraineeReview } from '../../src/api/index';
import type { AppContext } from '../context';
import { appendDrillEvent, drillEventsAfter, findDrillByCode, insertDrill, insertTrainee, listTrainees, saveProgress, transitionDrill } from './drills.repository';
import type { DrillRow, DrillStatus, TraineeRow } from './drills.table';
import { ApiError } from '../http/http-errors';
import { nameKey } from '../runs/names';
import type { DrillEvent, LiveEventKind } from './drill-bus';
import type { FinalOutcome } from './drill-runs.service';
import { drillSimTime, injectSimTime, runningMs, withinShift, type StatusChange } from './drill-clock';

/** Join codes avoid look-alike characters (0/O, 1/I) so they survive being read aloud or off a projector. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

const newToken = () => randomBytes(24).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(0, CODE_ALPHABET.length)];
  return code;
}

export async function createDrill(ctx: AppContext, input: { scenarioId: string; seed?: number | undefined }) {
  // The drill pins the latest version now: a version published mid-drill changes nothing for its cohort.
  const entry = await ctx.scenarios.latest(input.scenarioId);
  if (!entry) throw new ApiError('scenario/unknown', input.scenarioId);
  const trainerToken = newToken();
  const seed = input.seed ?? randomInt(0, 0x80000000);
  for (let tries = 0; tries < 16; tries++) {
    const drill = {
      id: randomUUID(),
      code: newCode(),
      trainer_token_hash: tokenHash(trainerToken),
      scenario_id: input.scenarioId,
      scenario_hash: entry.hash,
      seed,
      status: 'lobby' as const,
      created_at: ctx.now(),
      started_at: null,
      ended_at: null,
    };
    if (await insertDrill(ctx.db, drill)) {
      return { drillId: drill.id, code: drill.code, trainerToken, scenarioId: drill.scenario_id, scenarioHash: entry.hash, seed, status: drill.status };
    }
  }
  throw new Error('could not draw an unused join code in 16 tries');
}

/**
 * A drill's code and tokens work this long after it is created (a rehearsal and its debrief),
 * then the drill is gone as far as the API is concerned: live codes stay few, so guessing one
 * stays hopeless, and nothing a trainee holds works for ever.
 */
export const DRILL_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** The drill with this code, unless there is none or it has expired. */
export async function liveDrillByCode(ctx: AppContext, code: string): Promise<DrillRow | undefined> {
  const drill = await findDrillByCode(ctx.db, code);
  return drill && ctx.now() - drill.created_at <= DRILL_LIFETIME_MS ? drill : undefined;
}

async function drillByCode(ctx: AppContext, code: string): Promise<DrillRow> {
  const drill = await liveDrillByCode(ctx, code);
  if (!drill) throw new ApiError('drill/unknown', code);
  return drill;
}

export type Caller = { role: 'trainer'; drill: DrillRow } | { role: 'trainee'; drill: DrillRow; trainee: TraineeRow };

async function recordEvent<K extends LiveEventKind>(ctx: AppContext, drill: DrillRow, kind: K, data: DrillEventData<K>, trainerOnly: boolean, at = ctx.now()): Promise<number> {
  const row = await appendDrillEvent(ctx.db, { drill_id: drill.id, kind, payload: JSON.stringify(data), created_at: at });
  await ctx.bus.publish({ drillId: drill.id, kind, id: row.id, trainerOnly, data } as DrillEvent);
  return row.id;
}

/** What the drill's log says happened when: its status changes and the injects fired, with the sim second each took effect. */
export interface DrillTimeline {
  changes: StatusChange[];
  injects: FiredInject[];
  /** The sim second the drill ended at, once it has. */
  endedAtSimT: number | null;
}

export async function drillTimeline(ctx: AppContext, drill: DrillRow): Promise<DrillTimeline> {
  const rows = await drillEventsAfter(ctx.db, drill.id, 0, ['status', 'inject']);
  const timeline: DrillTimeline = { changes: [], injects: [], endedAtSimT: null };
  for (const r of rows) {
    const at = Number(r.created_at);
    if (r.kind === 'status') {
      const data = JSON.parse(r.payload) as DrillEventData<'status'>;
      timeline.changes.push({ status: data.status, at });
      if (data.status === 'ended') timeline.endedAtSimT = data.simT;
    } else {
      const data = JSON.parse(r.payload) as DrillEventData<'inject'>;
      timeline.injects.push({ eventId: r.id, injectId: data.injectId, title: data.title, at, simT: data.simT });
    }
  }
  return timeline;
}

/** Tells the trainer's screen a trainee's run verified. */
export async function recordFinished(ctx: AppContext, drill: DrillRow, data: DrillEventData<'finished'>): Promise<void> {
  await recordEvent(ctx, drill, 'finished', data, true);
}

export async function firedInjects(ctx: AppContext, drill: DrillRow): Promise<FiredInject[]> {
  return (await drillTimeline(ctx, drill)).injects;
}

/** The drill's scenario, at the version it was created on (every version is kept). */
export async function drillScenario(ctx: AppContext, drill: DrillRow): Promise<Scenario> {
  const scenario = (await ctx.scenarios.version(drill.scenario_id, drill.scenario_hash))?.scenario;
  if (!scenario) throw new ApiError('scenario/unknown', drill.scenario_id);
  return scenario;
}

export async function joinDrill(ctx: AppContext, code: string, name: string) {
  const drill = await drillByCode(ctx, code);
  if (drill.status === 'ended') throw new ApiError('drill/state', 'the drill has ended');
  const traineeToken = newToken();
  const trainee = {
    id: randomUUID(),
    drill_id: drill.id,
    name,
    name_key: nameKey(name),
    token_hash: tokenHash(traineeToken),
    joined_at: ctx.now(),
    progress: null,
    progress_at: null,
    final_score: null,
    final_grade: null,
    final_outcome: null,
    run_hash: null,
    record: null,
    finished_at: null,
  };
  if (!(await insertTrainee(ctx.db, trainee))) throw new ApiError('drill/name_taken', name);
  const timeline = await drillTimeline(ctx, drill);
  await recordEvent(ctx, drill, 'joined', { traineeId: trainee.id, name }, true);
  return {
    traineeId: trainee.id,
    traineeToken,
    name,
    code: drill.code,
    scenarioId: drill.scenario_id,
    scenarioHash: drill.scenario_hash,
    seed: drill.seed,
    mode: 'drill' as const,
    status: drill.status,
    firedInjects: timeline.injects,
    endedAtSimT: timeline.endedAtSimT,
  };
}

const TRANSITIONS: Record<'start' | 'pause' | 'resume' | 'end', { from: DrillStatus[]; to: DrillStatus }> = {
  start: { from: ['lobby'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  end: { from: ['lobby', 'running', 'paused'], to: 'ended' },
};

/** Start, pause, resume or end the drill for everyone. */
export async function controlDrill(ctx: AppContext, drill: DrillRow, command: keyof typeof TRANSITIONS): Promise<{ status: DrillStatus }> {
  const { from, to } = TRANSITIONS[command];
  const now = ctx.now();
  const stamp = command === 'start' ? { started_at: now } : command === 'end' ? { ended_at: now } : {};
  if (!(await transitionDrill(ctx.db, drill.id, from, { status: to, ...stamp }))) {
    throw new ApiError('drill/state', `cannot ${command} a drill that is ${drill.status}`);
  }
  const { changes } = await drillTimeline(ctx, drill);
  const simT = drillSimTime(await drillScenario(ctx, drill), runningMs(changes, now));
  await recordEvent(ctx, drill, 'status', { status: to, simT }, false, now);
  return { status: to };
}

/** Fires an inject from the scenario's library; every trainee's game applies it as an `inject.fire` action. */
export async function fireInject(ctx: AppContext, drill: DrillRow, injectId: string): Promise<FiredInject> {
  // Paused counts: a trainer may line up an inject while everyone is paused.
  if (drill.status !== 'running' && drill.status !== 'paused') throw new ApiError('drill/state', `injects fire during the drill (it is ${drill.status})`);
  const scenario = await drillScenario(ctx, drill);
  const inject = scenario.injects.find((i) => i.id === injectId);
  if (!inject) throw new ApiError('action/unknown_inject', injectId);
  const now = ctx.now();
  const timeline = await drillTimeline(ctx, drill);
  if (timeline.injects.some((f) => f.injectId === injectId)) throw new ApiError('drill/state', `inject ${injectId} has already fired`);
  const simT = injectSimTime(scenario, runningMs(timeline.changes, now));
  if (!withinShift(scenario, simT)) throw new ApiError('drill/state', `too late in the shift: it would land at ${clockAt(scenario, simT)}, after the shift ends`);
  if (inject.atMinute !== undefined && inject.atMinute * 60 <= simT) {
    throw new ApiError('drill/state', `inject ${injectId} is scripted: it fires by itself at ${clockAt(scenario, inject.atMinute * 60)}`);
  }
  const eventId = await recordEvent(ctx, drill, 'inject', { injectId, title: inject.title, simT }, false, now);
  return { eventId, injectId, title: inject.title, at: now, simT };
}

/**
 * The game reports every few seconds (PROGRESS_EVERY_MS). Half a second leaves room for network
 * jitter and for a retry after a slow answer (a report sent each second can arrive 0.8 s after
 * the one before it), not for a flood: two a second per trainee at most, and the address's
 * progress budget caps a room.
 */
const PROGRESS_MIN_INTERVAL_MS = 500;

/** Live, unverified progress for the trainer's view; the verified result comes with the final run. */
export async function reportProgress(ctx: AppContext, caller: Extract<Caller, { role: 'trainee' }>, report: TraineeProgressReport): Promise<void> {
  if (caller.drill.status === 'lobby' || caller.drill.status === 'ended') throw new ApiError('drill/state', `the drill is ${caller.drill.status}`);
  const at = ctx.now();
  const last = caller.trainee.progress_at;
  if (last !== null && at - Number(last) < PROGRESS_MIN_INTERVAL_MS) {
    throw new ApiError('request/rate_limited', `report progress at most once every ${PROGRESS_MIN_INTERVAL_MS} ms`);
  }
  // The actions are kept for the trainer's review of the run so far; only the figures go live.
  const { actions, ...progress } = report;
  if (actions?.some((a) => a.t > progress.t)) throw new ApiError('request/invalid', 'progress actions must not be later than its t');
  // Stored and published at once, on two pooled connections: neither needs the other, and the
  // trainer's copy is what the report is for, so it does not wait for the write's round trip.
  await Promise.all([
    saveProgress(ctx.db, caller.trainee.id, JSON.stringify(report), at),
    ctx.bus.publish({ drillId: caller.drill.id, kind: 'progress', trainerOnly: true, data: { traineeId: caller.trainee.id, ...progress, at } }),
  ]);
}

/** The stored progress report, figures and actions apart. */
function storedProgress(t: TraineeRow): TraineeProgressReport | null {
  return t.progress ? (JSON.parse(t.progress) as TraineeProgressReport) : null;
}

function traineeView(t: TraineeRow): DrillTraineeView {
  const report = storedProgress(t);
  const progress: TraineeProgress | null = report && { t: report.t, score: report.score, level: report.level, obligations: report.obligations };
  return {
    traineeId: t.id,
    name: t.name,
    joinedAt: Number(t.joined_at),
    progress: progress && { ...progress, at: Number(t.progress_at) },
    final: t.final_score !== null ? { score: t.final_score, grade: t.final_grade!, at: Number(t.finished_at) } : null,
  };
}

/** Everything the trainer's screen shows. */
export async function drillView(ctx: AppContext, drill: DrillRow): Promise<DrillView> {
  const scenario = await ctx.scenarios.summary(drill.scenario_id, drill.scenario_hash);
  if (!scenario) throw new ApiError('scenario/unknown', drill.scenario_id);
  const timeline = await drillTimeline(ctx, drill);
  return {
    drillId: drill.id,
    code: drill.code,
    status: drill.status,
    scenario,
    seed: drill.seed,
    createdAt: Number(drill.created_at),
    startedAt: drill.started_at === null ? null : Number(drill.started_at),
    endedAt: drill.ended_at === null ? null : Number(drill.ended_at),
    endedAtSimT: timeline.endedAtSimT,
    trainees: (await listTrainees(ctx.db, drill.id)).map(traineeView),
    firedInjects: timeline.injects,
  };
}

/**
 * One trainee's run as far as it has reached the server, for the trainer to open its
 * review: the verified record once finished (up to the sim second it was scored at),
 * otherwise the actions of the latest progress report (up to that report's time).
 */
export async function traineeReview(ctx: AppContext, drill: DrillRow, traineeId: string): Promise<TraineeReview> {
  const trainee = (await listTrainees(ctx.db, drill.id)).find((t) => t.id === traineeId);
  if (!trainee) throw new ApiError('drill/unknown_trainee', traineeId);
  const base = { traineeId, name: trainee.name, scenarioId: drill.scenario_id, scenarioHash: drill.scenario_hash, seed: drill.seed, mode: 'drill' as const };
  if (trainee.record !== null && trainee.final_outcome !== null) {
    const record = JSON.parse(trainee.record) as RunRecord;
    const { figures } = JSON.parse(trainee.final_outcome) as FinalOutcome;
    return { ...base, finished: true, actions: record.actions, until: figures.scoredAt };
  }
  const report = storedProgress(trainee);
  return { ...base, finished: false, actions: report?.actions ?? [], until: report?.t ?? 0 };
}

