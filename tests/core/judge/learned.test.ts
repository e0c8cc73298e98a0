import { describe, expect, it } from 'vitest';
import { featuresOf } from '../../../src/core/judge/features';
import { type LabelModel, learnedEvidence, learnedScore } from '../../../src/core/judge/learned';
import { LEARNED_MODELS } from '../../../src/core/judge/learned.weights';
import { readText } from '../../../src/core/judge/text';
import type { JudgeContext } from '../../../src/core/judge/index';
import { DEV_SETS, judgeItem, loadCorpus } from './corpus';

/** The learned layer: integer scoring that every engine agrees on, and evidence that points at the words that fired. */

const unhappy: JudgeContext = { post: { text: 'Stuck at the station for two hours.', category: 'unhappy', sentiment: -2 }, channel: 'x', kind: 'reply' };

describe('learned layer', () => {
  it('ships integer weights and thresholds only', () => {
    expect(LEARNED_MODELS.length).toBeGreaterThan(0);
    for (const m of LEARNED_MODELS) {
      expect(Number.isSafeInteger(m.threshold), m.label).toBe(true);
      expect(Object.values(m.weights).every(Number.isSafeInteger), m.label).toBe(true);
    }
  });

  it('scores a reply as an integer, the same every time', () => {
    const read = readText('That was a frustrating wait and not good enough, sorry. The signal failure was fixed at 9am.');
    const features = featuresOf(read, [], unhappy);
    for (const m of LEARNED_MODELS) {
      const score = learnedScore(m.weights, features);
      expect(Number.isSafeInteger(score)).toBe(true);
      expect(learnedScore(m.weights, featuresOf(read, [], unhappy))).toBe(score);
    }
  });

  it('marks the words of the strongest positive features that fired and names them in the reason', () => {
    const text = 'Honestly that sounds frustrating, and the queue was gutting.';
    const read = readText(text);
    const model: LabelModel = { label: 'acknowledge', combine: 'either', threshold: 1, weights: { 'w:frustrating': 7, 'w:gutting': 5, 'w:queue': -3, 'x:public': 20, 'w:honestly': 1 } };
    const evidence = learnedEvidence(read, model, featuresOf(read, [], unhappy));
    expect(evidence.map((e) => text.slice(e.from, e.to))).toEqual(['frustrating', 'gutting']);
    for (const e of evidence) expect(e.reason).toBe('"frustrating", "gutting" read as acknowledging the problem (learned)');
  });

  it('gives every label of every corpus verdict evidence, and learned evidence quotes the words it marks', () => {
    for (const item of DEV_SETS.flatMap(loadCorpus)) {
      const v = judgeItem(item);
      for (const label of [...v.blocks, ...v.breaches]) expect(v.evidence.some((e) => e.label === label), `${label}: ${item.text}`).toBe(true);
      for (const e of v.evidence.filter((x) => x.reason.endsWith('(learned)'))) {
        if (!e.reason.startsWith('the reply as a whole')) expect(e.reason).toContain(`"${item.text.slice(e.from, e.to)}"`);
      }
    }
  });
});
