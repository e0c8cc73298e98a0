import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../repo-root';
import { checkArchitecture, type Violation } from './architecture/check-architecture';

/**
 * Keeps the one direction of dependency (core ← api ← game, server, cli) and the
 * core pure. The rules are data in `architecture/layers.ts`; the checker is tested
 * here on small synthetic trees, then run on the real one.
 */

const trees: string[] = [];
afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A minimal tree that passes, with `files` added or replaced (repo-relative path → source). */
function tree(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'surge-arch-'));
  trees.push(root);
  const base: Record<string, string> = {
    'src/core/index.ts': "export { step } from './sim/step';\nexport { loadScenario } from './scenario/scenario.loader';\n",
    'src/core/sim/step.ts': "import { z } from 'zod';\nimport { roundInt } from '../util/fixed-math';\nexport const step = (x: number) => roundInt(Math.floor(x) * 2) + z.number().parse(x);\n",
    'src/core/util/fixed-math.ts': 'export const roundInt = (x: number) => Math.floor(x + 0.5);\n',
    'src/core/scenario/scenario.loader.ts': "import { parseDocument } from 'yaml';\nexport const loadScenario = (t: string) => parseDocument(t);\n",
    'src/game/main.ts': "import Phaser from 'phaser';\nimport { step } from '../core/index';\nimport type { Standing } from '../api/standings.schema';\nexport const s: Standing | undefined = undefined;\nexport const go = () => new Phaser.Game({ step });\n",
    'src/api/standings.schema.ts': "import { z } from 'zod';\nimport type { step } from '../core/index';\nexport const Standing = z.object({ score: z.number() });\nexport type Standing = z.output<typeof Standing> & { s?: typeof step };\n",
    'server/main.ts': "import Fastify from 'fastify';\nimport { step } from '../src/core/index';\nexport const app = Fastify().decorate('step', step);\n",
    'cli/main.ts': "import { readFileSync } from 'node:fs';\nimport { loadScenario } from '../src/core/index';\nexport const load = (f: string) => loadScenario(readFileSync(f, 'utf8'));\n",
  };
  for (const [file, text] of Object.entries({ ...base, ...files })) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const messages = (violations: Violation[]) => violations.map((v) => `${v.file}:${v.line} ${v.message}`);

