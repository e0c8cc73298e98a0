import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './helpers/browser';
import { deskMidSurge, TEXT_SIZES, VIEWPORTS } from './helpers/desk-at';
import { buildAndServe, type ServedGame } from './helpers/game-server';
import { snapshot } from './helpers/keyboard-player';
import { checkLayout, composerTextBoxes, deskTextBoxes } from './helpers/layout-check';
import { RECENT_WORDING_POSTS } from '../../src/core/sim/wording';

/**
 * The desk's layout at three window sizes × three text settings: every
 * visible text box stays inside its panel and clear of every other, and no
 * text, the reading layer's or the canvas's, is under 12 CSS px.
 */
describe('the desk layout in Chromium', () => {
  let served: ServedGame;
  let browser: Browser;

  beforeAll(async () => {
    served = await buildAndServe();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  for (const viewport of VIEWPORTS) {
    for (const textSize of TEXT_SIZES) {
      it(`holds at ${viewport.width}×${viewport.height} with ${textSize} text`, async () => {
        const page = await deskMidSurge(browser.context, served.url, viewport, textSize);
        const { boxes, panels } = await deskTextBoxes(page);
        const report = checkLayout(boxes, panels);
        console.log(`${viewport.width}×${viewport.height} ${textSize}: ${report.boxes} boxes, ${report.overlaps.length} overlaps, ${report.outside.length} outside, min ${report.minFontPx}px`);
        expect(report.boxes).toBeGreaterThan(40);
        expect(report.overlaps).toEqual([]);
        expect(report.outside).toEqual([]);
        expect(report.tooSmall).toEqual([]);
        // The feed shows whole posts, not a sliver; and no more at once than the wording's no-repeat window
        // (tests/core/sim/wording.test.ts checks that window: no identical text twice on one screen).
        const visible = (await snapshot(page)).desk!.visiblePostIds.length;
        expect(visible).toBeGreaterThan(0);
        expect(visible).toBeLessThanOrEqual(RECENT_WORDING_POSTS);
        // The open composer: the post beside the text box, nothing covering anything.
        await page.keyboard.press('r');
        await page.waitForSelector('#composer[open]');
        const composer = await composerTextBoxes(page);
        const inComposer = checkLayout(composer.boxes, composer.panels);
        console.log(`  composer: ${inComposer.boxes} boxes, ${inComposer.overlaps.length} overlaps, ${inComposer.outside.length} outside, min ${inComposer.minFontPx}px`);
        expect(inComposer.boxes).toBeGreaterThan(15);
        expect(inComposer.overlaps).toEqual([]);
        expect(inComposer.outside).toEqual([]);
        expect(inComposer.tooSmall).toEqual([]);
        expect(composer.besideVisible).toBe(true);
        expect(composer.insideCanvas).toBe(true);
        await page.keyboard.press('Escape');
        await page.close();
      }, 180_000);
    }
  }

  it('passes an axe-core audit of the reading layer', async () => {
    const page = await deskMidSurge(browser.context, served.url, { width: 1280, height: 720 }, 'normal');
    const result = await new AxeBuilder({ page }).include('#reading').analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
    await page.close();
  }, 180_000);

  it('counts new posts above a selection without moving it; Home shows them', async () => {
    const page = await deskMidSurge(browser.context, served.url, { width: 1280, height: 720 }, 'normal');
    const before = await snapshot(page);
    const id = before.desk!.selectedPostId!;
    expect(id).not.toBeNull();
    const top = () => page.evaluate((i) => document.querySelector(`.rl-list [data-post-id="${i}"]`)!.getBoundingClientRect().top, id);
    const y0 = await top();
    const count = before.run!.state.posts.length;
    await page.waitForFunction((n) => window.surgeDrill!.snapshot().run!.state.posts.length >= n + 3, count, { polling: 100, timeout: 60_000 });
    await page.waitForTimeout(200);
    expect((await snapshot(page)).desk!.selectedPostId).toBe(id);
    expect(Math.abs((await top()) - y0)).toBeLessThan(2);
    expect(await page.textContent('.rl-new')).toMatch(/↑ \d+ new/);
    await page.keyboard.press('Home');
    // Home selects the newest post, above everything the indicator counted.
    expect((await snapshot(page)).desk!.selectedPostId).toBeGreaterThanOrEqual(count + 3);
    await page.close();
  }, 180_000);

  it('jumps with one key to the post a hint names', async () => {
    const page = await deskMidSurge(browser.context, served.url, { width: 1280, height: 720 }, 'normal');
    const named = await page.waitForFunction(() => /#(\d+)/.exec(document.querySelector('.rl-hints')?.textContent ?? '')?.[1], null, { polling: 100, timeout: 90_000 });
    const id = Number(await named.jsonValue());
    await page.keyboard.press('n');
    await page.waitForTimeout(100);
    const snap = await snapshot(page);
    // The hints may have moved on by a minute; the jump goes to a post they name.
    expect(snap.desk!.selectedPostId).not.toBeNull();
    expect(snap.desk!.status).toBe(`Jumped to post #${snap.desk!.selectedPostId}.`);
    expect([id, ...(await page.evaluate(() => [...(document.querySelector('.rl-hints')?.textContent ?? '').matchAll(/#(\d+)/g)].map((m) => Number(m[1]))))]).toContain(snap.desk!.selectedPostId);
    await page.close();
  }, 180_000);

  it('disables the action bar with a visible countdown while the trainee is busy', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${served.url}?renderer=canvas&scenario=facebook-mugging&seed=11&mode=practice&speed=0.25`);
    await page.waitForFunction(() => window.surgeDrill?.scene() === 'desk' && window.surgeDrill.snapshot().run!.state.posts.length > 0, null, { polling: 100, timeout: 60_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('c');
    await page.waitForFunction(() => window.surgeDrill!.snapshot().run!.state.log.length === 1, null, { polling: 20, timeout: 20_000 });
    // The countdown shows from the next drawn frame, which a loaded machine can delay.
    await page.waitForFunction(() => window.surgeDrill!.snapshot().desk!.canvasTexts.some((t) => /^\[R\] Reply \d+:\d\d$/.test(t.text)), null, { polling: 20, timeout: 10_000 });
    const busy = await snapshot(page);
    expect(busy.run!.state.trainee.busyUntil).toBeGreaterThan(busy.run!.state.t);
    expect(busy.desk!.canvasTexts.map((t) => t.text)).toContainEqual(expect.stringMatching(/^\[R\] Reply \d+:\d\d$/));
    await page.keyboard.press('r');
    const refused = await snapshot(page);
    expect(refused.desk!.dialog).toBeNull();
    expect(refused.desk!.status).toMatch(/^Busy with the previous action: free in \d+:\d\d\.$/);
    // Free again, the buttons say only what they do.
    await page.waitForFunction(() => { const s = window.surgeDrill!.snapshot(); return s.run!.state.t >= s.run!.state.trainee.busyUntil; }, null, { polling: 50, timeout: 30_000 });
    await page.waitForTimeout(100);
    expect((await snapshot(page)).desk!.canvasTexts.map((t) => t.text)).toContain('[R] Reply');
    await page.close();
  }, 120_000);
});
