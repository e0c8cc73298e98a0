import { ACTION_ANY, CAUSAL_CONNECTIVES, CAUSE_STATES, FAULT_NOUNS, OWN_FEELINGS } from './lexicon';
import { type ReadText, readText } from './text';
import type { Evidence } from './verdict';

/**
 * Effusive empty empathy: a reply that piles up strong feelings and template glue ("your voice
 * matters, you matter") without a word about what happened to the customer. It is stuffing in
 * sentences: the feelings stand in for the reply. Its parts do not count.
 */

/** Strong affect the brand claims for itself; "sorry" alone is an apology, not effusion. */
const STRONG_AFFECT = new Set([...OWN_FEELINGS.filter((w) => w !== 'sorry'), 'saddened', 'distraught', 'crushed', 'broken', 'sad']);
/** Glue of the "X matters" template and its kin: praise of the customer in place of an answer. */
const TEMPLATE_GLUE = /\b(?:matters?|valued|means (?:so much|everything|the world)|(?:is|are) important to us)\b/g;
/** This many strong feelings and this many template lines, with nothing of substance, make a reply empty effusion. */
const EFFUSIVE_AFFECT = 2;
const EFFUSIVE_GLUE = 2;
/** Post words shorter than this ("the", "my", "was") say nothing about the problem. */
const MIN_TOPIC_WORD = 4;

const singleWords = (list: readonly string[]) => list.filter((w) => !w.includes(' '));
/** Words that say what happened or what is being done: an action, a fault, a cause. A DM invitation is not one. */
const SUBSTANCE = new Set([...singleWords(ACTION_ANY), ...singleWords(FAULT_NOUNS), ...singleWords(CAUSE_STATES), ...singleWords(CAUSAL_CONNECTIVES)]);
/** Verbs of reaching out and helping are how a DM invitation is worded, not what was done. */
const NOT_SUBSTANCE = new Set(['dm', 'dms', 'message', 'messages', 'messaged', 'messaging', 'reach', 'help']);

const readTopicWords = (text: string) => readText(text).tokens.filter((t) => t.kind === 'word' && t.norm.length >= MIN_TOPIC_WORD).map((t) => t.norm);

function hasSubstance(read: ReadText, postText: string | undefined): boolean {
  const postWords = new Set(postText === undefined ? [] : readTopicWords(postText));
  return read.tokens.some(
    (t) => t.kind === 'number' || (t.kind === 'word' && !NOT_SUBSTANCE.has(t.norm) && !STRONG_AFFECT.has(t.norm) && (SUBSTANCE.has(t.norm) || (t.norm.length >= MIN_TOPIC_WORD && postWords.has(t.norm)))),
  );
}

export function emptyEffusion(read: ReadText, postText: string | undefined): Evidence | undefined {
  const words = read.tokens.filter((t) => t.kind === 'word');
  if (words.length === 0) return undefined;
  const affect = words.filter((w) => STRONG_AFFECT.has(w.norm)).length;
  const glue = [...read.canon.matchAll(TEMPLATE_GLUE)].length;
  if (affect < EFFUSIVE_AFFECT || glue < EFFUSIVE_GLUE || hasSubstance(read, postText)) return undefined;
  return { label: 'keywordStuffing', from: words[0]!.from, to: words[words.length - 1]!.to, reason: 'piles up feelings and "you matter" lines without a word about the problem' };
}
