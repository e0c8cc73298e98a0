import type { Scenario, Template } from './scenario.schema';
import { UNDETECTED_BREACH_KINDS } from './vocabulary.schema';
import { CROWD_POSTING_SHARE, crowdLeft, crowdSize } from '../sim/crowd';

/**
 * Lints: things a valid scenario may say that are probably not what its author meant.
 * They are warnings, not errors: the file loads and plays. Each one names the field,
 * what was found and why it is suspicious, and carries a code an author can look up.
 */

export const LINT_CODES = ['undetected-practice', 'surge-capped', 'every-channel', 'deadline-after-shift', 'unreachable-level'] as const;
export type LintCode = (typeof LINT_CODES)[number];

export interface Lint {
  code: LintCode;
  path: (string | number)[];
  message: string;
}

/** What each lint means, for the format reference. */
export const LINT_DESCRIPTIONS: Record<LintCode, string> = {
  'undetected-practice': 'The guideline forbids a practice the simulation never detects, so the rule can never be cited.',
  'surge-capped': 'Left unanswered, the surge would likely reach `surge.maxPerMinute` within the shift, so the ceiling and not the crowd would set its size.',
  'every-channel': 'A routine or surge template without `channels` fires on every channel, while other templates of its kind name their channels, which suggests it was meant for some only.',
  'deadline-after-shift': 'A deadline or delay that cannot fall within the shift, so it can never be missed or never takes effect.',
  'unreachable-level': 'A guideline level none of whose entry criteria can hold with this file\'s posts, flags and rates.',
};

/** A few surge and inject authors reach ten times their template's maximum (the post generator's rare big accounts). */
const RARE_REACH_FACTOR = 10;
/** Arrivals are Poisson draws around the expected rate; a threshold above twice the most that can be expected is out of reach. */
const DRAW_MARGIN = 2;

export function lintScenario(s: Scenario): Lint[] {
  return [...undetectedPractices(s), ...cappedSurge(s), ...everyChannel(s), ...lateDeadlines(s), ...unreachableLevels(s)];
}

function undetectedPractices(s: Scenario): Lint[] {
  return s.guideline.forbidden.flatMap((f, i) =>
    UNDETECTED_BREACH_KINDS.includes(f.kind)
      ? [{ code: 'undetected-practice' as const, path: ['guideline', 'forbidden', i, 'kind'], message: `"${f.kind}" is forbidden, but no action on the desk can commit it, so rule ${f.rule} will never be cited` }]
      : [],
  );
}

/**
 * Follows the expected surge of an idle desk minute by minute: the instigator, their
 * network and scripted injects excite the crowd, each post excites it by the branching
 * ratio over the memory, and only the part of the crowd not yet drawn in posts (crowd.ts).
 * Heat is held at its starting value (idle silence only raises it), and the ceiling counts
 * as reached only when the whole surge is above the ceiling of every channel together, so
 * a warning is a conservative one.
 */
export function idleSurgeCeilingMinute(s: Scenario): number | undefined {
  const mobilisation = s.instigator.mobilisationPercent / 100;
  const branching = (s.surge.branchingPercent / 100) * (1 + mobilisation);
  const memory = s.surge.memoryMinutes;
  const ceiling = s.surge.maxPerMinute * s.channels.length;
  let excitation = 0;
  let posted = 0;
  for (let minute = s.instigator.atMinute; minute < s.duration.simMinutes; minute++) {
    const scripted = s.injects.filter((inj) => inj.atMinute === minute).reduce((n, inj) => n + inj.posts.reduce((m, p) => m + p.count, 0), 0);
    const started = minute === s.instigator.atMinute ? 1 : 0;
    const rate = (excitation + mobilisation) * crowdLeft(s, posted);
    if (rate > ceiling) return minute;
    posted += rate + scripted + started;
    excitation += (branching * (rate + scripted + started) - excitation) / memory;
  }
  return undefined;
}

function cappedSurge(s: Scenario): Lint[] {
  const minute = idleSurgeCeilingMinute(s);
  if (minute === undefined) return [];
  const ratio = ((s.surge.branchingPercent / 100) * (1 + s.instigator.mobilisationPercent / 100)).toFixed(2);
  return [
    {
      code: 'surge-capped',
      path: ['surge', 'maxPerMinute'],
      message: `an unanswered surge likely reaches this ceiling (${s.surge.maxPerMinute} a minute on each channel) by minute ${minute} of ${s.duration.simMinutes}, so the ceiling and not the crowd sets its size: each post brings about ${ratio} more (branchingPercent × (1 + mobilisationPercent/100)) from a crowd of about ${Math.round(crowdSize(s))} (instigator.followers × mobilisationPercent/100 × ${CROWD_POSTING_SHARE}); raise the ceiling, or lower the branching or the crowd`,
    },
  ];
}

