import { clockAt, modeRules, type KeyMoment, type RunFigures, type RunRecord, type Scenario, type ScoreComponent } from '../../src/core/index';
import type { DrillResults, FiredInject } from '../../src/api/index';
import type { AppContext } from '../context';
import { ApiError } from '../http/http-errors';
import { runHash } from '../runs/run-hash';
import { checkRunTarget, parseRunRecord } from '../runs/runs.service';
import { drillEndsAt, withinShift } from './drill-clock';
import { drillScenario, drillTimeline, recordFinished, type Caller, type DrillTimeline } from './drill.service';
import { findTraineeByToken, finishTrainee } from './drills.repository';

/** What is stored for a finished trainee (the final_outcome column). */
export interface FinalOutcome {
  breakdown: ScoreComponent[];
  moments: KeyMoment[];
  narrative: string;
  obligations: DrillResults['trainees'][number]['obligations'];
  /** The figures every report of this run reads (results, CSV, xAPI). */
  figures: RunFigures;
}

/** The sim second a drill's runs are scored up to: where its clock stood when the trainer ended it, or the shift's end. */
export function scoredUntil(scenario: Scenario, timeline: DrillTimeline): number | undefined {
  const end = timeline.endedAtSimT;
  return end !== null && withinShift(scenario, end) ? end : undefined;
}

/** Runs arrive between the drill's start and the end of its shift, plus the offline grace. */
function checkArrival(scenario: Scenario, timeline: DrillTimeline, now: number, offlineGraceMs: number): void {
  const endsAt = drillEndsAt(scenario, timeline.changes, now);
  if (endsAt === undefined) throw new ApiError('drill/state', 'the drill has not started');
  if (now > endsAt + offlineGraceMs) {
    throw new ApiError('drill/closed', `the drill ended at ${new Date(endsAt).toISOString()}; runs were accepted for ${Math.round(offlineGraceMs / 60_000)} minutes after`);
  }
}

const at = (scenario: Scenario, t: number) => `${clockAt(scenario, t)} (sim second ${t})`;

/**
 * The run must contain exactly the injects the trainer fired before the run's end,
 * each at the sim second the server stamped it with: none left out, none added, none moved.
 */
function checkInjects(scenario: Scenario, record: RunRecord, fired: readonly FiredInject[], cut: number): void {
  const applied = record.actions.flatMap(({ t, action }) => (t <= cut && action.type === 'inject.fire' ? [{ injectId: action.injectId, t }] : []));
  for (const a of applied) {
    const f = fired.find((x) => x.injectId === a.injectId);
    if (!f) throw new ApiError('drill/mismatch', `inject ${a.injectId} was never fired in this drill`);
    if (f.simT !== a.t) throw new ApiError('drill/mismatch', `inject ${a.injectId} fired at ${at(scenario, f.simT)}; the run applies it at ${at(scenario, a.t)}`);
  }
  for (const f of fired) {
    if (f.simT <= cut && !applied.some((a) => a.injectId === f.injectId)) {
      throw new ApiError('drill/mismatch', `inject ${f.injectId} fired at ${at(scenario, f.simT)} is missing from the run`);
    }
  }
}

type DrillRunVerdict = { traineeId: string; verified: true; score: number; grade: RunFigures['grade']; duplicate: boolean; breakdown: ScoreComponent[] };

/**
 * A trainee's final run: verified by replay like a ranked run, bound to this drill's
 * scenario, seed, injects and times, and scored up to the moment the drill ended.
 */
export async function submitDrillRun(ctx: AppContext, caller: Extract<Caller, { role: 'trainee' }>, run: unknown, offlineGraceMs: number): Promise<DrillRunVerdict> {
  const { drill, trainee } = caller;
  const record = parseRunRecord(run);
  if (modeRules(record.mode).submitTo !== 'drill') throw new ApiError('drill/mismatch', `mode is ${record.mode}, a drill run is in drill mode`);
  const version = await checkRunTarget(ctx, record);
  if (record.scenarioId !== drill.scenario_id || record.seed !== drill.seed || record.scenarioHash !== drill.scenario_hash) {
    throw new ApiError('drill/mismatch', `drill is ${drill.scenario_id} seed ${drill.seed}; run is ${record.scenarioId} seed ${record.seed}`);
  }
  if (drill.status === 'lobby') throw new ApiError('drill/state', 'the drill has not started');
  const hash = runHash(record);
  const duplicate = (t: { final_score: number | null; final_grade: RunFigures['grade'] | null; final_outcome: string | null }): DrillRunVerdict => ({
    traineeId: trainee.id,
    verified: true,
    score: t.final_score!,
    grade: t.final_grade!,
    duplicate: true,
    breakdown: (JSON.parse(t.final_outcome!) as FinalOutcome).breakdown,
  });
  // A queue re-sending a run that was stored gets the same answer, even after the grace.
  if (trainee.run_hash !== null) {
    if (trainee.run_hash !== hash) throw new ApiError('drill/already_finished');
    return duplicate(trainee);
  }
  const scenario = await drillScenario(ctx, drill);
  const timeline = await drillTimeline(ctx, drill);
  checkArrival(scenario, timeline, ctx.now(), offlineGraceMs);
  const until = scoredUntil(scenario, timeline);
  checkInjects(scenario, record, timeline.injects, until ?? scenario.duration.simMinutes * 60);
  const verdict = await ctx.verifier.verify(record, version, until);
  if (!verdict.ok) {
    const error = ApiError.fromRejection(verdict);
    if (until !== undefined) error.message += `; the drill ended at ${at(scenario, until)}, so the run is scored up to then`;
    throw error;
  }
  const outcome: FinalOutcome = {
    breakdown: verdict.outcome.breakdown,
    moments: verdict.outcome.moments,
    narrative: verdict.outcome.narrative,
    obligations: verdict.obligations,
    figures: verdict.figures,
  };
  const stored = await finishTrainee(ctx.db, trainee.id, {
    final_score: verdict.outcome.score,
    final_grade: verdict.outcome.grade,
    final_outcome: JSON.stringify(outcome),
    run_hash: hash,
    record: JSON.stringify(verdict.record),
    finished_at: ctx.now(),
  });
  if (!stored) {
    // A concurrent request for this trainee stored first; same run means a duplicate.
    const now = await findTraineeByToken(ctx.db, trainee.token_hash);
    if (now?.run_hash !== hash) throw new ApiError('drill/already_finished');
    return duplicate(now);
  }
  await recordFinished(ctx, drill, { traineeId: trainee.id, score: verdict.outcome.score, grade: verdict.outcome.grade });
  return { traineeId: trainee.id, verified: true, score: verdict.outcome.score, grade: verdict.outcome.grade, duplicate: false, breakdown: outcome.breakdown };
}
