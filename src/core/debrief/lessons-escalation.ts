import { ROLE_LABELS, ROLES, type Flag, type Obligation, type Role } from '../scenario/scenario.schema';
import type { NoteElement } from '../judge/note';
import { NOTE_QUESTIONS_SECONDS } from '../tuning';
import type { EscalationNote, ObligationState, Post } from '../sim/state';
import { capitalise } from '../util/prose';
import { escalatedAt, example, plural, postsSoFar, type DebriefContext } from './debrief-context';
import { ESCALATION_LESSON, type Lesson, type LessonFigure } from './lesson.types';
import { modelReply, type ReplyIntent } from './model-reply';
import { obligationsOf } from '../guideline/escalation.machine';

/** Extra weight for a post that never reached its role over one that reached it late. */
const NEVER_WEIGHT = 2;
/** Weight of one missed guideline obligation in the worst-first order. */
const OBLIGATION_WEIGHT = 4;

/** A post that had to reach a named role, sorted by what became of it (as the score counts it). */
export interface RoleDue {
  onTime: Post[];
  late: Post[];
  never: Post[];
  /** Not escalated yet, but its deadline had not passed when the review was taken. */
  pending: Post[];
}

/** Posts that needed `role`, as the simulation's counters see them: due once escalated or once the deadline passed. */
export function postsNeeding(ctx: DebriefContext, role: Role): RoleDue {
  const due: RoleDue = { onTime: [], late: [], never: [], pending: [] };
  for (const p of postsSoFar(ctx)) {
    if (p.needs?.role !== role) continue;
    const at = readyAt(ctx, p, role);
    if (at !== undefined && at <= ctx.now) (at <= p.needs.deadline ? due.onTime : due.late).push(p);
    else if (at === undefined && p.needsMissed) due.never.push(p);
    else if (at !== undefined || (p.status !== 'deleted' && p.status !== 'closed')) due.pending.push(p);
  }
  return due;
}

/** When the role could act on a post the trainee escalated to it: at once, or after its questions about the note. */
function readyAt(ctx: DebriefContext, p: Post, role: Role): number | undefined {
  const at = escalatedAt(ctx, p.id, role);
  if (at === undefined) return undefined;
  return p.notes.find((n) => n.role === role && n.t === at)?.readyAt ?? at;
}

/** The trainee's notes to `role` (up to the review's clock) that sent it back with questions. */
function questionedNotes(ctx: DebriefContext, role: Role): { post: Post; note: EscalationNote }[] {
  const out: { post: Post; note: EscalationNote }[] = [];
  for (const post of postsSoFar(ctx)) {
    for (const note of post.notes) if (note.role === role && note.t <= ctx.now && note.readyAt > note.t) out.push({ post, note });
  }
  return out;
}

/** "2 notes came back with questions (not saying what was needed in 2, what happened in 1), each costing 15 minutes." */
function questionsSentence(questioned: readonly { note: EscalationNote }[], who: string): string {
  const count = (e: NoteElement) => questioned.filter((q) => q.note.missing.includes(e)).length;
  const gaps = (['ask', 'problem'] as const).filter((e) => count(e) > 0).map((e) => `${NOTE_GAP[e]} in ${count(e)}`);
  return `${capitalise(plural(questioned.length, 'note'))} sent ${who} back with questions (${gaps.join(', ')}), each costing ${Math.trunc(NOTE_QUESTIONS_SECONDS / 60)} minutes before ${who} could act.`;
}

const NOTE_GAP: Record<'ask' | 'problem', string> = { ask: 'no ask', problem: 'no account of what happened' };

/** The flag that tells a trainee a post is for this role. */
const ROLE_FLAG: Partial<Record<Flag, Role>> = { legalThreat: 'legal', media: 'comms', namedStaff: 'hr' };

const INTENT: Record<Role, ReplyIntent> = { legal: 'legal', comms: 'media', hr: 'namedStaff', teamLead: 'restore', backOffice: 'restore' };

const PRACTICE: Record<Role, string> = {
  legal: 'Any talk of courts, solicitors or claims goes to legal before its deadline, with a note; keep the customer answered in private meanwhile.',
  comms: 'A journalist or blogger goes to comms before the deadline; the desk thanks them and says comms will reply, and gives no statement of its own.',
  hr: 'A post that names a member of staff goes to HR in time; apologise, explain, invite a private message, and only then take the name down.',
  teamLead: 'Tell the team lead early, with a note that says what is happening and how big it is.',
  backOffice: 'Pass the underlying fault to its owner.',
};

/** One lesson per role (other than the back office) that had posts or guideline obligations to meet. */
export function escalationLessons(ctx: DebriefContext): Lesson[] {
  const lessons: Lesson[] = [];
  for (const role of ROLES) {
    if (role === 'backOffice') continue;
    const lesson = roleLesson(ctx, role);
    if (lesson) lessons.push(lesson);
  }
  return lessons;
}

