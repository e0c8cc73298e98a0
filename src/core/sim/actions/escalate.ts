import { reject } from '../../errors';
import { ESCALATION_NOTE_MIN } from '../../tuning';
import { ROLE_LABELS } from '../../scenario/scenario.schema';
import { did } from '../assessment';
import { addMoment, mustPost } from '../context';
import { postEscalated, rootCauseEscalated } from '../moments';
import { markResponded } from '../team';
import { checkLivePost, type ActionOf, type ActionRule } from './action-rule';

/** Passing a post to a named role with a note; may meet the post's need and start the root-cause fix. */
export const escalate: ActionRule<ActionOf<'post.escalate'>> = {
  validate(ctx, a) {
    const bad = checkLivePost(ctx, a.postId);
    if (bad) return bad;
    if (a.note.trim().length < ESCALATION_NOTE_MIN) return reject('action/note_required');
    if (mustPost(ctx, a.postId).escalatedTo.includes(a.role)) return reject('action/already_done', `already with ${ROLE_LABELS[a.role]}`);
    return undefined;
  },
  perform(ctx, { postId, role }) {
    const s = ctx.state;
    const p = mustPost(ctx, postId);
    p.escalatedTo.push(role);
    if (p.needs && p.needs.role === role) {
      const onTime = s.t <= p.needs.deadline;
      if (onTime) s.counters.postNeedsMet++;
      else s.counters.postNeedsLate++;
      // A miss already counted becomes a late success.
      if (p.needsMissed) s.counters.postNeedsMissed--;
      addMoment(ctx, postEscalated(ctx, p, role, p.needs.deadline, onTime));
      // Escalated in time, a needed post is handled even before anyone replies in public.
      markResponded(ctx, p);
    }
    if (p.aboutRootCause && role === ctx.scenario.rootCause.owner && s.rootCause.escalatedAt === undefined) {
      s.rootCause.escalatedAt = s.t;
      did(ctx, { what: 'fixRootCause' });
      addMoment(ctx, rootCauseEscalated(ctx, p, role));
    }
    did(ctx, { what: 'escalate', role });
  },
};
