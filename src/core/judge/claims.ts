import { FAULT_NOUNS, alt } from './lexicon';
import { isNegated } from './negation';
import { sentenceAround } from './rule';
import { type ReadText, cue, matchesIn, originalSpan, tokenAt } from './text';

/**
 * The brand's claims in a text, in a form two texts can be compared by: what it says
 * caused the problem, whether it owns the cause, whether there was a problem at all, the
 * timescales it promises, how many were affected, and whether refunds are on offer. Each
 * claim keeps its span for the evidence.
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
  /** +1 refund (or cover under a warranty) on offer, −1 refused. */
  refund: Claim<1 | -1>[];
  /** +1 a fault or problem admitted, −1 one denied ("no known issues", "there is no recall"). */
  problem: Claim<1 | -1>[];
  /** A sum named for a kind of payment ("a £30 credit"), and whether it is per unit ("per visit", "for each day"). */
  amounts: Claim<{ topic: string; pence: number; perUnit: boolean }>[];
  /** How many of something were affected ("around 3,000 homes"). */
  counts: Claim<{ noun: string; n: number }>[];
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
  'national', 'local',
]);
const CAUSE_WORDS = 5;
const STEM_PREFIX = 5;

const OWNED = cue("(?:we|i) should have|(?:our|my) (?:own )?(?:mistakes?|fault|errors?|failings?|failures?)|our (?:own )?(?:\\S+ )?systems? (?:wrongly|incorrectly|failed|got|rejected|marked)|on our part|we (?:got|have got) (?:this|it) wrong|our (?:own )?(?:driver|staff|team|system|engineer|guard|crew|colleague|courier)s? (?:\\S+ )?(?:scanned|marked|left|forgot|missed|failed|sent|made|didn't|did not|wrongly|incorrectly)|(?:is|was) (?:entirely |completely )?(?:on us|our responsibility|down to us|our fault)|we take (?:full )?responsibility|(?:fault|failure|error|problem|glitch) (?:in|with|of|on) our|not (?:by |because of )?anything you did");
const EXTERNAL = cue("(?:outside|beyond) (?:of )?our control|(?:aren't|isn't|is not|are not|wasn't|weren't|not) something (?:we|anyone) (?:can|could) (?:control|help|prevent)|not our (?:fault|doing|responsibility)|(?:a|the) third[- ]party|our (?:suppliers?|partners?|contractors?)|(?:someone|somebody) else's|out of our hands|nothing to do with us|(?:nobody|no one|no-one) was (?:home|in|there|available)|you (?:weren't|were not) (?:home|in|there|available)");

const TOPICS: readonly [string, RegExp][] = [
  ['refund', cue('refunds?|refunded|repay|repaid|reimburse\\S*|money back|credited|compensation|claims?')],
  ['service', cue('fix\\S*|repair\\S*|restor\\S*|supply|clears?|settles?|running again|back to normal|back (?:up|online|on)|online|working again|resolved|service|trains|line|engineers?')],
  ['reply', cue("update|updates|back to you|hear from us|reply|response|get back|be in touch|contact you")],
];
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, twelve: 12, fourteen: 14, a: 1, an: 1 };
/** A range ("3 - 5 working days") promises its upper bound, so the second number is what counts. */
const DURATION = cue('(?:within|in|in the next|over the next|takes?|up to|inside) (?:about |around |roughly |up to |approximately )?(\\d+|one|two|three|four|five|six|seven|ten|twelve|fourteen|a|an)(?: - (\\d+))?(?: -)? ?(working days?|business days?|days?|hours?|weeks?|minutes?)');
const HOURS_PER: Record<string, number> = { minute: 0, hour: 1, day: 24, week: 168 };

