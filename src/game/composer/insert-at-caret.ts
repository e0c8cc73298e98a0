/** A text box's value and selection after an insert. */
export interface Edit {
  value: string;
  /** Caret position after the inserted words. */
  caret: number;
}

/**
 * Puts a phrase into text at the selection (replacing what is selected) with one
 * space either side where words would otherwise run together, and leaves the caret
 * after it, so a trainee can insert, then keep typing or insert the next phrase.
 */
export function insertAtCaret(value: string, start: number, end: number, phrase: string): Edit {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  const before = value.slice(0, from);
  const after = value.slice(to);
  const lead = before !== '' && !/\s$/.test(before) ? ' ' : '';
  const trail = after !== '' && !/^\s/.test(after) ? ' ' : '';
  const inserted = `${lead}${phrase}${trail}`;
  return { value: `${before}${inserted}${after}`, caret: from + lead.length + phrase.length };
}
