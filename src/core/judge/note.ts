import type { Role } from '../scenario/vocabulary.schema';
import { ACTION_ANY, CAUSE_STATES, FAULT_NOUNS, FUNCTION_WORDS, TIME_COMMITMENT, alt } from './lexicon';
import { type ReadText, cue, matchesIn, originalSpan, readText, stemOf } from './text';
import type { Evidence, PostContext } from './verdict';

/**
 * The escalation-note judge: does a note give the role what it needs to act without
 * coming back to ask? A role needs the problem (what happened to whom: the post quoted
 * or paraphrased, or the complaint reported), the ask (what the role should do or
 * decide) and the urgency (a deadline or how soon). A note is private: personal data
 * in it is fine, so no breach is read here.
 */

export const NOTE_ELEMENTS = ['problem', 'ask', 'urgency'] as const;
export type NoteElement = (typeof NOTE_ELEMENTS)[number];

/** What a note says a role needs, and the words that say it. */
export interface NoteVerdict {
  found: NoteElement[];
  missing: NoteElement[];
  evidence: Evidence[];
}

/** Content words a note must share with the post to be about it (a name and a thing, a place and an event). */
const PARAPHRASE_MIN_SHARED = 2;

/** Someone reporting the complaint: "customer says", "Kerry is threatening", "a journalist asks". */
const REPORTED = cue(`(?:says|said|reports|reported|claims|claimed|is threatening|threatens|threatened|complains|complained|complaining|wants|asks|asked|is asking|posted|writes|wrote|alleges|mentions|tagged|named|was left|were left|was stranded|has been|hasn't|didn't|never)(?![\\w'])`);
const TROUBLE = cue(`${alt(FAULT_NOUNS)}|${alt(CAUSE_STATES)}|solicitor|lawyer|court|legal action|sue|suing|journalist|reporter|press|newspaper|story|named|abuse|safety|injured|refund|complaint|cancell?ed|canceled|stranded|lost|missing|charged|overcharged|viral|pile-on|surge`);

/**
 * What the role is asked to do: a request (please / can you / need you to + an action
 * or decision verb), a question to the role, or an "Ask:"-style line.
 */
const DECISIONS = ['take', 'give', 'write', 'help', 'deal', 'look', 'advise', 'decide', 'approve', 'authorize', 'sign off', 'agree', 'draft', 'prepare', 'own', 'take over', 'handle', 'lead', 'step in', 'comment', 'give', 'tell', 'let us know', 'let me know', 'ok', 'okay', 'clear', 'check', 'assess', 'investigate', 'speak', 'respond', 'reply', 'call', 'contact'];
const ASK_VERB = `(?:${alt([...ACTION_ANY, ...DECISIONS])})`;
const ASK = cue(
  `(?:please|pls|can you|could you|would you|will you|can someone|could someone|need(?:s)? (?:you|legal|comms|hr|the team lead|someone|a decision|your|an?) (?:to )?|i'd like you to|we'd like you to|requesting|request|asking you to|for your|action|ask|over to you to) (?:\\S+ ){0,3}?${ASK_VERB}|(?:for your|need(?:s)? (?:your|a|an)) (?:\\S+ )?(?:decision|approval|advice|sign-off|review|statement|call|go-ahead|ok|input|action|help)|(?:should|shall|can|do|could) (?:we|i) (?:(?![.!] )\\S+ ){0,12}\\?`,
);
/** How soon: a deadline, a clock time, or a word of urgency. */
const URGENCY = cue(`${TIME_COMMITMENT}|(?:by|before|until|at) \\d{1,2}(?::\\d{2})?(?:am|pm)?|\\d{1,2}:\\d{2}|urgent|urgently|asap|as soon as possible|as soon as you can|immediately|right away|straight away|deadline|due (?:by|at|in)|now|today|tonight|within the hour|time-critical|time critical|priority|p1`);

const contentStems = (read: ReadText) =>
  read.tokens.filter((t) => t.kind === 'word' && t.norm.length >= 3 && !FUNCTION_WORDS.has(t.norm));

/** Words of the note that it shares with the post: the evidence it is about that post. */
function sharedWithPost(note: ReadText, post: string | undefined): Evidence[] {
  if (post === undefined) return [];
  const postStems = new Set(contentStems(readText(post)).map((t) => stemOf(t.norm)));
  const shared = contentStems(note).filter((t) => postStems.has(stemOf(t.norm)));
  const distinct = new Set(shared.map((t) => stemOf(t.norm)));
  if (distinct.size < PARAPHRASE_MIN_SHARED) return [];
  return shared.map((t) => ({ label: 'noteProblem' as const, from: t.from, to: t.to, reason: 'says what the post is about' }));
}

function firstMatch(read: ReadText, re: RegExp, label: Evidence['label'], reason: string): Evidence[] {
  const m = matchesIn(read, re)[0];
  return m ? [{ label, ...originalSpan(read, m.index!, m.index! + m[0].length), reason }] : [];
}

export function judgeNote(text: string, ctx: { post?: PostContext; role?: Role } = {}): NoteVerdict {
  const read = readText(text);
  const problem = sharedWithPost(read, ctx.post?.text);
  if (problem.length === 0 && matchesIn(read, REPORTED).length > 0) problem.push(...firstMatch(read, TROUBLE, 'noteProblem', 'reports what went wrong'));
  const ask = firstMatch(read, ASK, 'noteAsk', 'says what the role should do');
  const urgency = firstMatch(read, URGENCY, 'noteUrgency', 'says how soon');
  const has: Record<NoteElement, boolean> = { problem: problem.length > 0, ask: ask.length > 0, urgency: urgency.length > 0 };
  return {
    found: NOTE_ELEMENTS.filter((e) => has[e]),
    missing: NOTE_ELEMENTS.filter((e) => !has[e]),
    evidence: [...problem, ...ask, ...urgency].sort((a, b) => a.from - b.from),
  };
}
