import { cue } from './text';
import type { Rule } from './rule';
import type { TextBreach } from './verdict';

/**
 * What each breach of good practice looks like in words. Personal data and public
 * compensation also depend on where the words are said; that check lives in
 * `breaches.ts`, these are only the phrases.
 */

const PD_NOUN = "(?:booking reference|booking ref|booking number|booking code|reference number|reference|order number|ticket number|phone number|mobile number|mobile|contact number|number|email address|email|home address|address|postcode|card number|card details|long card number|last (?:four|4) digits|date of birth|dob|account number|full name|passport number|bank details|sort code|contact details|personal details|details|railcard number|customer number|ticket reference|e-ticket|password)";
const ASK_VERB = '(?:post|share|send|give|tell|reply with|comment|pop|put|drop|leave|include|let us know|let us have|let me know|let me have|provide|confirm|write|add|list|type|forward|stick)';
const ASK_QUESTION = "(?:what(?:'s| is| was)|can you (?:tell|give|send|share|confirm|post|pop|drop|leave|provide)|could you (?:tell|give|send|share|confirm|post|pop|drop|leave|provide)|can we (?:get|have|grab|take)|could we (?:get|have|grab|take)|may we (?:have|take|get)|can i (?:get|have|grab|take)|could i (?:get|have|grab|take)|we need|we'll need|we will need|we would need|we'd need|i need|i'll need|need)";
const NOT_YOU = "(?:(?!you |them |him |her )\\S+ )";

/** Asking for personal data (only a breach where the answer would be public). */
export const PD_ASK_RULES: readonly Rule<'personalDataInPublic'>[] = [
  { label: 'personalDataInPublic', re: cue(`${ASK_VERB} (?:me |us )?${NOT_YOU}{0,2}?(?:your|the|her|his|their|a|an) (?:\\S+ ){0,2}?${PD_NOUN}`), reason: 'asks for personal data where everyone can see the answer', negatable: true },
  { label: 'personalDataInPublic', re: cue(`${ASK_QUESTION} (?:\\S+ ){0,3}?(?:your|the|her|his) (?:\\S+ ){0,2}?${PD_NOUN}`), reason: 'asks for personal data where everyone can see the answer', negatable: true },
  { label: 'personalDataInPublic', re: cue(`(?:your|her|his) ${PD_NOUN} (?:below|here|in the comments|in a comment|in this thread|on this thread|in a reply|on this post)`), reason: 'asks for personal data in the thread', negatable: true },
];
/** Words that put the requested data in a private channel ("DM us your booking reference"). */
export const PRIVATE_CUE = cue('dm|dms|direct message|direct messages|private message|private messages|privately|in private|inbox|messenger|secure form|securely|via message|by message|in a message|pm');
/** Words that put it back in public even when a DM is mentioned ("post it below and we'll DM you"). */
export const PUBLIC_CUE = cue('below|here|in the comments|in a comment|in this thread|on this thread|in a reply|publicly|on this post|on the post|reply with it|under this post');

export const PHONE_RULES: readonly Rule<'pushedToPhone'>[] = [
  { label: 'pushedToPhone', re: cue("(?:call|phone|ring|telephone) (?:us|our (?:\\S+ ){0,2}(?:team|line|helpline|number|center|desk|office)|the (?:\\S+ ){0,2}(?:helpline|number|line|team|office|center|desk)|customer (?:service|services|relations|care)|the station)|give (?:us|the team|our team) a (?:call|ring|bell)|(?:calling|phoning|ringing) (?:us|our|the (?:helpline|line|team|number))"), reason: 'sends the customer to the phone instead of resolving here', negatable: true },
  { label: 'pushedToPhone', re: cue("(?:contact|reach|speak to|talk to|get through to|get hold of|chat to|get in touch with) (?:us|our team|the team|customer (?:service|services|relations|care)|someone|an advisor|a colleague) (?:on|at|by|via|over) (?:the )?(?:phone|\\d+|helpline|our helpline|number)|(?:best|quickest|easiest|fastest|simplest) (?:way|option|thing|bet) (?:is|would be|'s) to (?:call|phone|ring)|(?:helpline|phone line|call center|contact center|customer service line|customer services line|number) (?:is |on |:)?(?:0\\d{3}|\\+44|1-8\\d\\d|1800)|(?:on|at) (?:0800|0808|0345|0344|0330|0333|0300|03\\d\\d|1-800|1-888|1-877|1-866|1800)|(?:sorted|resolved|dealt with|handled|done|easier|quicker) (?:\\S+ )?(?:over|on|by) the phone"), reason: 'sends the customer to the phone instead of resolving here', negatable: true },
];

