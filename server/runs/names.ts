import { createHash, randomBytes } from 'node:crypto';
import unhomoglyph from 'unhomoglyph';
import { normaliseName } from '../../src/api/index';

/** The key standings group by: case-folded, so "Ana" and "ANA" are one entry on a board. */
export function nameKey(name: string): string {
  return normaliseName(name).toLocaleLowerCase('en-US');
}

/**
 * The key ownership is decided by: two names with one identity key look alike, so
 * only one person may hold it. NFKC (in normaliseName), then a full case fold
 * (upper then lower turns "ß" into "ss" as Unicode's folding does), then the TR39
 * confusable skeleton (NFD, map each character to its prototype, NFD again), so
 * "Ann", "ANN" and "Аnn" (Cyrillic А) share one key. The key is never shown.
 *
 * unhomoglyph (MIT, no dependencies, 100 KB of data generated from Unicode's
 * confusables.txt) was weighed against unicode-confusables and confusables, which
 * only detect or strip mixed scripts and do not give the TR39 prototype mapping.
 */
export function identityKey(name: string): string {
  const folded = normaliseName(name).toUpperCase().toLowerCase();
  return unhomoglyph(folded.normalize('NFD')).normalize('NFD');
}

/** Bytes in a claim key or team code: 128 bits, unguessable however many tries an address gets. */
const SECRET_BYTES = 16;
/** Crockford's base32: no I, L, O or U, so a key read aloud or copied by hand is not misread. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 4;

/** A new claim key or team code: 128 random bits as grouped base32 (e.g. "7K3M-Q9…"). */
export function newSecret(): string {
  const bytes = randomBytes(SECRET_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** What a player typed back: case, spaces and dashes do not matter; O/I/L read as 0/1/1. */
export function canonicalSecret(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * Stored form of a secret. A plain SHA-256 suffices (a slow password hash would
 * not): the secret is 128 random bits, so there is no dictionary to try against a
 * leaked table, and each check stays cheap under load.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(canonicalSecret(secret)).digest('hex');
}
