import { actorAt } from './actor';
import { isNegated } from './negation';
import { type ReadText, matchesIn, originalSpan } from './text';
import type { Evidence, Label } from './verdict';

/** One hand-written rule: a pattern over the canonical text, and the reason it gives. */
export interface Rule<L extends Label = Label> {
  label: L;
  re: RegExp;
  reason: string;
  /** Skip the match when a negator governs it ("we won't ask you to phone us"). */
  negatable?: boolean;
  /** Skip the match when this pattern matches from the match to the end of its sentence. */
  unless?: RegExp;
  /** Keep the match only when its verb is said to the customer, not done by the brand ("we'll call the station"). */
  toCustomer?: boolean;
}

/** Where the sentence that holds canonical position `pos` starts and ends. */
function sentenceBounds(canon: string, pos: number): { start: number; end: number } {
  let start = pos;
  while (start > 0 && !isSentenceEnd(canon, start - 2)) start--;
  let end = pos;
  while (end < canon.length && !isSentenceEnd(canon, end)) end++;
  return { start, end };
}

/** A sentence ends at ". ", "! " or "? " (tokens are space-separated in the canonical text). */
function isSentenceEnd(canon: string, i: number): boolean {
  const c = canon[i];
  return (c === '.' || c === '!' || c === '?') && (i === 0 || canon[i - 1] === ' ') && (i + 1 >= canon.length || canon[i + 1] === ' ');
}

/** The canonical text from `start` to the end of its sentence. */
export function restOfSentence(read: ReadText, start: number): string {
  return read.canon.slice(start, sentenceBounds(read.canon, start).end);
}

/** Where a clause breaks inside a sentence: a comma, a semicolon, a dash, or "and"/"but" joining two clauses. */
const CLAUSE_BREAK = / (?:[,;:-]|and|but|so) /g;

/** The canonical clause around `pos`: its sentence cut at the clause breaks either side. */
export function clauseAround(read: ReadText, pos: number): string {
  const { start, text } = sentenceAround(read, pos);
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const at = start + m.index;
    if (at < pos) from = m.index + m[0].length;
    else if (at > pos) {
      to = m.index;
      break;
    }
  }
  return text.slice(from, to);
}

/** The canonical sentence around `pos`. */
export function sentenceAround(read: ReadText, pos: number): { start: number; text: string } {
  const { start, end } = sentenceBounds(read.canon, pos);
  return { start, text: read.canon.slice(start, end) };
}

/** Evidence for every match of every rule, in rule order. */
export function applyRules<L extends Label>(read: ReadText, rules: readonly Rule<L>[]): Evidence[] {
  const found: Evidence[] = [];
  for (const rule of rules) {
    for (const m of matchesIn(read, rule.re)) {
      if (rule.negatable && isNegated(read, m.index!)) continue;
      if (rule.toCustomer && actorAt(read, m.index!) === 'brand') continue;
      if (rule.unless) {
        rule.unless.lastIndex = 0;
        if (rule.unless.test(restOfSentence(read, m.index!))) continue;
      }
      const span = originalSpan(read, m.index!, m.index! + m[0].length);
      found.push({ label: rule.label, ...span, reason: rule.reason });
    }
  }
  return found;
}
