import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, replay, type ScenarioLookup } from '../../src/core/index';
import { collectProblems, launchBrowser, type Browser } from './helpers/browser';
import { buildAndServe, type ServedGame } from './helpers/game-server';
import { playByKeyboard, snapshot, waitForScene } from './helpers/keyboard-player';

/**
 * The built game in headless Chromium (Canvas renderer, see the README's
 * figures for why), played by keyboard at high speed from start to debrief.
 */
const root = join(import.meta.dirname, '..', '..');

function nodeLookup(): ScenarioLookup {
  const dir = join(root, 'scenarios');
  const byId = new Map<string, { scenario: import('../../src/core/index').Scenario; hash: string }>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const r = loadScenario(readFileSync(join(dir, f), 'utf8'), f);
    if (r.ok) byId.set(r.scenario.id, { scenario: r.scenario, hash: r.hash });
  }
  return (id) => byId.get(id);
}

/** Standard deviation of the screenshot's pixel brightness, measured in the page from the PNG itself. */
async function screenshotSpread(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let sum = 0;
    let sq = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const v = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      sum += v;
      sq += v * v;
    }
    const mean = sum / n;
    return Math.sqrt(sq / n - mean * mean);
  }, png.toString('base64'));
}

const liveRegionText = (page: Page) => page.evaluate(() => `${document.getElementById('announcer')!.textContent} ${document.getElementById('alerts')!.textContent}`);

