import { isNegated } from './negation';
import { sentenceAround } from './rule';
import { type ReadText, cue, matchesIn, originalSpan, tokenAt } from './text';

/**
 * The brand's claims in a text, in a form two texts can be compared by: what it says
 * caused the problem, whether it owns the cause, the timescales it promises, and
 * whether refunds are on offer. Each claim keeps its span for the evidence.
 */

export interface Claim<V> {
  value: V;
  from: number;
  to: number;
  quote: string;
}

export interface Claims {
  /** Content words naming the cause ("signalling", "fault"). */
  cause: Claim<string[]>[];
  /** +1 the cause is ours, −1 it is someone else's. */
  ownership: Claim<1 | -1>[];
  /** Promised time per topic, in hours. */
  timescales: Claim<{ topic: string; hours: number }>[];
  /** Promised deadline per topic, as the day or time named ("monday", "end of month"). */
  deadlines: Claim<{ topic: string; by: string }>[];
  /** +1 refund on offer, −1 refund refused. */
  refund: Claim<1 | -1>[];
  /** +1 it happens automatically, −1 the customer has to claim or apply. */
  automatic: Claim<1 | -1>[];
}

const CAUSE_MARKER = cue("caused by|due to|because of|down to|the result of|as a result of|resulted from|the cause (?:was|is)|cause :|traced (?:it |this |the \\S+ )?(?:back )?to|stemmed from|came down to|(?:comes?|came) from|(?:is|are|was|were) from|(?:damaged|broken|hit|cut|interrupted|disrupted|blocked) by");
/** Words that say there was a problem without saying what caused it. */
const NOT_A_CAUSE = new Set([
  'a', 'an', 'the', 'our', 'their', 'its', 'this', 'that', 'which', 'with', 'of', 'in', 'on', 'at', 'to', 'and', 'or',
  'some', 'an', 'unexpected', 'unforeseen', 'earlier', 'last', 'night', 'morning', 'today', 'yesterday', 'thursday',
  'delay', 'delays', 'disruption', 'problem', 'problems', 'issue', 'issues', 'inconvenience', 'cancellation',
  'cancellations', 'wait', 'trouble', 'you', 'your', 'we', 'us', 'it', 'was', 'is', 'were', 'be', 'been', 'what',
  'happened', 'evening', 'service', 'train', 'trains', 'late', 'very', 'serious', 'major', 'minor', 'sudden', 'own',
]);
const CAUSE_WORDS = 5;
const STEM_PREFIX = 5;

const OWNED = cue("(?:we|i) should have|(?:our|my) (?:own )?(?:mistakes?|fault|errors?|failings?|failures?)|our (?:own )?(?:\\S+ )?systems? (?:wrongly|incorrectly|failed|got|rejected|marked)|on our part|we (?:got|have got) (?:this|it) wrong|our (?:own )?(?:driver|staff|team|system|engineer|guard|crew|colleague|courier)s? (?:\\S+ )?(?:scanned|marked|left|forgot|missed|failed|sent|made|didn't|did not|wrongly|incorrectly)|(?:is|was) (?:entirely |completely )?(?:on us|our responsibility|down to us|our fault)|we take (?:full )?responsibility");
const EXTERNAL = cue("(?:outside|beyond) (?:of )?our control|(?:aren't|isn't|is not|are not|wasn't|weren't|not) something (?:we|anyone) (?:can|could) (?:control|help|prevent)|not our (?:fault|doing|responsibility)|(?:a|the) third[- ]party|our (?:suppliers?|partners?|contractors?)|(?:someone|somebody) else's|out of our hands|nothing to do with us");

const TOPICS: readonly [string, RegExp][] = [
  ['refund', cue('refunds?|refunded|repay|repaid|reimburse\\S*|money back|credited|compensation|claims?')],
  ['service', cue('fix\\S*|repair\\S*|restor\\S*|supply|clears?|settles?|running again|back to normal|back (?:up|online|on)|online|working again|resolved|service|trains|line|engineers?')],
  ['reply', cue("update|updates|back to you|hear from us|reply|response|get back|be in touch|contact you")],
];
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, twelve: 12, fourteen: 14, a: 1, an: 1 };
const DURATION = cue('(?:within|in|in the next|over the next|takes?|up to|inside) (?:about |around |roughly |up to |approximately )?(\\d+|one|two|three|four|five|six|seven|ten|twelve|fourteen|a|an)(?: - \\d+)?(?: -)? ?(working days?|business days?|days?|hours?|weeks?|minutes?)');
const HOURS_PER: Record<string, number> = { minute: 0, hour: 1, day: 24, week: 168 };

