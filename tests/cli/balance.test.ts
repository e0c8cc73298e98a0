import { describe, expect, it } from 'vitest';
import { balance } from '../../src/core/index';
import { ceilingReport } from '../../cli/balance.command';
import type { Scenario } from '../../src/core/index';
import { miniScenario } from '../fixtures/mini-scenario';

/** The mini scenario with a network so wide that a low ceiling holds its surge. */
const viral: Scenario = { ...miniScenario, surge: { ...miniScenario.surge, maxPerMinute: 1 }, instigator: { ...miniScenario.instigator, followers: 40_000 } };

describe('the balance report on the surge ceiling', () => {
  it('says the ceiling was never reached when the crowd alone sets every surge', () => {
    const roomy: Scenario = { ...miniScenario, surge: { ...miniScenario.surge, maxPerMinute: 50 } };
    const rows = balance(roomy, [1]);
    expect(rows[0]!.cappedMinutes.idle).toBe(0);
    expect(ceilingReport(rows, 50)).toBe('surge ceiling (50 a minute per channel): never reached');
  });

  it('names the bots whose surge the ceiling held, and for how long', () => {
    const rows = balance(viral, [1]);
    expect(rows[0]!.cappedMinutes.idle).toBeGreaterThan(0);
    expect(ceilingReport(rows, 1)).toMatch(/^surge ceiling \(1 a minute per channel\) reached: .*idle in 1 of 1 runs \(\d+ channel-minutes\).*; the cap, not the crowd, set those surges' size$/);
  });
});
