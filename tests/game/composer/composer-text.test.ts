import { describe, expect, it } from 'vitest';
import { counterText, limitNotice } from '../../../src/game/composer/char-limit';
import { DraftStore, draftKey } from '../../../src/game/composer/drafts';
import { insertAtCaret } from '../../../src/game/composer/insert-at-caret';

describe('inserting a phrase at the caret', () => {
  it('puts it where the caret is, with a space either side only where words would run together', () => {
    expect(insertAtCaret('Hi Jean,', 8, 8, 'I am sorry.')).toEqual({ value: 'Hi Jean, I am sorry.', caret: 20 });
    expect(insertAtCaret('Hi Jean, ^Jo', 9, 9, 'I am sorry.')).toEqual({ value: 'Hi Jean, I am sorry. ^Jo', caret: 20 });
    expect(insertAtCaret('', 0, 0, 'Thank you.')).toEqual({ value: 'Thank you.', caret: 10 });
  });

  it('replaces a selection, and clamps a caret past the end', () => {
    expect(insertAtCaret('Sorry about XXX today.', 12, 15, 'the delay')).toEqual({ value: 'Sorry about the delay today.', caret: 21 });
    expect(insertAtCaret('Hello', 40, 50, 'there')).toEqual({ value: 'Hello there', caret: 11 });
  });
});

describe('the character counter', () => {
  it('shows the length against the limit, and how far over', () => {
    expect(counterText(412, 1000)).toBe('412 / 1000');
    expect(counterText(1012, 1000)).toBe('1012 / 1000 — 12 over');
  });

  it('speaks once on the way up past 100 and 20 left, and when going over; never on every key', () => {
    expect(limitNotice(880, 899, 1000)).toBeUndefined();
    expect(limitNotice(899, 900, 1000)).toBe('100 characters left.');
    expect(limitNotice(900, 901, 1000)).toBeUndefined();
    expect(limitNotice(975, 985, 1000)).toBe('15 characters left.');
    expect(limitNotice(1000, 1003, 1000)).toBe('Over the limit by 3 characters: shorten the text to send it.');
    expect(limitNotice(1003, 1004, 1000)).toBeUndefined();
    // Deleting back under a threshold says nothing.
    expect(limitNotice(990, 950, 1000)).toBeUndefined();
    // A paste that jumps from nothing to near the limit says how much is left.
    expect(limitNotice(0, 990, 1000)).toBe('10 characters left.');
  });
});

describe('drafts', () => {
  it('keeps one draft per post and kind until it is sent or discarded', () => {
    const drafts = new DraftStore();
    drafts.keep(draftKey.reply(12), 'Hi Jean, I am so sorry');
    drafts.keep(draftKey.dm(12), 'Could you send me');
    drafts.keep(draftKey.statement(), 'We are sorry');
    expect(drafts.get(draftKey.reply(12))).toBe('Hi Jean, I am so sorry');
    expect(drafts.get(draftKey.reply(13))).toBeUndefined();
    expect(drafts.keys()).toEqual(['reply:12', 'dm:12', 'statement']);
    drafts.discard(draftKey.dm(12));
    expect(drafts.has(draftKey.dm(12))).toBe(false);
  });

  it('does not keep blank text as a draft', () => {
    const drafts = new DraftStore();
    drafts.keep('reply:1', 'something');
    drafts.keep('reply:1', '   \n ');
    expect(drafts.has('reply:1')).toBe(false);
  });
});
