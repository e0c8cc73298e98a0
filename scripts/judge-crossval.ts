/**
 * Cross-validated precision and recall of the reply judge, per label: the hand rules alone against
 * the rules combined with the learned layer (either: rule or model; model: the model decides, the
 * rule hit one of its features), and the combination each label adopts. Folds are grouped by the
 * post a reply answers, so near-duplicate replies never sit on both sides of a fold.
 * Run: npx tsx scripts/judge-crossval.ts
 */
import { type Counts, FOLDS, adoptedCombination, crossValidate, loadExamples, precisionOf, recallOf } from './judge-learning';

const examples = loadExamples();
const f = (x: number) => x.toFixed(2);
const pr = (c: Counts) => `${f(precisionOf(c))} / ${f(recallOf(c))}`;

console.log(`Cross-validated on ${examples.length} replies (${FOLDS} folds grouped by post), precision / recall:\n`);
console.log('| label | n | rules alone | rules or model | model decides | adopted |');
console.log('|---|---:|---:|---:|---:|---|');
for (const cv of crossValidate(examples)) {
  console.log(`| ${cv.label} | ${cv.n} | ${pr(cv.rules)} | ${pr(cv.either)} | ${pr(cv.model)} | ${adoptedCombination(cv) ?? 'rules alone'} |`);
}
