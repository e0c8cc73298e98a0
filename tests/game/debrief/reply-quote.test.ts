import { describe, expect, it } from 'vitest';
import { replyWords } from '../../../src/game/debrief/reply-quote';
import { markSegments } from '../../../src/game/ui/marked-text';

describe('quoting a trainee’s reply in the debrief', () => {
  it('quotes a phrase-block reply with the words each block puts in it', () => {
    const words = replyWords({ kind: 'reply', t: 0, blocks: ['apologise', 'thank'], tone: 'empathetic' });
    expect(words).toEqual([{ text: "I'm sorry, that should not have happened. Thank you for telling us." }]);
  });

  it('marks the judge’s evidence spans in a reply written in the trainee’s own words', () => {
    const text = 'Sorry you feel that way. Please DM us your order number.';
    const words = replyWords({ kind: 'reply', t: 0, blocks: [], tone: 'neutral', text, evidence: [{ start: 0, end: 23, note: 'non-apology' }] });
    expect(words).toEqual([{ text: 'Sorry you feel that way', note: 'non-apology' }, { text: '. Please DM us your order number.' }]);
  });

  it('never loses text when spans overlap or run past the end', () => {
    const text = 'abcdefghij';
    const parts = markSegments(text, [{ from: 6, to: 40, note: 'b' }, { from: 2, to: 8, note: 'a' }]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts).toEqual([{ text: 'ab' }, { text: 'cdefgh', note: 'a' }, { text: 'ij', note: 'b' }]);
  });
});
