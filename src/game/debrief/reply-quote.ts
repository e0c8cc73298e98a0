import type { TraineeDeed } from '../../core/index';
import { markSegments, type MarkedSegment } from '../ui/marked-text';
import { BLOCK_LABEL, TONE_LABEL } from '../desk/labels';

/**
 * The words of a trainee's reply, the ones the reply judge cited marked with its
 * reason (the same marks as the citation slip). A record from before replies carried
 * their text is quoted with the words each of its phrase blocks put in the reply.
 */
export function replyWords(deed: Extract<TraineeDeed, { kind: 'reply' }>): MarkedSegment[] {
  if (deed.text === undefined) return [{ text: deed.blocks.map((b) => BLOCK_LABEL[b].sample).join(' ') }];
  return markSegments(deed.text, (deed.evidence ?? []).map((e) => ({ from: e.start, to: e.end, note: e.note })));
}

export function toneWords(deed: Extract<TraineeDeed, { kind: 'reply' }>): string {
  return `${TONE_LABEL[deed.tone].label.toLowerCase()} tone`;
}
