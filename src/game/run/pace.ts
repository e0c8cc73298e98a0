import type { Scenario } from '../../core/index';

/** Sim seconds per real second at the scenario's normal (ranked) pace: its shift in its real minutes. */
export function normalPace(scenario: Scenario): number {
  return scenario.duration.simMinutes / scenario.duration.realMinutes;
}

/** Practice speeds offered by the +/− keys, as multiples of the normal pace. */
export const PRACTICE_SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

export function nextSpeed(current: number, direction: 1 | -1): number {
  const speeds = PRACTICE_SPEEDS as readonly number[];
  if (direction > 0) return speeds.find((s) => s > current) ?? current;
  return [...speeds].reverse().find((s) => s < current) ?? current;
}

export function formatSpeed(speed: number): string {
  return `${Number.isInteger(speed) ? speed : speed.toFixed(2).replace(/0$/, '')}×`;
}
