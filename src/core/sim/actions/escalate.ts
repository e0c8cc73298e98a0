import { reject } from '../../errors';
import { judgeNote } from '../../judge/note';
import { ESCALATION_NOTE_MIN, NOTE_QUESTIONS_SECONDS } from '../../tuning';
import { ROLE_LABELS, type Role } from '../../scenario/scenario.schema';
import { didWhenReady } from '../assessment';
import { addMoment, mustPost, type SimContext } from '../context';
import { noteQuestioned, rootCauseEscalated } from '../moments';
import { settleNeed } from '../needs';
import { markResponded } from '../team';
import type { EscalationNote, Post } from '../state';
import { checkLivePost, type ActionOf, type ActionRule } from './action-rule';

/** Without these a role cannot act on a note and comes back with questions; urgency only helps them prioritise. */
const NEEDED_TO_ACT = ['problem', 'ask'] as const;

/** The note as the role reads it: a clear one lets them act at once, an unclear one only once their questions are answered. */
function readNote(ctx: SimContext, p: Post, role: Role, text: string): EscalationNote {
  const s = ctx.state;
  const v = judgeNote(text, { post: { text: p.text, category: p.category, sentiment: p.sentiment, author: p.author.name }, role });
  const unclear = v.missing.some((e) => (NEEDED_TO_ACT as readonly string[]).includes(e));
  const note: EscalationNote = { t: s.t, role, text, found: v.found, missing: v.missing, evidence: v.evidence, readyAt: unclear ? s.t + NOTE_QUESTIONS_SECONDS : s.t };
  p.notes.push(note);
  return note;
}

/** Passing a post to a named role with a note; may meet the post's need and start the root-cause fix, once the role can act on it. */
export const escalate: ActionRule<ActionOf<'post.escalate'>> = {
  validate(ctx, a) {
    const bad = checkLivePost(ctx, a.postId);
    if (bad) return bad;
    if (a.note.trim().length < ESCALATION_NOTE_MIN) return reject('action/note_required');
    if (mustPost(ctx, a.postId).escalatedTo.includes(a.role)) return reject('action/already_done', `already with ${ROLE_LABELS[a.role]}`);
    return undefined;
  },
  perform(ctx, { postId, role, note: text }) {
    const s = ctx.state;
    const p = mustPost(ctx, postId);
    p.escalatedTo.push(role);
    const note = readNote(ctx, p, role, text);
    const needed = p.needs?.role === role;
    const rootCause = p.aboutRootCause && role === ctx.scenario.rootCause.owner && s.rootCause.escalatedAt === undefined;
    if (note.readyAt > s.t) addMoment(ctx, noteQuestioned(ctx, p, note, needed ? p.needs!.deadline : undefined, rootCause));
    if (needed) {
      // Escalated, a needed post is handled even before anyone replies in public.
      markResponded(ctx, p);
      // Questions still open: the need settles when they are answered (checkPostDeadlines); a miss already counted settles now, late.
      if (note.readyAt > s.t && !p.needsMissed) p.needsBriefedAt = note.readyAt;
      else settleNeed(ctx, p, note.readyAt);
    }
    if (rootCause) {
      s.rootCause.escalatedAt = s.t;
      s.rootCause.briefedAt = note.readyAt;
      didWhenReady(ctx, { what: 'fixRootCause' }, note.readyAt);
      addMoment(ctx, rootCauseEscalated(ctx, p, role, note.readyAt));
    }
    didWhenReady(ctx, { what: 'escalate', role }, note.readyAt);
  },
};
