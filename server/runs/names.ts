import { z } from 'zod';

export const NAME_MAX = 24;

/**
 * Display names and team names: no account, so the name is all we have. Normalised
 * (NFKC, whitespace collapsed, control and format characters such as bidi overrides
 * removed) and length-limited; stored and served as plain text. Everywhere they are
 * shown they are set as text, never parsed as HTML.
 */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The key names group and compare by: case-folded, so "Ana" and "ANA" are one player. */
export function nameKey(name: string): string {
  return normaliseName(name).toLocaleLowerCase('en-US');
}

export const nameSchema = z
  .string()
  .max(200, 'too long')
  .transform(normaliseName)
  .pipe(z.string().min(1, 'must not be empty').max(NAME_MAX, `at most ${NAME_MAX} characters`));
