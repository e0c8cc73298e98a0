import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, quickInsertText, type Post, type Scenario } from '../../src/core/index';
import { collectProblems, launchBrowser, type Browser } from './helpers/browser';
import { buildAndServe, type ServedGame } from './helpers/game-server';
import { snapshot, waitForScene } from './helpers/keyboard-player';

/**
 * Issue 9's "done when", in Chromium, by keyboard: a trainee writes a good reply in
 * their own words and sees it land (the brand's reply in the thread, the verdict on
 * the status line); writes "please post your booking reference below" and gets a
 * citation with those words marked; Esc keeps a draft; the debrief quotes both
 * replies with the cited words marked.
 */
const GOOD_WORDS = 'I am so sorry you were let down like this, that was our failure and not yours. I have asked our refunds team to put it right today and I will update you here by 6pm. ^Jo';
const BAD_REPLY = 'please post your booking reference below';

const flagship: Scenario = (() => {
  const r = loadScenario(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'facebook-mugging.yaml'), 'utf8'), 'facebook-mugging.yaml');
  if (!r.ok) throw new Error('the flagship scenario does not load');
  return r.scenario;
})();

const composerText = (page: Page) => page.$eval('#cz-text', (t) => (t as HTMLTextAreaElement).value);

/** Waits until the trainee's hands are free for the next action. */
async function waitFree(page: Page): Promise<void> {
  await page.waitForFunction(() => { const s = window.surgeDrill!.snapshot().run!.state; return s.t >= s.trainee.busyUntil; }, null, { polling: 50, timeout: 60_000 });
}

