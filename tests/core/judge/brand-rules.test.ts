import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, unsafePatternReason } from '../../../src/core/index';
import { type JudgeContext, judgeReply } from '../../../src/core/judge/index';
import { miniScenarioInput } from '../../fixtures/mini-scenario';
import { REPO_ROOT } from '../../repo-root';

/** A scenario's own judge rules: the flagship's `judge:` section, and the checks on what a trainer writes there. */

const flagship = loadScenario(readFileSync(join(REPO_ROOT, 'scenarios/facebook-mugging.yaml'), 'utf8'), 'scenarios/facebook-mugging.yaml');
if (!flagship.ok) throw new Error('the flagship scenario must load');
const rules = flagship.scenario.judge!;
const reply: JudgeContext = { rules, channel: 'facebook', post: { text: 'My mum was left on the platform', category: 'unhappy', sentiment: -2 } };

describe("the flagship's judge rules", () => {
  it('pass a reply written from the agreed facts', () => {
    const text = "Kerry, we let your mum down and I'm sorry. Our refund system wrongly marked her journey as travelled; her refund is approved and will reach her within 5 working days. ^Jo";
    expect(judgeReply(text, reply).breaches).toEqual([]);
  });

  it('cite the canned position "outside our control" as a deflection, a banned phrase and a missing sign-off', () => {
    const text = "Thursday's cancellation was caused by a signalling fault outside our control. We apologise for any inconvenience.";
    const v = judgeReply(text, reply);
    expect(v.breaches).toEqual(['bannedPhrase', 'missingSignOff', 'deflectsCause']);
    expect(v.quality).toBe(-2);
    const deflect = v.evidence.find((e) => e.label === 'deflectsCause')!;
    expect(text.slice(deflect.from, deflect.to)).toBe('outside our control');
  });

  it.each([
    ["Network Rail's signalling failure caused this, not us. ^Jo", 'blamesPartner'],
    ['We accept full liability for what happened to your mum. ^Jo', 'admitsLiability'],
    ['Gary at the ticket office is being spoken to. ^Jo', 'namedStaff'],
    ['Refunds for the cancelled train will be paid within 28 days. ^Jo', 'contradictsFacts'],
    ['The train was cancelled due to heavy snow. ^Jo', 'contradictsFacts'],
    ['I promise this will never happen again. ^Jo', 'contradictsFacts'],
    ['Your booking DW123456 has been refunded. ^Jo', 'personalDataInPublic'],
  ])('cite %j as %s', (text, breach) => {
    expect(judgeReply(text, reply).breaches).toContain(breach);
  });

  it('require the agreed facts in a holding statement, and only there', () => {
    const bare = 'We are aware of what happened at Skipton and are looking into it.';
    const full = "We let a passenger down at Skipton on Thursday and we're sorry. Her refund is approved, and our control desk can now book a taxi for anyone stranded late at night.";
    expect(judgeReply(bare, { rules, kind: 'holdingStatement' }).breaches).toEqual(['missingRequiredFact']);
    expect(judgeReply(full, { rules, kind: 'holdingStatement' }).breaches).toEqual([]);
    expect(judgeReply(bare, { ...reply, kind: 'dm', channel: 'dm' }).breaches).toEqual([]);
  });
});

describe('checking a judge section', () => {
  const withJudge = (judge: unknown) => stringify({ ...miniScenarioInput, judge });

  it('reports a bad section with its line, field and reason', () => {
    const yaml = withJudge({ staffNames: ['Gary'], personalData: [{ name: 'booking', pattern: '(a+)+' }], signOff: { pattern: '[', example: '^Jo' }, facts: { cause: { text: 'ours', ours: 'yes', keywords: [] } } });
    const result = loadScenario(yaml, 'mini.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = yaml.split('\n');
    const where = (p: string) => result.problems.find((x) => x.path === p);
    for (const path of ['judge.personalData[0].pattern', 'judge.signOff.pattern', 'judge.facts.cause.ours', 'judge.facts.cause.keywords']) {
      const problem = where(path);
      expect(problem, path).toBeDefined();
      expect(lines[problem!.line - 1], path).toContain(path.split('.').pop()!.replace(/\[\d+\]$/, ''));
    }
    expect(where('judge.personalData[0].pattern')!.message).toMatch(/nests one repeat inside another/);
    expect(where('judge.signOff.pattern')!.message).toMatch(/not a valid regular expression/);
  });

  it('rejects an unknown key in the section, as everywhere in the format', () => {
    const result = loadScenario(withJudge({ stafNames: ['Gary'] }), 'mini.yaml');
    expect(result.ok).toBe(false);
  });

  it.each([
    ['DW[0-9]{6}', undefined],
    ['(\\d+)*x', 'nests one repeat inside another, which can take exponential time'],
    ['(a)\\1', 'uses a back-reference, which can take exponential time'],
    ['x*', 'matches empty text, so it would flag every reply'],
    ['a'.repeat(81), 'is longer than 80 characters'],
  ])('judges the pattern %j safe or says why not', (source, reason) => {
    expect(unsafePatternReason(source)).toBe(reason);
  });

  it('needs the facts replies are written from: a scenario without a judge section names the missing field', () => {
    expect(loadScenario(stringify(miniScenarioInput), 'mini.yaml').ok).toBe(true);
    const { judge: _judge, ...withoutJudge } = miniScenarioInput;
    const result = loadScenario(stringify(withoutJudge), 'mini.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toContainEqual(expect.stringMatching(/^judge: missing required field/));
  });
});
