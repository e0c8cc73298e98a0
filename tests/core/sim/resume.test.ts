import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../../src/core/sim/simulation';
import { runBot } from '../../../src/core/bots/bots';
import { hashValue } from '../../../src/core/util/hash';
import type { Action } from '../../../src/core/sim/actions';
import type { SimState } from '../../../src/core/sim/state';
import { miniScenario } from '../../fixtures/mini-scenario';
import { miniActionArb } from '../../fixtures/mini-actions';

const jsonClone = (s: SimState): SimState => JSON.parse(JSON.stringify(s));
const STEP = miniScenario.duration.stepSeconds;
const STEPS = (miniScenario.duration.simMinutes * 60) / STEP;

const actionArb = miniActionArb(80);

/** Plays `plan` (actions at step indexes) on `sim` from its current time on, then ends the shift. */
function play(sim: Simulation, plan: [number, Action][]): void {
  for (const [step, action] of plan) {
    sim.advanceTo(step * STEP);
    sim.apply(action);
  }
  sim.finish();
}

describe('resuming from a saved state', () => {
  it('for random seeds and action logs, a run resumed from a JSON copy of a mid-run state ends identical to the uninterrupted run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: STEPS - 1 }), actionArb), { maxLength: 40 }),
        fc.integer({ min: 0, max: STEPS - 1 }),
        (seed, unsorted, cutStep) => {
          const plan = [...unsorted].sort((a, b) => a[0] - b[0]);
          const whole = new Simulation(miniScenario, { seed, mode: 'practice' });
          play(whole, plan);

          const first = new Simulation(miniScenario, { seed, mode: 'practice' });
          const before = plan.filter(([step]) => step <= cutStep);
          for (const [step, action] of before) {
            first.advanceTo(step * STEP);
            first.apply(action);
          }
          first.advanceTo(cutStep * STEP);
          const resumed = Simulation.fromState(miniScenario, jsonClone(first.state));
          play(resumed, plan.slice(before.length));

          expect(hashValue(resumed.state)).toBe(hashValue(whole.state));
          expect(resumed.state).toEqual(whole.state);
          expect(resumed.outcome()).toEqual(whole.outcome());
        },
      ),
      { numRuns: 12 },
    );
  });

  it('resumes the guideline bot mid-shift with the same choices and the same end', () => {
    const { sim: whole, outcome } = runBot(miniScenario, { seed: 11, mode: 'practice', bot: 'guideline' });
    const log = whole.state.log;
    const cut = log[Math.floor(log.length / 2)]!.t;
    const first = new Simulation(miniScenario, { seed: 11, mode: 'practice' });
    for (const { t, action } of log.filter((e) => e.t <= cut)) {
      first.advanceTo(t);
      expect(first.apply(action).ok).toBe(true);
    }
    const resumed = Simulation.fromState(miniScenario, jsonClone(first.state));
    for (const { t, action } of log.filter((e) => e.t > cut)) {
      resumed.advanceTo(t);
      expect(resumed.apply(action).ok).toBe(true);
    }
    expect(resumed.finish()).toEqual(outcome);
    expect(hashValue(resumed.state)).toBe(hashValue(whole.state));
  });

  it('reads the random stream back from the state: a state with another PRNG state draws differently', () => {
    const a = new Simulation(miniScenario, { seed: 4, mode: 'practice' });
    a.advanceTo(600);
    const state = jsonClone(a.state);
    const other = new Simulation(miniScenario, { seed: 5, mode: 'practice' });
    state.rng = other.state.rng;
    const b = Simulation.fromState(miniScenario, state);
    a.advanceTo(3600);
    b.advanceTo(3600);
    expect(b.state.posts.map((p) => p.text)).not.toEqual(a.state.posts.map((p) => p.text));
  });

  it('refuses a state from another scenario', () => {
    const state = jsonClone(new Simulation(miniScenario, { seed: 1, mode: 'practice' }).state);
    expect(() => Simulation.fromState(miniScenario, { ...state, scenarioId: 'other' })).toThrow(/other/);
  });
});