const REFUND_YES = cue("(?:will be|is being|are being|has been|have been|are|is) (?:\\S+ )?(?:refunded|reimbursed|covered|paid back)|(?:we'll|we will) (?:also )?(?:cover|reimburse|pay for)|(?:you'll|we'll|she'll|he'll|they'll|will|can|do|does|should) (?:\\S+ )?(?:get|receive|be given|be getting|have) (?:a |your |her |his |the )?(?:full )?refund|refunds? (?:\\S+ ){0,3}(?:is|are|has been|have been|will be|is being|are being) (?:\\S+ )?(?:approved|processed|paid|issued|on its way|put right)|you get (?:a |your )?(?:full )?refund|warranty (?:covering|that covers|covers)|covered (?:by|under) (?:the|our|your) warranty|(?:we'll|we will|i'll|we are|we're) (?:\\S+ )?refund(?:ing)?|(?:is|are) (?:eligible|entitled) (?:to|for) (?:a )?(?:full )?refund");
const REFUND_NO = cue("(?:can't|cannot|won't|will not|unable to|not able to) (?:\\S+ ){0,2}(?:reimbursed|refunded|covered|cover|reimburse|pay for)|(?:aren't|isn't|not) something we can (?:cover|refund|pay)|(?:not|isn't|aren't|wasn't|no longer) (?:\\S+ )?(?:eligible|entitled) (?:to|for) (?:a )?refund|(?:can't|cannot|won't|will not|unable to|not able to) (?:\\S+ ){0,2}refunds?|no refunds?|(?:non-refundable|not refundable)|refunds? (?:aren't|isn't|are not|is not) (?:available|possible|an option)|refunds? (?:are|is) only (?:available|possible|given|offered)|(?:rather than|instead of) (?:a |your )?(?:full )?refund|(?:aren't|are not|isn't|is not) able to (?:\\S+ ){0,2}(?:cover|refund|reimburse|pay)|(?:deductions?|charges?|decisions?|fees?) (?:are|is) final|the (?:charge|deduction|fee|decision) stands|sold as seen|(?:not|isn't|aren't) covered (?:by|under) (?:the|our|your) warranty");

const AUTOMATIC = cue("automatically|(?:no|there's no) need to (?:claim|apply|do anything)|(?:you )?(?:don't|do not) need to (?:claim|apply|do anything)|without (?:making )?a claim");
const MUST_CLAIM = cue("(?:complete|fill in|fill out|submit|send) (?:the|a|our) (?:\\S+ )?(?:claim|refund|compensation|application) form|(?<!nothing )(?:you'll|you will|you) (?:need|have) to (?:claim|apply|request)|claim (?:via|through|using|on|online)");

/** Admitting a fault: one of its nouns said as a fact, a recall, a service down or crashing. */
const PROBLEM_ADMITTED = cue(`${alt(FAULT_NOUNS.filter((n) => !n.includes(' ')))}|recall|recalling|recalled|(?:has|have) been (?:crashing|down|failing)|(?:is|are|was|were) (?:down|crashing|offline)|(?:had|have|has) no (?:broadband|power|heating|water|signal|service)`);
/** Denying there was one: "no known issues", "there is no recall", "no supply issues", "not aware of any problems", "working normally". */
const PROBLEM_DENIED = cue(`(?:there(?: is| are|'s) no|there aren't any|there isn't any|not aware of any|no known|no reported|no current) (?:\\S+ )?(?:issues?|problems?|faults?|recall|shortage|outage|disruption)|(?:everything|all)(?:'s| is| are) (?:working|running|operating) (?:normally|as normal|fine)|(?:is|are) safe to (?:eat|use|drink)`);
/** Kinds of payment a sum can be for; a sum in a sentence without one is not compared. */
const PAYMENTS: readonly [string, RegExp][] = [
  ['credit', cue('credits?|compensation|goodwill|vouchers?')],
  ['refund', cue('refunds?|refunded|reimburse\\S*|money back')],
  ['charge', cue('charges?|charged|fees?|deductions?|price|costs?|bills?')],
];
const SUM = /[£$€] ?(\d[\d,]*(?:\.\d\d)?)/g;
const PER_UNIT = cue('per|each|every|a (?:day|night|visit|week|month)');
const PENCE_PER_UNIT = 100;

/** Who or what a count is of: the people or things affected, not days or pounds. */
const AFFECTED = ['homes', 'households', 'customers', 'properties', 'passengers', 'families', 'residents', 'people', 'members', 'users', 'flights', 'vans', 'stores', 'branches', 'patients', 'tenants'];
const COUNT = cue(`(?:around |about |some |roughly |approximately |nearly |over |more than |almost )?(\\d[\\d,]*) (?:\\S+ )?(${alt(AFFECTED)})`);
/** Counts below this are one customer's own ("your 2 children"), not how many were affected. */
const MIN_AFFECTED_COUNT = 10;

