import { describe, expect, it } from 'vitest';
import { markSegments } from '../../../src/game/ui/marked-text';

describe('marking cited words', () => {
  it('cuts text into plain and marked pieces in order', () => {
    const text = 'Hi, please post your booking reference below.';
    expect(markSegments(text, [{ from: 4, to: 38, note: 'asks for personal data in public' }])).toEqual([
      { text: 'Hi, ' },
      { text: 'please post your booking reference', note: 'asks for personal data in public' },
      { text: ' below.' },
    ]);
  });

  it('never loses or repeats text when spans overlap, nest or run past the end', () => {
    const text = 'abcdefghij';
    const parts = markSegments(text, [{ from: 6, to: 40, note: 'b' }, { from: 2, to: 8, note: 'a' }, { from: 3, to: 4, note: 'inside a' }]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts).toEqual([{ text: 'ab' }, { text: 'cdefgh', note: 'a' }, { text: 'ij', note: 'b' }]);
  });
});
