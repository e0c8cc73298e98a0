import type { EvidenceSpan, TraineeDeed } from '../../core/index';
import { BLOCK_LABEL, TONE_LABEL } from '../desk/labels';

/** A piece of quoted reply text, marked when the reply judge cited it as evidence. */
export interface QuoteSegment {
  text: string;
  note?: string;
}

/**
 * The words of a trainee's reply. Replies written in the trainee's own words carry
 * their text (and, from the reply judge, evidence spans); replies built from phrase
 * blocks are quoted with the words each block puts in the reply.
 */
export function replyWords(deed: Extract<TraineeDeed, { kind: 'reply' }>): QuoteSegment[] {
  if (deed.text === undefined) return [{ text: deed.blocks.map((b) => BLOCK_LABEL[b].sample).join(' ') }];
  return splitByEvidence(deed.text, deed.evidence ?? []);
}

export function toneWords(deed: Extract<TraineeDeed, { kind: 'reply' }>): string {
  return `${TONE_LABEL[deed.tone].label.toLowerCase()} tone`;
}

/** Cuts text into plain and cited pieces; overlapping or out-of-range spans are clipped, never lost text. */
export function splitByEvidence(text: string, spans: EvidenceSpan[]): QuoteSegment[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: QuoteSegment[] = [];
  let at = 0;
  for (const s of sorted) {
    const start = Math.max(at, Math.min(s.start, text.length));
    const end = Math.max(start, Math.min(s.end, text.length));
    if (start > at) out.push({ text: text.slice(at, start) });
    if (end > start) out.push({ text: text.slice(start, end), note: s.note });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
