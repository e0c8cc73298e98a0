import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REFERENCE_FILE, renderJsonSchema, renderReference, SCHEMA_FILE } from '../../../docs/scenario-reference';
import { loadScenario } from '../../../src/core/scenario/scenario.loader';
import { scenarioJsonSchema } from '../../../src/core/scenario/scenario.json-schema';
import { miniScenarioInput } from '../../fixtures/mini-scenario';
import { REPO_ROOT } from '../../repo-root';

/** The scenario format as a public product: a JSON Schema for editors and a reference, both generated and current. */

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const shipped = readdirSync(join(REPO_ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
// A standard validator in its strictest mode: an unknown keyword in our schema would be an error.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(scenarioJsonSchema());
const schemaErrors = (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

type Node = { description?: string; examples?: unknown[]; enum?: unknown[]; const?: unknown; type?: string; properties?: Record<string, Node>; items?: Node; prefixItems?: unknown[]; additionalProperties?: Node | boolean };
/** Every field of the JSON Schema with its path, depth first. */
function fields(node: Node, path = ''): [string, Node][] {
  const out: [string, Node][] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const p = path ? `${path}.${key}` : key;
    out.push([p, child]);
    const element = child.type === 'array' && child.items && !child.prefixItems ? child.items : undefined;
    if (element?.properties) out.push(...fields(element, `${p}[]`));
    else if (child.properties) out.push(...fields(child, p));
    else if (typeof child.additionalProperties === 'object') out.push([`${p}.<name>`, child.additionalProperties]);
  }
  return out;
}

describe('the generated JSON Schema and format reference', () => {
  it(`${SCHEMA_FILE} is current (npm run scenario:docs regenerates it)`, () => {
    expect(read(SCHEMA_FILE)).toBe(renderJsonSchema());
  });

  it(`${REFERENCE_FILE} is current (npm run scenario:docs regenerates it)`, () => {
    expect(read(REFERENCE_FILE)).toBe(renderReference());
  });

  it('npm run scenario:docs -- --check finds both files current', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'docs/scenario-format.generate.ts', '--check'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('scenario schema and reference are current\n');
    expect(r.status).toBe(0);
  });

  it('documents every field, and every value field has an example that its own schema accepts', () => {
    const all = fields(scenarioJsonSchema() as Node);
    expect(all.length).toBeGreaterThan(100);
    for (const [path, node] of all) {
      expect(node.description, `${path} has a description`).toMatch(/\w/);
      const container = node.properties || (node.type === 'array' && node.items?.properties);
      if (container) continue;
      const examples = node.examples ?? node.enum ?? (node.const !== undefined ? [node.const] : []);
      expect(examples.length, `${path} has an example`).toBeGreaterThan(0);
      const check = ajv.compile({ ...node, $schema: undefined });
      for (const example of examples) expect(check(example), `${path} example ${JSON.stringify(example)}`).toBe(true);
    }
  });

  it('the reference names every field, its effect on play, the rules across fields and the warnings', () => {
    const reference = read(REFERENCE_FILE);
    for (const [path] of fields(scenarioJsonSchema() as Node)) expect(reference).toContain(`\`${path}\``);
    expect(reference).toContain('**In play:** The team answers open posts in arrival order');
    expect(reference).toContain('the guideline bot write from these sentences');
    expect(reference).toMatch(/## Rules across fields\n\n[^\n]+\n\n- Ids are unique/);
    expect(reference).toContain('- `surge-capped`: ');
  });
});

describe('scenarios against the JSON Schema (ajv, draft 2020-12) and the loader', () => {
  it.each(shipped)('%s starts with the editor schema comment and passes both', (name) => {
    const text = read(`scenarios/${name}`);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    expect(schemaErrors(parse(text))).toEqual([]);
    expect(loadScenario(text, name).ok).toBe(true);
  });

  const broken: [string, (d: Record<string, any>) => void, string][] = [
    ['a missing needs.role', (d) => delete d.templates[6].needs.role, '/templates/6/needs'],
    ['a negative deadline', (d) => (d.templates[6].needs.withinMinutes = -5), '/templates/6/needs/withinMinutes'],
    ['a misspelt field', (d) => ((d.baseline.postsPerday = 200), delete d.baseline.postsPerDay), '/baseline'],
    ['a step that does not divide a minute', (d) => (d.duration.stepSeconds = 7), '/duration/stepSeconds'],
    ['an unknown flag', (d) => (d.templates[2].flags = ['rude']), '/templates/2/flags/0'],
    ['an empty entry criterion', (d) => d.guideline.levels[1].entry.push({}), '/guideline/levels/1/entry/2'],
    ['a malformed variable name', (d) => (d.variables['Station'] = ['Leeds']), '/variables'],
  ];
  it.each(broken)('%s is refused by both, at the same field', (_, change, pointer) => {
    const data = parse(stringify(miniScenarioInput)) as Record<string, any>;
    change(data);
    expect(schemaErrors(data).some((e) => e.startsWith(`${pointer} `)), schemaErrors(data).join('\n')).toBe(true);
    const result = loadScenario(stringify(data), 'mini.yaml');
    expect(result.ok).toBe(false);
  });

  it('the broken fixture is refused by both', () => {
    const text = read('tests/fixtures/broken-scenario.yaml');
    expect(schemaErrors(parse(text)).length).toBeGreaterThan(0);
    expect(loadScenario(text, 'tests/fixtures/broken-scenario.yaml').ok).toBe(false);
  });
});
