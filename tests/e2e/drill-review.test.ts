import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockAt, scoreAt, type RunRecord } from '../../src/core/index';
import { loadScenarioCatalog } from '../../server/scenarios/scenarios.service';
import type { NetSceneKey } from '../../src/game/scenes/net-base.scene';
import { collectProblems, launchBrowser, type Browser } from './helpers/browser';
import { buildAndServeWithApi, openOnline, type GameWithApi } from './helpers/game-with-api';

const catalog = loadScenarioCatalog(join(import.meta.dirname, '..', '..', 'scenarios'));
/** Sim seconds each desk plays before the trainer ends the drill: long enough for posts to arrive and be missed. */
const PLAY_SIM_SECONDS = 120;

/**
 * Issue 10's drill parts in Chromium, against the real server: the trainer ends a drill
 * mid-shift and every trainee's final score is the live score of their desk at the
 * moment the drill ended (not a shift played out by nobody); then the trainer opens a
 * trainee's review from the live table by keyboard, and it passes an axe audit.
 */
describe('a drill ended mid-shift, reviewed by its trainer', () => {
  const browsers: Browser[] = [];
  let served: GameWithApi;
  let base: string;

  beforeAll(async () => {
    served = await buildAndServeWithApi();
    base = served.url;
  });

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await served?.close();
  });

  async function open(scene: NetSceneKey): Promise<{ page: Page; problems: string[] }> {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const problems = collectProblems(page);
    await page.goto(`${base}/?renderer=canvas`);
    await openOnline(page, scene);
    return { page, problems };
  }

  const api = async (path: string, token: string) => (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<any>;

  it('scores every trainee as their desk stood when the drill ended, and opens a review from the live table', async () => {
    const trainer = await open('drill-trainer');
    await trainer.page.keyboard.press('Enter');
    const saved = await trainer.page.waitForFunction(() => window.localStorage.getItem('surge-drill.trainer'), undefined, { timeout: 15_000 });
    const { code, trainerToken } = JSON.parse((await saved.jsonValue()) as string) as { code: string; trainerToken: string };

    const names = ['Ana', 'Ben'];
    const trainees = [await open('drill-join'), await open('drill-join')];
    for (const [i, t] of trainees.entries()) {
      await t.page.getByRole('textbox', { name: 'Drill join code' }).fill(code);
      await t.page.keyboard.press('Enter');
      await t.page.getByRole('textbox', { name: 'Your name in this drill' }).fill(names[i]!);
      await t.page.keyboard.press('Enter');
      await t.page.waitForFunction(() => window.surgeDrill!.announcements().some((a) => a.startsWith('Drill ')), undefined, { timeout: 15_000 });
    }
    await trainer.page.locator('#game').focus();
    await trainer.page.keyboard.press('s');
    for (const t of trainees) {
      await t.page.waitForFunction((s) => (window.surgeDrill!.snapshot().run?.state.t ?? 0) >= s, PLAY_SIM_SECONDS, { timeout: 60_000 });
    }

    // The trainer pauses, then ends: the drill's clock stops where the desks stop.
    await trainer.page.keyboard.press('p');
    for (const t of trainees) await t.page.waitForFunction(() => window.surgeDrill!.snapshot().run?.paused === true, undefined, { timeout: 15_000 });
    const atPause = await Promise.all(trainees.map((t) => t.page.evaluate(() => window.surgeDrill!.runRecord())));
    await trainer.page.keyboard.press('e');
    await expect
      .poll(async () => ((await api(`/api/drills/${code}/results`, trainerToken)).trainees as { finished: boolean }[]).filter((t) => t.finished).length, { timeout: 30_000 })
      .toBe(2);
    const view = await api(`/api/drills/${code}`, trainerToken);
    const endedAt = view.endedAtSimT as number;
    const scenario = catalog.lookup(view.scenario.id)!.scenario;
    expect(endedAt).toBeGreaterThanOrEqual(PLAY_SIM_SECONDS);
    expect(endedAt).toBeLessThan(scenario.duration.simMinutes * 60);

    for (const [i, t] of trainees.entries()) {
      const final = view.trainees.find((x: { name: string }) => x.name === names[i]).final.score as number;
      // The live score of this desk at the moment the drill ended: its own actions up to then, rebuilt.
      const live = scoreAt(scenario, atPause[i] as RunRecord, endedAt);
      if (!live.ok) throw new Error(live.message);
      expect(final, `${names[i]} at ${clockAt(scenario, endedAt)}`).toBe(live.outcome.score);
      // The desk itself closed the shift there too: its own claim, and nothing after the end.
      const submitted = (await t.page.evaluate(() => window.surgeDrill!.runRecord()))!;
      expect(submitted.claimed.score).toBe(final);
      expect(submitted.actions.every((a) => a.t <= endedAt)).toBe(true);
      await expect.poll(() => t.page.evaluate(() => window.surgeDrill!.announcements().join('\n')), { timeout: 15_000 }).toContain('The trainer ended the drill at');
    }

    // The trainer opens Ana's review from the live table, by keyboard.
    await trainer.page.locator('#game').focus();
    await trainer.page.keyboard.press('v');
    const panel = trainer.page.locator('#debrief-lessons');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => panel.locator('h2').first().textContent()).toBe(`Ana: verified run, as of ${clockAt(scenario, endedAt)}`);
    expect(await panel.textContent()).toContain(`Score ${view.trainees.find((x: { name: string }) => x.name === 'Ana').final.score} of 100`);
    expect(await trainer.page.evaluate(() => document.activeElement?.id)).toBe('debrief-lessons');
    const audit = await new AxeBuilder({ page: trainer.page }).include('#debrief-lessons').analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await trainer.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached', timeout: 5_000 });

    for (const p of [trainer, ...trainees]) expect(p.problems.filter((line) => !line.includes('/events'))).toEqual([]);
  }, 240_000);
});
