import { type ReadText, tokenAt } from './text';

/**
 * Whether a match is negated: "we won't ask you to phone us", "no need to call",
 * "please don't post your reference here". A negator counts only within a few words
 * before the match and inside the same clause, so "we didn't reply — please call us"
 * is still a push to the phone.
 */

const NEGATORS = new Set([
  'not', 'never', 'without', 'nor', 'instead', 'rather', 'neither', 'nobody', 'none', "don't", "won't",
  "can't", 'cannot', "wouldn't", "shouldn't", "didn't", "doesn't", "isn't", "aren't", "wasn't", "weren't",
  "haven't", "hasn't", "needn't", "mustn't", 'avoid', 'stop',
]);
/**
 * "no" negates what follows only as "no need to…", "no point…", or right before the match;
 * elsewhere it is a determiner ("40 minutes with no announcement is poor").
 */
const NO_GOVERNS = new Set(['need', 'point', 'reason', 'longer', 'one', 'way', 'obligation', 'requirement', 'call', 'further']);
const CLAUSE_BREAKS = new Set(['.', '!', '?', ';', ':', '-', '(', ')', ',', 'but', 'however', 'although', 'though', 'so']);
/** "not what our records show": a negator before "what" denies the claim, not the words after it. */
const CONTRAST_AFTER_NEGATOR = new Set(['what', 'that']);
/** How many words back a negator still reaches ("won't ever ask you to ring us"). */
const NEGATION_WINDOW = 5;

export function isNegated(read: ReadText, canonStart: number): boolean {
  const at = tokenAt(read, canonStart);
  for (let i = at - 1, seen = 0; i >= 0 && seen < NEGATION_WINDOW; i--) {
    const norm = read.tokens[i]!.norm;
    if (CLAUSE_BREAKS.has(norm)) return false;
    const next = read.tokens[i + 1]!.norm;
    if (NEGATORS.has(norm)) return !(i + 1 < at && CONTRAST_AFTER_NEGATOR.has(next));
    if (norm === 'no' && (i + 1 === at || NO_GOVERNS.has(next))) return true;
    seen++;
  }
  return false;
}
