import type { Action } from '../sim/actions';
import { clockAt } from '../guideline/rules';
import { BREACH_KINDS, ROLE_LABELS, type BreachKind, type Category, type Scenario } from '../scenario/scenario.schema';
import type { Post, Reply, SimState } from '../sim/state';
import type { LessonExample, TraineeDeed } from './lesson.types';

/**
 * What every lesson builder reads: the scenario, the state as of its clock (a final
 * state or one taken mid-run, e.g. when a trainer ends a drill), and an index of the
 * trainee's actions by post, so a lesson can quote what was done about each post.
 */
export interface DebriefContext {
  scenario: Scenario;
  state: SimState;
  /** The moment the review describes: the end of the shift, or when it was stopped. */
  now: number;
  clock: (t: number) => string;
  post: (id: number) => Post | undefined;
  /** Accepted trainee actions on each post, in order. */
  actionsByPost: Map<number, { t: number; action: Action }[]>;
}

export function makeContext(scenario: Scenario, state: SimState): DebriefContext {
  const actionsByPost = new Map<number, { t: number; action: Action }[]>();
  for (const entry of state.log) {
    for (const id of postIdsOf(entry.action)) {
      const list = actionsByPost.get(id) ?? [];
      list.push(entry);
      actionsByPost.set(id, list);
    }
  }
  return {
    scenario,
    state,
    now: state.t,
    clock: (t) => clockAt(scenario, t),
    // Ids are dense and start at 1, as in the simulation.
    post: (id) => {
      const p = state.posts[id - 1];
      return p && p.id === id ? p : undefined;
    },
    actionsByPost,
  };
}

function postIdsOf(action: Action): number[] {
  if (action.type === 'thread.link') return [...action.postIds];
  return 'postId' in action ? [action.postId] : [];
}

/** Words for the true categories, as the debrief reveals them. */
export const CATEGORY_WORD: Record<Category, string> = {
  question: 'a question',
  unhappy: 'an unhappy customer',
  misguided: 'misguided (wrong facts)',
  rager: 'a rager',
  troll: 'a troll',
  positive: 'praise',
  legal: 'a legal matter',
  media: 'a media enquiry',
};

/** The rule in this scenario's guideline that forbids a practice, if it words one. */
export function forbiddenRule(ctx: DebriefContext, kind: BreachKind): { rule: string; text: string } | undefined {
  const f = ctx.scenario.guideline.forbidden.find((x) => x.kind === kind);
  return f && { rule: f.rule, text: f.text };
}

/** When the trainee escalated a post to a role, if they did. */
export function escalatedAt(ctx: DebriefContext, postId: number, role: string): number | undefined {
  const hit = ctx.actionsByPost.get(postId)?.find((e) => e.action.type === 'post.escalate' && e.action.role === role);
  return hit?.t;
}

/** The trainee's replies and actions on a post, quoted; or what was left undone. */
export function deedsOn(ctx: DebriefContext, post: Post): TraineeDeed[] {
  const deeds: TraineeDeed[] = [];
  const mine = post.replies.filter((r) => r.by === 'trainee');
  let replyIndex = 0;
  for (const { t, action } of ctx.actionsByPost.get(post.id) ?? []) {
    const at = ctx.clock(t);
    switch (action.type) {
      case 'post.reply':
        deeds.push(replyDeed(t, action.text, mine[replyIndex++]));
        break;
      case 'post.triage':
        deeds.push({ kind: 'action', t, text: `Triaged it as ${CATEGORY_WORD[action.category]}${action.urgent ? ', urgent' : ''} at ${at}.` });
        break;
      case 'post.dm':
        deeds.push({ kind: 'action', t, text: `Took it to a private message at ${at}.` });
        break;
      case 'post.hide':
        deeds.push({ kind: 'action', t, text: `Hid the post at ${at}.` });
        break;
      case 'post.delete':
        deeds.push({ kind: 'action', t, text: `Deleted the post at ${at}.` });
        break;
      case 'post.escalate':
        deeds.push({ kind: 'action', t, text: `Escalated it to ${ROLE_LABELS[action.role]} at ${at} with the note "${clip(action.note)}".` });
        break;
      case 'post.close':
        deeds.push({ kind: 'action', t, text: `Closed it at ${at}.` });
        break;
      case 'thread.link':
        deeds.push({ kind: 'action', t, text: `Linked it to the same story on another channel at ${at}.` });
        break;
    }
  }
  for (const r of post.replies) {
    if (r.by === 'team') deeds.push({ kind: 'action', t: r.t, text: `The rest of the team answered it at ${ctx.clock(r.t)}.` });
  }
  if (deeds.length === 0) deeds.push({ kind: 'nothing', text: 'No reply and no action on this post.' });
  return deeds;
}

export function example(ctx: DebriefContext, post: Post): LessonExample {
  return {
    postId: post.id,
    t: post.t,
    author: post.author.name,
    channel: ctx.scenario.channels.find((c) => c.id === post.channel)?.name ?? post.channel,
    postText: post.text,
    deeds: deedsOn(ctx, post),
  };
}

/** Posts that arrived by the review's clock. */
export function postsSoFar(ctx: DebriefContext): Post[] {
  return ctx.state.posts.filter((p) => p.t <= ctx.now);
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Sim seconds a channel gives for a first reply. */
export function targetSeconds(ctx: DebriefContext, channel: string): number {
  return (ctx.scenario.channels.find((c) => c.id === channel)?.serviceLevelMinutes ?? 60) * 60;
}

/** Notes are quoted, but a pasted post is cut so the lesson stays readable. */
const NOTE_QUOTE_CHARS = 90;
const clip = (s: string) => (s.length <= NOTE_QUOTE_CHARS ? s : `${s.slice(0, NOTE_QUOTE_CHARS - 1)}…`);

/** A reply quoted in the trainee's words, its breaches marked with the judge's reasons. */
function replyDeed(t: number, text: string, judged: Reply | undefined): TraineeDeed {
  const cited = (judged?.evidence ?? []).filter((e) => isCitation(e.label));
  return {
    kind: 'reply',
    t,
    blocks: [...(judged?.parts ?? [])],
    tone: judged?.tone ?? 'neutral',
    text,
    evidence: cited.map((e) => ({ start: e.from, end: e.to, note: e.reason })),
  };
}

const CITED = new Set<string>([...BREACH_KINDS, 'keywordStuffing']);
const isCitation = (label: string) => CITED.has(label);
