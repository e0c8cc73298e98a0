/**
 * The judge's word lists, by what the words do in a reply. The rules are built from
 * these slots (who acts, what they do, to what, when), so a new wording is read by
 * its structure rather than matched as a known sentence. Words are canonical
 * (lower case, American spelling: see spelling.ts); multi-word entries are fine.
 */

/** A regex alternation of `words`, longest first so "booking reference" wins over "booking". */
export function alt(words: readonly string[]): string {
  const escaped = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(?:${escaped.join('|')})`;
}

// ───────────────────────────── verbs ─────────────────────────────

/** Past participles that do not end in -ed. */
const IRREGULAR_PARTICIPLES: Record<string, string> = {
  send: 'sent', put: 'put', speak: 'spoken', pay: 'paid', make: 'made', tell: 'told', get: 'got', take: 'taken',
  do: 'done', give: 'given', set: 'set', run: 'run', find: 'found', bring: 'brought', keep: 'kept', ring: 'rung',
  write: 'written', rewrite: 'rewritten', let: 'let', leave: 'left', go: 'gone', come: 'come', have: 'had',
  begin: 'begun', hold: 'held', lay: 'laid', cut: 'cut', feel: 'felt', see: 'seen', drive: 'driven', fly: 'flown',
};

/** A verb's forms: base, third person, past participle, present participle ("fix" → fix, fixes, fixed, fixing). */
export function verbForms(base: string): { base: string; s: string; ed: string; ing: string } {
  const [head, ...rest] = base.split(' ');
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  const v = head!;
  const cvc = /[^aeiou][aeiou][bdgmnpt]$/.test(v) && v.length <= 4;
  const s = /(?:s|x|z|ch|sh|o)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
  const ed = IRREGULAR_PARTICIPLES[v] ?? (v.endsWith('e') ? `${v}d` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ied` : cvc ? `${v}${v.at(-1)}ed` : `${v}ed`);
  const ing = v.endsWith('ie') ? `${v.slice(0, -2)}ying` : /[^e]e$/.test(v) && v !== 'be' ? `${v.slice(0, -1)}ing` : cvc ? `${v}${v.at(-1)}ing` : `${v}ing`;
  return { base: `${v}${tail}`, s: `${s}${tail}`, ed: `${ed}${tail}`, ing: `${ing}${tail}` };
}

/** Things a service desk does for a customer: the verbs of a next step, in the base form. */
const ACTION_VERBS = [
  'look into', 'look at', 'check', 'chase', 'investigate', 'arrange', 'sort', 'fix', 'send', 'refund', 'update', 'contact',
  'process', 'escalate', 'pass', 'raise', 'follow up', 'book', 'rebook', 'review', 'find', 'come back', 'be in touch', 'reach out',
  'reissue', 'reimburse', 'replace', 'organize', 'email', 'message', 'dm', 'refer', 'flag', 'log', 'push', 'correct',
  'overturn', 'reverse', 'cover', 'pay', 'credit', 'reply', 'respond', 'pick up', 'trace', 'deliver', 'return', 'talk',
  'publish', 'reopen', 'repair', 'restore', 'cancel', 'waive', 'remove', 'reset', 'unlock', 'unfreeze', 'release', 'approve',
  'explain', 'go through', 'talk through', 'walk through', 'speak', 'call', 'ring', 'visit', 'collect', 'install',
  'test', 'move', 'change', 'rewrite', 'train', 'brief', 'retrain', 'add', 'adjust', 'amend', 'resend', 'recheck', 'inspect',
  'put right', 'make sure', 'take off', 'write off', 'track', 'locate', 'ask', 'tell', 'let know', 'keep posted', 'keep updated',
  'fit', 'clean', 'clear', 'empty', 'upgrade', 'reroute', 'resolve', 'prioritize', 'expedite', 'courier', 'post', 'share',
  'monitor', 'work on', 'take a look', 'have a look', 'match', 'act on', 'get back', 'bring', 'drop off', 'hand', 'deal with', 'handle', 'take care of',
];

/** Verbs that say nothing will be done ("we'll need your…", "we'll be sorry") or that are done to the customer's words. */
export const NON_ACTION_VERBS = [
  'be', 'need', 'have', 'try', 'hope', 'see', 'do', 'get', 'go', 'like', 'love', 'help', 'verify', 'hide', 'delete', 'block',
  'ban', 'report', 'continue', 'stay', 'remain', 'appreciate', 'understand', 'feel', 'think', 'know', 'want', 'wish', 'regret', 'apologize',
];

