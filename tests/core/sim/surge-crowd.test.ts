import { describe, expect, it } from 'vitest';
import { runBot } from '../../../src/core/bots/bots';
import { crowdSize } from '../../../src/core/sim/crowd';
import type { Scenario } from '../../../src/core/scenario/scenario.schema';
import { miniScenario } from '../../fixtures/mini-scenario';

const idle = (scenario: Scenario, seed = 7) => runBot(scenario, { seed, mode: 'practice', bot: 'idle' }).sim.state.counters;
const withSurge = (patch: Partial<Scenario['surge']>, followers = miniScenario.instigator.followers): Scenario => ({
  ...miniScenario,
  surge: { ...miniScenario.surge, ...patch },
  instigator: { ...miniScenario.instigator, followers },
});

describe('surge dynamics: the crowd, not the ceiling, sets the size of an unanswered surge', () => {
  it('an idle surge peaks within its crowd, without touching the ceiling, which then changes nothing', () => {
    const counters = idle(miniScenario);
    expect(counters.surgeCappedSteps).toBe(0);
    expect(counters.surgeArrivals).toBeGreaterThan(crowdSize(miniScenario) / 4);
    // Only the posts the scenario scripts (the instigator, injects) come on top of the crowd.
    expect(counters.surgeArrivals).toBeLessThanOrEqual(crowdSize(miniScenario) + 10);
    expect(idle(withSurge({ maxPerMinute: 200 }))).toEqual(counters);
  });

  it('a wider network draws a larger surge', () => {
    const small = idle(miniScenario).surgeArrivals;
    const large = idle(withSurge({}, miniScenario.instigator.followers * 4)).surgeArrivals;
    expect(large).toBeGreaterThan(small * 2);
  });

  it('a stronger branching ratio draws in more of the same crowd', () => {
    expect(idle(withSurge({ branchingPercent: 150 })).surgeArrivals).toBeGreaterThan(idle(withSurge({ branchingPercent: 40 })).surgeArrivals);
  });

  it('counts the steps in which the ceiling held a surge back', () => {
    expect(idle(withSurge({ maxPerMinute: 1 }, miniScenario.instigator.followers * 10)).surgeCappedSteps).toBeGreaterThan(0);
  });
});