const REFUND_YES = cue("(?:will be|is being|are being|has been|have been|are|is) (?:\\S+ )?(?:refunded|reimbursed|covered|paid back)|(?:we'll|we will) (?:also )?(?:cover|reimburse|pay for)|(?:you'll|we'll|she'll|he'll|they'll|will|can|do|does|should) (?:\\S+ )?(?:get|receive|be given|be getting|have) (?:a |your |her |his |the )?(?:full )?refund|refund (?:is|has been|will be|is being) (?:\\S+ )?(?:approved|processed|paid|issued|on its way|put right)|(?:we'll|we will|i'll|we are|we're) (?:\\S+ )?refund(?:ing)?|(?:is|are) (?:eligible|entitled) (?:to|for) (?:a )?(?:full )?refund");
const REFUND_NO = cue("(?:can't|cannot|won't|will not|unable to|not able to) (?:\\S+ ){0,2}(?:reimbursed|refunded|covered|cover|reimburse|pay for)|(?:aren't|isn't|not) something we can (?:cover|refund|pay)|(?:not|isn't|aren't|wasn't|no longer) (?:\\S+ )?(?:eligible|entitled) (?:to|for) (?:a )?refund|(?:can't|cannot|won't|will not|unable to|not able to) (?:\\S+ ){0,2}refunds?|no refunds?|(?:non-refundable|not refundable)|refunds? (?:aren't|isn't|are not|is not) (?:available|possible|an option)");

const AUTOMATIC = cue("automatically|(?:no|there's no) need to (?:claim|apply|do anything)|(?:you )?(?:don't|do not) need to (?:claim|apply|do anything)|without (?:making )?a claim");
const MUST_CLAIM = cue("(?:complete|fill in|fill out|submit|send) (?:the|a|our) (?:\\S+ )?(?:claim|refund|compensation|application) form|(?:you'll|you will|you) (?:need|have) to (?:claim|apply|request)|claim (?:via|through|using|on|online)");

function claim<V>(read: ReadText, start: number, end: number, value: V): Claim<V> {
  const span = originalSpan(read, start, end);
  return { value, ...span, quote: read.original.slice(span.from, span.to) };
}

/** "The projector lamp failed", "a faulty valve": the thing that broke is the cause. */
const BROKE = cue('(?:the|a|an|our) ((?:[a-z]+ ){0,2}[a-z]+) (?:failed|broke down|broke|died|went down|crashed|caught fire|overheated)|(?:the|a|an|our) (?:faulty|broken|damaged|burst|failed) ((?:[a-z]+ ){0,1}[a-z]+)');
/** Named places and people are where or who, not what caused it: capitalised words mid-sentence are left out. */
function isName(read: ReadText, canonPos: number): boolean {
  const i = tokenAt(read, canonPos);
  const t = read.tokens[i]!;
  const prev = read.tokens[i - 1];
  return prev !== undefined && !['.', '!', '?', ':'].includes(prev.norm) && /^\p{Lu}/u.test(read.original.slice(t.from, t.to));
}
/** The content words of a cause found at canonical `start`, names left out. */
function causeWords(read: ReadText, start: number, words: readonly string[]): string[] {
  const out: string[] = [];
  let pos = start;
  for (const w of words) {
    if (w !== '' && !NOT_A_CAUSE.has(w) && /^[a-z]/.test(w) && !isName(read, pos)) out.push(w);
    pos += w.length + 1;
  }
  return out;
}
/** "by Monday", "by the end of the month", "early next week": a deadline named rather than a duration. */
const DEADLINE = cue('(?:by|before|until) (?:\\d+(?:am|pm) )?((?:the )?end of (?:the )?(?:day|week|month|year)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight))|((?:early |late )?next (?:week|month))');
/** A duration this long or longer cannot meet a deadline named by day, which falls within the week. */
const WEEK_HOURS = 168;