/** Participles of an action already taken by the brand ("passed", "refunded", "taken off"). */
export const DONE_PARTICIPLES = ACTION_VERBS.map((v) => verbForms(v).ed);
/** Present participles of an action under way ("investigating", "looking into"). */
export const DOING_PARTICIPLES = ACTION_VERBS.map((v) => verbForms(v).ing);
/** Every form of the action verbs, for "we'll …" and "so we can …". */
export const ACTION_ANY = ACTION_VERBS.flatMap((v) => Object.values(verbForms(v)));

// ───────────────────────────── who acts ─────────────────────────────

/** Nouns that, after "our"/"the"/"a", name someone acting for the brand ("our refunds team", "the duty manager"). */
export const STAFF_NOUNS = [
  'team', 'office', 'manager', 'engineer', 'engineers', 'colleague', 'colleagues', 'crew', 'staff', 'desk', 'department', 'courier', 'driver',
  'drivers', 'advisor', 'adviser', 'specialist', 'investigator', 'handler', 'agent', 'officer', 'technician', 'inspector', 'supervisor',
  'housekeeping', 'assessor', 'adjuster', 'surveyor', 'representative', 'rep', 'housekeeper', 'nurse', 'vet', 'practice',
];

// ───────────────────────────── when ─────────────────────────────

