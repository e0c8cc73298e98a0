import { type ReadText, tokenAt } from './text';

/**
 * Who is asked to act at a verb: the customer (an imperative, "you'll need to…",
 * "can you…") or the brand ("we'll call the station", "our team can ring you").
 * Walks back from the verb to the start of its clause and takes the nearest subject.
 */

export type Actor = 'customer' | 'brand';

const CUSTOMER_SUBJECTS = new Set(['you', "you'll", "you've", "you're", "you'd", 'u', 'please', 'pls', 'kindly']);
const BRAND_SUBJECTS = new Set([
  'we', "we'll", "we're", "we've", "we'd", 'i', "i'll", "i'm", "i've", "i'd", 'us', 'me', 'our', 'they', "they'll", "they're",
  'someone', 'team', 'staff', 'colleague', 'colleagues', 'advisor', 'manager', 'engineer', 'engineers', 'crew', 'office', 'desk',
  'department', 'driver', 'courier', 'who', 'she', 'he', "she'll", "he'll",
]);
/** Where a clause starts: a new subject may stand after these. */
const CLAUSE_STARTS = new Set(['.', '!', '?', ';', ':', '-', '(', ')', ',', 'and', 'but', 'or', 'so', 'then', 'if', 'when', 'once']);

/** The actor at canonical position `pos`; an imperative (no subject in its clause) addresses the customer. */
export function actorAt(read: ReadText, pos: number): Actor {
  const at = tokenAt(read, pos);
  for (let i = at - 1; i >= 0; i--) {
    const norm = read.tokens[i]!.norm;
    if (CUSTOMER_SUBJECTS.has(norm)) return 'customer';
    if (BRAND_SUBJECTS.has(norm)) return 'brand';
    if (CLAUSE_STARTS.has(norm)) return 'customer';
  }
  return 'customer';
}
