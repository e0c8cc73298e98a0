import type { Breach, KeyMoment, Post, SimState, Written } from '../../core/index';
import type { MarkSpan } from '../ui/marked-text';

/** The words a citation quotes, and the spans in them the judge cited. */
export interface CitedWords {
  text: string;
  spans: MarkSpan[];
}

/** Characters a slip quotes at most: the cited words with some context either side. */
export const SLIP_QUOTE_CHARS = 180;

/** The text on a post written at the breach's moment that carries the breach: a public reply or a DM. */
function writtenOn(p: Post | undefined, b: Breach): Written | undefined {
  if (!p) return undefined;
  const texts: Written[] = [...p.replies, ...p.dms];
  return texts.filter((w) => w.t === b.t && (w.breaches as readonly string[]).includes(b.kind)).at(-1);
}

/**
 * The trainee's own words behind a breach, with the judge's evidence for it: the reply
 * or DM on the breach's post at that moment, or the holding statement. Breaches that
 * no text committed (a deletion, a missed deadline) have none.
 */
export function breachWords(state: SimState, b: Breach): CitedWords | undefined {
  const written = b.postId !== undefined ? writtenOn(state.posts[b.postId - 1], b) : state.holdingStatement?.t === b.t ? state.holdingStatement : undefined;
  const spans = (written?.evidence ?? []).filter((e) => e.label === b.kind).map((e) => ({ from: e.from, to: e.to, note: e.reason }));
  if (written && spans.length > 0) return { text: written.text, spans };
  if (b.quote) return { text: b.quote, spans: [{ from: 0, to: b.quote.length, note: b.reason ?? b.text }] };
  return undefined;
}

/** What a "came back with questions" moment says the note left out, without the note it quotes (the slip shows the note itself, marked). */
export const noteGaps = (moment: KeyMoment): string => moment.did.replace(/: ".*$/su, '');

/** The escalation note behind a "came back with questions" moment, with what it did say marked. */
export function noteWords(state: SimState, moment: KeyMoment): CitedWords | undefined {
  for (const p of state.posts) {
    const note = p.notes.find((n) => n.t === moment.t && n.readyAt > n.t);
    if (note) return { text: note.text, spans: note.evidence.map((e) => ({ from: e.from, to: e.to, note: e.reason })) };
  }
  return undefined;
}

/**
 * Cuts long words down to `max` characters around the first cited span, with "…"
 * where text was left out, and moves the spans to match.
 */
export function excerptAround(words: CitedWords, max = SLIP_QUOTE_CHARS): CitedWords {
  const { text, spans } = words;
  if (text.length <= max) return words;
  const first = spans.reduce((a, s) => (s.from < a.from ? s : a), spans[0] ?? { from: 0, to: 0, note: '' });
  const lead = Math.max(0, Math.trunc((max - (first.to - first.from)) / 2));
  const start = Math.max(0, Math.min(first.from - lead, text.length - max));
  const end = Math.min(text.length, start + max);
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = head.length - start;
  return {
    text: `${head}${text.slice(start, end)}${tail}`,
    spans: spans
      .filter((s) => s.to > start && s.from < end)
      .map((s) => ({ from: Math.max(start, s.from) + shift, to: Math.min(end, s.to) + shift, note: s.note })),
  };
}
