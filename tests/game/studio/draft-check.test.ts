import { describe, expect, it } from 'vitest';
import { balance } from '../../../src/core/index';
import { checkDraft, describeProblem } from '../../../src/studio/editor/draft-check';
import { STARTER_YAML } from '../../../src/studio/start-panel';

describe('the studio checks a draft with the game\'s loader', () => {
  it('loads the shipped template with no problems, and the guideline bot clearly wins it', () => {
    const check = checkDraft(STARTER_YAML);
    expect(check.problems).toEqual([]);
    if (!check.ok) throw new Error('the template must load');
    for (const row of balance(check.scenario, [1, 2, 3])) expect(row.failures, `seed ${row.seed}`).toEqual([]);
  });

  it('places an error on the word it points at, with line, column and field', () => {
    const text = STARTER_YAML.replace('difficulty: easy', 'difficulty: eazy');
    const check = checkDraft(text);
    expect(check.ok).toBe(false);
    expect(check.problems).toHaveLength(1);
    const p = check.problems[0]!;
    expect(p).toMatchObject({ severity: 'error', line: 11, column: 13, path: 'difficulty' });
    expect(text.slice(p.from, p.to)).toBe('eazy');
    expect(describeProblem(p)).toMatch(/^line 11, column 13 · difficulty: .*did you mean "easy"/);
  });

  it('gives a lint as a warning on a loadable draft', () => {
    const text = STARTER_YAML.replace('kind: publicCompensation', 'kind: queueJumping');
    const check = checkDraft(text);
    expect(check.ok).toBe(true);
    expect(check.problems.map((p) => [p.severity, p.path, text.slice(p.from, p.to)])).toEqual([['warning', 'guideline.forbidden[3].kind', 'queueJumping']]);
  });

  it('never places a problem outside the text, even at the end of a line', () => {
    const text = 'format: 1\nid: x\ntitle:';
    const check = checkDraft(text);
    expect(check.ok).toBe(false);
    for (const p of check.problems) {
      expect(p.from).toBeGreaterThanOrEqual(0);
      expect(p.to).toBeLessThanOrEqual(text.length);
      expect(p.to).toBeGreaterThanOrEqual(p.from);
    }
  });
});
