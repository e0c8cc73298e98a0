import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario, type ScenarioProblem } from '../../../src/core/scenario/scenario.loader';
import { idleSurgeCeilingMinute, lintScenario } from '../../../src/core/scenario/scenario.lint';
import { BREACH_KINDS, UNDETECTED_BREACH_KINDS, type Scenario } from '../../../src/core/scenario/scenario.schema';
import { Simulation } from '../../../src/core/sim/simulation';
import { miniScenarioInput } from '../../fixtures/mini-scenario';
import { REPO_ROOT } from '../../repo-root';
import { SCENARIO_BREACHES, TEXT_BREACHES } from '../../../src/core/judge/verdict';

/** Lints: valid files that are probably not what their author meant load, with located warnings. */

type Data = Record<string, any>;
/** The mini scenario with a surge that settles by itself, so it starts free of warnings. */
function calmData(): Data {
  const d = parse(stringify(miniScenarioInput)) as Data;
  d.surge.branchingPercent = 50;
  return d;
}

function warnings(d: Data, header = ''): ScenarioProblem[] {
  const result = loadScenario(header + stringify(d), 'mini.yaml');
  if (!result.ok) throw new Error(`expected a scenario:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.warnings;
}
const codes = (ws: ScenarioProblem[]) => ws.map((w) => `${w.path} [${w.lint}]`);

const shipped = readdirSync(join(REPO_ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
const shippedText = (name: string) => readFileSync(join(REPO_ROOT, 'scenarios', name), 'utf8');

describe('lints', () => {
  it('a calm, consistent scenario has no warnings', () => {
    expect(warnings(calmData())).toEqual([]);
  });

  it('warns when the guideline forbids a practice the simulation never detects, at the rule\'s kind', () => {
    const d = calmData();
    d.guideline.forbidden.push({ rule: '4.9', kind: 'queueJumping', text: 'No queue-jumping for the loud' });
    const text = stringify(d);
    const ws = warnings(d);
    expect(codes(ws)).toEqual(['guideline.forbidden[3].kind [undetected-practice]']);
    expect(ws[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('kind: queueJumping')) + 1);
    expect(formatProblem(ws[0]!)).toMatch(/^mini\.yaml:\d+:\d+ guideline\.forbidden\[3\]\.kind: warning: "queueJumping" is forbidden, but no action on the desk can commit it, so rule 4\.9 will never be cited \[undetected-practice\]$/);
  });

  it('the practices called undetected are exactly those the simulation never cites', () => {
    // Every breach the engine records names its kind as a string literal in the simulation's sources.
    const dirs = ['sim', 'guideline'].map((d) => join(REPO_ROOT, 'src/core', d));
    const sources = dirs.flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(dir, f), 'utf8')));
    // Breaches the judge reads in words are cited by sim/writing.ts, whatever their kind.
    const judged = new Set<string>([...TEXT_BREACHES, ...SCENARIO_BREACHES]);
    const cited = BREACH_KINDS.filter((k) => judged.has(k) || sources.some((src) => src.includes(`'${k}'`)));
    expect([...UNDETECTED_BREACH_KINDS].sort()).toEqual(BREACH_KINDS.filter((k) => !cited.includes(k)).sort());
  });

  it('warns when an idle surge is likely held by its ceiling, and stays quiet when the crowd settles by itself', () => {
    const d = calmData();
    d.surge.branchingPercent = 100;
    // The crowd is finite (crowd.ts): only a large network can push this surge to its ceiling.
    d.instigator.followers = 40_000;
    expect(codes(warnings(d))).toEqual(['surge.maxPerMinute [surge-capped]']);
    expect(warnings(d)[0]!.message).toMatch(/^an unanswered surge likely reaches this ceiling \(3 a minute on each channel\) by minute \d+ of 180/);
    d.surge.maxPerMinute = 200;
    expect(warnings(d)).toEqual([]);
  });

  it.each(shipped)('the surge estimate for %s is conservative: an idle desk reaches the ceiling no later than estimated', (name) => {
    const result = loadScenario(shippedText(name), name);
    if (!result.ok) throw new Error('shipped scenario does not load');
    const s = result.scenario;
    const estimate = idleSurgeCeilingMinute(s);
    if (estimate === undefined) return;
    expect(firstCappedMinute(s, 1), 'an idle run reaches the ceiling').toBeDefined();
    expect(firstCappedMinute(s, 1)!).toBeLessThanOrEqual(estimate);
  });

  it('warns about a template without channels when others of its kind name theirs', () => {
    const d = calmData();
    d.templates[1].channels = ['facebook'];
    expect(codes(warnings(d))).toEqual(['templates[2].id [every-channel]', 'templates[3].id [every-channel]']);
    expect(warnings(d)[0]!.message).toBe(
      'template "troll" has no channels, so it fires on every channel (facebook, x), while other surge templates name theirs (e.g. "pile-on"); add channels: [...] to limit it',
    );
  });

  it('warns about deadlines and delays that fall after the shift ends', () => {
    const d = calmData();
    d.guideline.obligations[0].withinMinutes = 180;
    d.injects[0].atMinute = 160; // the lawyer's post needs legal within 30 minutes
    d.rootCause.fixMinutes = 200;
    d.team.callInMinutes = 181;
    expect(codes(warnings(d))).toEqual([
      'team.callInMinutes [deadline-after-shift]',
      'templates[6].needs.withinMinutes [deadline-after-shift]',
      'rootCause.fixMinutes [deadline-after-shift]',
      'guideline.obligations[0].withinMinutes [deadline-after-shift]',
    ]);
    expect(warnings(d).find((w) => w.path === 'templates[6].needs.withinMinutes')!.message).toBe(
      'found 30 minutes; posts from "lawyer" arrive at minute 160 at the earliest, so the deadline falls after the shift ends (minute 180) and can never be missed',
    );
  });

  it('warns about a level no entry criterion can reach', () => {
    const d = calmData();
    d.guideline.levels[2].entry = [{ anyFlag: ['safety'] }, { negativePostsLastHour: 100000 }, { authorFollowers: 10 ** 8 }];
    const ws = warnings(d);
    expect(codes(ws)).toEqual(['guideline.levels[2].entry [unreachable-level]']);
    expect(ws[0]!.message).toMatch(/^no entry criterion of level "incident" can hold: at most about \d+ negative posts an hour can arrive, negative authors reach at most 30000 followers, and the flags that occur are abuse, personalData, legalThreat$/);
    d.guideline.levels[2].entry.push({ injectFired: ['photo'] });
    expect(warnings(d)).toEqual([]);
  });

  it('an allow comment accepts a lint for its file; an unknown code in it is itself a warning', () => {
    const d = calmData();
    d.guideline.forbidden.push({ rule: '4.9', kind: 'queueJumping', text: 'No queue-jumping for the loud' });
    expect(warnings(d, '# surge-drill: allow undetected-practice (kept for the printed guideline)\n')).toEqual([]);
    const ws = warnings(d, '# surge-drill: allow undetected-practise\n');
    expect(codes(ws)).toEqual([' [allow-comment]', 'guideline.forbidden[3].kind [undetected-practice]']);
    expect(ws[0]!.message).toMatch(/^cannot allow "undetected-practise": no such lint \(known: undetected-practice, /);
  });

  it.each(shipped)('%s has no warnings left unexplained', (name) => {
    const result = loadScenario(shippedText(name), name);
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([]);
  });

  it('lintScenario is pure: the same scenario gives the same lints', () => {
    const result = loadScenario(shippedText('facebook-mugging.yaml'), 'facebook-mugging.yaml');
    if (!result.ok) throw new Error('shipped scenario does not load');
    // A network twenty times the size draws a crowd its ceiling holds.
    const viral = { ...result.scenario, instigator: { ...result.scenario.instigator, followers: result.scenario.instigator.followers * 20 } };
    expect(lintScenario(viral)).toEqual(lintScenario(viral));
    expect(lintScenario(viral).map((l) => l.code)).toEqual(['surge-capped']);
  });
});

/** The first sim minute an idle desk's surge asks for more than a channel's ceiling (seeded, deterministic). */
function firstCappedMinute(s: Scenario, seed: number): number | undefined {
  const sim = new Simulation(s, { seed, mode: 'practice' });
  const network = s.instigator.mobilisationPercent / 100;
  while (!sim.state.over) {
    sim.step();
    if (sim.state.t % 60 !== 0) continue;
    const asked = (c: string) => sim.state.excitation[c]! + (c === s.instigator.channel && sim.state.instigatorId !== undefined ? network : 0);
    if (s.channels.some((c) => asked(c.id) > s.surge.maxPerMinute)) return sim.state.t / 60;
  }
  return undefined;
}
