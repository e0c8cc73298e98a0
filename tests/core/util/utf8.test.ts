import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../src/core/util/utf8';

/** Strings mixing every UTF-8 width, surrogate pairs and lone surrogates (fast-check's 'binary' unit is slow). */
const unit = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));
const text = fc
  .array(
    fc.oneof(
      unit(0, 0x7f),
      unit(0x80, 0x7ff),
      unit(0x800, 0xffff),
      unit(0xd800, 0xdfff),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

describe('utf8Encode', () => {
  it('gives the bytes TextEncoder gives, for any string including lone surrogates', () => {
    const encoder = new TextEncoder();
    fc.assert(
      // A plain comparison: toEqual on typed arrays costs more than the encoding itself.
      fc.property(text, (s) => {
        const ours = utf8Encode(s);
        const theirs = encoder.encode(s);
        return ours.length === theirs.length && ours.every((b, i) => b === theirs[i]);
      }),
      { numRuns: 1000 },
    );
  });

  it('encodes each width of code point', () => {
    expect([...utf8Encode('a€é😀\ud800')]).toEqual([0x61, 0xe2, 0x82, 0xac, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xef, 0xbf, 0xbd]);
  });
});
