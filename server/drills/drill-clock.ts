import type { Scenario } from '../../src/core/index';
import type { DrillStatus } from './drills.table';

/**
 * The drill's own clock. A drill plays at the scenario's fixed pace and only the
 * trainer pauses it, so the server can tell which sim second the cohort is at from
 * the times the drill was started, paused, resumed and ended. Injects are stamped
 * with it and the end of a drill is measured on it: every trainee's run is then
 * judged against the same times.
 */

/** One status change as stored in the drill's event log. */
export interface StatusChange {
  status: DrillStatus;
  at: number;
}

/**
 * An inject lands this far (real time) after the trainer fires it, so that it is
 * still ahead of every trainee's clock when it reaches their browser (network and
 * frame delays are well under this) and each game can apply it at the stamped second.
 */
export const INJECT_LEAD_MS = 5_000;

/**
 * A run that finished (or was queued offline) before the drill ended is still
 * accepted this long after the end: time for a laptop to get back online and its
 * queue to send. Later than this the drill's debrief has moved on.
 */
export const DRILL_OFFLINE_GRACE_MS = 30 * 60_000;

/** Real milliseconds the drill has been running (started, minus pauses) as of `now`. */
export function runningMs(changes: readonly StatusChange[], now: number): number {
  let total = 0;
  let runningSince: number | undefined;
  for (const change of changes) {
    if (change.at > now) break;
    if (runningSince !== undefined) total += change.at - runningSince;
    runningSince = change.status === 'running' ? change.at : undefined;
  }
  if (runningSince !== undefined) total += now - runningSince;
  return total;
}

/** The shift's length in real milliseconds at the scenario's pace. */
const shiftMs = (scenario: Scenario) => scenario.duration.realMinutes * 60_000;
const endT = (scenario: Scenario) => scenario.duration.simMinutes * 60;

/** Sim seconds after `ms` of running, at the scenario's pace (not rounded). */
const simSecondsAfter = (scenario: Scenario, ms: number) => (ms * scenario.duration.simMinutes) / (scenario.duration.realMinutes * 1000);

/** The sim second the drill's clock shows after `ms` of running: on the step grid, never past the end. */
export function drillSimTime(scenario: Scenario, ms: number): number {
  const step = scenario.duration.stepSeconds;
  return Math.min(endT(scenario), Math.floor(simSecondsAfter(scenario, ms) / step) * step);
}

/** The sim second an inject fired after `ms` of running takes effect at: the lead ahead, on the step grid. */
export function injectSimTime(scenario: Scenario, ms: number): number {
  const step = scenario.duration.stepSeconds;
  return Math.ceil(simSecondsAfter(scenario, ms + INJECT_LEAD_MS) / step) * step;
}

/** Whether a sim second still falls within the shift (an action at the very end cannot be taken). */
export const withinShift = (scenario: Scenario, t: number) => t < endT(scenario);

/**
 * When (real time) the drill's shift ends or ended: when the trainer ended it, or when
 * its clock reaches the end of the shift (projected from now while it runs or is
 * paused). Undefined before it starts.
 */
export function drillEndsAt(scenario: Scenario, changes: readonly StatusChange[], now: number): number | undefined {
  if (!changes.some((c) => c.status === 'running')) return undefined;
  const ended = changes.find((c) => c.status === 'ended');
  const at = ended?.at ?? now;
  const remaining = shiftMs(scenario) - runningMs(changes, at);
  return ended && remaining > 0 ? ended.at : at + remaining;
}
