import { BLOCKS, CATEGORIES, ROLES, REPLY_MAX_CHARS, actionCost, quickInsertText, quickStatementText, type Action, type Block, type Category, type Post, type Role, type Scenario, type SimState } from '../../core/index';
import type { DialogSpec, DialogValues } from '../ui/choice-dialog';
import { BLOCK_LABEL, CATEGORY_LABEL, formatFollowers, ROLE_LABEL } from './labels';

/** Sends an action to the core; returns its rejection message, or undefined when it was applied. */
export type Send = (action: Action) => string | undefined;

const cost = (a: Action) => {
  const seconds = actionCost(a);
  return `takes you ${seconds < 60 ? `${seconds} sim seconds` : `${Math.round(seconds / 6) / 10} sim minutes`}`;
};

export function triageDialog(post: Post, send: Send): DialogSpec {
  return {
    title: `Triage post #${post.id}`,
    subtitle: `What kind of post is this, and is it urgent? (${cost({ type: 'post.triage', postId: post.id, category: 'question', urgent: false })})`,
    sections: [
      {
        kind: 'single',
        id: 'category',
        title: 'Category',
        value: post.triage?.category ?? 'question',
        options: CATEGORIES.map((c) => ({ id: c, label: CATEGORY_LABEL[c].label, detail: CATEGORY_LABEL[c].detail })),
      },
      { kind: 'multi', id: 'urgent', title: 'Urgency', value: post.triage?.urgent ? ['urgent'] : [], max: 1, options: [{ id: 'urgent', label: 'Urgent', detail: 'keep it for yourself: the team will not pick it up' }], width: 320 },
    ],
    confirmLabel: 'Triage',
    onConfirm: (v) => send({ type: 'post.triage', postId: post.id, category: v.category as Category, urgent: (v.urgent as string[]).length > 0 }),
  };
}

/** The reply as it will be sent: the typed words, or else the chosen quick inserts in order. */
function replyText(scenario: Scenario, post: Post, v: DialogValues): string {
  const typed = (v.text as string).trim();
  return typed || (v.blocks as Block[]).map((b) => quickInsertText(scenario, b, post)).join(' ');
}

export function replyDialog(post: Post, scenario: Scenario, send: Send): DialogSpec {
  return {
    title: `Reply in public to ${post.author.handle} (#${post.id})`,
    subtitle: `“${post.text.length > 120 ? `${post.text.slice(0, 119)}…` : post.text}” · ${formatFollowers(post.author.followers)} followers · type your reply, or pick quick inserts`,
    sections: [
      {
        kind: 'multi',
        id: 'blocks',
        title: 'Quick inserts (used when nothing is typed)',
        value: [],
        max: 8,
        options: BLOCKS.map((b) => ({ id: b, label: BLOCK_LABEL[b].label })),
        width: 300,
      },
      { kind: 'text', id: 'text', title: 'Your reply', value: '', maxLength: REPLY_MAX_CHARS },
    ],
    preview: (v) => {
      const text = replyText(scenario, post, v);
      return text ? `Preview: “${text}”` : 'Type a reply or pick at least one quick insert.';
    },
    confirmLabel: 'Post reply',
    onConfirm: (v) => send({ type: 'post.reply', postId: post.id, text: replyText(scenario, post, v) }),
  };
}

export function escalateDialog(post: Post, send: Send): DialogSpec {
  const snippet = post.text.length > 70 ? `${post.text.slice(0, 69)}…` : post.text;
  return {
    title: `Escalate post #${post.id}`,
    subtitle: 'Who must know, and what should they know? Type to edit the note (at least 10 characters).',
    sections: [
      {
        kind: 'single',
        id: 'role',
        title: 'To',
        value: ROLES.find((r) => !post.escalatedTo.includes(r)) ?? 'teamLead',
        options: ROLES.map((r) => ({ id: r, label: `${ROLE_LABEL[r]}${post.escalatedTo.includes(r) ? ' (already told)' : ''}` })),
        width: 260,
      },
      { kind: 'text', id: 'note', title: 'Note', value: `${post.author.handle} (${formatFollowers(post.author.followers)} followers): "${snippet}"`, maxLength: 280 },
    ],
    confirmLabel: 'Escalate',
    onConfirm: (v) => send({ type: 'post.escalate', postId: post.id, role: v.role as Role, note: v.note as string }),
  };
}

export function holdingStatementDialog(scenario: Scenario, send: Send): DialogSpec {
  return {
    title: 'Publish a holding statement',
    subtitle: 'One public statement on every channel: own the problem, keep to the facts, say what happens next. Edit the draft.',
    sections: [{ kind: 'text', id: 'text', title: 'Statement', value: quickStatementText(scenario), maxLength: REPLY_MAX_CHARS }],
    confirmLabel: 'Publish',
    onConfirm: (v) => send({ type: 'desk.holdingStatement', text: v.text as string }),
  };
}

export function callInStaffDialog(scenario: Scenario, state: SimState, send: Send): DialogSpec {
  const called = state.team.extra + state.team.pending.reduce((n, p) => n + p.count, 0);
  const left = Math.max(1, scenario.team.maxExtraStaff - called);
  return {
    title: 'Call in extra staff',
    subtitle: `They arrive ${scenario.team.callInMinutes} min after the call and each answers about ${scenario.team.postsPerAgentHour} routine posts an hour. ${called} called in so far, ${scenario.team.maxExtraStaff} at most.`,
    sections: [
      {
        kind: 'single',
        id: 'count',
        title: 'How many',
        value: '1',
        options: Array.from({ length: Math.min(9, left) }, (_, i) => ({ id: String(i + 1), label: `${i + 1} agent${i ? 's' : ''}` })),
      },
    ],
    confirmLabel: 'Call in',
    onConfirm: (v) => send({ type: 'desk.callInStaff', count: Number(v.count) }),
  };
}

export function declareLevelDialog(scenario: Scenario, state: SimState, describe: (levelIndex: number) => string, send: Send): DialogSpec {
  const levels = scenario.guideline.levels;
  return {
    title: 'Declare an escalation level',
    subtitle: `Declared now: ${levels[state.declaredLevel]!.name}. Declare what the situation meets: below it the desk lags, above it resources are pulled in early.`,
    sections: [
      {
        kind: 'single',
        id: 'level',
        title: 'Level',
        value: levels[Math.min(levels.length - 1, state.declaredLevel + 1)]!.id,
        options: levels.map((l, i) => ({ id: l.id, label: `${l.name}${i === state.declaredLevel ? ' (declared)' : ''}`, detail: describe(i) })),
      },
    ],
    confirmLabel: 'Declare',
    onConfirm: (v) => send({ type: 'level.declare', level: v.level as string }),
  };
}
