import { featuresOf } from '../src/core/judge/features';
import { ruleFindings } from '../src/core/judge/judge';
import { type Combination, type LabelModel, type LearnedLabel, combined, learnedApplies, learnedScore } from '../src/core/judge/learned';
import { PARTS, TEXT_BREACHES } from '../src/core/judge/verdict';
import { type CorpusItem, DEV_SETS, contextOf, loadCorpus } from '../tests/core/judge/corpus';

/**
 * Training and cross-validation of the judge's learned layer (src/core/judge/learned.ts), shared by
 * scripts/train-judge.ts and scripts/judge-crossval.ts. Deterministic: fixed item order, full-batch
 * training from zero weights, folds from a hash of the post a reply answers; no randomness anywhere.
 */

export const LEARNED_LABELS: readonly LearnedLabel[] = [...PARTS, ...TEXT_BREACHES];
const BREACHES = new Set<string>(TEXT_BREACHES);

/** Folds of the cross-validation, outer and inner (threshold choice inside a training fold). */
export const FOLDS = 5;
const INNER_FOLDS = 4;
/** A feature must fire in this many training replies to get a weight: rare words are noise at this size. */
const MIN_DOC_FREQ = 4;
/** L2 penalty per unit of mean log-loss: hard, for a few hundred examples per label. */
const L2 = 0.02;
const ITERATIONS = 150;
/** Adagrad's base step. */
const STEP = 0.5;
/** Integer weight units per unit of log-odds. */
const WEIGHT_SCALE = 16;
/** Integer weights smaller than this are pruned (|w| < 2/16 log-odds moves almost nothing). */
const MIN_WEIGHT = 2;
/**
 * Labels read only against the earlier history see only the rules' findings and the contrasts with
 * that history: words alone cannot show a contradiction or a repeat, and a corpus where most replies
 * with a history contradict it taught "sorry about" and "was caused" as contradictions (the sim's
 * test of a cause stated once was read as inconsistent).
 */
const HISTORY_FEATURES = ['r:', 'e:'];
const FEATURES_OF: Partial<Record<LearnedLabel, readonly string[]>> = { inconsistentAnswer: HISTORY_FEATURES, cannedRepeat: HISTORY_FEATURES };
/**
 * Labels whose rule withholds a hit for a reason the words alone do not show, so no model may add
 * hits to it. publicCompensation: a payment owed to everyone affected ("residents on Elm Street will
 * get…", "under our policy") is no goodwill extra; on 1,031 replies the rules-or-model combination
 * cross-validated 0.03 F1 above the rules but read such entitlements as extras again.
 */
const RULES_ONLY: ReadonlySet<LearnedLabel> = new Set(['publicCompensation']);
/** The bar each breach keeps: the model may not take a breach's precision below it. */
const MIN_BREACH_PRECISION = 0.9;
/** F1 a combination must add over the rules alone, cross-validated, to be adopted. */
const MIN_F1_GAIN = 0.01;

export interface Example {
  item: CorpusItem;
  /** Post (or history) the reply answers: replies to one post share a fold. */
  group: string;
  features: string[];
  ruleHits: Set<string>;
  truth: Set<string>;
  applies: Set<LearnedLabel>;
}

export function loadExamples(): Example[] {
  return DEV_SETS.flatMap(loadCorpus).map((item) => {
    const ctx = contextOf(item);
    const { read, stuffing, evidence } = ruleFindings(item.text, ctx);
    return {
      item,
      group: item.post ?? item.earlier ?? `${item.set}:${item.line}`,
      features: [...featuresOf(read, evidence, ctx).keys()],
      ruleHits: new Set(evidence.map((e) => e.label)),
      truth: new Set([...item.blocks, ...item.breaches]),
      applies: new Set(LEARNED_LABELS.filter((l) => learnedApplies(l, ctx, stuffing !== undefined))),
    };
  });
}

/** FNV-1a: a fixed, well-spread fold for each group name. */
function foldOf(group: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 0x01000193);
  return (h >>> 0) % folds;
}

/** Index lists of each fold's held-out part, replies to one post always together. */
function groupedFolds(examples: readonly Example[], indices: readonly number[], folds: number): number[][] {
  const parts: number[][] = Array.from({ length: folds }, () => []);
  for (const i of indices) parts[foldOf(examples[i]!.group, folds)]!.push(i);
  return parts;
}

