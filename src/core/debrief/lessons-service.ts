import { needsResponse } from '../guideline/rules';
import type { Post } from '../sim/state';
import { CATEGORY_WORD, example, plural, postsSoFar, targetSeconds, type DebriefContext } from './debrief-context';
import type { Lesson } from './lesson.types';
import { modelReply } from './model-reply';

/** Routine service level below this percentage is a missed fast lane. */
export const FAST_LANE_TARGET_PERCENT = 80;
/** Triage accuracy below this percentage is a lesson to learn. */
export const TRIAGE_TARGET_PERCENT = 80;

/** Routine customers waiting for an answer, split the way the service level counts them. */
export interface RoutineService {
  inTarget: Post[];
  late: Post[];
  /** Taken off the queue unanswered (hidden, deleted or closed). */
  dropped: Post[];
  /** Still unanswered and past their target at the review's clock. */
  overdue: Post[];
  /** Still unanswered but within target. */
  waiting: Post[];
}

export function routineService(ctx: DebriefContext): RoutineService {
  const r: RoutineService = { inTarget: [], late: [], dropped: [], overdue: [], waiting: [] };
  for (const p of postsSoFar(ctx)) {
    if (p.source !== 'routine' || !needsResponse(p)) continue;
    const target = targetSeconds(ctx, p.channel);
    if (p.firstResponseAt !== undefined && p.firstResponseAt <= ctx.now) (p.firstResponseAt - p.t <= target ? r.inTarget : r.late).push(p);
    else if (!stillQueued(p)) r.dropped.push(p);
    else (ctx.now - p.t > target ? r.overdue : r.waiting).push(p);
  }
  return r;
}

/** Hiding a post that shows personal data keeps the customer in the queue: they still need an answer in private. */
function stillQueued(p: Post): boolean {
  return p.status === 'open' || (p.status === 'hidden' && p.flags.includes('personalData'));
}

/** Percent of routine customers due an answer who got one within target (as the HUD's service level). */
export function routinePercent(r: RoutineService): number {
  const due = r.inTarget.length + r.late.length + r.dropped.length + r.overdue.length;
  return due === 0 ? 100 : Math.round((r.inTarget.length * 100) / due);
}

export function fastLaneLesson(ctx: DebriefContext): Lesson | undefined {
  const r = routineService(ctx);
  const due = r.inTarget.length + r.late.length + r.dropped.length + r.overdue.length;
  if (due === 0) return undefined;
  const percent = routinePercent(r);
  const targets = ctx.scenario.channels.map((c) => `${c.name} ${c.serviceLevelMinutes} min`).join(', ');
  const parts = [`Routine customers: ${r.inTarget.length} of ${due} answered within target (${targets}) — a service level of ${percent} %`];
  if (r.late.length > 0) parts.push(`${r.late.length} answered late`);
  if (r.overdue.length > 0) parts.push(`${r.overdue.length} still waiting past target at ${ctx.clock(ctx.now)}`);
  if (r.dropped.length > 0) parts.push(`${r.dropped.length} removed unanswered`);
  const worst = [...r.overdue, ...r.dropped, ...r.late, ...r.inTarget];
  const missed = due - r.inTarget.length;
  return {
    id: 'fast-lane',
    verdict: percent < FAST_LANE_TARGET_PERCENT ? 'missed' : missed > 0 ? 'mixed' : 'kept',
    title: 'Serve routine customers in the fast lane',
    summary: `${parts.join('; ')}.`,
    figures: [
      { key: 'inTarget', label: 'routine customers answered within target', count: r.inTarget.length, of: due },
      { key: 'late', label: 'answered late', count: r.late.length, of: due },
      { key: 'overdue', label: 'still waiting past target', count: r.overdue.length, of: due },
      { key: 'dropped', label: 'removed unanswered', count: r.dropped.length, of: due },
      { key: 'percent', label: 'routine service level, %', count: percent, of: 100 },
    ],
    practice: 'The surge must not starve everyone else: declare the level so the team answers routine customers first, and call in staff when the queue grows.',
    examples: worst.slice(0, 1).map((p) => example(ctx, p)),
    modelReply: modelReply(ctx, worst[0]!, 'question'),
    tip:
      percent < FAST_LANE_TARGET_PERCENT
        ? 'Declare the raised level early — it opens the fast lane for routine customers — and call in staff when the backlog passes a screenful.'
        : 'Routine customers were served; call staff in earlier to keep late answers at zero.',
    weight: missed * 0.3,
  };
}

