import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './helpers/browser';
import { bundleForPage } from './helpers/bundle-for-page';
import { goldenRuns } from '../core/golden/golden-runs';

/**
 * The same golden runs in Node and in Chromium: the core must not drift between
 * JavaScript engines (no engine-dependent maths, key order or sort quirks).
 */
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  bundle = await bundleForPage('tests/core/golden/golden-runs.ts', 'Golden');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('golden runs in Chromium', () => {
  it('give the same scores and final-state hashes as in Node', async () => {
    const page = await browser.context.newPage();
    await page.setContent('<!doctype html><title>golden</title>');
    await page.addScriptTag({ content: bundle });
    const inBrowser = await page.evaluate(() => (globalThis as unknown as { Golden: { goldenRuns: () => unknown } }).Golden.goldenRuns());
    expect(inBrowser).toEqual(goldenRuns());
    const { default: pinned } = await import('../core/golden/mini.json', { with: { type: 'json' } });
    expect(inBrowser).toEqual(pinned);
  });
});
