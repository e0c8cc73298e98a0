import { CATEGORIES, actionCost, type Action, type Category, type Post, type Scenario, type SimState } from '../../core/index';
import type { DialogSpec } from '../ui/choice-dialog';
import { CATEGORY_LABEL } from './labels';

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
