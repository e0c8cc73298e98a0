import type { FeatureSpan, Features } from './features';
import { LEARNED_MODELS } from './learned.weights';
import type { ReadText } from './text';
import { type Evidence, type JudgeContext, type Part, PARTS, type TextBreach, isPublic } from './verdict';

/**
 * The learned layer: per label, a linear model over the reply's features (features.ts) with
 * integer weights, trained on the labelled corpus by scripts/train-judge.ts. Scoring only adds
 * integers, so Node and Chromium give the same verdict. How a model combines with the label's
 * hand rules was chosen per label by cross-validation (scripts/judge-crossval.ts):
 *   either  the label is on when a rule finds it or the model's score reaches the threshold
 *   model   the model decides; a rule hit is one of its features
 */

export type LearnedLabel = Part | TextBreach;
export type Combination = 'either' | 'model';

export interface LabelModel {
  label: LearnedLabel;
  combine: Combination;
  /** On at or above this score (the bias is folded in). */
  threshold: number;
  weights: Readonly<Record<string, number>>;
}

/** How many of the strongest firing features a learned label's evidence names. */
const EVIDENCE_FEATURES = 2;

/** How a learned label reads in its evidence: `"frustrating" read as acknowledging (learned)`. */
const READS_AS: Record<LearnedLabel, string> = {
  acknowledge: 'acknowledging the problem',
  apologise: 'an apology',
  explain: 'explaining',
  correctFacts: 'correcting the facts',
  nextStep: 'a next step',
  inviteDm: 'an invitation to talk in private',
  thank: 'thanks',
  personalDataInPublic: 'asking for personal data in public',
  pushedToPhone: 'pushing the customer to the phone',
  publicCompensation: 'offering a goodwill extra in public',
  defensiveTone: 'defensive',
  cannedRepeat: 'a canned repeat',
  inconsistentAnswer: 'contradicting an earlier answer',
};

const PART_SET = new Set<string>(PARTS);

/** Whether a label's model may speak here: the same places its rules read (no parts in keyword stuffing). */
export function learnedApplies(label: LearnedLabel, ctx: JudgeContext, stuffed: boolean): boolean {
  if (PART_SET.has(label)) return !stuffed;
  if (label === 'personalDataInPublic' || label === 'publicCompensation') return isPublic(ctx);
  if (label === 'inconsistentAnswer') return true;
  return ctx.kind !== 'escalationNote';
}

/** The model's score: the sum of the weights of the features that fired. Integers only. */
export function learnedScore(weights: Readonly<Record<string, number>>, features: Features): number {
  let score = 0;
  for (const name of features.keys()) {
    if (Object.hasOwn(weights, name)) score += weights[name]!;
  }
  return score;
}

/** Whether a label is on, from its rule hit and its model's score. */
export function combined(combine: Combination, ruleHit: boolean, score: number, threshold: number): boolean {
  return combine === 'either' ? ruleHit || score >= threshold : score >= threshold;
}

/**
 * Evidence for a label the model turned on: the words of its strongest positive features that fired,
 * one mark each (overlapping words marked once), under one reason that names them all.
 */
export function learnedEvidence(read: ReadText, model: LabelModel, features: Features): Evidence[] {
  const firing: { span: FeatureSpan; weight: number }[] = [];
  for (const [name, span] of features) {
    const weight = Object.hasOwn(model.weights, name) ? model.weights[name]! : 0;
    if (span !== null && weight > 0) firing.push({ span, weight });
  }
  firing.sort((a, b) => b.weight - a.weight || a.span.from - b.span.from || a.span.to - b.span.to);
  const named: FeatureSpan[] = [];
  for (const { span } of firing) {
    if (named.length === EVIDENCE_FEATURES) break;
    if (!named.some((n) => n.from < span.to && span.from < n.to)) named.push(span);
  }
  named.sort((a, b) => a.from - b.from);
  const reads = `read as ${READS_AS[model.label]} (learned)`;
  if (named.length === 0) {
    const { tokens } = read;
    const whole = tokens.length > 0 ? { from: tokens[0]!.from, to: tokens[tokens.length - 1]!.to } : { from: 0, to: 0 };
    return [{ label: model.label, ...whole, reason: `the reply as a whole ${reads}` }];
  }
  const reason = `${named.map((s) => `"${read.original.slice(s.from, s.to)}"`).join(', ')} ${reads}`;
  return named.map((s) => ({ label: model.label, from: s.from, to: s.to, reason }));
}

/** The rules' evidence with each learned label's decision applied: labels turned on gain learned evidence, turned off lose theirs. */
export function withLearnedLabels(read: ReadText, ruled: readonly Evidence[], features: Features, ctx: JudgeContext, stuffed: boolean): Evidence[] {
  let found = [...ruled];
  for (const model of LEARNED_MODELS) {
    if (!learnedApplies(model.label, ctx, stuffed)) continue;
    const ruleHit = found.some((e) => e.label === model.label);
    const on = combined(model.combine, ruleHit, learnedScore(model.weights, features), model.threshold);
    if (on && !ruleHit) found.push(...learnedEvidence(read, model, features));
    else if (!on && ruleHit) found = found.filter((e) => e.label !== model.label);
  }
  return found;
}
