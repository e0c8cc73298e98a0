import { cue } from './text';
import { ASKING_FORMS, HABITUAL_MARKERS, HAND_OVER_VERBS, INTERMEDIARY_ROLES, NORMALIZERS, TERMS_QUALIFIERS, SHRUG_FORMULAS, RULE_DOCUMENTS, PERSONAL_DATA_NOUNS, PHONE_TARGETS, PHONE_VERBS, PRIVATE_PLACES, PUBLIC_PLACES, alt, verbForms } from './lexicon';
import type { Rule } from './rule';
import type { TextBreach } from './verdict';

/**
 * What each breach of good practice looks like in words. Personal data and public
 * compensation also depend on where the words are said; that check lives in
 * `breaches.ts`, these are only the phrases.
 */

const W = '(?:\\S+ )';
/** A word inside the same sentence. */
const IN_SENTENCE = '(?:(?![.!?] )\\S+ )';
/** A personal-data noun with its owner: "your booking reference", "the account holder's name", "your pet's name". */
const OWNED_PD = `(?:your|the|her|his|their|a|an|any|(?:your |her |his |the )?\\S+'s)(?: \\S+'s)? (?:${W}){0,2}?${alt(PERSONAL_DATA_NOUNS)}`;
/** The object of a hand-over verb is not the customer ("we'll send you the details" is the brand giving). */
const NOT_YOU = "(?:(?!you |them |him |her |[.!?] )\\S+ )";

/**
 * Asking for personal data (only a breach where the answer would be public): a request
 * form (a hand-over verb said to the customer, a question, a need) and a personal-data
 * noun in the same sentence. Whether the answer would land in public is checked in breaches.ts.
 */
export const PD_ASK_RULES: readonly Rule<'personalDataInPublic'>[] = [
  { label: 'personalDataInPublic', re: cue(`(?:${alt(HAND_OVER_VERBS)}|reply (?:\\S+ ){0,3}?with|tweet) (?:me |us )?${NOT_YOU}{0,8}?${OWNED_PD}`), reason: 'asks for personal data where everyone can see the answer', negatable: true, toCustomer: true },
  { label: 'personalDataInPublic', re: cue(`${alt(ASKING_FORMS)} ${IN_SENTENCE}{0,8}?${OWNED_PD}`), reason: 'asks for personal data where everyone can see the answer', negatable: true },
  { label: 'personalDataInPublic', re: cue(`(?:your|her|his) ${alt(PERSONAL_DATA_NOUNS)} (?:below|here|in the comments|in a comment|in this thread|on this thread|in a reply|on this post)`), reason: 'asks for personal data in the thread', negatable: true },
];
/** Words that put the requested data in a private channel ("DM us your booking reference"). */
export const PRIVATE_CUE = cue(alt(PRIVATE_PLACES));
/** Words that put it back in public even when a DM is mentioned ("post it below and we'll DM you"). */
export const PUBLIC_CUE = cue(alt(PUBLIC_PLACES));

/** A phone line as the object of a phone verb: us, our or the (two words) helpline, a number. */
const PHONE_LINE = `(?:us|(?:our|the|your) (?:${W}){0,2}${alt(PHONE_TARGETS)}|\\+?\\d[\\d -]{1,}\\d|${alt(PHONE_TARGETS)} (?:on|at) \\+?\\d|${alt(PHONE_TARGETS.filter((t) => t.includes(' ')))}|(?:\\S+ ){0,2}directly)`;
const PHONE_VERB_FORMS = alt(PHONE_VERBS.flatMap((v) => [v, verbForms(v).ing]));

/**
 * Sending the customer to the phone: a phone verb said to the customer (an imperative,
 * "you'll need to", "by calling") with a line or a number as its object. The brand
 * phoning ("our team will call the station", "we'll ring you") is not a push.
 */
