import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSceneKey } from '../../src/game/scenes/net-base.scene';
import { collectProblems, launchBrowser, type Browser } from './helpers/browser';
import { buildAndServeWithApi, openOnline, type GameWithApi } from './helpers/game-with-api';

/**
 * A drill in three browsers against the real server: a trainer creates it, two
 * trainees join with the code, the trainer starts it and fires an inject, both
 * trainees' games apply it, the trainer ends the drill, both runs are verified, and
 * the results export as CSV and xAPI. Everyone reaches the drill scenes from the
 * game's own menu, by keyboard.
 */
describe('a drill in the browser', () => {
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
    await openOnline(page, scene).catch(async (err: Error) => {
      throw new Error(`${err.message}\nscene: ${await page.evaluate(() => window.surgeDrill?.scene())}\n${problems.join('\n')}`);
    });
    return { page, problems };
  }

  const announced = (page: Page) => page.evaluate(() => window.surgeDrill!.announcements().join('\n'));

  it('runs a drill end to end', async () => {
    const trainer = await open('drill-trainer');
    await trainer.page.keyboard.press('Enter');
    const saved = await trainer.page.waitForFunction(() => window.localStorage.getItem('surge-drill.trainer'), undefined, { timeout: 15_000 });
    const { code, trainerToken } = JSON.parse((await saved.jsonValue()) as string) as { code: string; trainerToken: string };
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    const trainees = [await open('drill-join'), await open('drill-join')];
    const names = ['Ana <b>', 'Ben'];
    for (const [i, t] of trainees.entries()) {
      await t.page.getByRole('textbox', { name: 'Drill join code' }).fill(code.toLowerCase());
      await t.page.keyboard.press('Enter');
      await t.page.getByRole('textbox', { name: 'Your name in this drill' }).fill(names[i]!);
      await t.page.keyboard.press('Enter');
      await t.page.waitForFunction(() => window.surgeDrill!.announcements().some((a) => a.startsWith('Drill ')), undefined, { timeout: 15_000 });
    }
    await expect.poll(async () => (await announced(trainer.page)).includes('Ben joined.'), { timeout: 15_000 }).toBe(true);

    await trainer.page.locator('#game').focus();
    await trainer.page.keyboard.press('s');
    for (const t of trainees) {
      await t.page.waitForFunction(() => window.surgeDrill!.scene() === 'desk', undefined, { timeout: 20_000 });
      expect((await t.page.evaluate(() => window.surgeDrill!.snapshot().run))?.mode).toBe('drill');
    }

    await trainer.page.keyboard.press('1');
    for (const t of trainees) {
      await t.page.waitForFunction(
        () => window.surgeDrill!.runRecord()?.actions.some((a) => a.action.type === 'inject.fire') ?? false,
        undefined,
        { timeout: 20_000 },
      );
    }

    await trainer.page.keyboard.press('e');
    const results = async () =>
      (await (await fetch(`${base}/api/drills/${code}/results`, { headers: { authorization: `Bearer ${trainerToken}` } })).json()) as {
        trainees: { name: string; finished: boolean; score: number | null }[];
      };
    await expect.poll(async () => (await results()).trainees.filter((t) => t.finished).length, { timeout: 30_000 }).toBe(2);
    const final = await results();
    expect(final.trainees.map((t) => t.name)).toEqual(names);

    for (const t of trainees) {
      const record = await t.page.evaluate(() => window.surgeDrill!.runRecord());
      expect(record?.actions.filter((a) => a.action.type === 'inject.fire')).toHaveLength(1);
      await expect.poll(() => announced(t.page), { timeout: 15_000 }).toContain('Verified by the server');
    }

    await trainer.page.keyboard.press('r');
    const csv = await (await fetch(`${base}/api/drills/${code}/results.csv`, { headers: { authorization: `Bearer ${trainerToken}` } })).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Ana <b>,yes,\d+,[A-F],/);
    const statements = (await (await fetch(`${base}/api/drills/${code}/xapi`, { headers: { authorization: `Bearer ${trainerToken}` } })).json()) as { verb: { id: string } }[];
    expect(statements.map((s) => s.verb.id)).toEqual(['http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/completed']);

    for (const p of [trainer, ...trainees]) expect(p.problems.filter((line) => !line.includes('/events'))).toEqual([]);
    // Three browsers and the inject's lead time (it lands on each desk a few seconds after it fires): a busy machine needs longer than the default.
  }, 240_000);
});
