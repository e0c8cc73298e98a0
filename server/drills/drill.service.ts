import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { modeRules, type KeyMoment, type ScoreComponent } from '../../src/core/index';
import type { DrillEventData, DrillResults, DrillTraineeView, DrillView, FiredInject, TraineeProgress } from '../../src/api/index';
import type { AppContext } from '../context';
import { appendDrillEvent, drillEventsAfter, findDrillByCode, findTraineeByToken, finishTrainee, insertDrill, insertTrainee, listTrainees, saveProgress, transitionDrill } from './drills.repository';
import type { DrillRow, DrillStatus, TraineeRow } from './drills.table';
import { ApiError } from '../http/http-errors';
import { nameKey } from '../runs/names';
import { runHash } from '../runs/run-hash';
import { checkRunTarget, parseRunRecord } from '../runs/runs.service';
import type { DrillEvent, LiveEventKind } from './drill-bus';

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
      created_at: Date.now(),
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
  return drill && Date.now() - drill.created_at <= DRILL_LIFETIME_MS ? drill : undefined;
}

async function drillByCode(ctx: AppContext, code: string): Promise<DrillRow> {
  const drill = await liveDrillByCode(ctx, code);
  if (!drill) throw new ApiError('drill/unknown', code);
  return drill;
}

export type Caller = { role: 'trainer'; drill: DrillRow } | { role: 'trainee'; drill: DrillRow; trainee: TraineeRow };

async function recordEvent<K extends LiveEventKind>(ctx: AppContext, drill: DrillRow, kind: K, data: DrillEventData<K>, trainerOnly: boolean): Promise<number> {
  const row = await appendDrillEvent(ctx.db, { drill_id: drill.id, kind, payload: JSON.stringify(data), created_at: Date.now() });
  await ctx.bus.publish({ drillId: drill.id, kind, id: row.id, trainerOnly, data } as DrillEvent);
  return row.id;
}

export async function firedInjects(ctx: AppContext, drill: DrillRow): Promise<FiredInject[]> {
  const rows = await drillEventsAfter(ctx.db, drill.id, 0, ['inject']);
  return rows.map((r) => {
    const data = JSON.parse(r.payload) as DrillEventData<'inject'>;
    return { eventId: r.id, injectId: data.injectId, title: data.title, at: Number(r.created_at) };
  });
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
    joined_at: Date.now(),
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
    firedInjects: await firedInjects(ctx, drill),
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
  const now = Date.now();
  const stamp = command === 'start' ? { started_at: now } : command === 'end' ? { ended_at: now } : {};
  if (!(await transitionDrill(ctx.db, drill.id, from, { status: to, ...stamp }))) {
    throw new ApiError('drill/state', `cannot ${command} a drill that is ${drill.status}`);
  }
  await recordEvent(ctx, drill, 'status', { status: to }, false);
  return { status: to };
}

/** Fires an inject from the scenario's library; every trainee's game applies it as an `inject.fire` action. */
export async function fireInject(ctx: AppContext, drill: DrillRow, injectId: string): Promise<FiredInject> {
  // Paused counts: a trainer may line up an inject while everyone is paused.
  if (drill.status !== 'running' && drill.status !== 'paused') throw new ApiError('drill/state', `injects fire during the drill (it is ${drill.status})`);
  const scenario = (await ctx.scenarios.version(drill.scenario_id, drill.scenario_hash))?.scenario;
  const inject = scenario?.injects.find((i) => i.id === injectId);
  if (!inject) throw new ApiError('action/unknown_inject', injectId);
  if ((await firedInjects(ctx, drill)).some((f) => f.injectId === injectId)) throw new ApiError('drill/state', `inject ${injectId} has already fired`);
  const eventId = await recordEvent(ctx, drill, 'inject', { injectId, title: inject.title }, false);
  return { eventId, injectId, title: inject.title, at: Date.now() };
}

/** The game reports every few seconds; this leaves room for a retry, not for a flood. */
const PROGRESS_MIN_INTERVAL_MS = 1_000;

