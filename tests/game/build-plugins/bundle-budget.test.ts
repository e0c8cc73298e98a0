import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { APP_BUDGET_GZIP_BYTES, bundleBudgetPlugin, bundleFigures } from '../../../build-plugins/bundle-budget.plugin';

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

/** Runs the plugin's check over a bundle; returns the warning it raised, if any. */
function check(bundle: Record<string, ReturnType<typeof chunk>>): string | undefined {
  const plugin = bundleBudgetPlugin();
  let error: string | undefined;
  const context = {
    warn: (message: string) => {
      error = message;
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

  it('warns, naming the excess, when start-up JavaScript is over budget', () => {
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
