import type { Tone } from '../scenario/scenario.schema';
import { isNegated } from './negation';
import { type ReadText, cue, matchesIn } from './text';
import type { Part } from './verdict';

/**
 * Tone from the words: defensive when a defensive breach fired; formal when it reads
 * like a form letter; empathetic when it hears the person and sounds like one;
 * neutral otherwise. Warmth uses the AFINN lexicon's integer valences, with negation.
 */

const FORMAL = cue("apologize for any inconvenience|any inconvenience (?:caused|this may have caused|this has caused)|please be advised|kindly|dear (?:customer|sir|madam|passenger|valued)|valued customer|yours (?:sincerely|faithfully)|kind regards|best regards|regards|we regret|we note your|your (?:feedback|comments|complaint) (?:has|have) been (?:noted|received|logged|passed)|has been noted|acknowledge receipt|please note that|in accordance with|we would like to (?:apologize|inform)|at your earliest convenience|further to your|we wish to|do not hesitate|this matter");
const CONTRACTION = /\b\w+'(?:re|ll|ve|m|s|d|t)\b/;
/** A person speaking ("I'm", "my"), not a department. */
const FIRST_PERSON = /(?:^| )(?:i|i'm|i've|i'll|i'd|me|my)(?= |$)/;
/** Formal cues from which a reply reads as a form letter whatever else it says. */
const FORM_LETTER_CUES = 2;
/** Warmth from which a reply reads as empathetic. */
const EMPATHETIC_WARMTH = 3;
/** Positive AFINN valence that adds one point of warmth (capped, so praise cannot buy tone). */
const VALENCE_PER_WARMTH = 3;
const MAX_VALENCE_WARMTH = 2;

export function judgeTone(read: ReadText, parts: readonly Part[], defensive: boolean, valence: (w: string) => number): Tone {
  if (defensive) return 'defensive';
  const formal = matchesIn(read, FORMAL).length;
  let warmth = 0;
  if (parts.includes('acknowledge')) warmth += 2;
  if (parts.includes('apologise')) warmth += 1;
  if (parts.includes('thank')) warmth += 1;
  if (CONTRACTION.test(read.canon)) warmth += 1;
  if (FIRST_PERSON.test(read.canon)) warmth += 1;
  warmth += Math.min(MAX_VALENCE_WARMTH, Math.trunc(positiveValence(read, valence) / VALENCE_PER_WARMTH));
  if (formal >= FORM_LETTER_CUES || (formal > 0 && warmth < EMPATHETIC_WARMTH)) return 'formal';
  if (warmth >= EMPATHETIC_WARMTH) return 'empathetic';
  return 'neutral';
}

/** Sum of positive word valences, a negated word counting as its opposite. */
function positiveValence(read: ReadText, valence: (w: string) => number): number {
  let sum = 0;
  for (const t of read.tokens) {
    if (t.kind !== 'word') continue;
    const v = valence(t.norm);
    if (v === 0) continue;
    sum += isNegated(read, t.at) ? -v : v;
  }
  return Math.max(0, sum);
}
