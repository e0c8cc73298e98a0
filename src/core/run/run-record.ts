import { reject, type Rejection } from '../errors';
import type { Scenario } from '../scenario/scenario.schema';
import { gradeFor, type Outcome } from '../scoring/scoring';
import { Simulation } from '../sim/simulation';
import type { SimState } from '../sim/state';
import { ENGINE_VERSION, runRecordSchema, type RunRecord } from './run-record.schema';

export type ScenarioLookup = (id: string) => { scenario: Scenario; hash: string } | undefined;

export type ReplayResult = { ok: true; outcome: Outcome; state: SimState; record: RunRecord } | Rejection;

/** The run so far as a record; the claim is the outcome as of now (final once the shift is over). */
export function makeRunRecord(sim: Simulation, scenarioHash: string): RunRecord {
  const outcome = sim.outcome();
  return {
    scenarioId: sim.scenario.id,
    scenarioHash,
    engineVersion: ENGINE_VERSION,
    seed: sim.state.seed,
    mode: sim.state.mode,
    actions: sim.state.log.map((e) => ({ t: e.t, action: e.action })),
    claimed: { score: outcome.score, grade: outcome.grade },
  };
}

/**
 * Rebuilds a simulation from a seed and an action log, stopping at sim second
 * `until` (for resuming a saved run) or at the end of the shift.
 */
export function rebuild(
  scenario: Scenario,
  run: Pick<RunRecord, 'seed' | 'mode' | 'actions'>,
  until?: number,
): { ok: true; sim: Simulation } | Rejection {
  const sim = new Simulation(scenario, { seed: run.seed, mode: run.mode });
  const step = sim.state.stepSeconds;
  for (let i = 0; i < run.actions.length; i++) {
    const { t, action } = run.actions[i]!;
    if (t < sim.state.t || t % step !== 0 || t >= sim.state.endT) {
      return reject('run/invalid', `action ${i} at t=${t} is out of order or off the step grid`);
    }
    sim.advanceTo(t);
    const result = sim.apply(action);
    if (!result.ok) return reject('run/action_rejected', `action ${i} (${action.type}) at t=${t}: ${result.message}`);
  }
  sim.advanceTo(until ?? sim.state.endT);
  return { ok: true, sim };
}

/** A record that parsed, with the scenario it was played on; shared by the full and the truncated replay. */
export type CheckedRecord = { ok: true; run: RunRecord; scenario: Scenario } | Rejection;

/** Parses a record and finds its scenario at the version it was played on. */
export function checkRecord(record: unknown, lookup: ScenarioLookup): CheckedRecord {
  const parsed = runRecordSchema.safeParse(record);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return reject('run/invalid', `${first.path.join('.') || 'record'}: ${first.message}`);
  }
  const run = parsed.data;
  if (run.engineVersion !== ENGINE_VERSION) return reject('run/engine_mismatch', `record ${run.engineVersion}, server ${ENGINE_VERSION}`);
  const found = lookup(run.scenarioId);
  if (!found) return reject('scenario/unknown', run.scenarioId);
  if (found.hash !== run.scenarioHash) return reject('run/hash_mismatch', `record ${run.scenarioHash}, current ${found.hash}`);
  return { ok: true, run, scenario: found.scenario };
}

/** The claim must be the outcome the replay reached. */
export function checkClaim(run: RunRecord, outcome: Outcome): Rejection | undefined {
  if (outcome.score !== run.claimed.score || gradeFor(outcome.score) !== run.claimed.grade) {
    return reject('run/score_mismatch', `claimed ${run.claimed.score} (${run.claimed.grade}), replayed ${outcome.score} (${outcome.grade})`);
  }
  return undefined;
}

/** Re-simulates a run record from scratch and checks it against its claim. */
export function replay(record: unknown, lookup: ScenarioLookup): ReplayResult {
  const checked = checkRecord(record, lookup);
  if (!checked.ok) return checked;
  const rebuilt = rebuild(checked.scenario, checked.run);
  if (!rebuilt.ok) return rebuilt;
  const outcome = rebuilt.sim.outcome();
  return checkClaim(checked.run, outcome) ?? { ok: true, outcome, state: rebuilt.sim.state, record: checked.run };
}
