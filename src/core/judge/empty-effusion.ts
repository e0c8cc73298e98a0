import { ACTION_ANY, CAUSAL_CONNECTIVES, CAUSE_STATES, FAULT_NOUNS, FUNCTION_WORDS, OWN_FEELINGS } from './lexicon';
import { type ReadText, type Token, readText } from './text';
import type { Evidence } from './verdict';

/**
 * Stuffing in sentences: a reply with nothing about what happened to the customer, made instead of
 * effusive empathy (strong feelings and template glue: "your voice matters, you matter") or of the
 * brand's mission-statement boilerplate ("committed to customer-centric solutions on your journey").
 * The feelings or the slogans stand in for the reply. Its parts do not count.
 */

/**
 * Strong affect the brand claims for itself, and talk about the customer's feelings as such
 * ("your feelings", "we empathise with your disappointment"); "sorry" alone is an apology, not effusion.
 */
const STRONG_AFFECT = new Set([
  ...OWN_FEELINGS.filter((w) => w !== 'sorry'), 'saddened', 'distraught', 'crushed', 'broken', 'sad',
  'feelings', 'feeling', 'empathise', 'empathize', 'disappointment', 'frustration',
]);
/** Glue of the "X matters" template and its kin: praise or validation of the customer in place of an answer. */
const TEMPLATE_GLUE = /\b(?:matters?|valued|means (?:so much|everything|the world)|(?:is|are) important to us|(?:is|are) valid|for sharing)\b/g;
/** This many strong feelings and this many template lines, with nothing of substance, make a reply empty effusion. */
const EFFUSIVE_AFFECT = 2;
const EFFUSIVE_GLUE = 2;
/** The brand praising itself in slogans: words of a mission statement, not of an answer. */
const BOILERPLATE = new Set([
  'committed', 'commitment', 'passionate', 'passionately', 'dedicated', 'strive', 'striving', 'values', 'solutions',
  'journey', 'excellence', 'world-class', 'customer-centric', 'customer-first', 'seamless', 'transparent', 'best-in-class',
]);
/** This many slogan words, with nothing of substance, make a reply empty boilerplate. */
const BOILERPLATE_WORDS = 3;
/**
 * Digits in a run of numbers from which the run is a phone number or a reference: contact
 * details, not something said about the problem (amounts, times and dates are shorter).
 */
const CONTACT_DIGITS = 9;
/** Post words shorter than this ("the", "my", "was") say nothing about the problem. */
const MIN_TOPIC_WORD = 4;

const singleWords = (list: readonly string[]) => list.filter((w) => !w.includes(' '));
/** Words that say what happened or what is being done: an action, a fault, a cause. A DM invitation is not one. */
const SUBSTANCE = new Set([...singleWords(ACTION_ANY), ...singleWords(FAULT_NOUNS), ...singleWords(CAUSE_STATES), ...singleWords(CAUSAL_CONNECTIVES)]);
/** Verbs of reaching out and helping are how a DM invitation is worded, not what was done. */
const NOT_SUBSTANCE = new Set(['dm', 'dms', 'message', 'messages', 'messaged', 'messaging', 'reach', 'help']);

const readTopicWords = (text: string) =>
  readText(text).tokens.filter((t) => t.kind === 'word' && t.norm.length >= MIN_TOPIC_WORD && !FUNCTION_WORDS.has(t.norm)).map((t) => t.norm);

/** Number tokens that are part of a phone number or reference (a run of numbers with CONTACT_DIGITS digits or more). */
function contactNumbers(read: ReadText): Set<Token> {
  const contact = new Set<Token>();
  let run: Token[] = [];
  const close = () => {
    if (run.reduce((n, t) => n + t.norm.replace(/\D/g, '').length, 0) >= CONTACT_DIGITS) run.forEach((t) => contact.add(t));
    run = [];
  };
  for (const t of read.tokens) {
    if (t.kind === 'number') run.push(t);
    else close();
  }
  close();
  return contact;
}

/** A capital inside a sentence marks a name (the brand's, a place's): naming it says nothing about the problem. */
function isName(read: ReadText, t: Token): boolean {
  const first = read.original[t.from] ?? '';
  if (first === first.toLowerCase()) return false;
  const before = read.original.slice(0, t.from).trimEnd();
  return before !== '' && !/[.!?]$/.test(before);
}

/**
 * Whether the reply says anything about what happened or is being done: a number that is not a
 * contact, a fault, a cause, a deed, or a word of the customer's post. A deed in its "-ing" form is
 * left out: after a feeling or a slogan ("committed to delivering") it names no deed.
 */
function hasSubstance(read: ReadText, postText: string | undefined): boolean {
  const postWords = new Set(postText === undefined ? [] : readTopicWords(postText));
  const contact = contactNumbers(read);
  const isDeedOrFact = (t: Token) => SUBSTANCE.has(t.norm) && !t.norm.endsWith('ing');
  const isTopic = (t: Token) => t.norm.length >= MIN_TOPIC_WORD && postWords.has(t.norm) && !isName(read, t);
  return read.tokens.some(
    (t) => (t.kind === 'number' && !contact.has(t)) || (t.kind === 'word' && !NOT_SUBSTANCE.has(t.norm) && !STRONG_AFFECT.has(t.norm) && (isDeedOrFact(t) || isTopic(t))),
  );
}

export function emptyEffusion(read: ReadText, postText: string | undefined): Evidence | undefined {
  const words = read.tokens.filter((t) => t.kind === 'word');
  if (words.length === 0) return undefined;
  const affect = words.filter((w) => STRONG_AFFECT.has(w.norm)).length;
  const glue = [...read.canon.matchAll(TEMPLATE_GLUE)].length;
  const effusive = affect >= EFFUSIVE_AFFECT && glue >= EFFUSIVE_GLUE;
  const slogans = words.filter((w) => BOILERPLATE.has(w.norm)).length >= BOILERPLATE_WORDS;
  if ((!effusive && !slogans) || hasSubstance(read, postText)) return undefined;
  const reason = effusive ? 'piles up feelings and "you matter" lines without a word about the problem' : "recites the brand's mission statement without a word about the problem";
  return { label: 'keywordStuffing', from: words[0]!.from, to: words[words.length - 1]!.to, reason };
}
