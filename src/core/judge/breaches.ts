import { COMPENSATION_NOUN, DEFENSIVE_RULES, MONEY_FOR_GOODWILL, OFFER_CUE, PD_ASK_RULES, PHONE_RULES, POLICY_CUE, PRIVATE_CUE, PUBLIC_CUE, SELF_OFFERING } from './breaches.rules';
import { isNegated } from './negation';
import { applyRules, clauseAround, sentenceAround } from './rule';
import { type ReadText, cue, matchesIn, originalSpan } from './text';
import type { Evidence } from './verdict';

/** Personal data written out in full, matched on the original text (case matters for postcodes). */
const PERSONAL_DATA_SHAPES: readonly { what: string; re: RegExp }[] = [
  { what: 'an email address', re: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
  { what: 'a mobile number', re: /(?:\+44\s?7|\b07)\d{3}[\s-]?\d{3}[\s-]?\d{3}\b/g },
  { what: 'a card number', re: /\b(?:\d{4}[\s-]?){3}\d{4}\b/g },
  { what: 'card digits', re: /\b(?:card|visa|mastercard|amex|debit card|credit card)\b[^.\n]{0,25}?\b(?:ending|ends|ending in|last (?:four|4)(?: digits)?)\b\D{0,12}\d{4}\b/gi },
  { what: 'phone or card digits', re: /\b(?:number|mobile|phone|card|account)\s+ending\s+(?:in\s+)?\d{3,4}\b/gi },
  { what: 'a postcode', re: /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/g },
  { what: 'a home address', re: /\b\d{1,4}\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Terrace|Grove|Place|Court|Gardens)\b/g },
  { what: 'a booking reference', re: /\b(?:booking|reference|ref|rental|claim|policy)\b[^.\n]{0,20}?\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])(?:[A-Z0-9]{6,10}|[A-Z]{1,4}-[A-Z0-9]{3,8})\b/gi },
  { what: 'a date of birth', re: /\b(?:born|dob|d\.o\.b|date of birth|birthday)\b[^.\n]{0,12}?\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/gi },
  { what: 'an account number', re: /\b(?:account|acct|membership|policy|customer|order)\s*(?:no\.?|number|#)?\s*(?:is\s+)?:?\s*\d{6,}\b/gi },
];

/** Personal data written into a public reply, from the built-in shapes and the scenario's own patterns. */
export function personalDataShown(read: ReadText, extra: readonly { name: string; re: RegExp }[]): Evidence[] {
  const shapes = [...PERSONAL_DATA_SHAPES, ...extra.map((p) => ({ what: p.name, re: p.re }))];
  const found: Evidence[] = [];
  for (const { what, re } of shapes) {
    for (const m of read.original.matchAll(re)) {
      found.push({ label: 'personalDataInPublic', from: m.index, to: m.index + m[0].length, reason: `shows ${what} in public` });
    }
  }
  return found;
}

/** Requests for personal data whose answer would land in public. */
export function personalDataAsked(read: ReadText): Evidence[] {
  return applyRules(read, PD_ASK_RULES).filter((e) => {
    const at = read.tokens.findIndex((t) => t.from === e.from);
    const sentence = sentenceAround(read, read.tokens[at]!.at).text;
    PRIVATE_CUE.lastIndex = 0;
    PUBLIC_CUE.lastIndex = 0;
    return PUBLIC_CUE.test(sentence) || !PRIVATE_CUE.test(sentence);
  });
}

export function pushedToPhone(read: ReadText): Evidence[] {
  return applyRules(read, PHONE_RULES);
}

/** Goodwill extras offered in words, unless it is everyone's entitlement or refused. */
export function publicCompensation(read: ReadText): Evidence[] {
  const found: Evidence[] = [];
  const extras = [...matchesIn(read, COMPENSATION_NOUN), ...matchesIn(read, MONEY_FOR_GOODWILL)];
  for (const m of extras) {
    if (isNegated(read, m.index!)) continue;
    const sentence = sentenceAround(read, m.index!).text;
    OFFER_CUE.lastIndex = 0;
    POLICY_CUE.lastIndex = 0;
    SELF_OFFERING.lastIndex = 0;
    const offered = SELF_OFFERING.test(m[0]) || OFFER_CUE.test(sentence);
    // An entitlement in the same clause is fairness ("like everyone on that train"); one clause later an extra is still an extra.
    POLICY_CUE.lastIndex = 0;
    if (!offered || POLICY_CUE.test(clauseAround(read, m.index!))) continue;
    const span = originalSpan(read, m.index!, m.index! + m[0].length);
    found.push({ label: 'publicCompensation', ...span, reason: 'offers a goodwill extra in public, so shouting pays' });
  }
  return found;
}

const MOCKING_EMOJI = cue('laughing');

/** Blame, argument, sarcasm and non-apologies; laughing at an unhappy customer counts too. */
export function defensiveTone(read: ReadText, postSentiment: number): Evidence[] {
  const found = applyRules(read, DEFENSIVE_RULES);
  if (postSentiment < 0) {
    for (const m of matchesIn(read, MOCKING_EMOJI)) {
      found.push({ label: 'defensiveTone', ...originalSpan(read, m.index!, m.index! + m[0].length), reason: 'laughs at an unhappy customer' });
    }
  }
  return found;
}
