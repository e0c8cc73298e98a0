/**
 * Checks a trainer-written regular expression before it runs on every reply: it must
 * compile, stay short, and avoid the shapes that can backtrack for ever.
 */

/** Longest pattern a trainer may write; enough for a reference format, too short to hide a trap. */
const MAX_PATTERN_LENGTH = 80;

/** Why a pattern is refused, or undefined when it is safe to run on every reply. */
export function unsafePatternReason(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(source, 'u');
  } catch (err) {
    return `is not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'uses a back-reference, which can take exponential time';
  if (/\(\?<?[=!]/.test(source)) return 'uses a lookaround; write the plain shape of the data';
  // A quantified group that itself contains a quantifier ("(a+)+") can backtrack without end.
  if (/\([^()]*[+*}][^()]*\)[+*{]/.test(source)) return 'nests one repeat inside another, which can take exponential time';
  if (new RegExp(source, 'u').test('')) return 'matches empty text, so it would flag every reply';
  return undefined;
}
