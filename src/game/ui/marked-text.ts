/** A character span of some text to mark, and why (the judge's reason). */
export interface MarkSpan {
  from: number;
  to: number;
  note: string;
}

/** A piece of quoted text, marked when a span covered it. */
export interface MarkedSegment {
  text: string;
  note?: string;
}

/**
 * Cuts text into plain and marked pieces, in order. Overlapping spans are clipped
 * to where the previous one ended and out-of-range ones to the text, so the pieces
 * always join back into the whole text: no word is lost or repeated.
 */
export function markSegments(text: string, spans: readonly MarkSpan[]): MarkedSegment[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: MarkedSegment[] = [];
  let at = 0;
  for (const s of sorted) {
    const from = Math.max(at, Math.min(s.from, text.length));
    const to = Math.max(from, Math.min(s.to, text.length));
    if (from > at) out.push({ text: text.slice(at, from) });
    if (to > from) out.push({ text: text.slice(from, to), note: s.note });
    at = Math.max(at, to);
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * The pieces as DOM: marked words in `<mark>` with their reason as a tooltip and,
 * for screen readers, in words after them (a highlight alone is not announced).
 */
export function markedNodes(segments: readonly MarkedSegment[], doc: Document = document): Node[] {
  return segments.map((seg) => {
    if (seg.note === undefined) return doc.createTextNode(seg.text);
    const mark = doc.createElement('mark');
    mark.title = seg.note;
    mark.textContent = seg.text;
    const why = doc.createElement('span');
    why.className = 'visually-hidden';
    why.textContent = ` (marked: ${seg.note})`;
    const frag = doc.createDocumentFragment();
    frag.append(mark, why);
    return frag;
  });
}
