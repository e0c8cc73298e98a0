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

/** The game's page among the build's entries (vite.config.ts `input`); the studio is another page with its own chunks. */
export const GAME_ENTRY = 'game';

interface ChunkLike {
  name?: string;
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
}

/** File names of the chunks the game's page loads at start: its entry and what that imports statically. */
export function startupChunks(chunks: readonly ChunkLike[]): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  const entries = chunks.filter((c) => c.isEntry);
  const game = entries.filter((c) => c.name === GAME_ENTRY);
  for (const c of game.length > 0 ? game : entries) visit(c.fileName);
  return initial;
}

/** Sizes a build's chunks: those loaded at start (`startupChunks`) count as initial. */
export function bundleFigures(chunks: readonly ChunkLike[]): BundleFigures {
  const initial = startupChunks(chunks);
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

/**
 * Prints the figures, and fails the build, naming the excess, when the app's start-up
 * JavaScript (Phaser aside) is over budget.
 */
export function bundleBudgetPlugin(): Plugin {
  return {
    name: 'surge-drill:bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
      const f = bundleFigures(chunks);
      const line = `app JS at start ${kb(f.initialGzip)} gzip (budget ${kb(APP_BUDGET_GZIP_BYTES)}), loaded later ${kb(f.lazyGzip)}, Phaser ${kb(f.phaserGzip)}`;
      if (f.initialGzip > APP_BUDGET_GZIP_BYTES) this.error(`bundle budget exceeded: ${line}`);
      else this.info(line);
    },
  };
}