const NUMBER_WORD = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'fourteen', 'a few', 'a couple of'];
const UNITS = ['minutes', 'minute', 'hours', 'hour', 'days', 'day', 'working days', 'business days', 'weeks', 'week'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const PARTS_OF_DAY = ['morning', 'afternoon', 'evening', 'night'];
/** A time the brand commits to: "within 48 hours", "by Friday", "this afternoon", "on Thursday morning". */
export const TIME_COMMITMENT = `(?:(?:within|in|in the next|over the next|inside) (?:about |around |up to )?(?:\\d+|${alt(NUMBER_WORD)}) ?${alt(UNITS)}|(?:by|before|on|until|from) (?:the end of (?:the |to)?day|close of play|end of (?:the )?(?:day|week|month|year)|the end of the (?:week|month|year)|${alt(DAYS)}(?: ${alt(PARTS_OF_DAY)})?|tomorrow|tonight|lunchtime|noon|midday|\\d+(?:am|pm)|\\d+:\\d+(?:am|pm)?)|(?:today|tonight|tomorrow(?: ${alt(PARTS_OF_DAY)})?|this (?:morning|afternoon|evening|week)|shortly|straight away|right away|first thing|as soon as (?:possible|we can|we hear)|in due course|later today|(?:early |later )?(?:next|this) (?:week|weekend|month)|(?:within|in) (?:the|an|a) (?:hour|day|week)|(?:next|this) ${alt(DAYS)}))`;

// ───────────────────────────── personal data ─────────────────────────────

/** What identifies a person or their account: never asked for where everyone reads the answer. */
export const PERSONAL_DATA_NOUNS = [
  'booking reference', 'booking ref', 'booking number', 'booking code', 'booking details', 'reference number', 'reference',
  'order number', 'order details', 'ticket number', 'ticket reference', 'e-ticket', 'policy number', 'membership number',
  'customer number', 'account number', 'account details', 'account holder', "account holder's name", 'railcard number',
  'file reference', 'claim number', 'case number', 'tracking number', 'passport number', 'passport', 'loyalty number',
  'phone number', 'mobile number', 'mobile', 'contact number', 'number', 'email address', 'email', 'home address', 'address',
  'postcode', 'card number', 'card details', 'long card number', 'last four digits', 'last 4 digits', "card's last 4 digits",
  "card's last four digits", 'date of birth', 'dob', 'birthday', 'full name', 'name', 'surname', 'last name', 'maiden name',
  'bank details', 'sort code', 'contact details', 'personal details', 'details', 'password', 'pin', 'pin number', 'passcode',
  'security code', 'security answer', 'cvv', 'national insurance number', 'registration number', 'reg',
];
/** Verbs that ask the customer to hand data over, said as a request. */
export const HAND_OVER_VERBS = [
  'post', 'share', 'send', 'give', 'tell', 'reply with', 'comment', 'pop', 'put', 'drop', 'leave', 'include', 'let us know',
  'let us have', 'let me know', 'let me have', 'provide', 'confirm', 'write', 'add', 'list', 'type', 'forward', 'stick', 'email', 'text',
];
/** Question and need forms that ask for data ("what's your…", "can you tell us…", "we'll need…"). */
export const ASKING_FORMS = [
  "what's", 'what is', 'what was', 'which is', 'can you', 'could you', 'would you', 'will you', 'can we get', 'can we have',
  'could we get', 'could we have', 'may we have', 'can i get', 'can i have', 'could i get', 'could i have', 'can i take',
  'we need', "we'll need", 'we will need', 'we would need', "we'd need", 'i need', "i'll need", 'need',
];
/** Where a request is answered in private ("DM us your booking reference"). */
export const PRIVATE_PLACES = [
  'dm', 'dms', 'direct message', 'direct messages', 'private message', 'private messages', 'privately', 'in private',
  'inbox', 'messenger', 'secure form', 'securely', 'via message', 'by message', 'in a message', 'pm', 'private chat', 'a message',
  'message us',
];
/** Where it is answered in public, even when a DM is mentioned too ("post it below and we'll DM you"). */
export const PUBLIC_PLACES = [
  'below', 'here', 'in the comments', 'in a comment', 'in this thread', 'on this thread', 'in a reply', 'publicly', 'on this post',
  'on the post', 'reply with it', 'under this post', 'in the thread', 'comment', 'reply with', 'in the replies', 'tweet us',
];

/** Signs that put a sum of money after them ("£30"). */
export const MONEY_SIGNS = ['£', '$', '€'];

// ───────────────────────────── the phone ─────────────────────────────

/** Verbs that send someone to a phone. */
export const PHONE_VERBS = ['call', 'phone', 'ring', 'telephone', 'dial'];
/** What one phones: a line, a desk, a department (after "our"/"the", up to two words between). */
export const PHONE_TARGETS = [
  'helpline', 'line', 'number', 'team', 'center', 'desk', 'office', 'department', 'practice', 'branch', 'store', 'shop',
  'box office', 'reservations', 'customer service', 'customer services', 'customer relations', 'customer care', 'station',
  'contact center', 'call center', 'switchboard', 'hotline', 'support', 'reception', 'depot', 'surgery', 'clinic', 'us',
];

// ───────────────────────────── feelings and failures ─────────────────────────────

/** How bad an experience was, as an adjective or noun phrase. */
export const BAD_EXPERIENCE = [
  'too long', 'far too long', 'way too long', 'too slow', 'too many', 'the worst', 'poor', 'not good enough', 'awful',
  'terrible', 'frustrating', 'horrible', 'stressful', 'upsetting', 'distressing', 'unacceptable', 'worrying', 'scary',
  'frightening', 'infuriating', 'maddening', 'disappointing', 'rubbish', 'a nightmare', 'nightmare', 'a pain', 'annoying',
  'miserable', 'exhausting', 'dreadful', 'appalling', 'inexcusable', 'shocking', 'a shock', 'not ok', 'not okay',
  'not acceptable', 'not a good enough', 'not right', 'horrendous', 'grim', 'wrong', 'a shambles', 'hard', 'tough', 'difficult', 'worrying',
  'a mess', 'a disaster', 'gutting', 'heartbreaking', 'awkward', 'inconvenient', 'unsettling', 'alarming',
  'a letdown', 'let down', 'a big gap', 'a huge gap', 'a lot', 'painful', 'embarrassing', 'unpleasant', 'stressful start',
  'mortifying', 'devastating', 'a disgrace', 'disgraceful', 'too high', 'a real problem', 'a serious problem', 'humiliating', 'outrageous',
];
/** Adjectives between "a" and a bad noun ("a huge shock", "a terrible start"). */
export const BAD_NOUNS = ['shock', 'mistake', 'problem', 'failure', 'error', 'start', 'position', 'way', 'experience', 'situation', 'night', 'day', 'wait', 'mess', 'ordeal', 'gap', 'blow', 'worry', 'time', 'evening', 'morning', 'trip', 'journey', 'holiday', 'vacation'];
/** Words that make a situation noun phrase bad ("a terrible start", "a horrible position"). */
export const BAD_ADJECTIVES = ['terrible', 'horrible', 'awful', 'huge', 'big', 'massive', 'real', 'stressful', 'rotten', 'miserable', 'dreadful', 'grim', 'rough', 'scary', 'upsetting', 'long', 'cold', 'lousy', 'worrying', 'nasty', 'frustrating'];
/** Feelings the writer owns about what happened ("I'm gutted this happened"). */
export const OWN_FEELINGS = ['gutted', 'sad', 'upset', 'disappointed', 'horrified', 'appalled', 'mortified', 'embarrassed', 'ashamed', 'devastated', 'heartbroken', 'sorry'];
/** States the customer is left in, after "you're" ("sorry you're stuck"). */
export const CUSTOMER_PLIGHTS = ['stuck', 'without', 'stranded', 'left', 'waiting', 'still waiting', 'out of pocket', 'in this position', 'going through', 'having', 'dealing with', 'missing', 'cold', 'locked out', 'cut off', 'unable', 'not able'];

/** Nouns naming what broke or went wrong: said in a statement, they explain what happened. */
export const FAULT_NOUNS = [
  'fault', 'failure', 'glitch', 'bug', 'outage', 'breakdown', 'error', 'power cut', 'shortage', 'strike', 'flood', 'fire',
  'crash', 'malfunction', 'leak', 'mix-up', 'mistake', 'problem with', 'issue with', 'backlog', 'defect',
];
/** States a cause was in ("the restaurant was overwhelmed", "the crew has been off sick"). */
export const CAUSE_STATES = [
  'overwhelmed', 'off sick', 'short-staffed', 'short staffed', 'understaffed', 'overbooked', 'flooded', 'snowed in', 'closed',
  'delayed', 'diverted', 'held', 'stuck', 'broken', 'faulty', 'damaged', 'down', 'offline', 'not working', 'out of order',
  'running late', 'late', 'busy', 'short of', 'missed', 'mislabeled', 'misrouted', 'misdirected', 'lost', 'wrongly',
];
/** Connectives that give a reason ("because", "due to", "after the price cap changed"). */
export const CAUSAL_CONNECTIVES = [
  'because', 'due to', 'caused by', 'because of', 'down to', 'the result of', 'as a result of', 'resulted from', 'stemmed from',
  'came down to', 'owing to', 'thanks to', 'which meant', 'which means', 'that meant', 'this meant', 'so that', 'since',
  'which is why', "that's why", 'that is why', 'this is why', "it's why", 'came from', 'comes from', 'come from', 'is based on',
  'are based on', 'depends on', 'depend on', 'was caused', 'were caused', 'which made', 'which caused', 'which left',
];
/** Past-tense verbs by which something (not the writer) caused what happened ("vandals damaged our mast"). */
export const CAUSING_VERBS = [
  'damaged', 'slowed', 'added', 'cut', 'broke', 'flooded', 'blocked', 'disrupted', 'delayed', 'hit', 'knocked out', 'vandalized',
  'vandalised', 'stole', 'crashed', 'overloaded', 'froze', 'flagged', 'marked', 'recorded', 'recalculated', 'raised', 'closed',
  'cancelled', 'canceled', 'diverted', 'stopped', 'interrupted', 'affected', 'took down', 'brought down', 'overran', 'overbooked',
];
/** Where in a product a customer does something: an instruction that answers "how do I…?". */
export const PRODUCT_PLACES = ['app', 'settings', 'account settings', 'account page', 'portal', 'menu', 'tab', 'profile', 'checkout', 'basket', 'dashboard', 'spam folder', 'spam', 'junk folder'];
/** Words that state how a process works in general ("refunds are processed automatically within 7 days"). */
export const PROCESS_STATES = ['processed', 'allocated', 'paid', 'refunded', 'given', 'based', 'set', 'charged', 'covered', 'available', 'open', 'extra', 'included', 'free', 'safe', 'calculated', 'issued', 'sent', 'reviewed', 'assessed', 'handled', 'settled', 'credited', 'applied', 'capped', 'limited', 'valid', 'eligible', 'accurate', 'required', 'needed', 'allowed', 'running', 'operating'];

// ───────────────────────────── defensiveness ─────────────────────────────

/** Documents a defensive reply points at instead of answering. */
export const RULE_DOCUMENTS = [
  'terms', 'terms and conditions', 'conditions', 't&cs', 'policy', 'policies', 'website', 'contract', 'contract terms',
  'small print', 'conditions of travel', 'conditions of carriage', 'contract of carriage', 'booking terms', 'membership terms',
  'letter', 'email', 'faq', 'faqs', 'rules', 'procedure', 'procedures', 'guidelines', 'timetable', 'records', 'notice',
  't & cs', 't & c', 'ts & cs', 'agreement', 'rental terms', 'booking conditions', 'seat map',
];
/** What a brand calls itself to say it only stands between the customer and the one at fault ("we're just the delivery platform"). */
export const INTERMEDIARY_ROLES = ['platform', 'marketplace', 'agent', 'intermediary', 'broker', 'middleman', 'reseller', 'booking site', 'app'];
/** Qualifiers that withdraw a promise in the terms' words ("subject to capacity", "does not guarantee entry"). */
export const TERMS_QUALIFIERS = [
  'subject to capacity', 'subject to availability', 'subject to status', 'subject to approval', 'does not guarantee', 'do not guarantee',
  "doesn't guarantee", "don't guarantee", 'is not guaranteed', 'are not guaranteed', 'sold as seen', 'priced accordingly',
  'classed as an extraordinary', 'classed as extraordinary', 'extraordinary circumstance', 'extraordinary circumstances', 'is final', 'are final',
];
/** Others a brand can lay a problem on: partners, suppliers, authorities, the weather. */
export const THIRD_PARTIES = [
  'courier', 'couriers', 'restaurant', 'restaurants', 'insurer', 'insurance provider', 'supplier', 'suppliers', 'manufacturer', 'landlord',
  'airport', 'council', 'weather', 'partner', 'partners', 'contractor', 'contractors', 'seller', 'sellers', 'provider', 'bank', 'network rail',
];
/** Words that make a problem smaller than the customer says it is ("just a minor delay", "perfectly normal"). */
export const MINIMISERS = ['just', 'only', 'simply', 'merely', 'slight', 'slightly', 'minor', 'small', 'a little', 'a bit', 'normal', 'perfectly normal', 'usual', 'standard', 'expected'];
/** Hedged generalisations that lay a cause on what customers do ("often caused by condensation", "usually down to driving style"). */
export const HABITUAL_MARKERS = ['often', 'usually', 'typically', 'commonly', 'normally', 'generally', 'mostly', 'frequently', 'most often', 'very often', 'in most cases'];
/** Formulas that wave a problem away as normal ("delays happen", "part of island life"). */
export const NORMALIZERS = ['happen', 'happens', 'can happen', 'do happen', 'will happen', 'go missing sometimes', 'go wrong sometimes', 'happen sometimes'];
/** Formulas that say "that's life" on their own. */
export const SHRUG_FORMULAS = ["it is what it is", "it's what it is", "that's just how it is", "it's just how it is", "that's how it is", "it's the way it is", "that's the way it is", 'one of those things', 'these things happen', 'things happen', 'stuff happens'];
/** Idioms in which the writer owns a failure ("we dropped the ball"). */
export const OWNERSHIP_IDIOMS = ['dropped the ball', 'messed up', 'made a mess of', 'got it wrong', 'got this wrong', 'got that wrong', 'let you down', 'let her down', 'let him down', 'let them down', 'fell short', 'fallen short', 'failed you', 'failed her', 'failed him', "didn't live up", 'did not live up', 'should have done better', 'owe you an explanation', 'not our finest hour', 'on us'];

/** Words that carry no content of their own: shared with a post, they show nothing about the problem was understood. */
export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'about', 'this', 'that',
  'these', 'those', 'it', 'its', "it's", 'is', 'are', 'was', 'were', 'be', 'been', 'have', 'has', 'had', 'do', 'does', 'did',
  'i', 'me', 'my', 'you', 'your', 'we', 'us', 'our', 'they', 'them', 'their', 'he', 'she', 'her', 'his', 'him', 'not', 'no',
  'so', 'just', 'now', 'again', 'what', 'when', 'who', 'why', 'how', 'all', 'any', 'can', 'will', 'would', 'could', 'should',
  'please', 'thanks', 'thank', 'hi', 'hello', 'one', 'post', 'look', 'take', 'here', 'there', 'then', 'than', 'very', 'really',
]);
