import { clockAt } from '../guideline/rules';
import {
  BREACH_GOODWILL,
  OBLIGATION_MISSED_GOODWILL,
  PROMOTION_TONE_DEAF_GOODWILL,
  NOTE_QUESTIONS_SECONDS,
  ROLE_MISSED_GOODWILL,
  ROOT_FIX_GOODWILL,
  signed,
  signedPercent,
} from '../tuning';
import { ROLE_LABELS, type Role } from '../scenario/scenario.schema';
import { capitalise } from '../util/prose';
import type { SimContext } from './context';
import type { NoteElement } from '../judge/note';
import type { EscalationNote, KeyMoment, ObligationStatus, Post, Written } from './state';

/**
 * The debrief's English: one builder per kind of key moment. Rules decide what
 * happened and pass the facts in; the words live here, apart from the rules.
 */
type Moment = Omit<KeyMoment, 't'>;

const clock = (ctx: SimContext, t: number) => clockAt(ctx.scenario, t);
const channelName = (ctx: SimContext, id: string) => ctx.scenario.channels.find((c) => c.id === id)?.name ?? id;
/** A long text shortened for a one-line moment. */
const excerpt = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function instigatorPosted(ctx: SimContext, post: Post): Moment {
  const inst = ctx.scenario.instigator;
  return {
    kind: 'instigator',
    title: `${inst.name} posts on ${channelName(ctx, inst.channel)}`,
    guideline: 'Answer every complaint, in channel, quickly and personally; take personal details to DM.',
    did: '',
    consequence: 'Friends and family start to pile in.',
  };
}

export function injectFired(title: string, description: string, by: 'scripted' | 'trainer', heated: boolean): Moment {
  return {
    kind: 'inject',
    title,
    guideline: description,
    did: by === 'trainer' ? 'Fired by the trainer.' : '',
    consequence: heated ? 'The crowd grows more heated.' : 'New posts arrive.',
  };
}

export function toneDeafPromotion(scheduled: string): Moment {
  return {
    kind: 'promotions',
    title: `Scheduled promotion went out: "${scheduled}"`,
    guideline: 'Pause scheduled promotions during an incident.',
    did: 'Promotions were still running.',
    consequence: `Goodwill ${signed(PROMOTION_TONE_DEAF_GOODWILL)}; the crowd calls the brand tone-deaf.`,
    good: false,
  };
}

export function roleMissed(ctx: SimContext, p: Post, role: Role, deadline: number): Moment {
  return {
    kind: 'post',
    title: `${p.author.name}'s post did not reach ${ROLE_LABELS[role]} in time`,
    guideline: `This post needed ${ROLE_LABELS[role]} by ${clock(ctx, deadline)}.`,
    did: 'It was not escalated.',
    consequence: `Goodwill ${signed(ROLE_MISSED_GOODWILL)}.`,
    good: false,
  };
}

export function levelReached(ctx: SimContext, level: number): Moment {
  const l = ctx.scenario.guideline.levels[level]!;
  return {
    kind: 'level',
    title: `The situation reaches ${l.name}`,
    guideline: l.description || `Declare ${l.name} and meet its obligations.`,
    did: ctx.state.declaredLevel >= level ? 'Already declared.' : '',
    consequence: '',
  };
}

export function obligationSettled(ctx: SimContext, o: { rule: string; text: string }, now: Exclude<ObligationStatus, 'waiting' | 'open'>): Moment {
  const good = now === 'met';
  return {
    kind: 'obligation',
    title: `Rule ${o.rule} ${now === 'met' ? 'met' : now === 'missed' ? 'missed' : 'met late'}`,
    guideline: o.text,
    did: now === 'missed' ? 'Not done by the deadline.' : `Done at ${clock(ctx, ctx.state.t)}.`,
    consequence: good ? 'Obligation met on time.' : now === 'missed' ? `Goodwill ${signed(OBLIGATION_MISSED_GOODWILL)}; the obligation counts as missed.` : 'Counts half.',
    good,
  };
}

export function rootCauseFixed(ctx: SimContext, escalatedAt: number): Moment {
  const rc = ctx.scenario.rootCause;
  return {
    kind: 'rootCause',
    title: 'The root cause is fixed',
    guideline: `Fix the pain point, not just the posts: ${rc.description}`,
    did: `Escalated to ${ROLE_LABELS[rc.owner]} at ${clock(ctx, escalatedAt)}.`,
    consequence: `Goodwill ${signed(ROOT_FIX_GOODWILL)}; the surge loses its fuel.`,
    good: true,
  };
}

export function rootCauseEscalated(ctx: SimContext, p: Post, role: Role, briefedAt: number): Moment {
  const minutes = ctx.scenario.rootCause.fixMinutes + Math.trunc((briefedAt - ctx.state.t) / 60);
  return {
    kind: 'rootCause',
    title: `Root cause escalated to ${ROLE_LABELS[role]}`,
    guideline: 'Fix the root pain point in the back office, not just the posts.',
    did: `Escalated ${p.author.name}'s post with a note.`,
    consequence: `A fix is due in ${minutes} minutes${briefedAt > ctx.state.t ? ', after their questions about the note' : ''}.`,
    good: true,
  };
}

