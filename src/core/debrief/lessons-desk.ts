import { ROLE_LABELS, type Obligation } from '../scenario/scenario.schema';
import type { Post } from '../sim/state';
import { example, plural, postsSoFar, type DebriefContext } from './debrief-context';
import { obligationSentence, obligationsFor, OBLIGATION_WEIGHT, type Duty } from './lessons-escalation';
import type { Lesson, LessonExample, LessonId } from './lesson.types';
import { modelReply } from './model-reply';
import { quickStatementText } from '../sim/quick-insert';

/** Minutes below the situation's level that still count as declaring it in time. */
export const DECLARE_GRACE_MINUTES = 5;
/** Weight of one minute spent below the situation's level. */
const LAG_WEIGHT_PER_MINUTE = 0.2;

/** Fix the cause: when the root cause reached its owner, against the guideline's deadline. */
export function rootCauseLesson(ctx: DebriefContext): Lesson | undefined {
  const { scenario, state } = ctx;
  const about = postsSoFar(ctx).filter((p) => p.aboutRootCause);
  const duties = obligationsFor(ctx, (o) => o.action === 'fixRootCause');
  if (about.length === 0 && duties.length === 0) return undefined;
  const owner = ROLE_LABELS[scenario.rootCause.owner];
  const rc = state.rootCause;
  const escalated = rc.escalatedAt !== undefined && rc.escalatedAt <= ctx.now ? rc.escalatedAt : undefined;
  const fixed = rc.fixedAt !== undefined && rc.fixedAt <= ctx.now ? rc.fixedAt : undefined;
  const afterFix = fixed === undefined ? 0 : about.filter((p) => p.t > fixed).length;
  const parts = [`${plural(about.length, 'post')} complained about the underlying fault.`];
  if (escalated === undefined) parts.push(`It was never passed to ${owner}, so the complaints kept their cause.`);
  else {
    parts.push(`You passed it to ${owner} at ${ctx.clock(escalated)}`);
    if (rc.briefedAt !== undefined && rc.briefedAt > escalated) parts[parts.length - 1] += `; your note left them with questions, so the fix started only at ${ctx.clock(rc.briefedAt)}`;
    parts[parts.length - 1] += fixed === undefined ? '; the fix was not in by the end.' : `; it was fixed at ${ctx.clock(fixed)}, and ${afterFix} more arrived after the fix.`;
  }
  parts.push(...duties.map((d) => obligationSentence(ctx, d.def, d.state)));
  const dutyMisses = duties.filter((d) => d.state.status === 'missed' || d.state.status === 'metLate').length;
  const never = escalated === undefined && about.length > 0;
  const first = about.find((p) => p.source === 'instigator') ?? about[0];
  return {
    id: 'fix-the-cause',
    verdict: never || duties.some((d) => d.state.status === 'missed') ? 'missed' : dutyMisses > 0 ? 'mixed' : 'kept',
    title: 'Fix the cause, not just the posts',
    summary: parts.join(' '),
    figures: [
      { key: 'aboutRootCause', label: 'posts about the fault', count: about.length },
      { key: 'afterFix', label: 'posts about it after the fix', count: afterFix, of: about.length },
      { key: 'obligationsMet', label: 'guideline obligations met on time', count: duties.filter((d) => d.state.status === 'met').length, of: duties.length },
    ],
    ...ruleOf(duties),
    practice: `Escalate one clear post about the fault to ${owner} with a note saying what is broken: ${scenario.rootCause.description}`,
    examples: first ? [example(ctx, first)] : [],
    ...(first ? { modelReply: modelReply(ctx, first, 'restore') } : {}),
    tip: never
      ? `Escalate the first post about the fault to ${owner} (E) — the fix takes ${scenario.rootCause.fixMinutes} minutes to land, so start it early.`
      : `Pass the fault to ${owner} with the first complaint about it; every minute earlier is a minute less of the surge.`,
    weight: never ? 12 : OBLIGATION_WEIGHT * dutyMisses,
  };
}