export const PHONE_RULES: readonly Rule<'pushedToPhone'>[] = [
  { label: 'pushedToPhone', re: cue(`${PHONE_VERB_FORMS} ${PHONE_LINE}|give (?:us|the team|our team|(?!you |her |him |them )(?:\\S+ ){1,2})a (?:call|ring|bell)`), reason: 'sends the customer to the phone instead of resolving here', negatable: true, toCustomer: true },
  { label: 'pushedToPhone', re: cue(`(?:contact|reach|speak to|talk to|get through to|get hold of|chat to|get in touch with) (?:us|customer (?:service|services|relations|care)|someone|an advisor|a colleague|(?:our|the) (?:${W}){0,2}${alt(PHONE_TARGETS)}) (?:on|at|by|via|over) (?:the )?(?:phone|\\d+|helpline|our helpline|number)|(?:best|quickest|easiest|fastest|simplest) (?:way|option|thing|bet|route) (?:is|would be|'s) to (?:call|phone|ring)|(?:quicker|easier|faster|simpler|better|best) to (?:call|phone|ring)`), reason: 'sends the customer to the phone instead of resolving here', negatable: true, toCustomer: true },
  { label: 'pushedToPhone', re: cue("(?:helpline|phone line|call center|contact center|customer service line|customer services line|number) (?:is |on |:)?(?:0\\d{3}|\\+44|1-8\\d\\d|1800)|(?:on|at) (?:0800|0808|0345|0344|0330|0333|0300|03\\d\\d|1-800|1-888|1-877|1-866|1800)|(?:sorted|resolved|dealt with|handled|done|easier|quicker) (?:\\S+ )?(?:over|on|by) the phone|only (?:\\S+ ){0,4}(?:by|over|on) (?:the )?phone"), reason: 'sends the customer to the phone instead of resolving here', negatable: true },
];

/** Goodwill extras: a breach when offered in public, since everyone watching learns that shouting pays. */
export const COMPENSATION_NOUN = cue("vouchers?|gift cards?|gift vouchers?|e-vouchers?|free(?! to| of| from| for| and| at| you| up| now)|complimentary|goodwill (?:gesture|payment|voucher|credit)|gesture of goodwill|goodwill|bonus (?:miles|points)|\\d[\\d,]* (?:air )?miles|loyalty points|free of charge|(?<=(?:£|\\$|€) ?)\\d+ (?:credit|voucher|off|gift|towards)|\\d+ ?% off|discount|discount code|promo code|account credit|credit (?:to|on|for) your account|upgrade|on the house|compensation|first class upgrade|flowers|hamper|little something|freebies?|a treat");
/** Money said to make up for something: an extra even without a voucher ("we've put £25 into your account to make up for it"). */
export const MONEY_FOR_GOODWILL = cue("(?<=(?:£|\\$|€) ?)\\d+(?=(?: \\S+){0,8} (?:to make up for|to say sorry|as an apology|by way of apology|for (?:the|your) (?:trouble|hassle|inconvenience)|on top of))|(?:have|enjoy|take) (?:\\S+ ){1,4}on us|as our guests?");
/** Extras that are offers by themselves, with no "we'll give you" around them. */
export const SELF_OFFERING = cue("on the house|complimentary|goodwill|gesture of goodwill|free of charge|(?:have|enjoy|take) (?:\\S+ ){1,4}on us|as our guests?");
export const OFFER_CUE = cue("to make up for|on top of that|we'll|we will|we'd like to|we would like to|i'll|i'd like to|we're|we are|i've|we've|let us|please accept|please enjoy|here's|here is|as a|to make up|to say sorry|happy to|enjoy|have a|have some|you'll (?:get|receive|have)|we can|i can|coming your way|sending|send you|offer|on us");
/** An entitlement everyone gets is fairness, not appeasement. */
export const POLICY_CUE = cue("entitled|owed|policy|policies|delay repay|statutory|every customer|everyone (?:affected|who|on)|all (?:customers|passengers|travellers|travelers) (?:affected|who|on)|anyone (?:affected|who|on)|as standard|automatically|under our|charter|the law|conditions of (?:travel|carriage)|same as everyone|like everyone|(?:all|every) (?:\\S+ )?(?:customers|passengers|residents|households|guests|members|travell?ers)|residents (?:on|of|in)");

/** Regret for the customer's feelings instead of for the failure: "sorry you feel that way", "sorry if your mother felt abandoned". */
export const NON_APOLOGY = "sorry (?:if |that )?(?:you|your \\S+|she|he|they)(?:'re| are| were| was| is)? (?:feel|felt|think|thought|see it|took|upset|offended|unhappy)|sorry (?:if|that) (?:this|that|it|our \\S+) (?:upset|offended|caused offense|came across)|sorry you see it that way";

const RULE_DOCUMENT = `(?:(?:our|the|your) (?:${W}){0,2}${alt(RULE_DOCUMENTS)}|${alt(RULE_DOCUMENTS.filter((d) => d.includes(' ')))})`;