/** Per label, integer weights by feature name, from examples `train` (full-batch Adagrad on L2-penalised log-loss). */
function trainWeights(examples: readonly Example[], train: readonly number[]): Map<LearnedLabel, Record<string, number>> {
  const docFreq = new Map<string, number>();
  for (const i of train) for (const f of examples[i]!.features) docFreq.set(f, (docFreq.get(f) ?? 0) + 1);
  const vocab = [...docFreq].filter(([, n]) => n >= MIN_DOC_FREQ).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, j) => [f, j] as const));
  const rows = train.map((i) => examples[i]!.features.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])));
  const out = new Map<LearnedLabel, Record<string, number>>();
  for (const label of LEARNED_LABELS) {
    const used = train.flatMap((i, r) => (examples[i]!.applies.has(label) ? [r] : []));
    const y = used.map((r) => (examples[train[r]!]!.truth.has(label) ? 1 : 0));
    const families = FEATURES_OF[label];
    const allowed = vocab.map((f) => families === undefined || families.some((p) => f.startsWith(p)));
    const w = new Float64Array(vocab.length);
    const squares = new Float64Array(vocab.length);
    let bias = 0;
    let biasSquares = 0;
    for (let it = 0; it < ITERATIONS && used.length > 0; it++) {
      const grad = new Float64Array(vocab.length);
      let biasGrad = 0;
      used.forEach((r, k) => {
        let z = bias;
        for (const j of rows[r]!) z += w[j]!;
        const err = (1 / (1 + Math.exp(-z)) - y[k]!) / used.length;
        biasGrad += err;
        for (const j of rows[r]!) grad[j]! += err;
      });
      for (let j = 0; j < vocab.length; j++) {
        if (!allowed[j]) continue;
        const g = grad[j]! + L2 * w[j]!;
        squares[j]! += g * g;
        if (squares[j]! > 0) w[j]! -= (STEP * g) / Math.sqrt(squares[j]!);
      }
      biasSquares += biasGrad * biasGrad;
      if (biasSquares > 0) bias -= (STEP * biasGrad) / Math.sqrt(biasSquares);
    }
    const weights: Record<string, number> = {};
    vocab.forEach((f, j) => {
      const q = Math.round(w[j]! * WEIGHT_SCALE);
      if (Math.abs(q) >= MIN_WEIGHT) weights[f] = q;
    });
    out.set(label, weights);
  }
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export const precisionOf = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recallOf = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
const f1Of = (c: Counts) => (2 * c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

/** A label's integer score on one example. */
interface Scored {
  example: Example;
  score: number;
}

function count(label: LearnedLabel, scored: readonly Scored[], decide: (s: Scored) => boolean): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const s of scored) {
    const got = s.example.applies.has(label) ? decide(s) : s.example.ruleHits.has(label);
    const want = s.example.truth.has(label);
    if (got && want) c.tp++;
    else if (got) c.fp++;
    else if (want) c.fn++;
  }
  return c;
}

const NEVER = Number.MAX_SAFE_INTEGER;

/** The threshold for a combination that does best on `scored` (F1; a breach must also keep its precision bar). */
function chooseThreshold(label: LearnedLabel, combine: Combination, scored: readonly Scored[]): number {
  const candidates = [...new Set(scored.map((s) => s.score)), NEVER].sort((a, b) => a - b);
  let best = NEVER;
  let bestF1 = -1;
  for (const t of candidates) {
    const c = count(label, scored, (s) => combined(combine, s.example.ruleHits.has(label), s.score, t));
    if (BREACHES.has(label) && precisionOf(c) < MIN_BREACH_PRECISION) continue;
    const f1 = f1Of(c);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = t;
    }
  }
  return best;
}

function scoreAll(examples: readonly Example[], indices: readonly number[], weights: Map<LearnedLabel, Record<string, number>>, label: LearnedLabel): Scored[] {
  const w = weights.get(label)!;
  return indices.map((i) => ({ example: examples[i]!, score: learnedScore(w, new Map(examples[i]!.features.map((f) => [f, null] as const))) }));
}

