import type { BreachKind } from '../scenario/scenario.schema';
import type { Breach, Post } from '../sim/state';
import { capitalise } from '../util/prose';
import { example, forbiddenRule, plural, postsSoFar, type DebriefContext } from './debrief-context';
import type { Lesson, LessonId } from './lesson.types';
import { modelReply, type ReplyIntent } from './model-reply';

/** How the debrief words each breach, as something the trainee did. */
const BREACH_DEED: Record<BreachKind, string> = {
  personalDataInPublic: 'asked for personal details in public',
  deletedCriticism: 'deleted a legitimate complaint',
  hidLegitimatePost: 'hid a legitimate post',
  publicCompensation: 'offered compensation in public',
  pushedToPhone: 'sent a customer to the phone line',
  cannedRepeat: 'pasted a standard reply again',
  inconsistentAnswer: 'gave a different answer on the same issue',
  ignoredLegalThreat: 'let a legal threat pass its deadline',
  repliedMoreThanTwice: 'replied in public a third time to the same person',
  queueJumping: 'let a loud customer jump the queue',
  defensiveTone: 'answered defensively',
  namedStaff: 'named a member of staff in public',
  bannedPhrase: 'used a phrase the brand never uses',
  missingRequiredFact: 'left out a fact the statement had to carry',
  missingSignOff: "left off the brand's sign-off",
  contradictsFacts: 'said something the facts contradict',
  deflectsCause: 'deflected a cause that is ours',
  blamesPartner: 'blamed a partner in public',
  admitsLiability: 'admitted legal liability without legal',
};

interface ConductSpec {
  id: LessonId;
  kinds: BreachKind[];
  title: string;
  practice: string;
  tip: string;
  intent: ReplyIntent;
  /** How much one breach of this practice weighs in the worst-first order. */
  importance: number;
}

/** Practices that are broken by a single act; legal threats are taught with escalation. */
const CONDUCT: ConductSpec[] = [
  {
    id: 'keep-legitimate-criticism',
    kinds: ['deletedCriticism', 'hidLegitimatePost'],
    title: "Don't delete legitimate criticism",
    practice: 'Answer a complaint in public, however harsh. Only abuse and personal data may be hidden; removing criticism makes it spread.',
    tip: 'Answer complaints instead of removing them; hide only abuse and posts that show personal data.',
    intent: 'restore',
    importance: 5,
  },
  {
    id: 'no-reward-for-shouting',
    kinds: ['publicCompensation', 'queueJumping'],
    title: 'Nobody gets more for shouting',
    practice: 'Give the loud customer the same remedy as the quiet one, and settle it in private: a public refund teaches everyone watching that shouting pays.',
    tip: 'Never offer refunds or vouchers in public: apologise, say what you are doing, and take the remedy to a private message.',
    intent: 'restore',
    importance: 4,
  },
  {
    id: 'answer-in-channel',
    kinds: ['pushedToPhone'],
    title: 'Resolve it where they asked',
    practice: 'Resolve in the channel the customer chose, end to end; do not send them to the phone line.',
    tip: 'Drop "call us": resolve in the thread, or in a private message on the same channel.',
    intent: 'restore',
    importance: 3,
  },
  {
    id: 'same-answer-everywhere',
    kinds: ['inconsistentAnswer'],
    title: 'The same answer everywhere',
    practice: 'Pick the brand’s position on the issue once and give it on every channel and in every statement.',
    tip: 'Choose one position on the root issue and use it in every reply and in the holding statement.',
    intent: 'restore',
    importance: 4,
  },
  {
    id: 'rule-of-two',
    kinds: ['repliedMoreThanTwice'],
    title: 'Rule of two',
    practice: 'Reply to the same person in public no more than twice; then move to a private message.',
    tip: 'After two public replies to someone, take the conversation to a private message.',
    intent: 'ruleOfTwo',
    importance: 2,
  },
  {
    id: 'write-to-the-person',
    kinds: ['cannedRepeat'],
    title: 'Write to the person, not a template',
    practice: 'Write each reply to its post: name the problem, own the next step. Repeated standard replies read as a brand that is not listening.',
    tip: 'Replace the standard reply with two personal sentences: what went wrong for this person and what you are doing now.',
    intent: 'restore',
    importance: 2,
  },
  {
    id: 'empathetic-tone',
    kinds: ['defensiveTone'],
    title: 'Empathy, not defence',
    practice: 'Hear the customer out and own the problem; a defensive reply turns one unhappy customer into a crowd.',
    tip: 'Answer angry posts in an empathetic tone, never a defensive one.',
    intent: 'restore',
    importance: 3,
  },
];

/** Lessons for practices broken by single acts, one per practice the trainee broke. */
export function conductLessons(ctx: DebriefContext): Lesson[] {
  const lessons: Lesson[] = [];
  for (const spec of CONDUCT) {
    const breaches = ctx.state.breaches.filter((b) => b.t <= ctx.now && spec.kinds.includes(b.kind));
    if (breaches.length > 0) lessons.push(conductLesson(ctx, spec, breaches));
  }
  return lessons;
}

function conductLesson(ctx: DebriefContext, spec: ConductSpec, breaches: Breach[]): Lesson {
  const byKind = spec.kinds
    .map((kind) => ({ kind, n: breaches.filter((b) => b.kind === kind).length }))
    .filter((k) => k.n > 0);
  const counts = byKind.map((k) => `${BREACH_DEED[k.kind]} ${times(k.n)}`).join(' and ');
  const posts = distinctPosts(ctx, breaches);
  const first = posts[0];
  return {
    id: spec.id,
    verdict: 'missed',
    title: spec.title,
    summary: `You ${counts} — the first at ${ctx.clock(breaches[0]!.t)}.`,
    figures: byKind.map((k) => ({ key: k.kind, label: BREACH_DEED[k.kind], count: k.n })),
    ...ruleFor(ctx, spec.kinds),
    practice: spec.practice,
    examples: posts.slice(0, 2).map((p) => example(ctx, p)),
    ...(first ? { modelReply: modelReply(ctx, first, spec.intent) } : {}),
    tip: spec.tip,
    weight: spec.importance * breaches.length,
  };
}