/** Goodwill extras: a breach when offered in public, since everyone watching learns that shouting pays. */
export const COMPENSATION_NOUN = cue("vouchers?|gift cards?|gift vouchers?|e-vouchers?|free(?! to| of| from| for| and| at| you| up| now)|complimentary|goodwill (?:gesture|payment|voucher|credit)|gesture of goodwill|goodwill|bonus (?:miles|points)|\\d[\\d,]* (?:air )?miles|loyalty points|free of charge|(?:£|\\$|€) ?\\d+ (?:credit|voucher|off|gift|towards)|\\d+ ?% off|discount|discount code|promo code|account credit|credit (?:to|on|for) your account|upgrade|on the house|compensation|first class upgrade|flowers|hamper|little something|freebies?|a treat");
/** Extras that are offers by themselves, with no "we'll give you" around them. */
export const SELF_OFFERING = cue("on the house|complimentary|goodwill|gesture of goodwill|free of charge");
export const OFFER_CUE = cue("we'll|we will|we'd like to|we would like to|i'll|i'd like to|we're|we are|i've|we've|let us|please accept|please enjoy|here's|here is|as a|to make up|to say sorry|happy to|enjoy|have a|have some|you'll (?:get|receive|have)|we can|i can|coming your way|sending|send you|offer|on us");
/** An entitlement everyone gets is fairness, not appeasement. */
export const POLICY_CUE = cue("entitled|owed|policy|policies|delay repay|statutory|every customer|everyone (?:affected|who|on)|all (?:customers|passengers|travellers|travelers) (?:affected|who|on)|anyone (?:affected|who|on)|as standard|automatically|under our|charter|the law|conditions of (?:travel|carriage)|same as everyone|like everyone");

export const DEFENSIVE_RULES: readonly Rule<'defensiveTone'>[] = [
  { label: 'defensiveTone', re: cue("sorry (?:if |that )?you(?:'re| are| were)? (?:feel|felt|think|thought|see it|took|upset|offended|unhappy)|sorry (?:if|that) (?:this|that|it|our \\S+) (?:upset|offended|caused offense|came across)|sorry you see it that way"), reason: 'a non-apology: it regrets the feeling, not the failure' },
  { label: 'defensiveTone', re: cue("(?:as per|per) (?:our|the) (?:terms|conditions|t&cs|policy|policies|website|previous|conditions of|contract)|in (?:line|accordance) with our (?:policy|policies|terms|conditions|procedures)|(?:our|the) (?:terms|terms and conditions|conditions|policy|conditions of travel) (?:\\S+ )?(?:clearly )?(?:state|states|say|says|are clear|is clear|make clear|were clear|clearly)|(?:clearly|plainly) (?:stated|displayed|signposted|explained|written|set out|marked)"), reason: 'hides behind the terms instead of answering' },
  { label: 'defensiveTone', re: cue("if you(?:'d| had| would have) (?:read|checked|looked|bothered|paid attention|planned)|(?:you|your \\S+|she|he|they) (?:should|could|ought to|need to|needed to) have (?:read|checked|booked|arrived|looked|asked|known|planned|taken|called|noticed|been)|(?:it's|it is|that's|that is|this is|this was|it was|that was) (?:entirely |completely |totally |really )?your (?:own )?(?:fault|responsibility|problem|mistake|choice|issue|lookout)|(?:you|your \\S+) (?:failed|neglected|chose|forgot|didn't bother) to|(?:not|never|hardly) our (?:fault|problem|responsibility|issue|concern)|(?:(?:we're|we are|we were|we) (?:not|in no way|never)|we aren't|we weren't) (?:\\S+ )?(?:responsible|liable|to blame|at fault)|(?:we can't|we cannot) be held (?:responsible|liable)"), reason: 'blames the customer or disowns the problem' },
  { label: 'defensiveTone', re: cue("(?:there's|there is) nothing (?:more |else )?(?:we can|we could|to be) do(?:ne)?|nothing (?:more |else )?we can do|rules are rules|policy is policy|them's the rules|those are the rules|calm down|with (?:all )?(?:due )?respect|(?:you're|you are) (?:simply |just |clearly )?(?:wrong|mistaken|misinformed|being unreasonable|overreacting|exaggerating|making this up|lying|confused)|(?:frankly|honestly) (?:\\S+ ){0,3}(?:ridiculous|unreasonable|absurd)|(?:other|most|plenty of|thousands of|all our other) (?:customers|passengers|people) (?:\\S+ ){0,3}(?:manage|managed|cope|coped|didn't complain|had no problem|seem to|seemed to)|take your (?:business|custom) elsewhere|feel free to (?:travel|go|use|shop) (?:with |elsewhere)|(?:obviously|clearly) you (?:didn't|did not|haven't|have not|don't|do not|can't)|as (?:we've|we have|i've|i have) (?:already )?(?:said|explained|told you|stated|mentioned)|for the (?:last|third|second|hundredth) time|no offen[sc]e but|eyeroll|shrug|not sure what (?:you|else you) (?:expect|want)|what (?:more|else) do you (?:expect|want)|if you don't like it|you get what you pay for|read the (?:small print|terms|t&cs)|do your (?:research|homework)|ever heard of"), reason: 'argues with, lectures or mocks the customer', negatable: true },
];
