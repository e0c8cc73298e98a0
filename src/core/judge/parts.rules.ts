import { cue } from './text';
import { NON_APOLOGY } from './breaches.rules';
import {
  ACTION_ANY,
  BAD_ADJECTIVES,
  BAD_EXPERIENCE,
  BAD_NOUNS,
  CAUSAL_CONNECTIVES,
  CAUSE_STATES,
  CUSTOMER_PLIGHTS,
  DOING_PARTICIPLES,
  DONE_PARTICIPLES,
  FAULT_NOUNS,
  NON_ACTION_VERBS,
  OWN_FEELINGS,
  OWNERSHIP_IDIOMS,
  PRIVATE_PLACES,
  STAFF_NOUNS,
  TIME_COMMITMENT,
  alt,
} from './lexicon';
import type { Rule } from './rule';
import type { Part } from './verdict';

/**
 * What each part of a good reply looks like, as slots over the canonical text (lower
 * case, American spelling, "we're" as one word): who acts, what they do, to what, when.
 * The slots are word lists (lexicon.ts); a rule composes them, so a wording nobody wrote
 * down is still read by its structure. A part needs a phrase, not a keyword: "sorry"
 * alone in a list of keywords is not an apology.
 */

const W = '(?:\\S+ )';
const INTENSIFIER = "(?:so |really |very |truly |genuinely |deeply |incredibly |terribly |awfully |extremely |sincerely |honestly |massively |hugely |just |completely |totally |fully |absolutely |do )*";
const COPULA = "(?:that's|this is|that is|it's|it is|that was|this was|it was|that sounds|this sounds|that must (?:have been|be)|what a|how|is|isn't|was|wasn't|are|were|sounds|must be|must have been|must've been|looks|feels|'s)";
const BAD = `(?:${alt(BAD_EXPERIENCE)}|(?:a|an) (?:${alt(BAD_ADJECTIVES)} ){1,2}${alt(BAD_NOUNS)})`;

/** The brand, or someone acting for it, as a subject. */
const STAFF = `(?:(?:a member of|someone from|one of) (?:our|the) team|(?:our|the|a|an) ${W}{0,2}${alt(STAFF_NOUNS)}|an advisor|a specialist|someone|engineers)`;
const BRAND = `(?:we|i|${STAFF})`;
const WILL = "(?:will|shall|(?:is|are|am) going to|would (?:really )?(?:like|love) to(?: help)?|want to|aim to|plan to)";
/** Contracted subjects with their auxiliary: "we'll", "i'd like to", "we're going to". */
const SUBJECT_WILL = "(?:(?:we|i)'ll|(?:we're|i'm) going to|(?:we|i)'d (?:really )?(?:like|love) to(?: help)?)";
const ADVERBS = '(?:now |also |then |personally |right now |today |straight away |immediately |urgently |happily |be happy to |be glad to |gladly |get someone to |have someone |make sure we |definitely |quickly |first |still |already |just |currently |actively |be )*';
/** An action verb in any form, or "let the crew know". */
const ACTION = `(?:${alt(ACTION_ANY)}|let (?:\\S+ ){1,3}know)`;
const DOING = `(?:${alt(DOING_PARTICIPLES)}|on it|on this|on the case|putting (?:this|it|that) right)`;
const DONE = alt(DONE_PARTICIPLES);
/** "get it unlocked", "have this looked at": a result the brand brings about. */
const GET_DONE = `(?:get|have) (?:${W}){0,3}(?:${DONE}|[a-z]+ed|sorted|back|moving|home)`;
/** A verb after "we'll" that does not commit to anything ("we'll never", "we'll need your…"). */
const NOT_A_STEP = `(?:${alt(NON_ACTION_VERBS)}|not|never|always|also|just|only|probably|maybe|ever|let|like|love|offer|here|there|this|that|it|you|your|so|and|but|as|to|at|in|on|for|with|a|the)(?![\\w'])`;
/** Perfects that report no action ("we've had", "we've been", "we've heard"). */
const NOT_DONE = "(?:had|been|seen|heard|noticed|received|failed|missed|tried|wanted|needed|liked|loved|hated|asked for|explained|said|mentioned|stated|noted|apologized|understood|experienced|suffered)(?![\\w'])";
const PRIVATE = alt([...PRIVATE_PLACES, 'messages']);
const MESSAGE_US = '(?:dm|pm|inbox|message|whatsapp|email) (?:us|me|the team)';
const SENT_YOU_A_DM = `(?:${W}){0,3}(?:(?:sent|dropped|popped) (?:you|her|him) (?:a |an )?(?:quick |private |direct )*(?:dm|message|pm)|(?:messaged|dm'd|dmed|inboxed) (?:you|her|him)(?! to))`;

