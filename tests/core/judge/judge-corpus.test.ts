import { describe, expect, it } from 'vitest';
import { PARTS, TEXT_BREACHES } from '../../../src/core/judge/index';
import { type CorpusItem, DEV_SETS, HELDOUT_SET, corpusExists, formatTable, judgeItem, loadCorpus, scoreLabels } from './corpus';

/**
 * The judge measured against the labelled corpus: precision and recall per label on
 * the development sets (dev, and rounds two to seven, each written blind, measured once, then
 * developed on) and, when one is present, a held-out set: today blind set 7 (heldout.jsonl, a third
 * writer), whose table is printed first; the development figures printed after it are a fit to data
 * the rules were tuned on, not a measure of how they generalise. The floors gate the development corpus (at least 300 replies): a training fit,
 * since the rules were written on it and the learned layer (learned.ts) was trained on it; its
 * cross-validated figures are in the README (scripts/judge-crossval.ts). A held-out set is printed,
 * never gated, because gating it would mean tuning the judge to it.
 *
 * First measurement of blind set 4 (199 replies; the rules after the lexicon-and-slots rework,
 * before anyone looked at a miss), n / precision / recall:
 *   acknowledge 85 / 0.93 / 0.59, apologise 91 / 0.99 / 1.00, explain 99 / 0.89 / 0.42,
 *   correctFacts 10 / 1.00 / 0.70, nextStep 97 / 0.82 / 0.85, inviteDm 24 / 0.96 / 0.96,
 *   thank 30 / 0.97 / 1.00, personalDataInPublic 18 / 1.00 / 0.72, pushedToPhone 18 / 1.00 / 0.89,
 *   publicCompensation 17 / 1.00 / 0.65, defensiveTone 17 / 0.79 / 0.65, cannedRepeat 18 / 1.00 / 1.00,
 *   inconsistentAnswer 17 / 1.00 / 0.35.
 * (The judge before the rework scored acknowledge 0.51, explain 0.38, nextStep 0.80, defensiveTone
 * 0.59 recall on the same set, the other labels alike.)
 *
 * Blind set 5 (194 replies, written in a second sitting by the same writer as set 4, who never saw
 * the rules) was the held-out set; its first and only measurement, rules as of engine 2.2.0, before
 * it became dev-round6, n / precision / recall:
 *   acknowledge 70 / 0.88 / 0.51, apologise 90 / 0.96 / 0.98, explain 89 / 0.92 / 0.51,
 *   correctFacts 12 / 1.00 / 0.25, nextStep 101 / 0.90 / 0.87, inviteDm 25 / 1.00 / 0.84,
 *   thank 32 / 0.91 / 0.97, personalDataInPublic 18 / 0.94 / 0.89, pushedToPhone 18 / 1.00 / 0.67,
 *   publicCompensation 17 / 0.87 / 0.76, defensiveTone 17 / 0.67 / 0.47, cannedRepeat 18 / 1.00 / 1.00,
 *   inconsistentAnswer 18 / 1.00 / 0.50.
 *
 * Blind set 6 (220 replies, a new writer who never saw the judge), measured once with the learned
 * layer (engine 2.3.0) before it became dev-round7; the README has both columns. Its weakest labels:
 * defensiveTone 23 / 0.78 / 0.30 and inconsistentAnswer 27 / 0.82 / 0.33.
 *
 * Blind set 7 (220 replies, a third writer), measured once on the judge after set 6 (engine 2.4.0);
 * the README has it beside the rules alone and the first learned layer. Below the bar:
 *   acknowledge 66 / 0.64 / 0.80, nextStep 82 / 0.62 / 0.91, publicCompensation 15 / 0.75 / 0.80,
 *   defensiveTone 32 / 0.90 / 0.28, inconsistentAnswer 39 / 1.00 / 0.49.
 * Only stuffing was changed after it (two stuffed replies scored level with genuine ones).
 */

const MIN_BREACH_PER_MILLE = 900;
/**
 * Floors below the bar, each with its reason. inconsistentAnswer: the claims now compare causes,
 * denials of an admitted problem, refunds withdrawn, sums, counts and deadlines, and fit 67 of the 78
 * contradictions (0.86, a fit: blind sets 5 and 6 are the replies those comparisons were written on);
 * the rest are contradictions no claim models yet (a yes where the history said no in other words,
 * a review promised then withdrawn, a closing date moved). No learned model is adopted for it:
 * cross-validated, one that sees the rules' findings and the history contrasts adds nothing.
 * Lower rather than skipped, so a regression still fails.
 */
const LOWER_FLOORS_PER_MILLE: Partial<Record<string, number>> = { inconsistentAnswer: 850 };
const MIN_PART_PER_MILLE = 800;
const MIN_CORPUS_SIZE = 300;
const MIN_HELDOUT_SIZE = 40;

const dev = DEV_SETS.flatMap(loadCorpus);
const hasHeldout = corpusExists(HELDOUT_SET);
const heldout = hasHeldout ? loadCorpus(HELDOUT_SET) : [];
const all = [...dev, ...heldout];
const verdicts = new Map(all.map((item) => [item, judgeItem(item)] as const));
const judged = (items: CorpusItem[]) => items.map((i) => verdicts.get(i)!);

function report(title: string, items: CorpusItem[]) {
  const parts = scoreLabels(items, judged(items), PARTS, 'blocks');
  const breaches = scoreLabels(items, judged(items), TEXT_BREACHES, 'breaches');
  console.log(`${formatTable(`${title} (${items.length} replies) — parts`, parts)}\n\n${formatTable(`${title} — breaches`, breaches)}\n`);
  return { parts, breaches };
}

describe('reply judge on the labelled corpus', () => {
  it(`holds at least ${MIN_CORPUS_SIZE} labelled development replies`, () => {
    expect(dev.length).toBeGreaterThanOrEqual(MIN_CORPUS_SIZE);
  });

  it.runIf(hasHeldout)(`holds at least ${MIN_HELDOUT_SIZE} held-out replies`, () => {
    expect(heldout.length).toBeGreaterThanOrEqual(MIN_HELDOUT_SIZE);
  });

  it('reaches the precision and recall floors on every label of the development corpus', () => {
    if (hasHeldout) report('Held-out set', heldout);
    report('Whole corpus', all);
    const { parts, breaches } = report('Development corpus', dev);
    const below = [
      ...breaches.filter((r) => r.precision < MIN_BREACH_PER_MILLE || r.recall < (LOWER_FLOORS_PER_MILLE[r.label] ?? MIN_BREACH_PER_MILLE)),
      ...parts.filter((r) => r.precision < MIN_PART_PER_MILLE || r.recall < MIN_PART_PER_MILLE),
    ];
    expect(below.map((r) => `${r.label} P=${r.precision} R=${r.recall}`)).toEqual([]);
  });

  it('scores every keyword-stuffed reply below every genuine reply to the same post', () => {
    const stuffed = all.filter((i) => i.stuffed);
    expect(stuffed.length).toBeGreaterThanOrEqual(5);
    for (const s of stuffed) {
      const genuine = all.filter((g) => g.post === s.post && !g.stuffed && g.breaches.length === 0 && g.blocks.length >= 2 && g.kind === undefined);
      const worstGenuine = Math.min(...genuine.map((g) => verdicts.get(g)!.quality));
      expect(verdicts.get(s)!.quality, s.text).toBeLessThan(worstGenuine);
    }
  });
});
