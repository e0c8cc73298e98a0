import { describe, expect, it } from 'vitest';
import { balance, balanceReport, balanceSeed, BOT_NAMES, CLEAR_MARGIN, loadScenario } from '../../../src/core/index';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../repo-root';

const loaded = loadScenario(readFileSync(join(REPO_ROOT, 'scenarios', 'tutorial.yaml'), 'utf8'), 'scenarios/tutorial.yaml');
if (!loaded.ok) throw new Error('the tutorial must load');
const scenario = loaded.scenario;

describe('balance report', () => {
  const played = [1, 2].map((seed) => balanceSeed(scenario, seed));
  const report = balanceReport(scenario, played);

  it('agrees with the per-seed rows the CLI prints', () => {
    const rows = balance(scenario, [1, 2]);
    for (const [i, row] of rows.entries()) {
      for (const bot of BOT_NAMES) expect(played[i]!.runs[bot].score).toBe(row.scores[bot]);
    }
    expect(report.guidelineClearlyWins).toBe(rows.every((r) => r.failures.length === 0));
  });

  it('names the naive bot with the highest mean as the closest, with the gap and its best components', () => {
    const naive = report.bots.filter((b) => b.bot !== 'guideline');
    const best = Math.max(...naive.map((b) => b.meanScore));
    const guideline = report.bots.find((b) => b.bot === 'guideline')!;
    expect(report.bots.find((b) => b.bot === report.closest.bot)!.meanScore).toBe(best);
    expect(report.closest.gap).toBe(guideline.meanScore - best);
    expect(report.closest.why).toMatch(/it loses most on .+ \(\d+ against \d+\)/);
    expect(report.closest.gap).toBeGreaterThanOrEqual(CLEAR_MARGIN);
  });

  it('gives each bot a breakdown whose components are the outcome\'s', () => {
    for (const b of report.bots) {
      expect(b.components.length).toBeGreaterThan(0);
      expect(b.lowest).toBeLessThanOrEqual(b.meanScore);
      expect(b.highest).toBeGreaterThanOrEqual(b.meanScore);
    }
  });

  it('sizes the idle surge against the ceiling of every channel together', () => {
    expect(report.surge.ceilingPerHour).toBe(scenario.surge.maxPerMinute * 60 * scenario.channels.length);
    expect(report.surge.idleSurgePosts).toBeGreaterThan(0);
    const expected = played.flatMap((p) => BOT_NAMES.filter((b) => p.runs[b].cappedSteps > 0).map((bot) => ({ bot, seed: p.seed, steps: p.runs[bot].cappedSteps })));
    expect(report.surge.cappedRuns).toEqual(expected);
    // On the tutorial a deleting desk heats the crowd up to the ceiling; an idle one does not.
    expect(report.surge.cappedRuns.some((c) => c.bot === 'idle')).toBe(false);
  });

  it('says which runs the ceiling held back, from the simulation\'s own count', () => {
    const tight = { ...scenario, surge: { ...scenario.surge, maxPerMinute: 1 }, instigator: { ...scenario.instigator, mobilisationPercent: 100, followers: 100_000 } };
    const capped = balanceReport(tight, [balanceSeed(tight, 1)]).surge.cappedRuns;
    expect(capped.length).toBeGreaterThan(0);
    for (const run of capped) expect(run).toMatchObject({ seed: 1, steps: expect.any(Number) });
    expect(capped.find((r) => r.bot === 'idle')!.steps).toBeGreaterThan(0);
  });

  it('refuses to sum up no seeds', () => {
    expect(() => balanceReport(scenario, [])).toThrow(/at least one/);
  });
});
