import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';
import { launchBrowser, type Browser } from './helpers/browser';
import { goldenRuns } from '../core/golden/golden-runs';
import { REPO_ROOT } from '../repo-root';

/**
 * The same golden runs in Node and in Chromium: the core must not drift between
 * JavaScript engines (no engine-dependent maths, key order or sort quirks).
 */
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  const out = (await build({
    configFile: false,
    logLevel: 'error',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(REPO_ROOT, 'tests/core/golden/golden-runs.ts'), formats: ['iife'], name: 'Golden' },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const output = (Array.isArray(out) ? out[0]! : out).output;
  bundle = output.find((o): o is Rollup.OutputChunk => o.type === 'chunk')!.code;
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
