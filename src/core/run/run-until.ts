import type { Rejection } from '../errors';
import type { Scenario } from '../scenario/scenario.schema';
import type { Outcome } from '../scoring/scoring';
import type { Simulation } from '../sim/simulation';
import { checkClaim, checkRecord, rebuild, type ReplayResult, type ScenarioLookup } from './run-record';
import type { RunRecord } from './run-record.schema';

/*
 * A run cut short: a trainer who ends a drill at 10:30 ends every trainee's shift
 * at 10:30. The run is scored as the desk stood then, with nothing played out
 * unattended afterwards, so the final score is the live score at that moment.
 */

/** The run as far as sim second `until`: actions taken after it (after the drill ended) are dropped. */
export function truncateRun<R extends Pick<RunRecord, 'actions'>>(run: R, until: number): R {
  return { ...run, actions: run.actions.filter((a) => a.t <= until) };
}

/** The run rebuilt and scored as of sim second `until` (or the end of the shift, if that comes first). */
export function scoreAt(
  scenario: Scenario,
  run: Pick<RunRecord, 'seed' | 'mode' | 'actions'>,
  until: number,
): { ok: true; sim: Simulation; outcome: Outcome } | Rejection {
  const rebuilt = rebuild(scenario, truncateRun(run, until), until);
  if (!rebuilt.ok) return rebuilt;
  return { ok: true, sim: rebuilt.sim, outcome: rebuilt.sim.outcome() };
}

/**
 * Like `replay`, for a run whose shift ended at sim second `until`: the claim must
 * be the outcome at `until`, and the record returned keeps only the actions up to it.
 */
export function replayUntil(record: unknown, lookup: ScenarioLookup, until: number): ReplayResult {
  const checked = checkRecord(record, lookup);
  if (!checked.ok) return checked;
  const scored = scoreAt(checked.scenario, checked.run, until);
  if (!scored.ok) return scored;
  const run = truncateRun(checked.run, until);
  return checkClaim(run, scored.outcome) ?? { ok: true, outcome: scored.outcome, state: scored.sim.state, record: run };
}
