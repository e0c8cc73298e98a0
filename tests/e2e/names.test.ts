import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, makeRunRecord, runBot } from '../../src/core/index';
import { collectProblems, launchBrowser, type Browser } from './helpers/browser';
import { buildAndServeWithApi, openOnline, type GameWithApi } from './helpers/game-with-api';

/**
 * Names and teams from the leaderboard scene, by keyboard, against the real server:
 * creating a team shows its code once in an accessible dialog with a Copy button;
 * a name someone owns is refused until its claim key is entered.
 */
const root = join(import.meta.dirname, '..', '..');
const SCENARIO_ID = 'facebook-mugging';
/** A page load, four prompts and server round trips: on a busy shared machine this took 31 s once. */
const BROWSER_TEST_MS = 120_000;

describe('names and teams in the browser', () => {
  const browsers: Browser[] = [];
  let served: GameWithApi;
  let skippedMs = 0;

  beforeAll(async () => {
    served = await buildAndServeWithApi({ now: () => Date.now() + skippedMs });
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await served?.close();
  });

  async function open(): Promise<{ page: Page; problems: string[] }> {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const problems = collectProblems(page);
    await page.goto(`${served.url}/?renderer=canvas`);
    await openOnline(page, 'leaderboard');
    return { page, problems };
  }

  /** Leaderboards, N: the four prompts in order (Enter on an empty one leaves it empty). */
  async function editProfile(page: Page, values: { name: string; key?: string; team?: string; code?: string }): Promise<void> {
    await page.locator('#game').focus();
    await page.keyboard.press('n');
    for (const [label, value] of [
      ['Your display name on leaderboards', values.name],
      ['Your claim key for this name (optional)', values.key ?? ''],
      ['Your team (optional)', values.team ?? ''],
      ...(values.team ? [['Team code (optional)', values.code ?? '']] : []),
    ] as const) {
      const box = page.getByRole('textbox', { name: label });
      await box.fill(value);
      await box.press('Enter');
    }
  }

  const profile = (page: Page) => page.evaluate(() => JSON.parse(window.localStorage.getItem('surge-drill.profile') ?? 'null') as Record<string, string>);
  const said = (page: Page) => page.evaluate(() => window.surgeDrill!.announcements().join('\n'));

  it('creates a team and shows its code once, in a dialog that passes axe, with a Copy button', async () => {
    const { page, problems } = await open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.url });
    await editProfile(page, { name: 'Rolf', team: 'Rivals' });
    const dialog = page.getByRole('dialog', { name: 'Team code for “Rivals”' });
    await dialog.waitFor({ timeout: 15_000 });
    const code = (await dialog.getByLabel('Team code').textContent())!;
    expect(code.replace(/-/g, '')).toMatch(/^[0-9A-Z]{26}$/);
    const audit = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/Copied|Selected/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await profile(page)).toMatchObject({ name: 'Rolf', team: 'Rivals', teamCode: code, reveals: [] });
    await expect.poll(() => said(page)).toContain('Team Rivals created.');
    // The team is taken now, in any spelling.
    const again = await fetch(`${served.url}/api/teams`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ team: 'RIVALS' }) });
    expect(again.status).toBe(409);
    expect(problems.filter((p) => !p.includes('409'))).toEqual([]);
  }, BROWSER_TEST_MS);

  it('refuses a name someone owns until its claim key is entered, as on a second device', async () => {
    const file = `${SCENARIO_ID}.yaml`;
    const loaded = loadScenario(readFileSync(join(root, 'scenarios', file), 'utf8'), file);
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const attempt = (await (await fetch(`${served.url}/api/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: SCENARIO_ID }) })).json()) as { attemptId: string; seed: number; shiftMs: number };
    const { sim } = runBot(loaded.scenario, { seed: attempt.seed, mode: 'ranked', bot: 'guideline' });
    skippedMs += attempt.shiftMs;
    const first = await fetch(`${served.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ player: 'Ann', attemptId: attempt.attemptId, run: makeRunRecord(sim, loaded.hash) }) });
    const { claimKey } = (await first.json()) as { claimKey: string };
    expect(claimKey).toEqual(expect.any(String));

    const { page } = await open();
    await editProfile(page, { name: 'Аnn' });
    await expect.poll(() => said(page), { timeout: 10_000 }).toContain('Not saved: this name belongs to another player');
    expect(await profile(page)).toBeNull();

    await editProfile(page, { name: 'ann', key: claimKey.toLowerCase() });
    await expect.poll(() => said(page), { timeout: 10_000 }).toContain('Playing as Ann, with its claim key.');
    expect(await profile(page)).toMatchObject({ name: 'Ann', claimKey: claimKey.toLowerCase() });
  }, BROWSER_TEST_MS);
});