function claim<V>(read: ReadText, start: number, end: number, value: V): Claim<V> {
  const span = originalSpan(read, start, end);
  return { value, ...span, quote: read.original.slice(span.from, span.to) };
}

/** "The projector lamp failed", "a faulty valve": the thing that broke is the cause. */
const BROKE = cue('(?:the|a|an|our) ((?:[a-z]+ ){0,2}[a-z]+) (?:failed|broke down|broke|died|went down|crashed|caught fire|overheated)|(?:the|a|an|our) (?:faulty|broken|damaged|burst|failed) ((?:[a-z]+ ){0,1}[a-z]+)');
/** Events that cause a failure by themselves; the rest of the fault nouns ("outage", "error", "backlog") name what went wrong, not why. */
const CAUSING_EVENTS = ['fire', 'flood', 'strike', 'leak', 'shortage', 'storm', 'power cut', 'spill', 'explosion', 'burst'];
/** "A fire at our depot", "a national shortage": a causing event named as a fact is the cause. */
const FAULT_PHRASE = cue(`(?:the|a|an) ((?:[a-z-]+ ){0,2}${alt(CAUSING_EVENTS)})(?= (?:at|in|on|of|near|which|that|meant|has|had|caused|closed|forced|[.,;:!?-])|$)`);
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
const DEADLINE = cue('(?:by|before|until) (?:\\d+(?:am|pm) )?((?:the )?end of (?:the )?(?:day|week|month|year)|(?:the )?weekend|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight))|((?:early |late )?next (?:week|month))');
/** A duration this long or longer cannot meet a deadline named by day, which falls within the week. */
const WEEK_HOURS = 168;

function causeClaims(read: ReadText): Claim<string[]>[] {
  const out: Claim<string[]>[] = [];
  for (const m of matchesIn(read, BROKE)) {
    const thing = m[1] ?? m[2]!;
    const content = causeWords(read, m.index! + m[0].lastIndexOf(thing), thing.split(' '));
    if (content.length > 0) out.push(claim(read, m.index!, m.index! + m[0].length, content));
  }
  for (const m of matchesIn(read, FAULT_PHRASE)) {
    if (isNegated(read, m.index!)) continue;
    const content = causeWords(read, m.index! + m[0].length - m[1]!.length, m[1]!.split(' '));
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
    const upper = m[2] ?? m[1]!;
    const count = NUMBER_WORDS[upper] ?? Number.parseInt(upper, 10);
    const unit = m[3]!.replace(/^(?:working|business) /, '').replace(/s$/, '');
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

function amountClaims(read: ReadText): Claim<{ topic: string; pence: number; perUnit: boolean }>[] {
  const out: Claim<{ topic: string; pence: number; perUnit: boolean }>[] = [];
  for (const m of read.canon.matchAll(SUM)) {
    const sentence = sentenceAround(read, m.index).text;
    const topic = PAYMENTS.find(([, re]) => ((re.lastIndex = 0), re.test(sentence)))?.[0];
    if (topic === undefined) continue;
    PER_UNIT.lastIndex = 0;
    const [whole, fraction = '0'] = m[1]!.replaceAll(',', '').split('.');
    const pence = Number.parseInt(whole!, 10) * PENCE_PER_UNIT + Number.parseInt(fraction, 10);
    out.push(claim(read, m.index, m.index + m[0].length, { topic, pence, perUnit: PER_UNIT.test(sentence) }));
  }
  return out;
}

function countClaims(read: ReadText): Claim<{ noun: string; n: number }>[] {
  const out: Claim<{ noun: string; n: number }>[] = [];
  for (const m of matchesIn(read, COUNT)) {
    const n = Number.parseInt(m[1]!.replaceAll(',', ''), 10);
    if (n >= MIN_AFFECTED_COUNT) out.push(claim(read, m.index!, m.index! + m[0].length, { noun: m[2]!, n }));
  }
  return out;
}

export function claimsIn(read: ReadText): Claims {
  return {
    cause: causeClaims(read),
    ownership: polarity(read, OWNED, EXTERNAL),
    timescales: timescaleClaims(read),
    deadlines: deadlineClaims(read),
    refund: polarity(read, REFUND_YES, REFUND_NO),
    problem: polarity(read, PROBLEM_ADMITTED, PROBLEM_DENIED),
    amounts: amountClaims(read),
    counts: countClaims(read),
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