/** What each missing element of a note leaves the role asking. */
const NOTE_QUESTION: Record<NoteElement, string> = {
  problem: 'what happened to whom',
  ask: 'what you need them to do',
  urgency: 'by when',
};

/** An escalation note the role could not act on: names what it left out and what the questions cost. */
export function noteQuestioned(ctx: SimContext, p: Post, note: EscalationNote, deadline: number | undefined, rootCause: boolean): Moment {
  const who = ROLE_LABELS[note.role];
  const asked = note.missing.map((e) => NOTE_QUESTION[e]);
  const when = `${capitalise(who)} can act only at ${clock(ctx, note.readyAt)}, after ${Math.trunc(NOTE_QUESTIONS_SECONDS / 60)} minutes of questions`;
  const then =
    deadline !== undefined
      ? note.readyAt > deadline
        ? `, past the ${clock(ctx, deadline)} deadline`
        : `; the deadline is ${clock(ctx, deadline)}`
      : rootCause
        ? '; the fix starts only then'
        : '; the guideline counts them as told only then';
  const cost = `${when}${then}.`;
  return {
    kind: 'note',
    title: `${capitalise(who)} came back with questions about ${p.author.name}'s post`,
    guideline: 'An escalation note says what happened (quote the post), what you need the role to do, and by when.',
    did: `Your note did not say ${joinOr(asked)}: "${excerpt(note.text)}"`,
    consequence: cost,
    good: false,
  };
}

const joinOr = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`);

export function postEscalated(ctx: SimContext, p: Post, role: Role, deadline: number, onTime: boolean, readyAt: number): Moment {
  const escalated = p.notes.find((n) => n.role === role)?.t ?? ctx.state.t;
  return {
    kind: 'post',
    title: `${p.author.name}'s post escalated to ${ROLE_LABELS[role]}`,
    guideline: `Needed ${ROLE_LABELS[role]} by ${clock(ctx, deadline)}.`,
    did: readyAt > escalated ? `Escalated at ${clock(ctx, escalated)}; ${ROLE_LABELS[role]} could act at ${clock(ctx, readyAt)}, after their questions.` : `Escalated at ${clock(ctx, escalated)}.`,
    consequence: onTime ? 'On time.' : 'Late.',
    good: onTime,
  };
}

export function instigatorAnswered(ctx: SimContext, p: Post, tone: string): Moment {
  return {
    kind: 'post',
    title: `Replied to ${p.author.name}`,
    guideline: 'A timely, personal reply to the instigator takes the air out of the pile-on.',
    did: `${/^[aeiou]/i.test(tone) ? 'An' : 'A'} ${tone} reply at ${clock(ctx, ctx.state.t)}.`,
    consequence: 'Friends and family mobilise less.',
    good: true,
  };
}

export function holdingStatement(statement: Written, effect: { heatFactor: number; goodwill: number }, mattered: boolean): Moment {
  const owned = statement.quality > 0;
  return {
    kind: 'statement',
    title: 'Holding statement published',
    guideline: 'A timely holding statement owns the problem, sticks to the facts and says what happens next.',
    did: `Published: "${excerpt(statement.text)}"`,
    consequence: mattered ? `Heat ${signedPercent(effect.heatFactor)}, goodwill ${signed(effect.goodwill)}.` : 'Nothing was happening yet; little effect.',
    good: mattered && owned,
  };
}

export function promotionsPaused(): Moment {
  return { kind: 'promotions', title: 'Scheduled promotions paused', guideline: 'Business continuity: pause promotions during an incident.', did: 'Paused.', consequence: 'No tone-deaf posts mid-crisis.', good: true };
}

export function staffCalled(count: number, minutes: number): Moment {
  return { kind: 'staff', title: `Called in ${count} extra staff`, guideline: 'Be ready for unexpected volume: call in staff.', did: `They arrive in ${minutes} minutes.`, consequence: 'More capacity for routine customers.', good: true };
}

export function levelDeclared(ctx: SimContext, level: number): Moment {
  const levels = ctx.scenario.guideline.levels;
  const trueLevel = ctx.state.trueLevel;
  const l = levels[level]!;
  const right = level === trueLevel;
  return {
    kind: 'declared',
    title: `Declared ${l.name}`,
    guideline: `The situation was at ${levels[trueLevel]!.name}.`,
    did: `Declared ${l.name}.`,
    consequence: right ? 'Declared level matches the situation.' : level > trueLevel ? 'Above the situation: resources pulled in early.' : 'Still below the situation.',
    good: right,
  };
}

export function breachCommitted(rule: { rule: string; text: string } | undefined, text: string, author: string | undefined, quote?: string): Moment {
  const where = author !== undefined ? `On ${author}'s post` : '';
  const words = quote !== undefined ? `"${quote}"` : '';
  return {
    kind: 'breach',
    title: rule ? `Guideline ${rule.rule}: ${rule.text}` : text,
    guideline: text,
    did: [where, words].filter((x) => x !== '').join(': ') + (where || words ? '.' : ''),
    consequence: `Goodwill ${signed(BREACH_GOODWILL)}; the crowd grows more heated.`,
    good: false,
  };
}