/** Scores of every example in `indices` from models that never saw its fold (grouped k-fold). */
function outOfFoldScores(examples: readonly Example[], indices: readonly number[], folds: number): Map<LearnedLabel, Scored[]> {
  const out = new Map<LearnedLabel, Scored[]>(LEARNED_LABELS.map((l) => [l, []]));
  const parts = groupedFolds(examples, indices, folds);
  for (const heldOut of parts) {
    const held = new Set(heldOut);
    const weights = trainWeights(examples, indices.filter((i) => !held.has(i)));
    for (const label of LEARNED_LABELS) out.get(label)!.push(...scoreAll(examples, heldOut, weights, label));
  }
  return out;
}

const COMBINATIONS: readonly Combination[] = ['either', 'model'];

/** Each combination's threshold per label, chosen on out-of-fold scores within `indices`. */
function thresholdsWithin(examples: readonly Example[], indices: readonly number[], folds: number): Map<LearnedLabel, Record<Combination, number>> {
  const oof = outOfFoldScores(examples, indices, folds);
  return new Map(LEARNED_LABELS.map((l) => [l, { either: chooseThreshold(l, 'either', oof.get(l)!), model: chooseThreshold(l, 'model', oof.get(l)!) }]));
}

export interface CrossValidated {
  label: LearnedLabel;
  n: number;
  rules: Counts;
  either: Counts;
  model: Counts;
}

/**
 * Rules alone against each combination, cross-validated: each outer fold's model is trained on the
 * other folds, its thresholds chosen by an inner grouped cross-validation inside them.
 */
export function crossValidate(examples: readonly Example[]): CrossValidated[] {
  const all = examples.map((_, i) => i);
  const totals = new Map(LEARNED_LABELS.map((l) => [l, { rules: { tp: 0, fp: 0, fn: 0 }, either: { tp: 0, fp: 0, fn: 0 }, model: { tp: 0, fp: 0, fn: 0 } }]));
  for (const testFold of groupedFolds(examples, all, FOLDS)) {
    const held = new Set(testFold);
    const train = all.filter((i) => !held.has(i));
    const thresholds = thresholdsWithin(examples, train, INNER_FOLDS);
    const weights = trainWeights(examples, train);
    for (const label of LEARNED_LABELS) {
      const scored = scoreAll(examples, testFold, weights, label);
      const t = totals.get(label)!;
      const add = (into: Counts, c: Counts) => {
        into.tp += c.tp;
        into.fp += c.fp;
        into.fn += c.fn;
      };
      add(t.rules, count(label, scored, (s) => s.example.ruleHits.has(label)));
      for (const combine of COMBINATIONS) {
        const threshold = thresholds.get(label)![combine];
        add(t[combine], count(label, scored, (s) => combined(combine, s.example.ruleHits.has(label), s.score, threshold)));
      }
    }
  }
  return LEARNED_LABELS.map((label) => ({ label, n: examples.filter((e) => e.truth.has(label)).length, ...totals.get(label)! }));
}

/** The combination a label adopts: the best cross-validated F1 that beats the rules, keeps a breach's bar; else none. */
export function adoptedCombination(cv: CrossValidated): Combination | undefined {
  if (RULES_ONLY.has(cv.label)) return undefined;
  let best: Combination | undefined;
  let bestF1 = f1Of(cv.rules) + MIN_F1_GAIN;
  for (const combine of COMBINATIONS) {
    const c = cv[combine];
    if (BREACHES.has(cv.label) && precisionOf(c) < MIN_BREACH_PRECISION) continue;
    if (f1Of(c) >= bestF1) {
      bestF1 = f1Of(c);
      best = combine;
    }
  }
  return best;
}

/** The models to ship: trained on every example, thresholds from a grouped cross-validation over all of them. */
export function finalModels(examples: readonly Example[], adopted: ReadonlyMap<LearnedLabel, Combination>): LabelModel[] {
  const all = examples.map((_, i) => i);
  const thresholds = thresholdsWithin(examples, all, FOLDS);
  const weights = trainWeights(examples, all);
  return LEARNED_LABELS.flatMap((label) => {
    const combine = adopted.get(label);
    if (combine === undefined) return [];
    return [{ label, combine, threshold: thresholds.get(label)![combine], weights: weights.get(label)! }];
  });
}
