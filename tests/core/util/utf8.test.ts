import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../src/core/util/utf8';

describe('utf8Encode', () => {
  it('gives the bytes TextEncoder gives, for any string including lone surrogates', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Encode(s)).toEqual(encoder.encode(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('encodes each width of code point', () => {
    expect([...utf8Encode('a€é😀\ud800')]).toEqual([0x61, 0xe2, 0x82, 0xac, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xef, 0xbf, 0xbd]);
  });
});