export const PART_RULES: readonly Rule<Part>[] = [
  // acknowledge: hears the specific problem (a feeling or a bad experience said of the customer's situation), or owns it
  { label: 'acknowledge', re: cue(`(?:i|we) ${INTENSIFIER}(?:can )?(?:understand|hear|know|recognize|realize) (?:how|why|that|this|your|you|you're|you've|you were|what|it|the|[.,!]|$)|(?:i|we) ${INTENSIFIER}(?:can )?(?:get|see|appreciate) (?:how|why|that|what|where|(?:it|that)(?= [.,!]))|(?:we're|we are|i'm|i am) (?:\\S+ )?aware (?:of|that)`), reason: 'says it understands the problem', negatable: true },
  { label: 'acknowledge', re: cue(`${COPULA} ${INTENSIFIER}(?:${W}){0,2}?${BAD}`), reason: 'names how bad the experience was', negatable: true },
  { label: 'acknowledge', re: cue(`(?<=^|[.!?] )${alt(BAD_EXPERIENCE.filter((w) => !w.includes(' ')))}(?= [.!,])`), reason: 'names how bad the experience was' },
  { label: 'acknowledge', re: cue("(?:we|it|this|that|she|he|they|driver|staff|guard|team|there|announcement|form|refund|passengers?|mum|mom|dad|customers|nobody|no one|you) (?:\\S+ )?should (?:never )?have (?:been|happened|had|got|received|told|made|arranged|stayed|done|waited)|shouldn't have (?:been|happened|had)|(?<!you )(?:was|is) (?:completely |totally |simply |just |plain |clearly )?wrong|fell (?:\\S+ )?short|fair enough|oh no|(?:gutted|sad|upset|disappointed|horrified|sorry) to (?:hear|read|see)|shouldn't (?:have )?happen|(?:which|they|it|that|we) shouldn't have|(?:that's|this is|it's|that is|this was|that was|it was|this isn't|that isn't|it isn't|isn't) not (?:the|what) |(?:that's|this is|it's|that is|this was|that was|it was) not (?:the|what) |we (?:failed|let down)|(?:was|were|been) let down|let down by us|have every right to"), reason: 'owns the failure' },
  { label: 'acknowledge', re: cue(`sorry (?:that )?(?:you've|you have|you) (?:had|been|went|were|got|didn't|couldn't|weren't|waited|missed|lost)|sorry (?:that )?(?:you're|you are|you were|you've been) (?:still )?${alt(CUSTOMER_PLIGHTS)}|sorry (?:that )?(?:your|her|his) ${W}{1,2}(?:is|was|were|are|has|had|hasn't|didn't|did not|showed|arrived|turned|went|got|came|wasn't|isn't|never|still)(?![\\w'])`), reason: 'says what happened to the customer' },
  { label: 'acknowledge', re: cue(`(?:i'm|we're|i am|we are) ${INTENSIFIER}${alt(OWN_FEELINGS.filter((f) => f !== 'sorry'))} (?:that |about )?(?:this|it|that|what|you|your|to)`), reason: 'says how it feels about what happened' },
  { label: 'acknowledge', re: cue("sorry to hear|(?:can|could) (?:only )?imagine|no wonder you|you(?:'re| are) (?:absolutely |completely |quite |totally )?right|(?:fair|good|valid) point|you shouldn't have (?:had )?to|(?:nobody|no one) should (?:have to|be)|(?:totally |completely |entirely )?understandabl[ey]"), reason: 'recognises what the customer went through' },
  { label: 'acknowledge', re: cue("we let (?:you|her|him|them|your \\S+|\\S+) down|(?:we|i) (?:got|have got|'ve got) (?:this|it|that) (?:badly |completely |so )?wrong|(?:our|my) (?:own )?(?:mistakes?|fault|errors?|failings?|failures?)|on our part|the wrong call|(?:we|i) should have|fallen (?:\\S+ )?short|(?:is|was|'s|were|are) (?:all |entirely |completely |totally )?(?:ours|on us|down to us)(?= [.,!;]|$)"), reason: 'owns the failure', negatable: true },
  { label: 'acknowledge', re: cue(`(?:we|i|we've|i've|we have|i have|we really|i really|we totally|we completely) ${alt(OWNERSHIP_IDIOMS.filter((i) => i !== 'on us'))}|(?:that's|that is|this is|it's|it is|that was|this one's|this is all) (?:all |entirely |completely |totally )?on us`), reason: 'owns the failure', negatable: true },
  { label: 'acknowledge', re: cue("(?:isn't|is not|wasn't|was not|not) (?:good enough|acceptable|ok|okay|the service|on(?= [.!,;]))"), reason: 'says the service was not good enough' },
  // apologise
  { label: 'apologise', re: cue(`(?:i'm|i am|we're|we are|i|we) (?:(?!not |never )\\S+ )?${INTENSIFIER}sorry`), reason: 'says sorry in its own voice', unless: cue(NON_APOLOGY) },
  { label: 'apologise', re: cue(`(?:so|really|very|truly|genuinely|deeply|terribly|awfully|sincerely|massively|hugely|extremely) sorry`), reason: 'says sorry', unless: cue(NON_APOLOGY) },
  { label: 'apologise', re: cue('(?<!to say )sorry'), reason: 'says sorry', negatable: true, unless: cue(NON_APOLOGY) },
  { label: 'apologise', re: cue(`(?:i|we) ${INTENSIFIER}(?:unreservedly )?apologize|apologies (?:for|to|that|about|again|,|!|\\.|-)|(?:our|my|sincere|sincerest|huge|deepest|heartfelt|profound|unreserved|full|honest|genuine|big|massive) apolog(?:y|ies)|owe (?:you |your \\S+ |her |him )?(?:an|a proper|a real|a full) apology|please accept (?:our|my) (?:\\S+ )?apolog|(?:as|by way of) (?:an|our|my) apology|(?:we|i) (?:sincerely |deeply |truly )?regret`), reason: 'apologises', negatable: true },
  // explain: why it happened (a cause, what broke, the state something was in), or the answer to the question
  { label: 'explain', re: cue(`(?:${alt(CAUSAL_CONNECTIVES.filter((c) => c !== 'since' && c !== 'so that' && c !== 'thanks to'))}|the cause (?:was|is)|the reason (?:was|is|for)|traced (?:it|this|the \\S+) (?:back )?to|traced back to)(?! you| your)`), reason: 'says why it happened' },
  { label: 'explain', re: cue(`(?:the|a|an|our) (?:${W}){0,2}?${alt(FAULT_NOUNS.filter((n) => n !== 'mistake'))} (?:with|on|at|near|meant|means|caused|hit|affected|affecting|which)(?![\\w'])|(?:the|a|an|our) (?:damaged|broken|faulty|failed|burst|blocked|severed) [a-z]+`), reason: 'names what went wrong' },
  { label: 'explain', re: cue(`(?:the|a|an|our) ((?:[a-z]+ ){0,2}[a-z]+) (?:failed|broke down|broke|died|went down|crashed|caught fire|overheated|ran out|stopped working)`), reason: 'names what went wrong' },
  { label: 'explain', re: cue(`(?:the|a|an|our|your) (?:${W}){0,5}?(?:was|were|has been|have been|had been|got) (?:completely |badly |totally )?${alt(CAUSE_STATES)}(?![\\w'])`), reason: 'says what state things were in' },
  { label: 'explain', re: cue("what (?:happened|went wrong) (?:was|is|:|,|-)|here's what (?:happened|went wrong|we know|is happening)|(?:this|it|that) happened because|(?:we've|we have|i've|i have|our team has|our team have|engineers have) (?:now )?(?:found|identified|traced|confirmed|worked out|discovered) (?:that|the (?:cause|problem|fault|issue|reason)|what|why|out)|because(?! you(?![\\w'])| of you(?![\\w']))|(?:is|was) (?:the cause|to blame|the reason)|short of (?:staff|drivers|crew|engineers)|short[- ]staffed|understaffed|wrongly|mistakenly|incorrectly|accidentally|by mistake|(?:at|to|on|from) the wrong|(?:earlier|later) than (?:agreed|planned|scheduled|expected)|(?:held|delayed|stopped|cancell?ed|canceled|diverted) (?:for|by|due to|because of) (?:a|an|the)|made (?:a|an) (?:mistake|error)|(?:went up|rose|increased|changed|doubled|dropped|stopped|failed) (?:after|when) (?:the|a|an|our|your)|(?:sat|waited|was left|was held|stood|was stuck) (?:\\S+ ){0,4}?for (?:\\d+|over|nearly|almost|more than) "), reason: 'explains what happened' },
  { label: 'explain', re: cue("(?:is|are) (?:in|within|part of|outside|covered by) (?:your|the|our) \\S+(?: \\S+)? , so (?:that|this|the|it|there|you)"), reason: 'reasons from the facts to the answer' },
  { label: 'explain', re: cue("(?:are|is) (?:\\S+ )?(?:welcome|allowed|permitted|not allowed)|no (?:booking|reservation|ticket|need to book) (?:\\S+ )?(?:needed|required|necessary)|(?:usually|normally|typically|generally|tend to) (?:take|takes|arrive|arrives|run|runs|are|is|get|gets)|(?:takes|take usually|usually take) up to \\d+|most are (?:paid|processed|refunded|approved)|(?:are|is) (?:now )?running (?:normally|as normal|again)|(?:is|are|it's|they're) included|includes?|(?:takes|holds|carries|allows) up to|(?:don't|do not) need to (?:book|reserve|register|pay|bring|print)|(?:go|goes|travel|travels) free|(?:costs?|is|are) (?:£|\\$|€) ?\\d+|need to (?:add|buy|book|bring|register|activate|stay)|(?:are|is) (?:usually |normally |typically |always )?(?:delivered|processed|refunded|paid|answered|handled|settled) within \\d+|(?:is|are|was|were) (?:scheduled|planned|due|booked) (?:for|between|from|to|until|at)"), reason: 'answers the question' },
  { label: 'explain', re: cue("(?:you can|you'll need to|you just need to|you can also|you'll be able to|you're able to|you are able to|you're welcome to) (?:still )?(?:use|book|change|cancel|claim|apply|find|get|buy|travel|take|bring|swap|upgrade|collect|download|check|see|board|park|select|choose|pick|add|request|catch|ride|go|sit|keep|print|show|ask)|(?:trains?|services?|buses|the \\S+) (?:run|runs|leave|leaves|depart|departs|arrive|arrives|are running|is running|will run|will be running|opens?|closes?) (?:every|at|from|until|between|on|hourly|as normal|normally)|(?:it's|it is|they're|they are|tickets are|the \\S+ is|the \\S+ are) (?:free|included|valid|available|open|closed|non-refundable|refundable|fully refundable|off-peak|peak)|(?:yes|yep|yeah|no)(?: ,| !)? (?:you can|it is|it's|they are|we do|there is|there are|that's right|bikes|dogs|children|kids)|(?:free|no) \\S+ (?:on|in|at) (?:every|all|our|the)"), reason: 'answers the question' },
  // correctFacts: puts a wrong claim right
  { label: 'correctFacts', re: cue("(?:just |we'd like |i'd like |we want |i want )?to (?:clarify|clear (?:this |that |things )?up|set the record straight|be clear)|for clarity|(?<=^|[.!?] )(?:actually|in fact)|rest assured|(?<=^|[.!?] |, )(?:we|i) can (?:now )?confirm (?:that|there|the|no|it|this)"), reason: 'sets the record straight' },
  { label: 'correctFacts', re: cue("(?:(?:that's|this is|it's|that is|it is|that was|this was|it was) not|that isn't|this isn't|it isn't|that wasn't|this wasn't|it wasn't|isn't|aren't|wasn't|weren't|is not|are not) (?:quite |actually |strictly |entirely )?(?:true|correct|accurate|the case|happening|what happened)|there (?:are|is|have been|has been|were|was|will be) no (?:plans|job cuts|cuts|changes|closures|strikes?|price rises|increases|fare rises|truth|evidence|reports|such)|(?:rumou?rs?|claims?|story|reports?|posts?) (?:\\S+ ){0,4}(?:is|are|was|were)(?: not)? (?:untrue|false|incorrect|inaccurate|not true|wrong|mistaken)|(?:isn't|is not|aren't|are not|won't|will not)(?: be| being)? (?:closing|closed|scrapped|withdrawn|axed|cut|going up|rising|increasing|changing|moving|sold|privatized)|(?:isn't|is not|wasn't|was not) our (?:policy|practice|plan|process)|(?:we're|we are|they're|they are|it's|it is) not (?:being )?(?:closing|cutting|scrapping|raising|ending|stopping|selling|charging|withdrawing|axing)|(?:is|are) still (?:running|open|operating|available|valid|in place|staffed)|(?:is|are) (?:still |definitely )?(?:staying|remaining) (?:open|in place|the same|free)|(?:stays|remains) (?:open|free|the same|in place)|not true"), reason: 'corrects a wrong claim' },
  // nextStep: the brand (or someone for it) as the subject of a future, progressive or perfect action verb, or a time commitment
  { label: 'nextStep', re: cue(`(?:${BRAND} ${WILL}|${SUBJECT_WILL}|let me|let us|and (?:will|'ll)) ${ADVERBS}(?:${ACTION}|${GET_DONE}|(?!${NOT_A_STEP})[a-z]+)`), reason: 'commits to a next step', negatable: true },
  { label: 'nextStep', re: cue(`${BRAND} can ${ADVERBS}(?:${ACTION}|${GET_DONE})`), reason: 'offers to take the next step', negatable: true },
  { label: 'nextStep', re: cue(`(?:i've|i have|we've|we have|(?:our|the) ${W}{0,2}${alt(STAFF_NOUNS)} (?:has|have)) (?:now |just |already |personally |also )*(?!${NOT_DONE})(?:${DONE}|[a-z]+ed|sent|put|spoken|paid|made|told|got|taken|done|given|set|run|unfrozen|found|brought|kept|rung)`), reason: 'says what has been done', negatable: true, unless: cue(SENT_YOU_A_DM) },
  { label: 'nextStep', re: cue(`(?:i|we|${STAFF}) (?:now |just |already |personally |also )*(?:${DONE})(?= (?:it|this|that|the|your|you|her|him|them|a|an|to|with|for|up|back|in)(?![\\w']))`), reason: 'says what has been done', negatable: true, unless: cue(SENT_YOU_A_DM) },
  { label: 'nextStep', re: cue(`(?:we're|we are|i'm|i am|${STAFF} (?:are|is)|(?<=^|[.,!?;-] )were|(?:and|we) are|, and|(?:we're|we are|i'm|i am) (?:${W}){0,4}?and) (?:now |already |currently |urgently |actively |still )*${DOING}`), reason: 'says what is being done', negatable: true },
  { label: 'nextStep', re: cue(`(?:has|have|'s|is|are|it's|will) (?:now |just |already |also )?(?:been|being|be) (?:${DONE}|resolved|approved|located|found|repaired)`), reason: 'says what has been done or is being done', negatable: true },
  { label: 'nextStep', re: cue(`(?<!must )(?:will|'ll|(?:is|are|'s|'re) (?:being|going)|going to|expect|expects|aim|aims|should|hope to) (?:${W}){0,6}?${TIME_COMMITMENT}|will take (?:up to |about |around )?\\d+ ?(?:working |business )?(?:days?|hours?|weeks?)`), reason: 'sets a timescale', negatable: true },
  { label: 'nextStep', re: cue(`(?:so|and) (?:that )?(?:we|i|${STAFF}) can ${ADVERBS}(?:${ACTION}|${GET_DONE})`), reason: 'says what the brand will do next', negatable: true },
  { label: 'nextStep', re: cue(`(?:is|it's|are|they're|'s) (?:now |all )?(?:unlocked|unfrozen|fixed|sorted|back|restored|done|reopened|working again|back up|live again|on its way|on the way|going out|going ahead)|(?:is|it's|'s) (?:now |already )?(?:on the \\S+ (?:flight|train|van|ferry|boat|bus))|(?<=^|[.!?] )(?:fixing|sorting|chasing|looking into|on it)`), reason: 'says what happens next', negatable: true },
  { label: 'nextStep', re: cue("you'll (?:get|receive|be given|see) (?:a |your |the )?(?:full )?(?:refund|replacement|money|update|reply)|keep (?:you|everyone|kerry|\\S+) (?:posted|updated|informed|in the loop)|(?:next|further|another|full) update|updates? (?:here|on this|to follow|soon|shortly|within|by|as soon as|every)|(?:will|'ll) be (?:back|refunded|processed|fixed|restored|running|in touch|sorted|contacted|credited|reviewed|changed)|(?:will|'ll) (?:get|receive|have) (?:a|an|your|the|their)|(?:refund|money|payment|replacement|taxi|ticket|claim)s? (?:is|will be|has been|'s been|are being|is being|is now|has now been|are) (?:\\S+ )?(?:processed|on its way|on the way|sent|issued|paid|arranged|booked|approved|credited|reviewed|overturned|reopened|going out)"), reason: 'sets a timescale or the next step' },
  // inviteDm: takes personal details to a private channel
  { label: 'inviteDm', re: cue(`${MESSAGE_US}|(?:look out for|keep an eye out for|expect) (?:a|our|my) (?:\\S+ )?(?:dm|message|private message)|(?:send|drop|pop|shoot|fire|slide) (?:us|me) (?:a |an |over a )?(?:quick |private |direct )*(?:dm|message|pm|line|note)|(?:in|via|by|over|into|through|on|to) (?:a |our |the |your |my )?${PRIVATE}|check (?:your|you're) (?:dms|inbox|messages|private messages)|privately|(?:take|taking|continue|carry on|move|chat) (?:this|it|things) (?:to|into|over to|on|in) (?:a )?(?:dm|dms|private|messages)|(?<=^|[.!?,;-] |please |just )dm (?:it|them|this|that|the|your|me|us)`), reason: 'takes the conversation to a private message', negatable: true },
  { label: 'inviteDm', re: cue("(?:we've|i've|we have|i have|we'll|i'll|we will|i will) (?:just |now )?(?:sent|dropped|popped|send|drop|pop) (?:you|her|him) (?:a |an )?(?:quick |private |direct )*(?:dm|message|pm)|(?:dm|dm'd|dmed|messaged|inboxed) (?:you|her|him)|(?:will|'ll|to|and|then|i'll|we'll|i've|we've|just) message (?:you|her|him)"), reason: 'has messaged the customer privately', negatable: true },
  // thank
  { label: 'thank', re: cue('thank you|thanks|cheers|many thanks|ta'), reason: 'thanks the customer', unless: cue('thanks for nothing|thanks but no thanks') },
  { label: 'thank', re: cue(`(?:we|i) (?:really |truly |genuinely |do |so )?appreciate (?:you|your|it|this|the|that|hearing)|(?:means|meant) (?:a lot|so much|the world)|(?:made|make|making) (?:our|my|your) (?:day|morning|week|evening)|love this|(?:so |really )?(?:glad|pleased|happy|delighted|chuffed|thrilled) (?:to hear|you|that you|the|it|we|your)|(?:great|lovely|wonderful|brilliant|fantastic|nice) to hear|(?:kind|lovely|generous) (?:words|of you|message|feedback)`), reason: 'appreciates what the customer said' },
];