/** Declare the level the situation meets: each rise of the true level against the trainee's declaration. */
export function levelLesson(ctx: DebriefContext): Lesson | undefined {
  const { scenario, state } = ctx;
  const rises = levelRises(ctx);
  if (rises.length === 0) return undefined;
  const lagMin = Math.floor(state.escalationLagSeconds / 60);
  const overMin = Math.floor(state.overEscalationSeconds / 60);
  const sentences = rises.map(({ level, t, declaredAt }) => {
    const name = scenario.guideline.levels[level]!.name;
    if (declaredAt === undefined) return `The situation reached ${name} at ${ctx.clock(t)}; you never declared it.`;
    const behind = Math.max(0, Math.floor((declaredAt - t) / 60));
    return `The situation reached ${name} at ${ctx.clock(t)}; you declared it at ${ctx.clock(declaredAt)}${behind > 0 ? ` (${behind} min behind)` : ''}.`;
  });
  sentences.push(`In all, ${lagMin} min below the situation and ${overMin} min above it.`);
  const top = rises[rises.length - 1]!;
  const straw = lastPostBy(ctx, top.t);
  const levelDef = scenario.guideline.levels[top.level]!;
  return {
    id: 'declare-the-level',
    verdict: lagMin > DECLARE_GRACE_MINUTES ? 'missed' : lagMin > 0 || overMin > 0 ? 'mixed' : 'kept',
    title: 'Declare the level the situation meets',
    summary: sentences.join(' '),
    figures: [
      { key: 'minutesBelow', label: 'minutes below the situation', count: lagMin },
      { key: 'minutesAbove', label: 'minutes above the situation', count: overMin },
      { key: 'risesDeclared', label: 'rises declared', count: rises.filter((r) => r.declaredAt !== undefined).length, of: rises.length },
    ],
    rule: { rule: levelDef.name, text: levelDef.description || `Declare ${levelDef.name}.` },
    practice: 'Read the guideline’s entry criteria as posts arrive and declare the level as soon as one holds: the declaration opens the fast lane and starts the right obligations.',
    examples: straw ? [{ ...example(ctx, straw), deeds: [{ kind: 'action', t: top.t, text: top.declaredAt === undefined ? `${levelDef.name} was never declared.` : `${levelDef.name} declared at ${ctx.clock(top.declaredAt)}.` }] }] : [],
    tip:
      lagMin > 0
        ? 'Keep the guideline open (G) and declare the new level (L) the minute an entry criterion holds — a media post or a legal threat counts at once.'
        : 'You kept the declared level in step with the situation; say why in a note to the team lead when you raise it.',
    weight: lagMin * LAG_WEIGHT_PER_MINUTE,
  };
}

interface Rise {
  level: number;
  t: number;
  declaredAt?: number;
}

/** When the true level first reached each level above the first (from the per-minute history), and when the trainee declared it. */
function levelRises(ctx: DebriefContext): Rise[] {
  const rises: Rise[] = [];
  let reached = 0;
  for (const h of ctx.state.history) {
    if (h.t > ctx.now) break;
    for (let level = reached + 1; level <= h.trueLevel; level++) rises.push({ level, t: h.t });
    reached = Math.max(reached, h.trueLevel);
  }
  const levelIds = ctx.scenario.guideline.levels.map((l) => l.id);
  for (const r of rises) {
    const hit = ctx.state.log.find((e) => e.action.type === 'level.declare' && levelIds.indexOf(e.action.level) >= r.level);
    if (hit) r.declaredAt = hit.t;
  }
  return rises;
}

/** The last post that had arrived by `t`: the one the situation was reading when it rose. */
function lastPostBy(ctx: DebriefContext, t: number): Post | undefined {
  const posts = ctx.state.posts;
  for (let i = posts.length - 1; i >= 0; i--) if (posts[i]!.t <= t) return posts[i];
  return undefined;
}

interface DeskSpec {
  id: LessonId;
  action: Obligation['action'];
  title: string;
  practice: string;
  tip: string;
}

