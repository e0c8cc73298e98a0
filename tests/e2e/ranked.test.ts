import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, makeRunRecord, runBot, type BotName } from '../../src/core/index';
import { collectProblems, launchBrowser, type Browser } from './helpers/browser';
import { buildAndServeWithApi, openMenuRow, openOnline, type GameWithApi } from './helpers/game-with-api';
import { snapshot, waitForScene } from './helpers/keyboard-player';

/**
 * Ranked play against the real server, reached from the game's menu by keyboard:
 * a ranked shift starts on a seed the server hands out and cannot be paused, and
 * the leaderboards show verified scores, names set as text, never as HTML.
 */
const root = join(import.meta.dirname, '..', '..');
const SCENARIO_ID = 'facebook-mugging';

function loadSkipton() {
  const file = `${SCENARIO_ID}.yaml`;
  const result = loadScenario(readFileSync(join(root, 'scenarios', file), 'utf8'), file);
  if (!result.ok) throw new Error(`${file} does not load`);
  return result;
}

describe('ranked play in the browser', () => {
  const browsers: Browser[] = [];
  let served: GameWithApi;

  // The server's clock: real time plus what the bot runs below skip (they play a shift in a moment).
  let skippedMs = 0;
  beforeAll(async () => {
    served = await buildAndServeWithApi({ now: () => Date.now() + skippedMs });
  });

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await served?.close();
  });

  async function open(): Promise<{ page: Page; problems: string[]; dialogs: string[] }> {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const problems = collectProblems(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${served.url}/?renderer=canvas`);
    await waitForScene(page, 'menu');
    return { page, problems, dialogs };
  }

  async function api(path: string, body: unknown): Promise<{ status: number; json: Record<string, any> }> {
    const response = await fetch(`${served.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  }

  /** A genuine ranked run, played in Node by a core bot on a seed the server issued, then submitted. */
  async function submitBotRun(player: string, bot: BotName): Promise<number> {
    const { scenario, hash } = loadSkipton();
    const attempt = await api('/api/attempts', { scenarioId: SCENARIO_ID });
    expect(attempt.status).toBe(201);
    expect(attempt.json.rated).toBe(true);
    const { sim } = runBot(scenario, { seed: attempt.json.seed as number, mode: 'ranked', bot });
    skippedMs += attempt.json.shiftMs as number;
    const submitted = await api('/api/runs', { player, attemptId: attempt.json.attemptId, run: makeRunRecord(sim, hash) });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
    expect(submitted.json).toMatchObject({ verified: true, rated: true });
    return submitted.json.score as number;
  }

  it('starts a ranked shift from the menu on a server seed, and P does not pause it', async () => {
    const { page, problems } = await open();
    await openMenuRow(page, { scenarioId: SCENARIO_ID });
    await page.keyboard.press('ArrowRight'); // practice → ranked
    await page.keyboard.press('Enter');
    await waitForScene(page, 'briefing');

    const attemptAnswer = page.waitForResponse((r) => r.url().endsWith('/api/attempts') && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Your name on the leaderboard' }).fill('Dana');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Your team (optional)' }).fill('Night shift');
    await page.keyboard.press('Enter');
    const attempt = (await (await attemptAnswer).json()) as { seed: number; rated: boolean; scenarioId: string };
    expect(attempt).toMatchObject({ scenarioId: SCENARIO_ID, rated: true });

    await waitForScene(page, 'desk');
    const first = await snapshot(page);
    // A live ranked shift is shown to scripts only as its screen shows it (see the automation hook).
    expect(first.run).toBeNull();
    expect(first.ranked).toMatchObject({ scenarioId: SCENARIO_ID, mode: 'ranked', seed: attempt.seed, paused: false, over: false });
    expect(await page.evaluate(() => JSON.parse(window.localStorage.getItem('surge-drill.profile') ?? 'null'))).toMatchObject({ name: 'Dana', team: 'Night shift' });

    await page.keyboard.press('p');
    await expect.poll(async () => (await snapshot(page)).desk?.status ?? '', { timeout: 5_000 }).toContain('no pause in ranked mode');
    const after = await snapshot(page);
    expect(after.scene).toBe('desk');
    expect(after.ranked?.paused).toBe(false);
    // The clock runs on after P.
    await expect.poll(async () => (await snapshot(page)).ranked!.screen.t, { timeout: 15_000 }).toBeGreaterThan(after.ranked!.screen.t);
    expect(problems).toEqual([]);
  });

  it('shows verified scores on the leaderboard, with names as plain text', async () => {
    const hostile = '<svg onload=alert(1)>';
    const aliceScore = await submitBotRun('Alice', 'guideline');
    const hostileScore = await submitBotRun(hostile, 'canned');

    const { page, problems, dialogs } = await open();
    await openOnline(page, 'leaderboard');
    const said = () => page.evaluate(() => window.surgeDrill!.announcements().join('\n'));
    const heading = 'Stranded at Skipton, players';
    for (let i = 0; i < 6 && !(await said()).includes(heading); i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(300);
    }
    await expect.poll(said, { timeout: 10_000 }).toContain(heading);
    const board = (await said()).split('\n').filter((line) => line.includes(heading)).at(-1)!;
    expect(board).toContain(`Alice, ${aliceScore}`);
    expect(board).toContain(`${hostile}, ${hostileScore}`);

    // The live region carries the name as text: no element was made from it, and nothing ran.
    const live = await page.evaluate(() => ({
      text: document.getElementById('announcer')!.textContent ?? '',
      injected: document.querySelectorAll('svg, img, [onload], [onerror]').length,
    }));
    expect(live.text).toContain(`${hostile}, ${hostileScore}`);
    expect(live.injected).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
