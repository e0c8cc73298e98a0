import { MONEY_SIGNS } from './lexicon';
import { isNegated } from './negation';
import { cachedByText } from './earlier-cache';
import { type ReadText, readText, stemOf } from './text';
import type { BrandStatement } from './verdict';

/**
 * Where a reply's words turn against what the brand said before, for the learned layer:
 *   flip    a content word negated here and affirmed earlier, or the other way round
 *           ("we won't be reviewing" after "we're reviewing every deduction")
 *   amount  a sum of money the earlier statements, which named sums, never named
 *           ("£10 per visit" after "a £30 credit")
 * Neither is a contradiction by itself; the weights say how much each counts.
 */

export interface Contrast {
  kind: 'flip' | 'amount';
  from: number;
  to: number;
}

/** Words this short are function words; a longer word is compared by its stem (text.ts). */
const MIN_CONTENT_LETTERS = 4;

interface Said {
  affirmed: Set<string>;
  negated: Set<string>;
  amounts: Set<string>;
}

const isContent = (read: ReadText, i: number) => read.tokens[i]!.kind === 'word' && read.tokens[i]!.norm.length >= MIN_CONTENT_LETTERS;

/** The sum after each money sign, as written ("30", "12.50"). */
function amountsIn(read: ReadText): { amount: string; from: number; to: number }[] {
  const out: { amount: string; from: number; to: number }[] = [];
  read.tokens.forEach((t, i) => {
    const next = read.tokens[i + 1];
    if (MONEY_SIGNS.includes(t.norm) && next?.kind === 'number') out.push({ amount: next.norm, from: t.from, to: next.to });
  });
  return out;
}

/** What earlier statements said, by text. */
const saidIn = cachedByText((text): Said => {
  const read = readText(text);
  const said: Said = { affirmed: new Set(), negated: new Set(), amounts: new Set(amountsIn(read).map((a) => a.amount)) };
  read.tokens.forEach((t, i) => {
    if (isContent(read, i)) (isNegated(read, t.at) ? said.negated : said.affirmed).add(stemOf(t.norm));
  });
  return said;
});

export function contrastsWithEarlier(read: ReadText, earlier: readonly BrandStatement[]): Contrast[] {
  if (earlier.length === 0) return [];
  const said = earlier.map((s) => saidIn([s.text, ...(s.facts ?? [])].join('. ')));
  const found: Contrast[] = [];
  read.tokens.forEach((t, i) => {
    if (!isContent(read, i)) return;
    const stem = stemOf(t.norm);
    const negatedHere = isNegated(read, t.at);
    if (said.some((s) => (negatedHere ? s.affirmed.has(stem) && !s.negated.has(stem) : s.negated.has(stem) && !s.affirmed.has(stem)))) {
      found.push({ kind: 'flip', from: t.from, to: t.to });
    }
  });
  const namedSums = said.filter((s) => s.amounts.size > 0);
  for (const a of amountsIn(read)) {
    if (namedSums.length > 0 && !namedSums.some((s) => s.amounts.has(a.amount))) found.push({ kind: 'amount', from: a.from, to: a.to });
  }
  return found;
}