function causeClaims(read: ReadText): Claim<string[]>[] {
  const out: Claim<string[]>[] = [];
  for (const m of matchesIn(read, BROKE)) {
    const thing = m[1] ?? m[2]!;
    const content = causeWords(read, m.index! + m[0].lastIndexOf(thing), thing.split(' '));
    if (content.length > 0) out.push(claim(read, m.index!, m.index! + m[0].length, content));
  }
  for (const m of matchesIn(read, CAUSE_MARKER)) {
    const end = m.index! + m[0].length;
    const words = read.canon.slice(end).split(/ (?:[.,;:!?()-] ?|$)/)[0]!.trim().split(' ').slice(0, CAUSE_WORDS);
    const content = causeWords(read, end + 1, words);
    if (content.length > 0) out.push(claim(read, m.index!, end + 1 + words.join(' ').length, content));
  }
  return out;
}

function polarity(read: ReadText, yes: RegExp, no: RegExp): Claim<1 | -1>[] {
  const out: Claim<1 | -1>[] = [];
  for (const m of matchesIn(read, yes)) if (!isNegated(read, m.index!)) out.push(claim(read, m.index!, m.index! + m[0].length, 1));
  for (const m of matchesIn(read, no)) out.push(claim(read, m.index!, m.index! + m[0].length, -1));
  return out;
}

function timescaleClaims(read: ReadText): Claim<{ topic: string; hours: number }>[] {
  const out: Claim<{ topic: string; hours: number }>[] = [];
  for (const m of matchesIn(read, DURATION)) {
    const count = NUMBER_WORDS[m[1]!] ?? Number.parseInt(m[1]!, 10);
    const unit = m[2]!.replace(/^(?:working|business) /, '').replace(/s$/, '');
    const hours = count * (HOURS_PER[unit] ?? 0);
    const sentence = sentenceAround(read, m.index!).text;
    const topic = TOPICS.find(([, re]) => ((re.lastIndex = 0), re.test(sentence)))?.[0];
    if (topic !== undefined && hours > 0) out.push(claim(read, m.index!, m.index! + m[0].length, { topic, hours }));
  }
  return out;
}

function topicOf(read: ReadText, pos: number): string | undefined {
  const sentence = sentenceAround(read, pos).text;
  return TOPICS.find(([, re]) => ((re.lastIndex = 0), re.test(sentence)))?.[0];
}

function deadlineClaims(read: ReadText): Claim<{ topic: string; by: string }>[] {
  const out: Claim<{ topic: string; by: string }>[] = [];
  for (const m of matchesIn(read, DEADLINE)) {
    const by = (m[1] ?? m[2]!).replace(/^the /, '').replace(/^(?:early|late) /, '').replace(/ the /, ' ');
    const topic = topicOf(read, m.index!);
    if (topic !== undefined) out.push(claim(read, m.index!, m.index! + m[0].length, { topic, by }));
  }
  return out;
}

/** Whether a promised duration and a named deadline for the same thing disagree: a week or more cannot land by a named day. */
export function durationMissesDeadline(hours: number, by: string): boolean {
  return hours >= WEEK_HOURS && !/month|year|next/.test(by);
}

export function claimsIn(read: ReadText): Claims {
  return {
    cause: causeClaims(read),
    ownership: polarity(read, OWNED, EXTERNAL),
    timescales: timescaleClaims(read),
    deadlines: deadlineClaims(read),
    refund: polarity(read, REFUND_YES, REFUND_NO),
    automatic: polarity(read, AUTOMATIC, MUST_CLAIM),
  };
}

/** A plural ending, so "crews" names the same thing as "crew" and "signals" as "signal". */
const PLURAL = /(?<=[a-z]{3})s$/;

/** Whether two cause descriptions share a content word (by a common five-letter stem of the singular). */
export function sameCause(a: readonly string[], b: readonly string[]): boolean {
  const stem = (w: string) => w.replace(PLURAL, '').slice(0, STEM_PREFIX);
  return a.some((x) => b.some((y) => stem(x) === stem(y)));
}
