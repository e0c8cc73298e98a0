import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balance, CLEAR_MARGIN } from '../../src/core/index';
import { loadScenarioDirectory } from '../../cli/scenario-files';
import { REPO_ROOT } from '../repo-root';

/**
 * The scoring must reward the brief's practices, not speed or volume: on every
 * shipped scenario and several seeds, the guideline bot beats each naive bot clearly.
 */
const scenarios = loadScenarioDirectory(join(REPO_ROOT, 'scenarios'));

describe('shipped scenarios', () => {
  it('ship a Facebook mugging, a tutorial and at least two more', () => {
    const ids = [...scenarios.keys()];
    expect(ids).toContain('facebook-mugging');
    expect([...scenarios.values()].some((s) => s.scenario.tutorial)).toBe(true);
    expect(ids.length).toBeGreaterThanOrEqual(4);
  });

  for (const [id, { scenario }] of scenarios) {
    it(`${id}: the guideline bot beats every naive bot by ${CLEAR_MARGIN}+ points on seeds 1–4`, () => {
      for (const row of balance(scenario, [1, 2, 3, 4])) {
        expect(row.failures, `seed ${row.seed}: ${JSON.stringify(row.scores)}`).toEqual([]);
      }
    });
  }

  it('the flagship lets an idle desk face hundreds of posts within a few sim hours on a ~200-a-day baseline', async () => {
    const { runBot } = await import('../../src/core/index');
    const { scenario } = scenarios.get('facebook-mugging')!;
    expect(scenario.baseline.postsPerDay).toBeGreaterThanOrEqual(150);
    expect(scenario.baseline.postsPerDay).toBeLessThanOrEqual(300);
    const { sim } = runBot(scenario, { seed: 1, mode: 'ranked', bot: 'idle' });
    const firstThreeHours = sim.state.posts.filter((p) => p.t <= 3 * 3600 && p.source !== 'routine').length;
    expect(firstThreeHours).toBeGreaterThan(300);
    // The guideline player sees it peak and decay: the last hour is well below the peak.
    const guided = runBot(scenario, { seed: 1, mode: 'ranked', bot: 'guideline' }).sim.state;
    const lastHour = guided.history.at(-1)!.arrivalsLastHour;
    expect(lastHour).toBeLessThan(guided.counters.peakArrivalsPerHour * 0.8);
  });
});
