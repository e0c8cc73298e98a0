import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hashValue } from '../../../src/core/util/hash';
import { formatProblem, loadScenario, type LoadResult, type ScenarioProblem } from '../../../src/core/scenario/scenario.loader';
import { BREACH_KINDS, CATEGORIES, type Scenario } from '../../../src/core/scenario/scenario.schema';
import { miniScenarioInput } from '../../fixtures/mini-scenario';
import { REPO_ROOT } from '../../repo-root';
import { SCENARIO_BREACHES } from '../../../src/core/judge/verdict';

const root = REPO_ROOT;
const shipped = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const miniYaml = stringify(miniScenarioInput);

function problems(result: LoadResult): ScenarioProblem[] {
  if (result.ok) throw new Error('expected problems, the file loaded');
  return result.problems;
}

function loaded(result: LoadResult): Scenario {
  if (!result.ok) throw new Error(`expected a scenario:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.scenario;
}

/** "line:column path" for each problem, the part of a message a trainer navigates by. */
const places = (ps: ScenarioProblem[]) => ps.map((p) => `${p.line}:${p.column} ${p.path}`);

describe('loading the shipped scenarios', () => {
  it('finds the four shipped scenarios', () => {
    expect(shipped).toEqual(['bakery-meltdown.yaml', 'broken-guitar.yaml', 'facebook-mugging.yaml', 'tutorial.yaml']);
  });

  it.each(shipped)('%s loads, its id is its file name and its hash is the hash of the parsed scenario', (name) => {
    const result = loadScenario(readFileSync(join(root, 'scenarios', name), 'utf8'), `scenarios/${name}`);
    const scenario = loaded(result);
    expect(scenario.id).toBe(name.replace(/\.yaml$/, ''));
    expect(result.ok && result.hash).toBe(hashValue(scenario));
    expect(result.ok && result.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each(shipped)('%s covers every post class, the flagged posts and the forbidden practices the brief asks for', (name) => {
    const s = loaded(loadScenario(readFileSync(join(root, 'scenarios', name), 'utf8'), name));
    expect(s.channels.length).toBeGreaterThanOrEqual(2);
    expect(s.templates.length).toBeGreaterThanOrEqual(8);
    expect(new Set(s.templates.map((t) => t.category))).toEqual(new Set(CATEGORIES));
    const flags = new Set(s.templates.flatMap((t) => t.flags));
    for (const flag of ['personalData', 'legalThreat', 'abuse', 'media', 'namedStaff'] as const) expect(flags, flag).toContain(flag);
    expect(s.templates.find((t) => t.flags.includes('legalThreat'))?.needs?.role).toBe('legal');
    expect(s.templates.find((t) => t.flags.includes('media'))?.needs?.role).toBe('comms');
    expect(s.guideline.levels.length).toBeGreaterThanOrEqual(3);
    expect(s.guideline.levels.length).toBeLessThanOrEqual(5);
    expect(s.judge.facts.doing.length).toBeGreaterThanOrEqual(1);
    const forbidden = s.guideline.forbidden.map((f) => f.kind);
    // The brand's own judge rules (staff, phrases, facts) are the scenario's choice, not the brief's.
    const optional = new Set<string>(['hidLegitimatePost', 'queueJumping', 'defensiveTone', ...SCENARIO_BREACHES]);
    const required = BREACH_KINDS.filter((k) => !optional.has(k));
    for (const kind of required) expect(forbidden, kind).toContain(kind);
    const actions = new Set(s.guideline.obligations.map((o) => o.action));
    for (const action of ['escalate', 'holdingStatement', 'pausePromotions', 'fixRootCause'] as const) expect(actions, action).toContain(action);
  });

  it('the same text always gives the same hash, and a changed scenario a different one', () => {
    const a = loadScenario(miniYaml, 'mini.yaml');
    const b = loadScenario(miniYaml, 'elsewhere/mini.yaml');
    const c = loadScenario(miniYaml.replace('Mini mugging', 'Mini mugging 2'), 'mini.yaml');
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(a.hash).toBe(b.hash);
    expect(c.hash).not.toBe(a.hash);
  });

  it('fills in defaults (step, start clock, template flags and weights)', () => {
    const s = loaded(loadScenario(miniYaml, 'mini.yaml'));
    expect(s.duration.startClock).toBe('09:00');
    expect(s.tutorial).toBe(false);
    expect(s.templates[0]!.flags).toEqual([]);
    expect(s.templates[0]!.weight).toBe(1);
  });
});

describe('reporting problems', () => {
  it('reports every mistake in the broken fixture at once, sorted by line, with line, column and field path', () => {
    const file = 'tests/fixtures/broken-scenario.yaml';
    const ps = problems(loadScenario(readFileSync(join(root, file), 'utf8'), file));
    expect(ps.map(formatProblem)).toEqual([
      `${file}:9:5 channels[0].sharePercent: missing required field "sharePercent" (expected number)`,
      `${file}:11:5 channels[0].sharePercnt: unknown field "sharePercnt" (did you mean "sharePercent"?)`,
      `${file}:18:11 team.agents: expected number, got text "three"`,
      `${file}:38:11 templates[0].text: unknown variable {staton} (known: {brand}, {station})`,
      `${file}:44:15 templates[1].category: text "unhapy" is not one of the choices: "question", "unhappy", "misguided", "rager", "troll", "positive", "legal", "media" (did you mean "unhappy"?)`,
      `${file}:60:62 guideline.levels[1].entry[1].injectFired[0]: unknown inject "photo" (known: none)`,
      `${file}:65:18 guideline.obligations[0].fromLevel: unknown level "elevatd" (known: normal, elevated)`,
    ]);
  });

  it('reports a YAML syntax error with its line and column, and nothing else', () => {
    const text = 'format: 1\nid: mini\ntemplates:\n  - id: a\n    text: [unclosed\n  - id: b\n';
    const ps = problems(loadScenario(text, 'mini.yaml'));
    expect(ps.length).toBeGreaterThanOrEqual(1);
    for (const p of ps) {
      expect(p.message).toMatch(/^YAML: /);
      expect(p.path).toBe('');
      expect(p.line).toBeGreaterThanOrEqual(5);
    }
  });

  it('reports a duplicated key as a YAML error at the second occurrence', () => {
    const text = miniYaml.replace('title: Mini mugging\n', 'title: Mini mugging\ntitle: Again\n');
    const ps = problems(loadScenario(text, 'mini.yaml'));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ line: 4, column: 1 });
    expect(ps[0]!.message).toMatch(/YAML: .*unique/);
  });

  it('refuses another format version with one clear message, without checking the rest', () => {
    const ps = problems(loadScenario('format: 2\nid: something-else\nnonsense: true\n', 'x.yaml'));
    expect(ps).toEqual([{ file: 'x.yaml', line: 1, column: 9, path: 'format', message: 'this is format 2; this version of Surge Drill reads format 1 only' }]);
  });

  it('asks for the format line when it is missing, and still reports the other problems', () => {
    const ps = problems(loadScenario(miniYaml.replace('format: 1\n', '').replace('agents: 2', 'agents: two'), 'mini.yaml'));
    expect(ps.map((p) => p.path)).toEqual(['', 'team.agents']);
    expect(ps[0]!.message).toMatch(/missing `format: 1`/);
  });

  it('says what a scenario file is when the text is not a mapping', () => {
    for (const text of ['', '- a\n- b\n', 'just words', '42']) {
      const ps = problems(loadScenario(text, 'x.yaml'));
      expect(ps).toHaveLength(1);
      expect(ps[0]).toMatchObject({ line: 1, column: 1, path: '' });
      expect(ps[0]!.message).toMatch(/YAML mapping/);
    }
  });

  it('points a missing field at the mapping that should hold it', () => {
    const text = miniYaml.replace(/  callInMinutes: 20\n/, '');
    const ps = problems(loadScenario(text, 'mini.yaml'));
    const teamLine = text.split('\n').indexOf('team:') + 1;
    expect(ps).toEqual([{ file: 'mini.yaml', line: teamLine, column: 1, path: 'team.callInMinutes', message: 'missing required field "callInMinutes" (expected number)' }]);
  });

  it('points an unknown key at the key itself and suggests the field that was meant', () => {
    const text = miniYaml.replace('  postsPerDay: 200', '  postsPerday: 200');
    const ps = problems(loadScenario(text, 'mini.yaml'));
    const line = text.split('\n').indexOf('  postsPerday: 200') + 1;
    expect(places(ps)).toContain(`${line}:3 baseline.postsPerday`);
    expect(ps.find((p) => p.path === 'baseline.postsPerday')!.message).toBe('unknown field "postsPerday" (did you mean "postsPerDay"?)');
    expect(ps.find((p) => p.path === 'baseline.postsPerDay')!.message).toMatch(/missing required field/);
  });

  it('points an invalid variable name at the name', () => {
    const text = miniYaml.replace('  station:', '  Station:').replace('{station}', '{Station}');
    const ps = problems(loadScenario(text, 'mini.yaml'));
    const line = text.split('\n').indexOf('  Station:') + 1;
    const p = ps.find((x) => x.path === 'variables.Station')!;
    expect(p).toMatchObject({ line, column: 3 });
    expect(p.message).toMatch(/invalid name "Station": variable names are letters in lowerCamelCase/);
  });

  it('requires the id to match the file name, but only for .yaml files', () => {
    const ps = problems(loadScenario(miniYaml, 'scenarios/other.yaml'));
    const line = miniYaml.split('\n').indexOf('id: mini') + 1;
    expect(ps).toEqual([expect.objectContaining({ line, column: 5, path: 'id' })]);
    expect(ps[0]!.message).toMatch(/"mini" is in other\.yaml/);
    expect(loadScenario(miniYaml, 'pasted text').ok).toBe(true);
    expect(loadScenario(miniYaml, 'C:\\trainers\\mini.yaml').ok).toBe(true);
  });

  it('reports cross-reference problems even when other fields have the wrong type', () => {
    const text = miniYaml.replace('fromLevel: elevated', 'fromLevel: elevatd').replace('maxPerMinute: 3', 'maxPerMinute: lots');
    const ps = problems(loadScenario(text, 'mini.yaml'));
    expect(ps.map((p) => p.path)).toEqual(['surge.maxPerMinute', 'guideline.obligations[0].fromLevel']);
  });

  it('reports a duplicate id and sums that do not add up', () => {
    const data = parse(miniYaml) as typeof miniScenarioInput;
    data.templates[3]!.id = 'troll';
    data.channels[0]!.sharePercent = 70;
    const ps = problems(loadScenario(stringify(data), 'mini.yaml'));
    expect(ps.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'channels: sharePercent must add up to 100, not 110',
      'templates[3].id: duplicate id "troll"',
    ]);
  });

  it('refuses alias bombs and cyclic aliases without hanging or throwing', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    const ps = problems(loadScenario(bomb, 'bomb.yaml'));
    expect(ps[0]!.message).toMatch(/^YAML: /);
    expect(loadScenario('a: &x [*x]\n', 'cycle.yaml').ok).toBe(false);
  });

  it('does not let {constructor} or other inherited names pass as variables', () => {
    const text = miniYaml.replace('{station}', '{constructor}');
    expect(problems(loadScenario(text, 'mini.yaml')).map((p) => p.message)).toContain('unknown variable {constructor} (known: {brand}, {station})');
  });

  it('formats a problem as file:line:column path: message', () => {
    expect(formatProblem({ file: 'a.yaml', line: 3, column: 7, path: 'team.agents', message: 'expected number' })).toBe('a.yaml:3:7 team.agents: expected number');
    expect(formatProblem({ file: 'a.yaml', line: 1, column: 1, path: '', message: 'YAML: bad' })).toBe('a.yaml:1:1: YAML: bad');
  });
});

describe('the loader never throws (fuzz)', () => {
  const wellFormed = (result: LoadResult, text: string) => {
    if (result.ok) return true;
    const lines = text.split('\n').length;
    return (
      result.problems.length > 0 &&
      result.problems.every((p) => Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1 && Number.isInteger(p.column) && p.column >= 1 && p.message.length > 0)
    );
  };

  it('gives a scenario or located problems for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => wellFormed(loadScenario(text, 'fuzz.yaml'), text)),
      { numRuns: 200 },
    );
  });

  it('gives a scenario or located problems for random edits of a valid file', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 30 }), insert: fc.string({ maxLength: 12, unit: fc.constantFrom(...' \n\t:-[]{}#&*!|>\'"%@,?abcXYZ019'.split('')) }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = miniYaml;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        }
        return wellFormed(loadScenario(text, 'mini.yaml'), text);
      }),
      { numRuns: 200 },
    );
  });

  it('gives a scenario or located problems when any field is replaced by any YAML value', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(parse(miniYaml), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const data = parse(miniYaml) as Record<string | number, unknown>;
        let parent = data;
        for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = value;
        const text = stringify(data);
        return wellFormed(loadScenario(text, 'mini.yaml'), text);
      }),
      { numRuns: 200 },
    );
  });
});
