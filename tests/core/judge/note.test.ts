import { describe, expect, it } from 'vitest';
import { judgeNote, judgeReply, type PostContext } from '../../../src/core/judge/index';

/** The escalation-note judge: does a note give the role the problem, the ask and the urgency? */

const post: PostContext = { text: 'My 79 year old mum was left alone on Skipton platform at midnight. I am calling my solicitor.', category: 'legal', sentiment: -2 };
const quoted = (text: string, label: string) => judgeNote(text, { post, role: 'legal' }).evidence.filter((e) => e.label === label).map((e) => text.slice(e.from, e.to));

describe('judgeNote', () => {
  it('finds the problem, the ask and the urgency in a clear note, quoting the words for each', () => {
    const note = "Kerry Whitfield says her mum was left alone on Skipton platform and she's calling a solicitor. Please advise what we can say publicly by 10:40.";
    const v = judgeNote(note, { post, role: 'legal' });
    expect(v.found).toEqual(['problem', 'ask', 'urgency']);
    expect(v.missing).toEqual([]);
    expect(quoted(note, 'noteProblem')).toEqual(expect.arrayContaining(['mum', 'Skipton', 'platform', 'solicitor']));
    expect(quoted(note, 'noteAsk')).toEqual(['Please advise']);
    expect(quoted(note, 'noteUrgency')).toEqual(['by 10:40']);
  });

  it.each([
    ['a note that only forwards the post', 'Skipton platform, mum left alone at midnight, solicitor mentioned.', ['ask', 'urgency']],
    ['a note that only asks', 'Can you have a look at this one asap?', ['problem']],
    ['a note with neither', 'FYI', ['problem', 'ask', 'urgency']],
  ])('says what %s is missing', (_what, note, missing) => {
    expect(judgeNote(note, { post, role: 'legal' }).missing).toEqual(missing);
  });

  it('reads a paraphrase of the post as the problem, and a reported complaint when there is no post to compare with', () => {
    expect(judgeNote('Elderly passenger stranded at midnight on the platform — family threatening a solicitor. Could you advise today?', { post }).missing).toEqual([]);
    expect(judgeNote('A customer says we lost her suitcase and is threatening legal action. Please advise urgently.').missing).toEqual([]);
  });

  it('reads a question to the role as an ask', () => {
    expect(judgeNote('Mum left alone on Skipton platform at midnight, solicitor mentioned. Should we offer a call from a manager before 11:00?', { post }).found).toContain('ask');
  });

  it('lets a note carry personal data: it is private, so the reply judge cites nothing', () => {
    const note = 'Booking DW123456, mobile 07700 900123: mum left on Skipton platform. Please advise today.';
    expect(judgeReply(note, { kind: 'escalationNote', post }).breaches).toEqual([]);
  });
});