/** Live, unverified progress for the trainer's view; the verified result comes with the final run. */
export async function reportProgress(ctx: AppContext, caller: Extract<Caller, { role: 'trainee' }>, progress: TraineeProgress): Promise<void> {
  if (caller.drill.status === 'lobby' || caller.drill.status === 'ended') throw new ApiError('drill/state', `the drill is ${caller.drill.status}`);
  const at = Date.now();
  const last = caller.trainee.progress_at;
  if (last !== null && at - Number(last) < PROGRESS_MIN_INTERVAL_MS) {
    throw new ApiError('request/rate_limited', `report progress at most once every ${PROGRESS_MIN_INTERVAL_MS / 1000} s`);
  }
  await saveProgress(ctx.db, caller.trainee.id, JSON.stringify(progress), at);
  await ctx.bus.publish({ drillId: caller.drill.id, kind: 'progress', trainerOnly: true, data: { traineeId: caller.trainee.id, ...progress, at } });
}

/** What is stored for a finished trainee (the final_outcome column). */
interface FinalOutcome {
  breakdown: ScoreComponent[];
  moments: KeyMoment[];
  narrative: string;
  obligations: DrillResults['trainees'][number]['obligations'];
}

/**
 * A trainee's final run: verified by replay like a ranked run, and bound to this
 * drill's scenario and seed. Its `inject.fire` actions must be injects the trainer
 * actually fired, so nobody adds or invents one to game the debrief.
 */
export async function submitDrillRun(ctx: AppContext, caller: Extract<Caller, { role: 'trainee' }>, run: unknown) {
  const { drill, trainee } = caller;
  const record = parseRunRecord(run);
  if (modeRules(record.mode).submitTo !== 'drill') throw new ApiError('drill/mismatch', `mode is ${record.mode}, a drill run is in drill mode`);
  const version = await checkRunTarget(ctx, record);
  if (record.scenarioId !== drill.scenario_id || record.seed !== drill.seed || record.scenarioHash !== drill.scenario_hash) {
    throw new ApiError('drill/mismatch', `drill is ${drill.scenario_id} seed ${drill.seed}; run is ${record.scenarioId} seed ${record.seed}`);
  }
  if (drill.status === 'lobby') throw new ApiError('drill/state', 'the drill has not started');
  const hash = runHash(record);
  if (trainee.run_hash !== null) {
    if (trainee.run_hash !== hash) throw new ApiError('drill/already_finished');
    return { traineeId: trainee.id, verified: true as const, score: trainee.final_score!, grade: trainee.final_grade!, duplicate: true, breakdown: (JSON.parse(trainee.final_outcome!) as FinalOutcome).breakdown };
  }
  const fired = new Set((await firedInjects(ctx, drill)).map((f) => f.injectId));
  for (const { action } of record.actions) {
    if (action.type === 'inject.fire' && !fired.has(action.injectId)) {
      throw new ApiError('drill/mismatch', `inject ${action.injectId} was never fired in this drill`);
    }
  }
  const verdict = await ctx.verifier.verify(record, version);
  if (!verdict.ok) throw ApiError.fromRejection(verdict);
  const outcome: FinalOutcome = {
    breakdown: verdict.outcome.breakdown,
    moments: verdict.outcome.moments,
    narrative: verdict.outcome.narrative,
    obligations: verdict.obligations,
  };
  const finishedAt = Date.now();
  const stored = await finishTrainee(ctx.db, trainee.id, {
    final_score: verdict.outcome.score,
    final_grade: verdict.outcome.grade,
    final_outcome: JSON.stringify(outcome),
    run_hash: hash,
    record: JSON.stringify(verdict.record),
    finished_at: finishedAt,
  });
  if (!stored) {
    // A concurrent request for this trainee stored first; same run means a duplicate.
    const now = await findTraineeByToken(ctx.db, trainee.token_hash);
    if (now?.run_hash !== hash) throw new ApiError('drill/already_finished');
    return { traineeId: trainee.id, verified: true as const, score: verdict.outcome.score, grade: verdict.outcome.grade, duplicate: true, breakdown: outcome.breakdown };
  }
  await recordEvent(ctx, drill, 'finished', { traineeId: trainee.id, score: verdict.outcome.score, grade: verdict.outcome.grade }, true);
  return { traineeId: trainee.id, verified: true as const, score: verdict.outcome.score, grade: verdict.outcome.grade, duplicate: false, breakdown: outcome.breakdown };
}