function roleLesson(ctx: DebriefContext, role: Role): Lesson | undefined {
  const due = postsNeeding(ctx, role);
  const duties = obligationsFor(ctx, (o) => o.action === 'escalate' && o.role === role);
  const counted = due.onTime.length + due.late.length + due.never.length;
  // Posts not yet due teach nothing yet; they are mentioned only beside ones that were.
  if (counted === 0 && duties.length === 0 && questionedNotes(ctx, role).length === 0) return undefined;
  const who = ROLE_LABELS[role];
  const parts: string[] = [];
  if (counted > 0) {
    parts.push(`${plural(counted, 'post')} needed ${who} by a deadline; ${due.onTime.length} reached ${who} on time`);
    if (due.late.length > 0) parts.push(`${due.late.length} late`);
    if (due.never.length > 0) parts.push(`${due.never.length} never`);
    const missedDeadlines = [...due.late, ...due.never].map((p) => p.needs!.deadline).sort((a, b) => a - b);
    if (missedDeadlines.length > 0) parts.push(`the first missed deadline was ${ctx.clock(missedDeadlines[0]!)}`);
  }
  if (due.pending.length > 0) parts.push(`${due.pending.length} more not yet due at ${ctx.clock(ctx.now)}`);
  const duty = duties.map((d) => obligationSentence(ctx, d.def, d.state));
  const questioned = questionedNotes(ctx, role);
  const failures = due.late.length + NEVER_WEIGHT * due.never.length + OBLIGATION_WEIGHT * duties.filter((d) => d.state.status !== 'met' && d.state.status !== 'open').length;
  const worst = [...due.never, ...due.late, ...due.onTime, ...due.pending];
  // A guideline duty with no post of its own is taught from the post that called for the role.
  const flagged = worst.length === 0 ? postsSoFar(ctx).find((p) => p.flags.some((f) => ROLE_FLAG[f] === role)) : undefined;
  if (flagged) worst.push(flagged);
  else if (worst.length === 0 && ctx.state.instigatorId !== undefined) worst.push(ctx.post(ctx.state.instigatorId)!);
  const rule = duties[0]?.def ?? (role === 'legal' ? ctx.scenario.guideline.forbidden.find((f) => f.kind === 'ignoredLegalThreat') : undefined);
  return {
    id: ESCALATION_LESSON[role],
    verdict: failures > 0 ? 'missed' : questioned.length > 0 || duties.some((d) => d.state.status === 'open') ? 'mixed' : 'kept',
    title: `Escalate to ${who} in time`,
    summary: [parts.length > 0 ? `${capitalise(parts.join('; '))}.` : '', ...duty, questioned.length > 0 ? questionsSentence(questioned, who) : ''].filter(Boolean).join(' '),
    figures: [...roleFigures(due, duties.map((d) => d.state)), { key: 'questioned', label: 'notes sent back with questions', count: questioned.length }],
    ...(rule ? { rule: { rule: rule.rule, text: rule.text } } : {}),
    practice: PRACTICE[role],
    examples: worst.slice(0, 2).map((p) => example(ctx, p)),
    ...(worst[0] ? { modelReply: modelReply(ctx, worst[0], INTENT[role]) } : {}),
    tip:
      questioned.length > 0
        ? `Write each note to ${who} so they can act without asking: what happened (quote the post), what you need them to do, and by when.`
        : failures > 0
          ? `Escalate each post flagged for ${who} (E) as soon as it lands, before you reply to anything else.`
          : `Every ${who} escalation was on time; write notes that say who, what and how many, so ${who} can act without asking.`,
    weight: (failures + questioned.length) * 3,
  };
}

function roleFigures(due: RoleDue, duties: ObligationState[]): LessonFigure[] {
  const counted = due.onTime.length + due.late.length + due.never.length;
  return [
    { key: 'due', label: 'posts due', count: counted },
    { key: 'onTime', label: 'on time', count: due.onTime.length, of: counted },
    { key: 'late', label: 'late', count: due.late.length, of: counted },
    { key: 'never', label: 'never escalated', count: due.never.length, of: counted },
    { key: 'pending', label: 'not yet due at the end', count: due.pending.length },
    { key: 'obligationsMet', label: 'guideline obligations met on time', count: duties.filter((d) => d.status === 'met').length, of: duties.length },
  ];
}

export interface Duty {
  def: Obligation;
  state: ObligationState;
}

/** The guideline obligations matching `pick` that the situation opened by the review's clock. */
export function obligationsFor(ctx: DebriefContext, pick: (o: Obligation) => boolean): Duty[] {
  const duties: Duty[] = [];
  const states = obligationsOf(ctx.scenario, ctx.state.guideline);
  for (const def of ctx.scenario.guideline.obligations) {
    const state = states.find((o) => o.id === def.id);
    if (pick(def) && state && state.status !== 'waiting') duties.push({ def, state });
  }
  return duties;
}

/** "Rule 3.2 (Publish a holding statement within 15 minutes of Level 2): missed — due at 10:29." */
export function obligationSentence(ctx: DebriefContext, def: Obligation, o: ObligationState): string {
  const head = `Rule ${def.rule} (${def.text.replace(/\.$/, '')}):`;
  const due = o.deadline === undefined ? '' : ctx.clock(o.deadline);
  switch (o.status) {
    case 'met':
      return `${head} met at ${ctx.clock(o.doneAt ?? 0)}, due by ${due}.`;
    case 'metLate':
      return `${head} met late at ${ctx.clock(o.doneAt ?? 0)}; it was due by ${due}.`;
    case 'missed':
      return `${head} missed; it was due by ${due}.`;
    case 'open':
      return `${head} still open at ${ctx.clock(ctx.now)}; due by ${due}.`;
    case 'waiting':
      return `${head} never came due.`;
  }
}

export { OBLIGATION_WEIGHT };