function everyChannel(s: Scenario): Lint[] {
  if (s.channels.length < 2) return [];
  const lints: Lint[] = [];
  s.templates.forEach((t, i) => {
    if (t.channels || t.kind === 'inject') return;
    // Authors who name channels on some templates usually meant to on all of them.
    const sibling = s.templates.find((o) => o.kind === t.kind && o.channels);
    if (!sibling) return;
    lints.push({
      code: 'every-channel',
      path: ['templates', i, 'id'],
      message: `template "${t.id}" has no channels, so it fires on every channel (${s.channels.map((c) => c.id).join(', ')}), while other ${t.kind} templates name theirs (e.g. "${sibling.id}"); add channels: [...] to limit it`,
    });
  });
  return lints;
}

function lateDeadlines(s: Scenario): Lint[] {
  const end = s.duration.simMinutes;
  const lints: Lint[] = [];
  const late = (path: (string | number)[], message: string) => lints.push({ code: 'deadline-after-shift', path, message });
  s.guideline.obligations.forEach((o, i) => {
    if (o.withinMinutes >= end) late(['guideline', 'obligations', i, 'withinMinutes'], `found ${o.withinMinutes} minutes, but the shift lasts ${end}: rule ${o.rule} can never be missed`);
  });
  s.templates.forEach((t, i) => {
    if (!t.needs) return;
    const earliest = earliestArrival(s, t);
    if (earliest !== undefined && earliest + t.needs.withinMinutes >= end) {
      late(['templates', i, 'needs', 'withinMinutes'], `found ${t.needs.withinMinutes} minutes; posts from "${t.id}" arrive at minute ${earliest} at the earliest, so the deadline falls after the shift ends (minute ${end}) and can never be missed`);
    }
  });
  const { rootCause, team, instigator } = s;
  if (instigator.atMinute + rootCause.fixMinutes >= end) {
    late(['rootCause', 'fixMinutes'], `found ${rootCause.fixMinutes} minutes; even escalated the moment the instigator posts (minute ${instigator.atMinute}), the fix would land after the shift ends (minute ${end})`);
  }
  if (team.callInMinutes >= end) late(['team', 'callInMinutes'], `found ${team.callInMinutes} minutes, but the shift lasts ${end}: called-in staff never arrive`);
  return lints;
}

/** The first minute a post from this template can arrive: scripted templates only when their script says. */
function earliestArrival(s: Scenario, t: Template): number | undefined {
  if (t.kind !== 'inject') return 0;
  const minutes: number[] = [];
  if (s.instigator.template === t.id) minutes.push(s.instigator.atMinute);
  for (const inj of s.injects) {
    if (!inj.posts.some((p) => p.template === t.id)) continue;
    // A trainer may fire an unscripted inject at any minute.
    minutes.push(inj.atMinute ?? 0);
  }
  return minutes.length === 0 ? undefined : Math.min(...minutes);
}

function unreachableLevels(s: Scenario): Lint[] {
  const arriving = s.templates.filter((t) => t.kind !== 'inject' || earliestArrival(s, t) !== undefined);
  const negative = arriving.filter((t) => t.sentiment < 0);
  const flags = new Set(arriving.flatMap((t) => t.flags));
  const maxFollowers = Math.max(
    negative.some((t) => t.id === s.instigator.template) ? s.instigator.followers : 0,
    ...negative.map((t) => t.followers[1] * RARE_REACH_FACTOR),
  );
  const perHour = DRAW_MARGIN * (60 * (s.surge.maxPerMinute * s.channels.length + s.instigator.mobilisationPercent / 100) + s.baseline.postsPerDay / 24) +
    s.injects.reduce((n, inj) => n + inj.posts.reduce((m, p) => m + p.count, 0), 1);
  const lints: Lint[] = [];
  s.guideline.levels.forEach((level, i) => {
    if (i === 0) return;
    const reachable = level.entry.some(
      (c) =>
        c.injectFired !== undefined ||
        (c.anyFlag?.some((f) => flags.has(f)) ?? false) ||
        (c.authorFollowers !== undefined && c.authorFollowers <= maxFollowers) ||
        (c.negativePostsLastHour !== undefined && negative.length > 0 && c.negativePostsLastHour <= perHour),
    );
    if (!reachable) {
      lints.push({
        code: 'unreachable-level',
        path: ['guideline', 'levels', i, 'entry'],
        message: `no entry criterion of level "${level.id}" can hold: at most about ${Math.floor(perHour)} negative posts an hour can arrive${negative.length === 0 ? ' (no template is negative)' : ''}, negative authors reach at most ${maxFollowers} followers, and the flags that occur are ${[...flags].join(', ') || 'none'}`,
      });
    }
  });
  return lints;
}