/**
 * Defensiveness by what it does: cites the rules instead of answering, blames the
 * customer, disowns the problem or pushes it onto a third party, argues or lectures,
 * waves it away as normal, or mocks. Each family is one rule so its reason says which.
 */
export const DEFENSIVE_RULES: readonly Rule<'defensiveTone'>[] = [
  { label: 'defensiveTone', re: cue(NON_APOLOGY), reason: 'a non-apology: it regrets the feeling, not the failure' },
  { label: 'defensiveTone', re: cue(`(?:as per|per|according to|read|see|check|as (?:stated|explained|mentioned|outlined|set out|detailed|shown|listed) (?:in|on)|in (?:line|accordance) with) ${RULE_DOCUMENT}|${RULE_DOCUMENT} (?:(?!can |could |will |may |might )\\S+ )?(?:clearly )?(?:state|states|say|says|show|shows|are clear|is clear|make clear|makes clear|were clear|clearly|indicate)|(?:clearly|plainly) (?:stated|displayed|signposted|explained|written|set out|marked)|(?:followed|following) (?:the |our |all )?(?:procedure|procedures|process|policy|protocol|rules)|that's the (?:procedure|policy|rule|process)|as (?:stated|set out|explained|detailed) in (?:section|clause|paragraph|condition) \\S+|${alt(TERMS_QUALIFIERS)}|(?:does|do|did) (?:clearly )?(?:show|state|say|mention|explain) (?:the|that|this|it)`), reason: 'hides behind the rules instead of answering', negatable: true },
  { label: 'defensiveTone', re: cue(`if you(?:'d| had| would have) (?:(?:read|checked|looked|bothered|paid attention|planned|been|known|chosen|taken|done|gone|given|seen|got|put|left|[a-z]+ed)(?![\\w']))|(?:it's|it is|that's|must be) (?:probably |just |likely )?your (?:phone|device|router|wifi|browser|connection|end|settings|equipment)|works (?:fine|perfectly|ok|okay) for (?:thousands|everyone|most|other)|(?:you|your \\S+|she|he|they) (?:should|could|ought to|need to|needed to) (?:have|'ve) (?:read|checked|booked|arrived|looked|asked|known|planned|taken|called|noticed|been(?! told| given| offered| informed| contacted| sent| warned| asked| shown| called| refunded)|turned|switched|left|got|gone|used|kept)|(?:should've|shoulda) (?:got|gone|checked|booked|read|left|taken)|(?:it's|it is|that's|that is|this is|this was|it was|that was) (?:entirely |completely |totally |really )?your (?:own )?(?:fault|responsibility|problem|mistake|choice|issue|lookout)|(?:you|your \\S+) (?:failed|neglected|chose|forgot|didn't bother) to|you (?:probably|must have|obviously|clearly) (?:[a-z]+ed|forgot|didn't|did not|left|lost|turned|switched)|(?:obviously|clearly) you (?:didn't|did not|haven't|have not|don't|do not|can't)|(?:discussed|explained|agreed|signed) (?:with you )?(?:at the time|beforehand|in advance|when you booked)|(?:is|are|'s) (?:very )?${alt(HABITUAL_MARKERS)} (?:caused by|down to|due to|the result of|a result of)|which you agreed to`), reason: 'blames the customer' },
  { label: 'defensiveTone', re: cue(`(?:not|never|hardly) our (?:fault|problem|responsibility|issue|concern|doing)|(?:(?:we're|we are|we were|we) (?:not|in no way|never)|we aren't|we weren't) (?:legally |directly |solely |ultimately |really |actually )?(?:responsible|liable|to blame|at fault)|(?:we can't|we cannot) be held (?:responsible|liable)|(?<=[,-] |\\S's (?:${W}){0,1}|responsibility |fault |problem )not (?:ours|us|our (?:fault|problem|doing))(?= [.,!;]|$| but)|(?:is|was|'s|are|were),? not (?:ours|us)|out of our hands|nothing to do with us|take (?:it|this|that) up with|(?:it's|it is|that's|that is|this is|this was|it was) not (?:on|down to) us|(?:can't|cannot|couldn't) (?:control|help) (?:the|that|this|it|what)|(?:isn't|aren't|wasn't|weren't|not) (?:something|anything) (?:we|anyone) (?:can|could) (?:control|help|prevent|do)|(?:the )?(?:fault|problem|issue) (?:is|was|lies|lay) with (?!us|our)|(?:we're|we are) (?:just|only|simply|merely) (?:the|a|an) (?:\\S+ )?${alt(INTERMEDIARY_ROLES)}|(?<!(?:we|i|we're|i'm) )(?:are|is) (?:solely |fully |entirely )?responsible for (?:\\S+ ){0,2}(?:preparing|making|checking|handling|delivering|packing|their)|(?:decisions?|this|that) (?:are|is) (?:made|decided|set) by (?:your|the) (?!team |manager |staff )\\S+|(?:suggest|recommend|advise|best to|better to) (?:you )?(?:contact|contacting|speak to|speaking to|talk to|talking to) (?!us |our )(?:\\S+ ){1,3}directly`), reason: 'disowns the problem or blames someone else' },
  { label: 'defensiveTone', re: cue("calm down|with (?:all )?(?:due )?respect|(?:you're|you are) (?:simply |just |clearly )?(?:wrong|mistaken|misinformed|being unreasonable|overreacting|exaggerating|making this up|lying|confused)|(?:frankly|honestly) (?:\\S+ ){0,3}(?:ridiculous|unreasonable|absurd)|as (?:we've|we have|i've|i have) (?:already )?(?:said|explained|told you|stated|mentioned)|for the (?:last|third|second|hundredth) time|no offen[sc]e but|read the (?:small print|terms|t&cs)|do your (?:research|homework)|ever heard of|(?:posting|talking|spouting) (?:rubbish|nonsense)|shouting (?:\\S+ ){0,2}(?:won't|doesn't|will not|does not) (?:help|work|get)|where do (?:people|you) get|not (?:what|how) (?:our|the) (?:records|system|systems|logs) (?:show|shows|say|says)|(?:our|the) (?:records|system|systems|logs|tracking) (?:clearly )?(?:show|shows|say|says|state|states|indicate)|(?:no other|other|most|plenty of|thousands of|all our other) (?:customers?|passengers?|people|guests?|members?|users?) (?:\\S+ ){0,3}(?:manage|managed|cope|coped|didn't complain|had no problem|seem to|seemed to|raised|reported|complained)|maybe (?:ask|check|try|read|look)|perhaps (?:try|check|keep|read|look|a little|next time|in future)|before (?:complaining|posting|moaning|tweeting|commenting)|(?:don't|do not|stop) spread(?:ing)? (?:rumou?rs|lies|misinformation)|what (?:exactly )?did you expect|(?:won't|will not|doesn't|does not) help (?:anyone|anybody|matters|your case)|without (?:any )?(?:proof|evidence)|believe everything (?:you|they|people) read|(?:our|the) \\S+'s (?:records|system|tracking|gps|scanner|logs) (?:clearly )?(?:show|shows|say|says)|(?:making|make) (?:claims|accusations|allegations) like (?:this|that)|(?:cleaned|inspected|checked|prepared|serviced) (?:\\S+ ){0,3}to (?:our|the) (?:usual|normal|high|required|expected) standards?|based on perception|not aware of any (?:\\S+ )?(?:problems?|issues?|faults?)|(?:working|running) (?:normally|fine|as normal) (?:on|at) our (?:end|side)|(?:don't|do not|please don't|no need to|stop) (?:use |using |typing in |writing in )?(?:capital letters|all caps|caps|shout|shouting)|reads as shouting|mind your (?:tone|language)"), reason: 'argues with or lectures the customer', negatable: true },
  { label: 'defensiveTone', re: cue(`(?:there's|there is) nothing (?:more |else )?(?:we can|we could|to be) do(?:ne)?|nothing (?:more |else )?we can do|rules are rules|policy is policy|them's the rules|those are the rules|take your (?:business|custom) elsewhere|feel free to (?:travel|go|use|shop) (?:with |elsewhere)|not sure what (?:you|else you) (?:expect|want)|what (?:more|else) do you (?:expect|want)|if you don't like it|you get what you pay for|(\\w+) means \\1|(?:faults|delays|mistakes|accidents|things|these things|stuff|problems) ${alt(NORMALIZERS)}|(?:are|is) (?:just |simply )?part of (?:${W}){0,2}(?:life|travel|the job|living)|${alt(SHRUG_FORMULAS)}|within our (?:\\S+ )?(?:window|timeframe|terms|policy|sla|guidelines)|we (?:don't|do not) (?:discuss|deal with|handle|do) (?:\\S+ ){0,2}(?:on|via|over) (?:social media|here|twitter|facebook)`), reason: 'waves the problem away', negatable: true },
  { label: 'defensiveTone', re: cue('eyeroll|shrug'), reason: 'mocks the customer' },
];