describe('the architecture checker', () => {
  it('passes a clean tree with subfolders in the core, type-only and cross-layer imports through the index', () => {
    expect(messages(checkArchitecture(tree()))).toEqual([]);
  });

  it('passes names that only look like globals: properties, object keys, strings, comments', () => {
    const root = tree({
      'src/core/sim/names.ts': [
        "// Math.exp(1) and import 'phaser' in a comment, Date.now() too",
        "const s = \"Math.random() import('phaser') window.x\";",
        'const o = { date: 1, process: 2, window: 3 };',
        'export const t = `${o.process} ${s} Date.now()`.length + o.date;',
        'export const big = 2 ** 31;',
        'type T = typeof window;',
        'export interface I { performance: number; now(): Date }',
        'export const n = (x: T | I) => (x as unknown as { a: number }).a! / 100;',
      ].join('\n'),
    });
    expect(messages(checkArchitecture(root))).toEqual([]);
  });

  const fails: [string, Record<string, string>, RegExp][] = [
    ["a side-effect import 'phaser' in the core", { 'src/core/sim/look.ts': "import 'phaser';\n" }, /src\/core\/sim\/look\.ts:1 imports the package "phaser"/],
    ['a dynamic import of phaser in the core', { 'src/core/sim/lazy.ts': "export const p = () => import('phaser');\n" }, /lazy\.ts:1 imports the package "phaser"/],
    ["export * from 'phaser' in the core", { 'src/core/index.ts': "export * from 'phaser';\n" }, /index\.ts:1 imports the package "phaser"/],
    ['a type-only import from phaser in the core', { 'src/core/sim/t.ts': "export type { Scene } from 'phaser';\n" }, /imports the package "phaser"/],
    ['Math.exp in the core', { 'src/core/sim/decay.ts': 'export const d = (x: number) =>\n  Math.exp(-x);\n' }, /decay\.ts:2 uses Math\.exp/],
    ['Math.random in the core', { 'src/core/sim/r.ts': 'export const r = Math.random();\n' }, /uses Math\.random/],
    ['Math passed around in the core', { 'src/core/sim/m.ts': 'const m = Math;\nexport const e = m.exp(1);\n' }, /uses Math\.\[…\]/],
    ['a non-constant ** in the core', { 'src/core/sim/p.ts': 'export const p = (x: number) => x ** 0.5;\n' }, /uses \*\* on a non-constant/],
    ['Intl in the core', { 'src/core/sim/i.ts': "export const f = new Intl.NumberFormat('en');\n" }, /uses Intl/],
    ['toLocaleString in the core', { 'src/core/sim/l.ts': 'export const l = (1234).toLocaleString();\n' }, /uses toLocaleString/],
    ['globalThis.crypto in the core', { 'src/core/sim/c.ts': 'export const c = globalThis.crypto.getRandomValues(new Uint8Array(1));\n' }, /uses globalThis/],
    ['Date inside an enum initialiser in the core', { 'src/core/sim/e.ts': 'export enum E { A = Date.now() }\n' }, /uses Date/],
    ['a shorthand property reading process', { 'src/core/sim/env.ts': 'export const env = { process };\n' }, /uses process/],
    ['setTimeout in an exported function', { 'src/core/sim/w.ts': 'export function w() { setTimeout(() => 0, 1); }\n' }, /uses setTimeout/],
    ['yaml outside the scenario loader', { 'src/core/sim/y.ts': "import 'yaml';\n" }, /imports the package "yaml"/],
    ['the game importing the server', { 'src/game/net.ts': "import { app } from '../../server/main';\nexport const a = app;\n" }, /src\/game\/net\.ts:1 .*\(server\/main\.ts\); the game layer may reach only/],
    ['the game reaching into the core past its index', { 'src/game/x.ts': "import { step } from '../core/sim/step';\nexport const s = step;\n" }, /\(src\/core\/sim\/step\.ts\)/],
    ['the game importing an unlisted package', { 'src/game/x.ts': "import 'lodash';\n" }, /imports the package "lodash"; the game layer may use only phaser, howler, zod/],
    ['the core importing the game', { 'src/core/sim/g.ts': "export * from '../../game/main';\n" }, /the core layer may reach only src\/core\//],
    ['the api importing the server', { 'src/api/x.ts': "import '../../server/main';\n" }, /the api layer may reach only/],
    ['the api importing fastify', { 'src/api/x.ts': "import 'fastify';\n" }, /imports the package "fastify"/],
    ['the server importing the game', { 'server/x.ts': "import '../src/game/main';\n" }, /the server layer may reach only/],
    ['the server importing the cli', { 'server/x.ts': "import { load } from '../cli/main';\nexport const l = load;\n" }, /\(cli\/main\.ts\); the server layer/],
    ['the cli importing the server with a type-only import', { 'cli/x.ts': "import type { app } from '../server/main';\nexport type A = typeof app;\n" }, /\(server\/main\.ts\); the cli layer/],
    ['the server reaching into the core by an import() type', { 'server/x.ts': "export type S = import('../src/core/sim/step').Step;\n" }, /\(src\/core\/sim\/step\.ts\)/],
    ['an import that resolves to no file', { 'src/core/sim/x.ts': "import './missing';\n" }, /resolves to no file/],
    ['a computed dynamic import', { 'src/core/sim/x.ts': 'export const l = (n: string) => import(n);\n' }, /computed specifier/],
    ['a folder outside every layer', { 'src/tools/x.ts': 'export const x = 1;\n' }, /src\/tools\/x\.ts:1 belongs to no layer/],
  ];
  it.each(fails)('fails on %s', (_name, files, expected) => {
    const found = messages(checkArchitecture(tree(files)));
    expect(found.some((m) => expected.test(m)), found.join('\n') || '(no violations)').toBe(true);
  });
});

describe('architecture of this repository', () => {
  it('keeps every layer rule and the purity of the core', () => {
    expect(messages(checkArchitecture(REPO_ROOT))).toEqual([]);
  });
});
