import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../repo-root';

/** Keeps the one direction of dependency: core ← game, server, cli; and the core pure. */
const root = REPO_ROOT;

function sourceFiles(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|js)$/.test(f))
    .map((f) => join(abs, f));
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

describe('architecture', () => {
  it('the core imports only zod, xstate, its PRNG and itself (and yaml, in the scenario loader only)', () => {
    const allowed = /^(zod|xstate|pure-rand(\/.*)?|\.\.?\/[\w./-]+)$/;
    for (const file of sourceFiles('src/core')) {
      // The loader maps problems to YAML line:column, so it parses the text with `yaml` itself.
      const ok = file.endsWith('scenario.loader.ts') ? /^(yaml|zod|\.\.?\/[\w./-]+)$/ : allowed;
      for (const spec of imports(file)) expect(spec, relative(root, file)).toMatch(ok);
    }
  });

  it('the core never reads the wall clock, Math.random, the DOM or Phaser', () => {
    const forbidden = /\b(Math\.random|Date\.now|new Date\(|performance\.now|window\.|document\.|localStorage|setTimeout|setInterval|Phaser)\b/;
    for (const file of sourceFiles('src/core')) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, relative(root, file)).not.toMatch(forbidden);
    }
  });

  it('the game, the server and the CLI reach the core only through its index, and never each other', () => {
    const rules: [string, RegExp][] = [
      ['src/game', /(^|\/)(server|cli)\/|core\/(?!index(\.ts)?$)/],
      ['server', /(^|\/)game\/|(^|\/)cli\/|core\/(?!index(\.ts)?$)/],
      ['cli', /(^|\/)game\/|(^|\/)server\/|core\/(?!index(\.ts)?$)/],
    ];
    for (const [dir, bad] of rules) {
      for (const file of sourceFiles(dir)) {
        for (const spec of imports(file)) expect(spec, relative(root, file)).not.toMatch(bad);
      }
    }
  });
});
