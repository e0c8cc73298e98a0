import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, makeRunRecord, runBot } from '../../src/core/index';
import { REPO_ROOT } from '../repo-root';
import { collectProblems, launchBrowser, type Browser } from './helpers/browser';
import { buildAndServeWithApi, type GameWithApi } from './helpers/game-with-api';
import { snapshot, waitForScene } from './helpers/keyboard-player';

/**
 * A verified run's page, `/runs/:runId`, opened in a browser that has never seen the
 * player: it shows that run's review (debrief and watch-back) without an account, and
 * stops showing it once the submitter makes it private.
 */
const SCENARIO_ID = 'tutorial';

async function api(base: string, path: string, body: unknown, token?: string): Promise<{ status: number; json: Record<string, any> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

describe('a shared run in a second browser', () => {
  let served: GameWithApi;
  const browsers: Browser[] = [];
  let runId: string;
  let attemptId: string;
  let score: number;

  // The server's clock: real time plus the shift the bot below plays in a moment.
  let skippedMs = 0;
  beforeAll(async () => {
    served = await buildAndServeWithApi({ now: () => Date.now() + skippedMs });
    const file = `${SCENARIO_ID}.yaml`;
    const loaded = loadScenario(readFileSync(join(REPO_ROOT, 'scenarios', file), 'utf8'), file);
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const attempt = await api(served.url, '/api/attempts', { scenarioId: SCENARIO_ID });
    attemptId = attempt.json.attemptId;
    const { sim } = runBot(loaded.scenario, { seed: attempt.json.seed as number, mode: 'ranked', bot: 'guideline' });
    skippedMs += attempt.json.shiftMs as number;
    const submitted = await api(served.url, '/api/runs', { player: 'Shared Sam', attemptId, run: makeRunRecord(sim, loaded.hash) });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
    runId = submitted.json.runId;
    score = submitted.json.score;
  }, 300_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await served?.close();
  });

  /** A browser with a throwaway profile: nothing of the player's is in it. */
  async function freshBrowserPage() {
    const browser = await launchBrowser();
    browsers.push(browser);
    return browser.context.pages()[0] ?? (await browser.context.newPage());
  }

  it('opens the run’s review from its address with no storage, names as text, and watches it back', async () => {
    const page = await freshBrowserPage();
    const problems = collectProblems(page);
    await page.goto(`${served.url}/runs/${runId}?renderer=canvas`);
    expect(page.url()).toBe(`${served.url}/?review=${runId}&renderer=canvas`);
    await waitForScene(page, 'debrief', 60_000);
    expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
    expect(await page.textContent('#debrief-lessons h2')).toContain(`Score ${score} of 100`);
    expect((await snapshot(page)).run).toMatchObject({ scenarioId: SCENARIO_ID, mode: 'ranked' });
    await page.keyboard.press('w');
    await page.waitForSelector('.watch-back[role=dialog]');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);

  it('once made private by its submitter, the address opens the menu with the reason instead', async () => {
    const closed = await api(served.url, `/api/runs/${runId}/sharing`, { shared: false }, attemptId);
    expect(closed.status).toBe(200);
    const page = await freshBrowserPage();
    await page.goto(`${served.url}/runs/${runId}?renderer=canvas`);
    await waitForScene(page, 'menu', 60_000);
    expect(await page.evaluate(() => window.surgeDrill!.announcements().join(' '))).toContain('may have been made private');
  }, 240_000);
});
