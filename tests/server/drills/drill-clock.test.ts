import { describe, expect, it } from 'vitest';
import { drillEndsAt, drillSimTime, injectSimTime, INJECT_LEAD_MS, runningMs } from '../../../server/drills/drill-clock';
import { miniScenario } from '../../fixtures/mini-scenario';

/** The mini scenario: 180 sim minutes in 10 real minutes, steps of 10 sim seconds. */
const SHIFT_MS = 10 * 60_000;

describe('the drill clock', () => {
  const started = [{ status: 'running' as const, at: 1_000 }];
  const paused = [...started, { status: 'paused' as const, at: 61_000 }, { status: 'running' as const, at: 121_000 }];

  it('counts running time only, not pauses', () => {
    expect(runningMs([], 5_000)).toBe(0);
    expect(runningMs(started, 31_000)).toBe(30_000);
    expect(runningMs(paused, 91_000)).toBe(60_000);
    expect(runningMs(paused, 131_000)).toBe(70_000);
    expect(runningMs([...paused, { status: 'ended', at: 141_000 }], 999_000)).toBe(80_000);
  });

  it('reads sim seconds on the step grid at the scenario pace, never past the end', () => {
    expect(drillSimTime(miniScenario, 10_000)).toBe(180);
    expect(drillSimTime(miniScenario, 10_500)).toBe(180);
    expect(drillSimTime(miniScenario, SHIFT_MS * 2)).toBe(180 * 60);
  });

  it('stamps an inject the lead ahead of the clock, on the step grid', () => {
    expect(injectSimTime(miniScenario, 0)).toBe(Math.ceil((INJECT_LEAD_MS / 1000) * 18 / 10) * 10);
    expect(injectSimTime(miniScenario, 60_000) % 10).toBe(0);
    expect(injectSimTime(miniScenario, 60_000)).toBeGreaterThan(drillSimTime(miniScenario, 60_000));
  });

  it("knows when the drill's shift ends: the trainer's end, or the clock reaching the shift's end", () => {
    expect(drillEndsAt(miniScenario, [], 5_000)).toBeUndefined();
    expect(drillEndsAt(miniScenario, started, 31_000)).toBe(1_000 + SHIFT_MS);
    // A pause pushes the end back by its length.
    expect(drillEndsAt(miniScenario, paused, 131_000)).toBe(1_000 + SHIFT_MS + 60_000);
    expect(drillEndsAt(miniScenario, [...started, { status: 'ended', at: 200_000 }], 999_000)).toBe(200_000);
    // Ended by the trainer long after the shift ran out: it ended when the clock did.
    expect(drillEndsAt(miniScenario, [...started, { status: 'ended', at: 2_000_000 }], 2_000_001)).toBe(1_000 + SHIFT_MS);
  });
});
