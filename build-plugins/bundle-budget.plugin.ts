import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * What the game may download before its first screen, Phaser aside, in gzip bytes. Phaser is
 * its own long-cached chunk; everything else changes with each release, so it is what a
 * returning player waits for.
 */
export const APP_BUDGET_GZIP_BYTES = 150_000;

/** The chunk that holds Phaser; it is outside the budget. */
export const PHASER_CHUNK = /^(assets\/)?phaser-/;

export interface BundleFigures {
  /** Gzip bytes of the chunks loaded at start (the entry and what it imports), Phaser aside. */
  initialGzip: number;
  /** Gzip bytes of chunks loaded later, on demand. */
  lazyGzip: number;
  phaserGzip: number;
}

interface ChunkLike {
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
}

/** Sizes a build's chunks: those reachable from an entry through static imports count as initial. */
export function bundleFigures(chunks: readonly ChunkLike[]): BundleFigures {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  for (const c of chunks) if (c.isEntry) visit(c.fileName);
  const figures: BundleFigures = { initialGzip: 0, lazyGzip: 0, phaserGzip: 0 };
  for (const c of chunks) {
    const size = gzipSync(c.code, { level: 9 }).length;
    if (PHASER_CHUNK.test(c.fileName)) figures.phaserGzip += size;
    else if (initial.has(c.fileName)) figures.initialGzip += size;
    else figures.lazyGzip += size;
  }
  return figures;
}

/** Kilobytes of 1,000 bytes, as Vite's own build report prints them. */
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** Fails the build when the app's start-up JavaScript (Phaser aside) is over budget, and prints the figures. */
export function bundleBudgetPlugin(): Plugin {
  return {
    name: 'surge-drill:bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
      const f = bundleFigures(chunks);
      const line = `app JS at start ${kb(f.initialGzip)} gzip (budget ${kb(APP_BUDGET_GZIP_BYTES)}), loaded later ${kb(f.lazyGzip)}, Phaser ${kb(f.phaserGzip)}`;
      if (f.initialGzip > APP_BUDGET_GZIP_BYTES) this.error(`bundle budget exceeded: ${line}`);
      this.info(line);
    },
  };
}