const DESK: DeskSpec[] = [
  {
    id: 'holding-statement',
    action: 'holdingStatement',
    title: 'Publish a holding statement in time',
    practice: 'A short statement that the brand has heard, is acting and will update tells the crowd it need not shout louder.',
    tip: 'Publish the holding statement (S) as soon as the guideline asks for it, with the same position you use in replies.',
  },
  {
    id: 'pause-promotions',
    action: 'pausePromotions',
    title: 'Pause scheduled promotions',
    practice: 'A cheerful scheduled post in the middle of an incident reads as a brand that is not listening: pause promotions when the guideline says.',
    tip: 'Pause scheduled promotions (O) the moment the incident level is declared.',
  },
  {
    id: 'call-in-staff',
    action: 'callInStaff',
    title: 'Call in staff early',
    practice: 'Extra hands take time to arrive; call them when the surge starts, not when the queue is already long.',
    tip: 'Call in extra staff (C) as soon as the guideline asks; they need time to arrive.',
  },
  {
    id: 'link-threads',
    action: 'linkThreads',
    title: 'Link the same story across channels',
    practice: 'Link threads about the same issue on different channels so every answer stays consistent.',
    tip: 'Link the instigator’s thread to the same story on the other channel (K).',
  },
];

/** One lesson for each desk-wide guideline obligation that came due. */
export function deskLessons(ctx: DebriefContext): Lesson[] {
  const lessons: Lesson[] = [];
  for (const spec of DESK) {
    const duties = obligationsFor(ctx, (o) => o.action === spec.action);
    if (duties.length > 0) lessons.push(deskLesson(ctx, spec, duties));
  }
  return lessons;
}

function deskLesson(ctx: DebriefContext, spec: DeskSpec, duties: Duty[]): Lesson {
  const failed = duties.filter((d) => d.state.status === 'missed' || d.state.status === 'metLate').length;
  const missed = duties.some((d) => d.state.status === 'missed');
  const inst = ctx.state.instigatorId === undefined ? undefined : ctx.post(ctx.state.instigatorId);
  const summary = duties.map((d) => obligationSentence(ctx, d.def, d.state));
  const late = staffAfterEnd(ctx, spec.action);
  if (late) summary.push(late);
  return {
    id: spec.id,
    verdict: missed ? 'missed' : failed > 0 || duties.some((d) => d.state.status === 'open') ? 'mixed' : 'kept',
    title: spec.title,
    summary: summary.join(' '),
    figures: [{ key: 'obligationsMet', label: 'guideline obligations met on time', count: duties.filter((d) => d.state.status === 'met').length, of: duties.length }],
    ...ruleOf(duties),
    practice: spec.practice,
    examples: deskExamples(ctx, spec.action, inst),
    ...(spec.action === 'holdingStatement' ? { modelReply: quickStatementText(ctx.scenario) } : {}),
    tip: failed > 0 ? spec.tip : `${spec.title}: done on time; do it in the first minute the guideline asks for it.`,
    weight: OBLIGATION_WEIGHT * failed,
  };
}

/** Staff called so late that they would arrive after the review's clock did not help. */
function staffAfterEnd(ctx: DebriefContext, action: Obligation['action']): string | undefined {
  if (action !== 'callInStaff') return undefined;
  const late = ctx.state.team.pending.filter((p) => p.at > ctx.now);
  if (late.length === 0) return undefined;
  const n = late.reduce((sum, p) => sum + p.count, 0);
  return `${plural(n, 'extra agent')} you called would only have arrived at ${ctx.clock(late[0]!.at)}, after ${ctx.clock(ctx.now)}.`;
}

function deskExamples(ctx: DebriefContext, action: Obligation['action'], inst: Post | undefined): LessonExample[] {
  const promo = ctx.scenario.promotions;
  if (action === 'pausePromotions' && promo) {
    const paused = ctx.state.promotionsPausedAt;
    return [
      {
        t: 0,
        author: ctx.scenario.brand.name,
        channel: ctx.scenario.channels[0]!.name,
        postText: promo.scheduled,
        deeds: [
          paused === undefined
            ? { kind: 'nothing', text: `Promotions kept going out every ${promo.everyMinutes} minutes.` }
            : { kind: 'action', t: paused, text: `Paused at ${ctx.clock(paused)}.` },
        ],
      },
    ];
  }
  return inst ? [example(ctx, inst)] : [];
}

function ruleOf(duties: Duty[]): { rule?: { rule: string; text: string } } {
  const d = duties[0]?.def;
  return d ? { rule: { rule: d.rule, text: d.text } } : {};
}
