import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/core/index';
import { wrap } from '../../../src/studio/guideline/guideline-drawing';
import { guidelineOutline, outlineText } from '../../../src/studio/guideline/guideline-outline';
import { STARTER_YAML } from '../../../src/studio/start-panel';

const loaded = loadScenario(STARTER_YAML, 'draft');
if (!loaded.ok) throw new Error('the template must load');

describe('the guideline outline behind the drawing', () => {
  const outline = guidelineOutline(loaded.scenario);

  it('has every level in order with its entry criteria, and the first level none', () => {
    expect(outline.levels.map((l) => [l.id, l.entry])).toEqual([
      ['normal', []],
      ['elevated', ['6+ negative posts in an hour']],
      ['incident', ['a post flagged media']],
    ]);
  });

  it('puts each obligation under the level it opens at, with its deadline and who must be told', () => {
    expect(outline.levels[1]!.obligations).toEqual([
      { rule: '2.1', duty: 'Tell the team lead', withinMinutes: 15, tell: 'the team lead' },
      { rule: '2.2', duty: 'Pass the root cause to the back office', withinMinutes: 20, tell: 'the back office' },
    ]);
    expect(outline.levels[2]!.obligations.map((o) => o.duty)).toEqual(['Tell comms', 'Publish a holding statement']);
  });

  it('says the same in sentences for the text alternative', () => {
    const lines = outlineText(outline);
    expect(lines[0]).toBe('Brew Lane social desk guideline: 3 levels, from Level 0 — Normal to Level 2 — Incident.');
    expect(lines[2]).toBe('Level 2, Level 1 — Elevated (entered on 6+ negative posts in an hour). Then: rule 2.1: Tell the team lead within 15 min; rule 2.2: Pass the root cause to the back office within 20 min.');
    expect(lines.at(-1)).toMatch(/^Forbidden at every level: rule 4\.1: /);
  });

  it('wraps drawing text by words within the width, keeping a long word whole', () => {
    expect(wrap('Tell the team lead within fifteen minutes', 12)).toEqual(['Tell the', 'team lead', 'within', 'fifteen', 'minutes']);
    expect(wrap('incomprehensibilities ok', 5)).toEqual(['incomprehensibilities', 'ok']);
  });
});
