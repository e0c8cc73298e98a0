import { canonicalWord } from './spelling';

/**
 * A reply read once into tokens that keep their place in the original text, and a
 * canonical string (lower case, one spelling per word, single spaces) that the rules
 * match against. Every match on the canonical string maps back to original characters,
 * which is what the evidence spans point at.
 */

export type TokenKind = 'word' | 'number' | 'emoji' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Canonical form, e.g. "apologize" for "Apologise", "eyeroll" for 🙄. */
  norm: string;
  /** Span in the original text. */
  from: number;
  to: number;
  /** Start in the canonical string. */
  at: number;
}

export interface ReadText {
  original: string;
  canon: string;
  tokens: Token[];
}

/** Emoji the rules read as words; any other emoji is just "emoji". */
const EMOJI_WORDS: Record<string, string> = {
  '🙄': 'eyeroll', '🤷': 'shrug', '😂': 'laughing', '🤣': 'laughing', '🙃': 'eyeroll', '😒': 'eyeroll',
  '🙏': 'thanks', '😔': 'sad', '😞': 'sad', '😢': 'sad', '💔': 'sad',
};

// Words keep inner apostrophes and hyphens ("we're", "e-mail"); numbers keep inner separators ("0800 123" stays two).
const TOKEN = /(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*)|(\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}+)*)|(\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|am|pm)?)|([^\s\p{L}\d])/gu;

/** A content word is compared by its first letters, so "cancelled" matches "cancellation" and "review" "reviewing". */
const STEM_LETTERS = 5;
export const stemOf = (word: string): string => word.slice(0, STEM_LETTERS);

/** Reads `text` into tokens and its canonical string. */
export function readText(text: string): ReadText {
  const tokens: Token[] = [];
  let canon = '';
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const from = m.index;
    let kind: TokenKind;
    let norm: string;
    if (m[1] !== undefined) {
      kind = 'emoji';
      norm = EMOJI_WORDS[[...raw][0]!] ?? 'emoji';
    } else if (m[2] !== undefined) {
      kind = 'word';
      norm = canonicalWord(raw.toLowerCase());
    } else if (m[3] !== undefined) {
      kind = 'number';
      norm = raw.toLowerCase();
    } else {
      kind = 'punct';
      norm = raw === '’' || raw === '‘' ? "'" : raw === '–' || raw === '—' ? '-' : raw;
    }
    if (canon.length > 0) canon += ' ';
    tokens.push({ kind, norm, from, to: from + raw.length, at: canon.length });
    canon += norm;
  }
  return { original: text, canon, tokens };
}

/** The index of the token that holds canonical position `pos` (the last token starting at or before it). */
export function tokenAt(read: ReadText, pos: number): number {
  const { tokens } = read;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.at <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps a canonical span [start, end) to the original text's span, whole tokens wide. */
export function originalSpan(read: ReadText, start: number, end: number): { from: number; to: number } {
  if (read.tokens.length === 0) return { from: 0, to: 0 };
  const first = read.tokens[tokenAt(read, start)]!;
  const last = read.tokens[tokenAt(read, Math.max(start, end - 1))]!;
  return { from: first.from, to: last.to };
}

/**
 * A rule pattern over the canonical string, matching whole tokens only. The leading `\b`
 * (rather than a lookbehind) lets the regex engine skip ahead quickly, which halves the
 * time of a verdict; a pattern that starts at punctuation carries a lookbehind of its own.
 */
export function cue(source: string): RegExp {
  return new RegExp(`\\b(?:${source})(?![\\w'])`, 'g');
}

/** Every match of `re` in the canonical string (the regex must be global). */
export function matchesIn(read: ReadText, re: RegExp): RegExpMatchArray[] {
  return [...read.canon.matchAll(re)];
}
