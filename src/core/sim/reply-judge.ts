import type { Block, BreachKind, Category, Tone } from '../scenario/scenario.schema';
import { PUBLIC_REPLIES_PER_AUTHOR, STANDARD_REPLIES_PER_WINDOW } from '../tuning';
import type { Post } from './state';

/**
 * Judges a public reply against the practices in the brief: does it answer what
 * this kind of post needs (HEARD for unhappy customers, correct facts for the
 * misguided, thanks for praise), in an authentic tone, without the moves that
 * make things worse. Returns a quality from −2 to +2 and the breaches it commits.
 */

export interface ReplyVerdict {
  quality: number;
  breaches: BreachKind[];
  /** Short reasons, shown in the debrief. */
  notes: string[];
}

const WANTS: Record<Category, Block[][]> = {
  // Each inner list is one acceptable core; a reply earns +1 for covering any of them fully.
  unhappy: [['acknowledge', 'apologise', 'nextStep'], ['apologise', 'inviteDm']],
  question: [['explain'], ['nextStep']],
  misguided: [['correctFacts']],
  positive: [['thank']],
  legal: [['acknowledge', 'inviteDm']],
  media: [['acknowledge', 'nextStep']],
  rager: [['acknowledge', 'inviteDm']],
  troll: [],
};

export interface ReplyContext {
  /** The brand's position on the issue so far, if it has taken one. */
  position?: string;
  /** Standard replies the trainee sent in the last hour. */
  recentStandardReplies: number;
  /** Public replies the trainee already sent to this author. */
  repliesToAuthor: number;
}

export function judgeReply(post: Post, blocks: Block[], tone: Tone, position: string | undefined, ctx: ReplyContext): ReplyVerdict {
  const has = (b: Block) => blocks.includes(b);
  const breaches: BreachKind[] = [];
  const notes: string[] = [];
  let quality = 0;

  const wants = WANTS[post.category];
  if (wants.some((core) => core.every(has))) {
    quality += 1;
    notes.push('covered what the post needed');
  } else if (wants.length > 0) {
    notes.push('missed what the post needed');
    quality -= 1;
  }
  if (tone === 'empathetic' && post.sentiment < 0) quality += 1;
  if (tone === 'defensive') {
    quality -= 2;
    breaches.push('defensiveTone');
  }
  if (post.category === 'troll') {
    notes.push('replied to a troll: monitor only');
    quality -= 1;
  }
  if (has('standardReply')) {
    quality -= 1;
    notes.push('a standard reply reads as canned');
    if (ctx.recentStandardReplies >= STANDARD_REPLIES_PER_WINDOW) breaches.push('cannedRepeat');
  }
  if (has('askDetailsPublicly')) {
    quality -= 2;
    breaches.push('personalDataInPublic');
  }
  if (has('offerCompensation')) {
    // It pleases this author, and teaches everyone watching that shouting pays.
    quality += 1;
    breaches.push('publicCompensation');
  }
  if (has('callUs')) {
    quality -= 1;
    breaches.push('pushedToPhone');
  }
  if (post.aboutRootCause && position !== undefined && ctx.position !== undefined && position !== ctx.position) {
    quality -= 1;
    breaches.push('inconsistentAnswer');
  }
  if (ctx.repliesToAuthor >= PUBLIC_REPLIES_PER_AUTHOR) breaches.push('repliedMoreThanTwice');
  return { quality: Math.max(-2, Math.min(2, quality)), breaches, notes };
}
