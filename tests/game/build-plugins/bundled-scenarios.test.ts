import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIOS_ID, bundledScenariosPlugin } from '../../../build-plugins/bundled-scenarios.plugin';
import { formatProblem, loadCatalogue } from '../../../src/core/index';

const shipped = join(import.meta.dirname, '..', '..', '..', 'scenarios');

/** The module text the plugin hands the game for `folder`, evaluated as the browser would. */
async function compiledFrom(folder: string): Promise<{ entries: { id: string; file: string; hash: string; scenario: unknown }[]; problems: string[] }> {
  const plugin = bundledScenariosPlugin(folder);
  const resolved = (plugin.resolveId as (id: string) => string)(BUNDLED_SCENARIOS_ID);
  const watched: string[] = [];
  const code = await (plugin.load as (this: unknown, id: string) => Promise<string>).call({ addWatchFile: (f: string) => watched.push(f) }, resolved);
  expect(watched.length).toBe(readdirSync(folder).filter((f) => f.endsWith('.yaml')).length);
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  return (await import(url)).default;
}

describe('scenarios compiled at build time', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'bundled-scenarios-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('are the same scenarios, with the same hashes, as the runtime loader reads from the YAML', async () => {
    const compiled = await compiledFrom(shipped);
    const files = readdirSync(shipped).filter((f) => f.endsWith('.yaml')).sort();
    const runtime = loadCatalogue(files.map((f) => ({ file: `scenarios/${f}`, text: readFileSync(join(shipped, f), 'utf8') })));
    expect(compiled.problems).toEqual([]);
    expect(compiled.entries.map((e) => e.id)).toEqual([...runtime.byId.keys()]);
    for (const e of compiled.entries) {
      const r = runtime.byId.get(e.id)!;
      expect(e.hash).toBe(r.hash);
      expect(e.file).toBe(r.file);
      expect(e.scenario).toStrictEqual(r.scenario);
    }
  });

  it('report a broken file with its located problems and leave it out', async () => {
    writeFileSync(join(scratch, 'tutorial.yaml'), readFileSync(join(shipped, 'tutorial.yaml'), 'utf8'));
    writeFileSync(join(scratch, 'broken.yaml'), 'format: 1\nid: [unclosed\n');
    const compiled = await compiledFrom(scratch);
    expect(compiled.entries.map((e) => e.id)).toEqual(['tutorial']);
    const expected = loadCatalogue([{ file: 'scenarios/broken.yaml', text: 'format: 1\nid: [unclosed\n' }]).problems.map(formatProblem);
    expect(compiled.problems).toEqual(expected);
    expect(compiled.problems[0]).toMatch(/^scenarios\/broken\.yaml:\d+:\d+/);
  });
});