function ruleFor(ctx: DebriefContext, kinds: BreachKind[]): { rule?: { rule: string; text: string } } {
  for (const k of kinds) {
    const r = forbiddenRule(ctx, k);
    if (r) return { rule: r };
  }
  return {};
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

function distinctPosts(ctx: DebriefContext, breaches: Breach[]): Post[] {
  const seen = new Set<number>();
  const posts: Post[] = [];
  for (const b of breaches) {
    if (b.postId === undefined || seen.has(b.postId)) continue;
    seen.add(b.postId);
    const p = ctx.post(b.postId);
    if (p) posts.push(p);
  }
  return posts;
}

/** Personal data: posts that showed it, whether they were hidden and taken to DM, and details asked for in public. */
export function personalDataLesson(ctx: DebriefContext): Lesson | undefined {
  const shown = postsSoFar(ctx).filter((p) => p.flags.includes('personalData'));
  const asked = ctx.state.breaches.filter((b) => b.t <= ctx.now && b.kind === 'personalDataInPublic');
  if (shown.length === 0 && asked.length === 0) return undefined;
  const handled = shown.filter((p) => p.status === 'hidden' && p.inDm);
  const hiddenOnly = shown.filter((p) => p.status === 'hidden' && !p.inDm);
  const leftPublic = shown.filter((p) => p.status !== 'hidden' && p.status !== 'deleted');
  const parts: string[] = [];
  if (shown.length > 0) {
    parts.push(`${plural(shown.length, 'post')} showed personal data; ${handled.length} hidden and taken to a private message`);
    if (hiddenOnly.length > 0) parts.push(`${hiddenOnly.length} hidden but never followed up in private`);
    if (leftPublic.length > 0) parts.push(`${leftPublic.length} still public at ${ctx.clock(ctx.now)}`);
  }
  if (asked.length > 0) parts.push(`you asked for personal details in public ${times(asked.length)}`);
  const misses = leftPublic.length + asked.length;
  const worst = [...distinctPosts(ctx, asked), ...leftPublic, ...hiddenOnly, ...handled];
  return {
    id: 'personal-data-to-dm',
    verdict: misses > 0 ? 'missed' : hiddenOnly.length > 0 ? 'mixed' : 'kept',
    title: 'Personal data goes to a private message',
    summary: `${capitalise(parts.join('; '))}.`,
    figures: [
      { key: 'shown', label: 'posts showing personal data', count: shown.length },
      { key: 'handled', label: 'hidden and taken to a private message', count: handled.length, of: shown.length },
      { key: 'hiddenOnly', label: 'hidden, no private message', count: hiddenOnly.length, of: shown.length },
      { key: 'leftPublic', label: 'still public', count: leftPublic.length, of: shown.length },
      { key: 'askedInPublic', label: 'details asked for in public', count: asked.length },
    ],
    ...ruleFor(ctx, ['personalDataInPublic']),
    practice: 'Hide a post that shows an order number, address or phone number, then take the customer to a private message. Never ask for details in public.',
    examples: worst.slice(0, 2).map((p) => example(ctx, p)),
    ...(worst[0] ? { modelReply: modelReply(ctx, worst[0], 'personalData') } : {}),
    tip:
      misses + hiddenOnly.length > 0
        ? 'When a post shows personal details: hide it (H), then take the customer to a private message (D) — in that order.'
        : 'You protected every customer’s details; do it within a minute of the post arriving, before anyone screenshots it.',
    weight: 5 * misses + 2 * hiddenOnly.length,
  };
}


/** Trolls and abuse: monitor or hide, never argue in public. */
export function trollLesson(ctx: DebriefContext): Lesson | undefined {
  const trolling = postsSoFar(ctx).filter((p) => p.category === 'troll' || p.flags.includes('abuse'));
  if (trolling.length === 0) return undefined;
  const fed = trolling.filter((p) => p.replies.some((r) => r.by === 'trainee' && r.t <= ctx.now));
  const hidden = trolling.filter((p) => p.status === 'hidden');
  const quote = fed[0] ?? hidden[0] ?? trolling[0]!;
  return {
    id: 'dont-feed-trolls',
    verdict: fed.length > 0 ? 'missed' : 'kept',
    title: "Don't feed the trolls",
    summary: `${capitalise(plural(trolling.length, 'post'))} came from trolls or were abusive; you replied in public to ${fed.length} and hid ${hidden.length}.`,
    figures: [
      { key: 'trolling', label: 'troll or abusive posts', count: trolling.length },
      { key: 'fed', label: 'answered in public', count: fed.length, of: trolling.length },
      { key: 'hidden', label: 'hidden', count: hidden.length, of: trolling.length },
    ],
    practice: 'A troll wants an audience: monitor it, hide it if it is abusive, and spend your replies on customers with a real problem.',
    examples: [example(ctx, quote)],
    tip:
      fed.length > 0
        ? 'Leave trolls unanswered; hide abuse (H) and move on to a customer who needs you.'
        : 'You left the trolls alone; hide abusive posts as soon as they land so they do not set the tone of the thread.',
    weight: 2 * fed.length,
  };
}
