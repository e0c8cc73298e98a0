import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../repo-root';

/** `surge-drill judge` through the real entry point, as an author pipes replies into it. */

function judge(input: string[], ...args: string[]) {
  const r = spawnSync(process.execPath, ['cli/surge-drill.js', 'judge', ...args], { cwd: REPO_ROOT, input: input.join('\n') + '\n', encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const line = (value: unknown) => JSON.stringify(value);
const post = { text: 'You left my mum alone on the platform at midnight', category: 'unhappy', sentiment: -2 };

describe('surge-drill judge', () => {
  it('prints one JSON verdict per input line, in order', () => {
    const r = judge(
      [
        line({ text: "I'm so sorry, that was awful for her. Please DM us and I'll chase the refund today.", post }),
        line({ text: 'Please post your booking reference below.', post, channel: 'facebook' }),
        line({ text: 'Could you send me the booking reference?', post, channel: 'dm' }),
      ],
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const verdicts = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(verdicts).toHaveLength(3);
    for (const v of verdicts) expect(Object.keys(v)).toEqual(['blocks', 'breaches', 'tone', 'quality', 'evidence']);
    expect(verdicts[0]).toMatchObject({ blocks: ['acknowledge', 'apologise', 'nextStep', 'inviteDm'], breaches: [], tone: 'empathetic', quality: 2 });
    expect(verdicts[1]).toMatchObject({ breaches: ['personalDataInPublic'], quality: -2 });
    expect(verdicts[1].evidence[0]).toEqual({ label: 'personalDataInPublic', from: 7, to: 34, reason: expect.any(String) }); // "post your booking reference"
    expect(verdicts[2].breaches).toEqual([]);
  });

  it('names the line and the problem for bad input, and judges the rest', () => {
    const r = judge([line({ text: 'Thanks so much!' }), '{not json', line({ text: 'Sorry!', post: { ...post, category: 'angry' } }), line({ txt: 'typo' }), line({ text: 'Call us on 0345 600 7245.' })], '--json');
    expect(r.code).toBe(1);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[1].error).toMatch(/^line 2: not valid JSON/);
    expect(out[2].error).toMatch(/^line 3: post\.category: /);
    expect(out[3].error).toMatch(/^line 4: .*txt/);
    expect(out[4].breaches).toEqual(['pushedToPhone']);
    expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(/^surge-drill judge: line 2: /), expect.stringMatching(/^surge-drill judge: line 3: /), expect.stringMatching(/^surge-drill judge: line 4: /)]);
  });

  it('prints a readable verdict with the triggering words marked', () => {
    const r = judge([line({ text: "We're sorry you feel that way. Please ring our helpline.", post })]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('line 1: quality -2, tone defensive');
    expect(r.out).toContain('breaches: pushedToPhone, defensiveTone');
    expect(r.out).toContain("We're [sorry you feel] that way. Please [ring our helpline].");
    expect(r.out).toMatch(/defensiveTone\s+"sorry you feel" — a non-apology/);
  });

  it("applies a scenario's judge rules", () => {
    const text = 'Thursday was caused by a signalling fault outside our control.';
    const plain = judge([line({ text })], '--json');
    const withRules = judge([line({ text })], '--json', '--scenario', 'scenarios/facebook-mugging.yaml');
    expect(JSON.parse(plain.out).breaches).toEqual([]);
    expect(JSON.parse(withRules.out).breaches).toEqual(['missingSignOff', 'deflectsCause']);
  });

  it('reads earlier lines as what the brand already said', () => {
    const twice = judge([line({ text: 'So sorry about the wait, we are looking into it and will update you by 5pm.' }), line({ text: 'So sorry about the wait, we are looking into it and will update you by 5pm!' })], '--json');
    expect(twice.out.trim().split('\n').map((l) => JSON.parse(l).breaches)).toEqual([[], ['cannedRepeat']]);
  });

  it('refuses a broken scenario file with its located problems', () => {
    const r = judge([line({ text: 'hi' })], '--scenario', 'tests/fixtures/broken-scenario.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^tests\/fixtures\/broken-scenario\.yaml:\d+:\d+ /);
  });
});