/** Complaints, questions, legal and media posts from the surge that never got a first response within target. */
export function answerEveryComplaintLesson(ctx: DebriefContext): Lesson | undefined {
  const wanting = postsSoFar(ctx).filter((p) => p.source !== 'routine' && needsResponse(p));
  if (wanting.length === 0) return undefined;
  const answered = wanting.filter((p) => p.firstResponseAt !== undefined && p.firstResponseAt <= ctx.now);
  const overdue = wanting.filter((p) => p.status === 'open' && p.firstResponseAt === undefined && ctx.now - p.t > targetSeconds(ctx, p.channel));
  const inst = wanting.find((p) => p.source === 'instigator');
  const instAnswered = inst?.firstResponseAt;
  const parts = [`${plural(wanting.length, 'post')} from the crowd wanted an answer; ${answered.length} got one`];
  if (overdue.length > 0) parts.push(`${overdue.length} were still unanswered past their channel's target at ${ctx.clock(ctx.now)}`);
  if (inst) parts.push(instAnswered === undefined ? `${inst.author.name}'s post was never answered` : `${inst.author.name} had a first response at ${ctx.clock(instAnswered)}, ${Math.floor((instAnswered - inst.t) / 60)} min after posting`);
  const byReach = [...overdue].sort((a, b) => b.author.followers - a.author.followers || a.id - b.id);
  const quote = inst && instAnswered === undefined ? inst : (byReach[0] ?? inst);
  return {
    id: 'answer-every-complaint',
    verdict: overdue.length > 0 || (inst !== undefined && instAnswered === undefined) ? 'missed' : 'kept',
    title: 'Answer every complaint, the instigator first',
    summary: `${parts.join('; ')}.`,
    figures: [
      { key: 'wanting', label: 'crowd posts that wanted an answer', count: wanting.length },
      { key: 'answered', label: 'answered', count: answered.length, of: wanting.length },
      { key: 'overdue', label: 'unanswered past target', count: overdue.length, of: wanting.length },
    ],
    practice: 'Answer every complaint in its own channel, personally — the instigator first, then the largest audiences. Silence on a visible post feeds the crowd.',
    examples: quote ? [example(ctx, quote)] : [],
    ...(quote ? { modelReply: modelReply(ctx, quote, quote.category === 'misguided' ? 'correctFacts' : 'restore') } : {}),
    tip: 'Answer the instigator within minutes with a personal reply (acknowledge, apologise, next step, invite to DM), then work the largest audiences.',
    weight: overdue.length * 0.2 + (inst && instAnswered === undefined ? 6 : 0),
  };
}

/** Triage: how many posts the trainee categorised, and how many correctly. */
export function triageLesson(ctx: DebriefContext): Lesson | undefined {
  const posts = postsSoFar(ctx);
  if (posts.length === 0) return undefined;
  // The counters keep each post's first triage, which is the one the trainee acted on.
  const { triageTotal, triageCorrect } = ctx.state.counters;
  const wrong = posts.filter((p) => p.triage !== undefined && !p.triage.correct);
  const percent = triageTotal === 0 ? 0 : Math.round((triageCorrect * 100) / triageTotal);
  const weak = triageTotal === 0 || percent < TRIAGE_TARGET_PERCENT;
  const quote = wrong[0] ?? posts.find((p) => p.source === 'instigator') ?? posts[0]!;
  const deeds = triageTotal === 0 ? 'Never triaged.' : undefined;
  const ex = example(ctx, quote);
  return {
    id: 'triage',
    verdict: weak ? 'missed' : triageCorrect < triageTotal ? 'mixed' : 'kept',
    title: 'Triage: know what each post is',
    summary:
      triageTotal === 0
        ? `You triaged none of the ${posts.length} posts.`
        : `You triaged ${triageTotal} of ${posts.length} posts; ${triageCorrect} correctly (${percent} %).${wrong[0] ? ` The post by ${wrong[0].author.name} quoted below was ${CATEGORY_WORD[wrong[0].category]}.` : ''}`,
    figures: [
      { key: 'triaged', label: 'posts triaged', count: triageTotal, of: posts.length },
      { key: 'correct', label: 'triaged correctly', count: triageCorrect, of: triageTotal },
    ],
    practice: 'Categorise each post as it lands — question, unhappy, misguided, rager, troll, praise, legal, media — and mark the urgent ones: the category decides the answer.',
    examples: [deeds ? { ...ex, deeds: [{ kind: 'nothing', text: deeds }] } : ex],
    tip: weak
      ? 'Triage (T) each post in the first seconds: the category tells you whether to answer, correct, escalate or only monitor.'
      : 'Triage was accurate; mark legal and media posts urgent so nobody else picks them up.',
    weight: triageTotal === 0 ? 1 : (triageTotal - triageCorrect) * 0.3,
  };
}
