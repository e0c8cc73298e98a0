import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './helpers/browser';
import { bundleForPage } from './helpers/bundle-for-page';
import { DEV_SETS, HELDOUT_SET, contextOf, corpusExists, loadCorpus } from '../core/judge/corpus';
import { judgeAll } from '../core/judge/judge-all';

/**
 * The reply judge gives the same verdict in Chromium as in Node for every reply in
 * the labelled corpus: a replay re-judges the trainee's words, so the score must not
 * depend on the engine.
 */
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  bundle = await bundleForPage('tests/core/judge/judge-all.ts', 'Judge');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('reply judge in Chromium', () => {
  it('returns the same verdicts as in Node over the whole corpus', async () => {
    const cases = [...DEV_SETS, HELDOUT_SET].filter(corpusExists).flatMap((set) => loadCorpus(set)).map((item) => ({ text: item.text, ctx: contextOf(item) }));
    const page = await browser.context.newPage();
    await page.setContent('<!doctype html><title>judge</title>');
    await page.addScriptTag({ content: bundle });
    const inBrowser = await page.evaluate((c) => (globalThis as unknown as { Judge: { judgeAll: (x: unknown) => unknown } }).Judge.judgeAll(c), cases);
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(inBrowser).toEqual(judgeAll(cases));
  });
});