function traineeView(t: TraineeRow): DrillTraineeView {
  return {
    traineeId: t.id,
    name: t.name,
    joinedAt: Number(t.joined_at),
    progress: t.progress ? { ...(JSON.parse(t.progress) as TraineeProgress), at: Number(t.progress_at) } : null,
    final: t.final_score !== null ? { score: t.final_score, grade: t.final_grade!, at: Number(t.finished_at) } : null,
  };
}

/** Everything the trainer's screen shows. */
export async function drillView(ctx: AppContext, drill: DrillRow): Promise<DrillView> {
  const scenario = await ctx.scenarios.summary(drill.scenario_id, drill.scenario_hash);
  if (!scenario) throw new ApiError('scenario/unknown', drill.scenario_id);
  return {
    drillId: drill.id,
    code: drill.code,
    status: drill.status,
    scenario,
    seed: drill.seed,
    createdAt: Number(drill.created_at),
    startedAt: drill.started_at === null ? null : Number(drill.started_at),
    endedAt: drill.ended_at === null ? null : Number(drill.ended_at),
    trainees: (await listTrainees(ctx.db, drill.id)).map(traineeView),
    firedInjects: await firedInjects(ctx, drill),
  };
}

/** Mean to one decimal. */
const mean = (xs: number[]) => (xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) * 10) / xs.length) / 10);

/** The cohort debrief: scores, component averages, and what most trainees missed. */
export async function drillResults(ctx: AppContext, drill: DrillRow): Promise<DrillResults> {
  const trainees = await listTrainees(ctx.db, drill.id);
  const scenario = (await ctx.scenarios.version(drill.scenario_id, drill.scenario_hash))?.scenario;
  const rows = trainees.map((t) => {
    const outcome = t.final_outcome ? (JSON.parse(t.final_outcome) as FinalOutcome) : undefined;
    return { trainee: t, outcome };
  });
  const finished = rows.filter((r) => r.outcome);

  const components = (finished[0]?.outcome?.breakdown ?? []).map((c) => ({
    id: c.id,
    label: c.label,
    average: mean(finished.map((r) => r.outcome!.breakdown.find((b) => b.id === c.id)?.score ?? 0)),
  }));

  const missed = new Map<string, { kind: string; title: string; guideline: string; missedBy: number }>();
  for (const { outcome } of finished) {
    const seen = new Set<string>();
    for (const m of outcome!.moments) {
      if (m.good !== false) continue;
      const key = `${m.kind}\u0000${m.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = missed.get(key) ?? { kind: m.kind, title: m.title, guideline: m.guideline, missedBy: 0 };
      entry.missedBy++;
      missed.set(key, entry);
    }
  }
  const byCountThenTitle = <T extends { missedBy: number; title?: string; id?: string }>(a: T, b: T) =>
    b.missedBy - a.missedBy || ((a.title ?? a.id ?? '') < (b.title ?? b.id ?? '') ? -1 : 1);

  const obligations = new Map<string, { id: string; rule: string; text: string; missedBy: number }>();
  for (const { outcome } of finished) {
    for (const o of outcome!.obligations) {
      if (o.status !== 'missed') continue;
      const entry = obligations.get(o.id) ?? { id: o.id, rule: o.rule, text: o.text, missedBy: 0 };
      entry.missedBy++;
      obligations.set(o.id, entry);
    }
  }

  return {
    code: drill.code,
    scenarioId: drill.scenario_id,
    scenarioTitle: scenario?.title ?? drill.scenario_id,
    status: drill.status,
    trainees: rows.map(({ trainee, outcome }) => ({
      traineeId: trainee.id,
      name: trainee.name,
      finished: outcome !== undefined,
      score: trainee.final_score,
      grade: trainee.final_grade,
      breakdown: outcome?.breakdown ?? [],
      obligations: outcome?.obligations ?? [],
      joinedAt: Number(trainee.joined_at),
      finishedAt: trainee.finished_at === null ? null : Number(trainee.finished_at),
    })),
    averageScore: finished.length === 0 ? null : mean(finished.map((r) => r.trainee.final_score!)),
    components,
    missedMoments: [...missed.values()].sort(byCountThenTitle).slice(0, 10).map((m) => ({ ...m, of: finished.length })),
    missedObligations: [...obligations.values()].sort(byCountThenTitle).map((o) => ({ ...o, of: finished.length })),
  };
}

