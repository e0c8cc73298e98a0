import { describe, expect, it } from 'vitest';
import type { Breach, Post, SimState, Written } from '../../../src/core/index';
import { breachWords, excerptAround } from '../../../src/game/desk/citation-words';

const written = (t: number, text: string, breaches: Written['breaches'], evidence: Written['evidence']): Written => ({ t, text, quality: -2, tone: 'neutral', parts: [], breaches, evidence });

/** Only what the citation reads of the state: the posts' replies and DMs, and the holding statement. */
function stateWith(posts: Partial<Post>[], holdingStatement?: Written): SimState {
  return { posts: posts.map((p, i) => ({ id: i + 1, replies: [], dms: [], ...p })), ...(holdingStatement ? { holdingStatement } : {}) } as unknown as SimState;
}

const breach = (b: Partial<Breach>): Breach => ({ t: 60, kind: 'personalDataInPublic', rule: '3.2', text: 'Personal data requested in public', ...b });

describe('the words a citation quotes', () => {
  const bad = 'Hi Jean, please post your booking reference below. ^Jo';
  const evidence = [
    { label: 'acknowledge' as const, from: 0, to: 7, reason: 'greets by name' },
    { label: 'personalDataInPublic' as const, from: 9, to: 43, reason: 'asks for a booking reference in public' },
  ];

  it('quotes the reply that committed the breach, marking only the evidence for that breach', () => {
    const state = stateWith([{ replies: [{ ...written(60, bad, ['personalDataInPublic'], evidence), by: 'trainee' }] }]);
    expect(breachWords(state, breach({ postId: 1 }))).toEqual({ text: bad, spans: [{ from: 9, to: 43, note: 'asks for a booking reference in public' }] });
  });

  it('finds a breach committed in a DM, and one in the holding statement', () => {
    const dm = written(60, 'Sorry you feel that way.', ['defensiveTone'], [{ label: 'defensiveTone', from: 0, to: 23, reason: 'non-apology' }]);
    const state = stateWith([{ replies: [{ ...written(30, 'Earlier words', [], []), by: 'trainee' }], dms: [dm] }], written(90, 'It was outside our control.', ['deflectsCause'], [{ label: 'deflectsCause', from: 7, to: 26, reason: 'the cause is ours' }]));
    expect(breachWords(state, breach({ postId: 1, kind: 'defensiveTone' }))?.spans).toEqual([{ from: 0, to: 23, note: 'non-apology' }]);
    expect(breachWords(state, breach({ t: 90, kind: 'deflectsCause' }))).toEqual({ text: 'It was outside our control.', spans: [{ from: 7, to: 26, note: 'the cause is ours' }] });
  });

  it('has no words for a breach no text committed (a deletion)', () => {
    const state = stateWith([{ replies: [] }]);
    expect(breachWords(state, breach({ postId: 1, kind: 'deletedCriticism' }))).toBeUndefined();
  });

  it('cuts a long reply down around the first cited words, keeping the marks on the same words', () => {
    const long = `${'Thank you for your patience today. '.repeat(10)}Please post your booking reference below. ${'We will be in touch. '.repeat(10)}`;
    const from = long.indexOf('Please post');
    const to = from + 'Please post your booking reference'.length;
    const cut = excerptAround({ text: long, spans: [{ from, to, note: 'asks in public' }] }, 120);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(122);
    expect(cut.text.slice(cut.spans[0]!.from, cut.spans[0]!.to)).toBe('Please post your booking reference');
  });
});