describe('the game in Chromium', () => {
  let served: ServedGame;
  let browser: Browser;

  beforeAll(async () => {
    served = await buildAndServe();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('plays the tutorial by keyboard from the menu to the debrief', async () => {
    const page = await browser.context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${served.url}?renderer=canvas&speed=60`);
    await waitForScene(page, 'menu');
    expect(await page.evaluate(() => window.surgeDrill!.scenarios()[0]!.id)).toBe('tutorial');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'briefing');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'desk');
    const first = await snapshot(page);
    expect(first.run).toMatchObject({ scenarioId: 'tutorial', mode: 'tutorial', over: false });

    // Practice and tutorial pause: the clock stops until P again.
    await page.keyboard.press('p');
    await waitForScene(page, 'pause');
    const pausedAt = (await snapshot(page)).run!.state.t;
    await page.waitForTimeout(400);
    expect((await snapshot(page)).run!.state.t).toBe(pausedAt);
    await page.keyboard.press('p');
    await waitForScene(page, 'desk');

    const stats = await playByKeyboard(page, 90_000);
    await waitForScene(page, 'debrief');
    const end = await snapshot(page);
    expect(end.run!.over).toBe(true);
    expect(stats.actions).toBeGreaterThan(5);
    expect(end.run!.state.log.length).toBe(stats.actions);
    expect(end.run!.outcome.score).toBeGreaterThanOrEqual(0);
    expect(await liveRegionText(page)).toContain('Debrief. Score');
    // Stepping through the key moments is announced.
    await page.keyboard.press('ArrowRight');
    expect(await liveRegionText(page)).toMatch(/Moment 2 of \d+/);
    // Sound started with the first key press: every sound loaded, ticks for new posts, a jingle at the end.
    const audio = await page.evaluate(() => window.surgeDrill!.audio());
    expect(audio.unlocked).toBe(true);
    expect(audio.loaded).toHaveLength(7);
    expect(audio.played.tick).toBeGreaterThan(0);
    expect((audio.played.outcomeGood ?? 0) + (audio.played.outcomePoor ?? 0)).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('plays the flagship scenario at high speed; the outcome equals a replay of its run record in Node', async () => {
    const page = await browser.context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${served.url}?renderer=canvas&scenario=facebook-mugging&seed=11&mode=practice&speed=60`);
    await waitForScene(page, 'desk');

    // Mid-shift: the desk is drawn (not blank) and the feed shows posts.
    await page.waitForFunction(() => (window.surgeDrill!.snapshot().run?.state.posts.length ?? 0) > 40, null, { polling: 100, timeout: 30_000 });
    const desk = await page.screenshot();
    expect(await screenshotSpread(page, desk)).toBeGreaterThan(20);
    const mid = await snapshot(page);
    expect(mid.desk!.visiblePostIds.length).toBeGreaterThan(3);

    await playByKeyboard(page, 120_000);
    await waitForScene(page, 'debrief');
    const debrief = await page.screenshot();
    expect(await screenshotSpread(page, debrief)).toBeGreaterThan(20);

    const end = await snapshot(page);
    const record = await page.evaluate(() => window.surgeDrill!.runRecord());
    expect(record).not.toBeNull();
    expect(record!.actions.length).toBeGreaterThan(10);
    const replayed = replay(record, nodeLookup());
    if (!replayed.ok) throw new Error(`replay rejected the browser's run: ${replayed.message}`);
    expect(replayed.outcome).toEqual(end.run!.outcome);
    expect(replayed.state.t).toBe(end.run!.state.t);
    expect(await liveRegionText(page)).toContain(`Score ${end.run!.outcome.score} of 100`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('resumes an autosaved run after a reload, reports a corrupt save, and keeps settings', async () => {
    const page = await browser.context.newPage();
    const problems = collectProblems(page);
    const url = `${served.url}?renderer=canvas&scenario=bakery-meltdown&seed=5&mode=practice&speed=4`;
    await page.goto(url);
    await waitForScene(page, 'desk');
    await page.waitForFunction(() => (window.surgeDrill!.snapshot().run?.state.posts.length ?? 0) > 2, null, { polling: 100, timeout: 30_000 });
    // By mouse (the canvas fills the 1280×720 viewport at scale 1): the first feed row, the Triage
    // button, the second category (Unhappy customer), then the dialog's Triage button.
    // Each click waits for what it needs on screen: on a loaded machine the feed's rows can be drawn a
    // few frames after the posts exist, and a click on an empty feed selects nothing.
    await page.waitForFunction(() => (window.surgeDrill!.snapshot().desk?.visiblePostIds.length ?? 0) > 0, null, { polling: 50, timeout: 15_000 });
    await page.mouse.click(200, 170);
    await page.waitForFunction(() => window.surgeDrill!.snapshot().desk?.selectedPostId != null, null, { polling: 50, timeout: 15_000 });
    await page.mouse.click(80, 620);
    await page.waitForFunction(() => window.surgeDrill!.snapshot().desk?.dialog === 'triage', null, { polling: 50, timeout: 15_000 });
    await page.mouse.click(300, 205);
    await page.mouse.click(890, 653);
    await page.waitForFunction(() => (window.surgeDrill!.snapshot().run?.state.log.length ?? 0) > 0, null, { polling: 50, timeout: 15_000 });
    await page.waitForTimeout(1300); // one autosave interval
    const before = await snapshot(page);
    expect(before.run!.state.log.map((l) => l.action)).toEqual([
      { type: 'post.triage', postId: before.desk!.selectedPostId, category: 'unhappy', urgent: false },
    ]);

    await page.reload();
    await waitForScene(page, 'desk');
    const after = await snapshot(page);
    expect(after.run!.seed).toBe(5);
    expect(after.run!.state.log).toEqual(before.run!.state.log);
    expect(after.run!.state.t).toBeGreaterThan(0);
    expect(await liveRegionText(page)).toContain('Resumed your saved run');

    // Without parameters the menu offers the saved run; Enter resumes it.
    await page.goto(`${served.url}?renderer=canvas`);
    await waitForScene(page, 'menu');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'desk');
    expect((await snapshot(page)).run!.state.log).toEqual(before.run!.state.log);

    // A corrupt save is reported and discarded; the menu still works. The save is corrupted while the
    // menu shows (no shift runs there), so no desk can autosave over it before the reload reads it.
    await page.goto(`${served.url}?renderer=canvas`);
    await waitForScene(page, 'menu');
    await page.evaluate(() => localStorage.setItem('surge-drill.autosave.v1', '{"format":1,"record":{"broken":true}}'));
    await page.reload();
    await waitForScene(page, 'menu');
    const notices = await page.evaluate(() => window.surgeDrill!.notices());
    expect(notices.join(' ')).toContain('could not be restored and was discarded');
    expect(await page.evaluate(() => localStorage.getItem('surge-drill.autosave.v1'))).toBeNull();

    // Settings by keyboard: End is the last row (Keys); three up is Sound, one more is Volume.
    for (const key of ['End', 'ArrowUp', 'ArrowUp', 'ArrowUp', 'Enter', 'ArrowUp', 'ArrowLeft']) await page.keyboard.press(key);
    expect(await page.evaluate(() => window.surgeDrill!.settings())).toMatchObject({ muted: true, volume: 60 });
    await page.reload();
    await waitForScene(page, 'menu');
    expect(await page.evaluate(() => window.surgeDrill!.settings())).toMatchObject({ muted: true, volume: 60 });

    // Muted means silent: posts arrive, no tick is started.
    await page.goto(`${served.url}?renderer=canvas&scenario=bakery-meltdown&seed=6&mode=practice&speed=20`);
    await waitForScene(page, 'desk');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => (window.surgeDrill!.snapshot().run?.state.posts.length ?? 0) > 20, null, { polling: 100, timeout: 30_000 });
    expect(await page.evaluate(() => window.surgeDrill!.audio())).toMatchObject({ unlocked: true, muted: true, played: { ambience: 1 } });
    expect((await page.evaluate(() => window.surgeDrill!.audio())).played.tick).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  });
});
