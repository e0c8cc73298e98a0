import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './helpers/browser';
import { buildAndServeWithApi, openOnline, type GameWithApi } from './helpers/game-with-api';
import { playByKeyboard, snapshot, waitForScene } from './helpers/keyboard-player';

/** How long the keyboard player plays the tutorial: enough for a handful of actions. */
const PLAY_MS = 45_000;
const MIN_ACTIONS = 3;

/**
 * The built game, served by the real server with its Content-Security-Policy, in Chromium
 * with WebGL (the default renderer) and sound on: nothing it does may be refused by the
 * policy — not Phaser's textures and shaders, Howler's audio, the DOM layers, the API calls.
 */
describe('the game under its Content-Security-Policy', () => {
  let served: GameWithApi;
  let browser: Browser;

  beforeAll(async () => {
    served = await buildAndServeWithApi();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('loads, plays a few actions and opens the leaderboard without a single violation', { timeout: 180_000 }, async () => {
    const page = await browser.context.newPage();
    const violations: string[] = [];
    const consoleErrors: string[] = [];
    await page.exposeFunction('reportCspViolation', (line: string) => violations.push(line));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportCspViolation(line: string): void }).reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
      );
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) consoleErrors.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));

    const response = await page.goto(`${served.url}/?speed=60`);
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");

    await waitForScene(page, 'menu');
    await page.evaluate(() => localStorage.setItem('surge-drill.settings.v1', JSON.stringify({ volume: 0.2, muted: false, reducedMotion: false, textSize: 'normal' })));
    await page.reload();
    await waitForScene(page, 'menu');
    await page.locator('#game').focus();
    await page.keyboard.press('Enter');
    await waitForScene(page, 'briefing');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'desk');
    const stats = await playByKeyboard(page, PLAY_MS, (snap) => (snap.run?.state.log.length ?? 0) >= MIN_ACTIONS);
    expect((await snapshot(page)).run!.state.log.length, `actions played: ${stats.actions}`).toBeGreaterThanOrEqual(MIN_ACTIONS);

    // Back to a fresh menu (no saved shift, so the rows are as openOnline expects). The save is
    // removed while the menu shows: a desk still running could autosave again before it unloads,
    // and the menu would then offer a Resume row above the others.
    await page.goto(`${served.url}/`);
    await waitForScene(page, 'menu');
    await page.evaluate(() => localStorage.removeItem('surge-drill.autosave.v1'));
    await page.reload();
    await openOnline(page, 'leaderboard');
    await page.waitForTimeout(500);

    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
