import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario, type LoadResult, type ScenarioProblem } from '../../../src/core/scenario/scenario.loader';
import { ROLES } from '../../../src/core/scenario/scenario.schema';
import { miniScenarioInput } from '../../fixtures/mini-scenario';

/** Checker messages as a trainer reads them: the field, what was found, what is allowed, never the library's words. */

const miniYaml = stringify(miniScenarioInput);
type Data = Record<string, any>;

function problems(result: LoadResult): ScenarioProblem[] {
  if (result.ok) throw new Error('expected problems, the file loaded');
  return result.problems;
}

/** Loads the mini scenario after `change` edits its data. */
function loadChanged(change: (d: Data) => void): ScenarioProblem[] {
  const data = parse(miniYaml) as Data;
  change(data);
  return problems(loadScenario(stringify(data), 'mini.yaml'));
}

const messages = (ps: ScenarioProblem[]) => ps.map((p) => `${p.path}: ${p.message}`);
const roleChoices = ROLES.map((r) => `"${r}"`).join(', ');

describe('checker messages name the field, what was found and what is allowed', () => {
  it('a missing needs.role names the field and the roles, not "undefined undefined"', () => {
    const ps = loadChanged((d) => delete d.templates[6].needs.role);
    expect(messages(ps)).toEqual([`templates[6].needs.role: missing required field "role" (expected one of ${roleChoices})`]);
  });

  it('a negative deadline gives one message with the one range that is allowed', () => {
    const ps = loadChanged((d) => (d.templates[6].needs.withinMinutes = -5));
    expect(messages(ps)).toEqual(['templates[6].needs.withinMinutes: found -5; allowed: a whole number from 1 to 1440']);
  });

  it('a fraction or an out-of-range number says the range too', () => {
    expect(messages(loadChanged((d) => (d.team.agents = 2.5)))).toEqual(['team.agents: found 2.5; allowed: a whole number from 1 to 50']);
    expect(messages(loadChanged((d) => (d.surge.maxPerMinute = 500)))).toEqual(['surge.maxPerMinute: found 500; allowed: a whole number from 1 to 200']);
    expect(messages(loadChanged((d) => (d.instigator.followers = -1)))).toEqual(['instigator.followers: found -1; allowed: a whole number of at least 0']);
  });

  it('text and lists out of bounds say how long they are and how long they may be', () => {
    expect(messages(loadChanged((d) => (d.title = 'x'.repeat(90))))).toEqual(['title: found text of 90 characters; allowed: 1 to 80 characters']);
    expect(messages(loadChanged((d) => (d.guideline.levels = d.guideline.levels.slice(0, 1))))).toContain('guideline.levels: found a list of 1 item; allowed: 2 to 6 items');
    expect(messages(loadChanged((d) => (d.templates[1].followers = [5])))).toEqual(['templates[1].followers: found a list of 1 item; allowed: exactly 2 items']);
    expect(messages(loadChanged((d) => (d.judge.facts.doing = []))).map((m) => m.replace(/^judge\.facts\.doing: /, ''))).toEqual(['found an empty list; allowed: at least 1 item']);
  });

  it('a pattern mismatch shows the text found and the form allowed', () => {
    expect(messages(loadChanged((d) => (d.duration.startClock = '9am')))).toEqual(['duration.startClock: found text "9am"; allowed: a 24-hour time written HH:MM']);
    expect(messages(loadChanged((d) => (d.duration.stepSeconds = 7)))).toEqual([
      'duration.stepSeconds: found 7; allowed: a step that divides a minute (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60)',
    ]);
  });

  it('refuses a malformed placeholder such as {wheel-chair}, listing the placeholders defined', () => {
    const ps = loadChanged((d) => (d.templates[1].text = 'Where is my {wheel-chair}, {brand}?'));
    expect(messages(ps)).toEqual([
      'templates[1].text: malformed placeholder {wheel-chair}: a placeholder is {brand} or a variable name in lowerCamelCase letters (known: {brand}, {station})',
    ]);
  });

  it('refuses a lone brace, which would reach the players as it is written', () => {
    const ps = loadChanged((d) => (d.templates[1].text = 'Where is my {station, {brand}?'));
    expect(messages(ps)).toEqual(['templates[1].text: a "{" without its partner: a placeholder is written {name} (known: {brand}, {station})']);
  });

  it('an unknown variable lists the variables defined', () => {
    const ps = loadChanged((d) => (d.templates[0].text = 'Stranded at {staton}'));
    expect(messages(ps)).toEqual(['templates[0].text: unknown variable {staton} (known: {brand}, {station})']);
  });

  it('an unknown role lists the roles, and an escalate obligation without one says which it may name', () => {
    expect(messages(loadChanged((d) => (d.templates[6].needs.role = 'lawyer')))).toEqual([
      `templates[6].needs.role: text "lawyer" is not one of the choices: ${roleChoices}`,
    ]);
    expect(messages(loadChanged((d) => delete d.guideline.obligations[0].role))).toEqual([
      `guideline.obligations[0].role: an escalate obligation names the role to notify: one of ${roleChoices}`,
    ]);
  });

  it('lists a few defined ids in full, and for many suggests the closest', () => {
    expect(messages(loadChanged((d) => (d.instigator.template = 'instigatr')))).toEqual([
      'instigator.template: unknown template "instigatr" (known: instigator, pile-on, troll, wrong-facts, timetable, booking-number, lawyer)',
    ]);
    const ps = loadChanged((d) => {
      for (let i = 0; i < 5; i++) d.templates.push({ ...d.templates[4], id: `routine-${i}` });
      d.instigator.template = 'instigatr';
    });
    expect(messages(ps)).toEqual(['instigator.template: unknown template "instigatr" (12 defined; did you mean instigator?)']);
  });

  it('a scripted minute after the shift says the minutes allowed', () => {
    expect(messages(loadChanged((d) => (d.injects[0].atMinute = 200)))).toEqual([
      'injects[0].atMinute: found minute 200; allowed: 0 to 179, within the shift (duration.simMinutes is 180)',
    ]);
  });

  it('never says "undefined" nor uses the validation library\'s wording, whatever field is removed or mistyped', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (path.length > 0) paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(parse(miniYaml), []);
    const replacements: unknown[] = [undefined, -1.5, 10 ** 9, 'x', '', [], {}, null, true];
    const bad = /undefined|see the format reference|Too (small|big)|Invalid input|expected (number|string|array) to (be|have)|NaN/;
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.constantFrom(...replacements), (path, replacement) => {
        const data = parse(miniYaml) as Data;
        let parent = data;
        for (const segment of path.slice(0, -1)) parent = parent[segment];
        const key = path[path.length - 1]!;
        if (replacement === undefined) delete parent[key];
        else parent[key] = replacement;
        const result = loadScenario(stringify(data), 'mini.yaml');
        return result.ok || result.problems.every((p) => !bad.test(formatProblem(p)));
      }),
      { numRuns: 200 },
    );
  });
});