/** Moves the selection by keyboard (queue view, oldest open first) to an open post that `wanted` accepts. */
async function selectByKeyboard(page: Page, wanted: (p: Post) => boolean): Promise<Post> {
  await page.waitForFunction(() => window.surgeDrill!.snapshot().run!.state.posts.some((p) => p.status === 'open' && p.replies.length === 0), null, { polling: 100, timeout: 60_000 });
  await page.keyboard.press('Home');
  for (let i = 0; i < 60; i++) {
    const snap = await snapshot(page);
    const id = snap.desk!.selectedPostId;
    const p = id === null ? undefined : snap.run!.state.posts[id - 1];
    if (p && p.status === 'open' && wanted(p)) return p;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error('no such post reached by keyboard');
}

const replyable = (p: Post) => p.flags.length === 0 && (p.category === 'unhappy' || p.category === 'question') && p.replies.length === 0;

describe('the composer in Chromium', () => {
  let served: ServedGame;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let goodPost: Post;
  let goodText = '';
  let badPost: Post;

  beforeAll(async () => {
    served = await buildAndServe();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    problems = collectProblems(page);
    await page.goto(`${served.url}?renderer=canvas&scenario=facebook-mugging&seed=11&mode=practice&speed=5`);
    await waitForScene(page, 'desk');
    await page.keyboard.press('f');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('writes a good reply by keyboard, with a quick insert, and sees it land in the thread', async () => {
    goodPost = await selectByKeyboard(page, replyable);
    await page.keyboard.press('r');
    await page.waitForSelector('#composer[open]');
    expect((await snapshot(page)).desk!.dialog).toBe('reply');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cz-text');
    expect(await page.textContent('#composer .cz-beside')).toContain(goodPost.text);
    // Tab reaches the first quick insert; Enter puts its words at the caret, editable.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Acknowledge');
    await page.keyboard.press('Enter');
    const inserted = quickInsertText(flagship, 'acknowledge', goodPost);
    expect(await composerText(page)).toBe(inserted);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cz-text');
    await page.keyboard.type(` ${GOOD_WORDS}`);
    goodText = await composerText(page);
    expect(await page.textContent('#cz-count')).toBe(`${goodText.length} / 1000`);
    await waitFree(page);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#composer', { state: 'detached' });
    const snap = await snapshot(page);
    const reply = snap.run!.state.posts[goodPost.id - 1]!.replies.at(-1)!;
    expect(reply.text).toBe(goodText.trim());
    expect(reply.breaches).toEqual([]);
    expect(reply.quality).toBeGreaterThan(0);
    expect(snap.desk!.status).toMatch(/✓ landed well/);
    // The brand's reply shows under the post in the live feed, as the public reads it (the queue holds open posts only).
    await page.keyboard.press('f');
    await page.waitForFunction((id) => (document.querySelector(`#reading .rl-list [data-post-id="${id}"] .rl-thread`)?.textContent ?? '').includes('put it right today'), goodPost.id, { timeout: 5000 });
    await page.keyboard.press('f');
    expect(await page.evaluate(() => window.surgeDrill!.announcements().join(' '))).toMatch(/landed well/);
  }, 120_000);

  it('keeps a draft per post when Esc closes the composer, until it is discarded', async () => {
    await waitFree(page);
    const p = await selectByKeyboard(page, (x) => replyable(x) && x.id !== goodPost.id);
    await page.keyboard.press('r');
    await page.waitForSelector('#composer[open]');
    await page.keyboard.type('Words I do not want to lose');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#composer', { state: 'detached' });
    expect((await snapshot(page)).desk!.status).toMatch(/^Draft kept/);
    await page.keyboard.press('r');
    await page.waitForSelector('#composer[open]');
    expect(await composerText(page)).toBe('Words I do not want to lose');
    // Nothing was sent; the rest of the team may have answered the post meanwhile (a busy machine types slowly).
    expect((await snapshot(page)).run!.state.posts[p.id - 1]!.replies.filter((r) => r.by === 'trainee')).toHaveLength(0);
    await page.click('#composer .cz-discard');
    await page.keyboard.press('r');
    await page.waitForSelector('#composer[open]');
    expect(await composerText(page)).toBe('');
    await page.keyboard.press('Escape');
  }, 120_000);

  it('passes an axe-core audit with the composer open', async () => {
    await page.keyboard.press('r');
    await page.waitForSelector('#composer[open]');
    const result = await new AxeBuilder({ page }).include('#composer').analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('Escape');
  }, 120_000);

  it('cites "please post your booking reference below" at once, with the words marked', async () => {
    await waitFree(page);
    badPost = await selectByKeyboard(page, (x) => replyable(x) && x.id !== goodPost.id);
    await page.keyboard.press('r');
    await page.waitForSelector('#composer[open]');
    await page.keyboard.type(BAD_REPLY);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#citation-slip:not([hidden])', { timeout: 5000 });
    const slip = await page.evaluate(() => {
      const root = document.getElementById('citation-slip')!;
      // What a sighted reader sees: without the words that tell a screen reader why text is marked.
      const quote = root.querySelector('blockquote')!.cloneNode(true) as HTMLElement;
      quote.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
      return { heading: root.querySelector('h2')!.textContent, rules: [...root.querySelectorAll('li')].map((li) => li.textContent ?? ''), marks: [...root.querySelectorAll('mark')].map((m) => m.textContent), quote: quote.textContent };
    });
    expect(slip.heading).toMatch(/CITATION/);
    // The slip names the scenario's own rule against personal data in public.
    const rule = flagship.guideline.forbidden.find((f) => f.kind === 'personalDataInPublic')!;
    expect(slip.rules.join(' ')).toContain(`Guideline ${rule.rule}: ${rule.text}`);
    expect(slip.quote).toContain(BAD_REPLY);
    expect(slip.marks.join(' ')).toMatch(/booking reference/);
    const state = (await snapshot(page)).run!.state;
    expect(state.breaches.some((b) => b.kind === 'personalDataInPublic' && b.postId === badPost.id)).toBe(true);
  }, 120_000);

  it('quotes both replies in the debrief, the cited words marked', async () => {
    // Faster to the end of the shift.
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    await waitForScene(page, 'debrief', 300_000);
    await page.waitForSelector('#debrief-lessons article.lesson');
    const quotes = await page.$$eval('#debrief-lessons .you q', (qs) => qs.map((q) => ({ text: q.textContent ?? '', marks: [...q.querySelectorAll('mark')].map((m) => m.textContent ?? '') })));
    const good = quotes.find((q) => q.text.includes('put it right today'));
    const bad = quotes.find((q) => q.text.includes(BAD_REPLY.slice(0, 20)));
    expect(good, JSON.stringify(quotes.map((q) => q.text))).toBeDefined();
    expect(bad, JSON.stringify(quotes.map((q) => q.text))).toBeDefined();
    expect(bad!.marks.join(' ')).toMatch(/booking reference/);
    expect(problems).toEqual([]);
  }, 360_000);
});
