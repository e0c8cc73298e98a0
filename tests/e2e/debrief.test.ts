import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectProblems, launchBrowser, type Browser } from './helpers/browser';
import { buildAndServe, type ServedGame } from './helpers/game-server';
import { playByKeyboard, waitForScene } from './helpers/keyboard-player';

/**
 * The debrief of a badly played flagship in Chromium: a few lessons, not a wall of
 * events, each quoting its post and what the trainee did; three retry tips; reachable
 * by keyboard; no accessibility violations; readable at three window sizes.
 * Screenshots go to DEBRIEF_SHOTS (or the temp folder) for a person to look at.
 */
const SHOTS = process.env.DEBRIEF_SHOTS ?? join(tmpdir(), 'surge-drill-debrief-shots');
const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

describe('the debrief in Chromium', () => {
  let served: ServedGame;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    served = await buildAndServe();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    problems = collectProblems(page);
    await page.goto(`${served.url}?renderer=canvas&scenario=facebook-mugging&seed=5&mode=practice&speed=60`);
    await waitForScene(page, 'desk');
    // A few actions by keyboard, then nobody at the desk: a badly played shift.
    await playByKeyboard(page, 60_000, (snap) => (snap.run?.state.log.length ?? 0) >= 6);
    await waitForScene(page, 'debrief', 180_000);
    await page.waitForSelector('#debrief-lessons article.lesson');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('shows at most 12 lessons, each quoting its post and what the trainee did, and three retry tips', async () => {
    const view = await page.evaluate(() => {
      const root = document.getElementById('debrief-lessons')!;
      const lessons = [...root.querySelectorAll('article.lesson')];
      return {
        lessons: lessons.map((a) => ({ id: a.getAttribute('data-lesson'), quotes: a.querySelectorAll('blockquote').length, deeds: a.querySelectorAll('.you').length, text: a.textContent ?? '' })),
        tips: [...root.querySelectorAll('ol.tips li')].map((li) => li.textContent),
        replies: root.querySelectorAll('.you q').length,
      };
    });
    expect(view.lessons.length).toBeGreaterThanOrEqual(4);
    expect(view.lessons.length).toBeLessThanOrEqual(12);
    for (const l of view.lessons) {
      expect(l.quotes, l.id!).toBeGreaterThan(0);
      expect(l.deeds, l.id!).toBeGreaterThan(0);
      expect(l.text).toContain('What a good desk does');
    }
    expect(view.tips).toHaveLength(3);
    // The shift's own posts are quoted, not "Post #N".
    const state = await page.evaluate(() => window.surgeDrill!.snapshot().run!.state);
    const quoted = await page.$$eval('#debrief-lessons blockquote p', (ps) => ps.map((p) => p.textContent));
    const texts = new Set(state.posts.map((p) => p.text));
    // The one quote that is not from the feed is the brand's own scheduled promotion.
    expect(quoted.filter((q) => !texts.has(q!)).length).toBeLessThanOrEqual(1);
  });

  it('moves between lessons with the arrow keys and announces the retry tips', async () => {
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lesson'))).toBeTruthy();
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-lesson'));
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-lesson'));
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lesson'))).toBe(first);
    const said = await page.evaluate(() => window.surgeDrill!.announcements().join(' '));
    expect(said).toContain('To fix on a retry:');
  });

  it('passes an axe-core audit', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('stays on its panel and readable at 1024×640, 1280×720 and 1920×1080', async () => {
    mkdirSync(SHOTS, { recursive: true });
    // Screenshots show the panel as a trainee first sees it: from the top.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.getElementById('debrief-lessons')!.scrollTop = 0;
    });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      const box = await page.evaluate(() => {
        const r = document.getElementById('debrief-lessons')!.getBoundingClientRect();
        const c = document.querySelector('#game canvas')!.getBoundingClientRect();
        const font = parseFloat(getComputedStyle(document.getElementById('debrief-lessons')!).fontSize);
        return { r: { l: r.left, t: r.top, rt: r.right, b: r.bottom }, c: { l: c.left, t: c.top, rt: c.right, b: c.bottom }, font };
      });
      expect(box.r.l).toBeGreaterThanOrEqual(box.c.l);
      expect(box.r.t).toBeGreaterThanOrEqual(box.c.t);
      expect(box.r.rt).toBeLessThanOrEqual(box.c.rt + 1);
      expect(box.r.b).toBeLessThanOrEqual(box.c.b + 1);
      expect(box.font).toBeGreaterThanOrEqual(12);
      await page.screenshot({ path: join(SHOTS, `debrief-${size.width}x${size.height}.png`) });
    }
    expect(problems).toEqual([]);
  });

  it('watches the shift back: W opens it, the keyboard moves the desk to 10:14, the feed is as it was then, beside a model shift', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.keyboard.press('w');
    await page.waitForSelector('.watch-back[role=dialog]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wb-minute');
    // The flagship starts at 09:30: 10:14 is 44 minutes in (four pages of ten, four single minutes).
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageUp');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#wb-yours-title')?.textContent === 'Your shift at 10:14');
    expect(await page.textContent('.wb-clock')).toBe('10:14');
    expect(await page.textContent('#wb-model-title')).toBe('A model shift at 10:14');
    const shown = await page.$$eval('section[aria-labelledby=wb-yours-title] .wb-feed li p', (ps) => ps.map((p) => p.textContent));
    const state = await page.evaluate(() => window.surgeDrill!.snapshot().run!.state);
    const then = state.posts.filter((p) => p.t <= 44 * 60).slice(-shown.length).reverse();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(then.map((p) => p.text));
    const axe = await new AxeBuilder({ page }).include('.watch-back').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'watch-back-1280x720.png') });
    await page.keyboard.press('Escape');
    expect(await page.$('.watch-back')).toBeNull();
  });
});

