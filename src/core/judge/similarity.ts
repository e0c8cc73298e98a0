import type { ReadText } from './text';

/**
 * Near-identical wording, by word shingles: the share of three-word runs two texts
 * have in common. Integer counts and a cross-multiplied comparison, so the answer
 * is the same in every engine.
 */

const SHINGLE_WORDS = 3;
/** Jaccard overlap, in percent, from which two replies read as the same template. */
export const CANNED_JACCARD_PERCENT = 60;
/** Share of this reply's shingles found in one earlier reply ("template plus a name"). */
export const CANNED_CONTAINMENT_PERCENT = 80;
/** Below this many shingles a reply is too short to call a template. */
const MIN_SHINGLES = 5;

export function shingles(read: ReadText): Set<string> {
  const words = read.tokens.filter((t) => t.kind === 'word' || t.kind === 'number').map((t) => t.norm);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

export interface Overlap {
  shared: number;
  union: number;
  mine: number;
}

export function overlap(a: Set<string>, b: Set<string>): Overlap {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return { shared, union: a.size + b.size - shared, mine: a.size };
}

/** Whether the overlap makes the reply a repeat of the earlier one. */
export function isRepeat(o: Overlap): boolean {
  if (o.mine < MIN_SHINGLES) return false;
  return o.shared * 100 >= CANNED_JACCARD_PERCENT * o.union || o.shared * 100 >= CANNED_CONTAINMENT_PERCENT * o.mine;
}
