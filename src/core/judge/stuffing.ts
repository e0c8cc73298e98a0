import type { ReadText } from './text';
import type { Evidence } from './verdict';

/**
 * Keyword stuffing: a reply made of the words a judge listens for rather than of
 * sentences ("sorry sorry apologies understand DM thanks"). Its parts do not count.
 */

/** The listened-for words, by the idea they stand for (so "sorry" and "apologies" repeat each other). */
const CUE_IDEA: Record<string, string> = {
  sorry: 'sorry', apologies: 'sorry', apologize: 'sorry', apology: 'sorry', apologizing: 'sorry',
  understand: 'understand', understanding: 'understand', empathize: 'understand', sympathize: 'understand', hear: 'understand',
  dm: 'dm', dms: 'dm', message: 'dm', inbox: 'dm', private: 'dm',
  thanks: 'thanks', thank: 'thanks', appreciate: 'thanks', cheers: 'thanks', care: 'understand', hearing: 'understand', listening: 'understand',
  frustrating: 'feel', frustrated: 'feel', awful: 'feel', empathy: 'understand',
  update: 'update', refund: 'refund', help: 'help', sorted: 'help', resolve: 'help',
};
/** Words that carry no content of their own ("we", "you", "will"): stuffing can hide its list between them. */
const FILLER = new Set(['we', 'i', 'you', 'us', 'me', 'our', 'your', 'will', "we'll", "i'll", 'do', 'really', 'so', 'very', 'and', 'the', 'a', 'totally', 'truly', 'deeply', 'all', 'to', 'for', 'it', 'this', 'that', 'is', 'are', 'just']);
/** A run of this many listened-for words with nothing between them is a list, not a sentence. */
const STUFFED_RUN = 3;
/** Share of the content words (fillers aside), in percent, from which listened-for words make a reply a list. */
const STUFFED_SHARE_PERCENT = 75;
const STUFFED_MIN_CUES = 4;
/** The same idea this many times is repetition for the judge's sake. */
const STUFFED_REPEATS = 3;
/** A reply that is nothing but this many hashtags or more is a row of labels, not a sentence ("#sorry #weunderstand #DM"). */
const STUFFED_HASHTAGS = 3;

const isHashtag = (read: ReadText, from: number) => from > 0 && read.original[from - 1] === '#';

export function keywordStuffing(read: ReadText): Evidence | undefined {
  const words = read.tokens.filter((t) => t.kind === 'word');
  if (words.length === 0) return undefined;
  let run = 0;
  let longest = 0;
  let cues = 0;
  let content = 0;
  const perIdea = new Map<string, number>();
  for (const w of words) {
    const idea = CUE_IDEA[w.norm];
    run = idea === undefined ? 0 : run + 1;
    if (!FILLER.has(w.norm)) content++;
    longest = Math.max(longest, run);
    if (idea === undefined) continue;
    cues++;
    perIdea.set(idea, (perIdea.get(idea) ?? 0) + 1);
  }
  const repeats = Math.max(0, ...perIdea.values());
  const onlyHashtags = words.length >= STUFFED_HASHTAGS && words.every((w) => isHashtag(read, w.from));
  const stuffed =
    longest >= STUFFED_RUN ||
    (cues >= STUFFED_MIN_CUES && cues * 100 >= STUFFED_SHARE_PERCENT * content) ||
    repeats >= STUFFED_REPEATS ||
    onlyHashtags;
  if (!stuffed) return undefined;
  return { label: 'keywordStuffing', from: words[0]!.from, to: words[words.length - 1]!.to, reason: 'strings together the words a judge listens for instead of saying something' };
}
