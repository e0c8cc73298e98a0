import { clamp, roundInt } from '../util/fixed-math';
import { obligationsOf } from '../guideline/escalation.machine';
import { ROLE_LABELS, type Scenario, type ScoreWeights } from '../scenario/scenario.schema';
import type { KeyMoment, SimState } from '../sim/state';
import {
  CONDUCT_PER_BREACH,
  CONTAINMENT_HALF,
  GOODWILL_START,
  GRADE_FLOORS,
  LAG_POINTS_PER_MINUTE,
  NARRATE_LAG_MINUTES,
  OVER_POINTS_PER_MINUTE,
  ROOT_ESCALATED_LATENESS,
  ROOT_ESCALATED_MAX,
  ROOT_FIXED_LATENESS,
  WINDOW_SECONDS,
} from '../tuning';

/**
 * Scores a shift on its outcome, with every component shown: its weight, its
 * 0–100 score and the reason. All inputs are integers or engine-exact sums, and
 * every component is rounded to an integer before weighting, so the total is the
 * same wherever it is computed.
 */

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface ScoreComponent {
  id: keyof ScoreWeights;
  label: string;
  weight: number;
  score: number;
  why: string;
}

export interface Outcome {
  score: number;
  grade: Grade;
  breakdown: ScoreComponent[];
  narrative: string;
  moments: KeyMoment[];
}

export function gradeFor(score: number): Grade {
  const g = GRADE_FLOORS;
  return score >= g.A ? 'A' : score >= g.B ? 'B' : score >= g.C ? 'C' : score >= g.D ? 'D' : 'F';
}

const pct = (x: number) => roundInt(clamp(x, 0, 100));

/** One component before weighting: its raw score (0–100 after clamping) and the reason. */
type Part = { label: string; score: number; why: string };
type PartRule = (scenario: Scenario, s: SimState) => Part;

const goodwillPart: PartRule = (_, s) => ({
  label: 'Goodwill Index',
  score: s.goodwill,
  why: `Goodwill ended at ${roundInt(s.goodwill)} of 100 (it started at ${GOODWILL_START}).`,
});

const serviceLevelPart: PartRule = (_, s) => ({
  label: 'Service level',
  score: s.history[s.history.length - 1]?.serviceLevel ?? 100,
  why: `${s.counters.routineInTarget} of ${Math.max(s.counters.routineDue, 0)} routine customers answered within target; overdue ones count as missed.`,
});

const obligationsPart: PartRule = (scenario, s) => {
  const c = s.counters;
  const opened = obligationsOf(scenario, s.guideline).filter((o) => o.status !== 'waiting');
  const total = opened.length + c.postNeedsMet + c.postNeedsLate + c.postNeedsMissed;
  const met = opened.filter((o) => o.status === 'met').length + c.postNeedsMet;
  const late = opened.filter((o) => o.status === 'metLate').length + c.postNeedsLate;
  // An obligation still open at the end of the shift is not yet missed, but it is not met either.
  return {
    label: 'Obligations met',
    score: total === 0 ? 100 : ((met + late / 2) * 100) / total,
    why: total === 0 ? 'No obligation fell due.' : `${met} of ${total} guideline and post obligations met on time, ${late} late.`,
  };
};

const conductPart: PartRule = (_, s) => {
  const breaches = s.breaches.length;
  return {
    label: 'Conduct',
    score: 100 - CONDUCT_PER_BREACH * breaches,
    why: breaches === 0 ? 'No breach of the guideline.' : `${breaches} breach${breaches === 1 ? '' : 'es'} at ${CONDUCT_PER_BREACH} points each.`,
  };
};

const escalationPart: PartRule = (_, s) => {
  const lagMin = Math.floor(s.escalationLagSeconds / 60);
  const overMin = Math.floor(s.overEscalationSeconds / 60);
  return {
    label: 'Escalation',
    score: 100 - lagMin * LAG_POINTS_PER_MINUTE - overMin * OVER_POINTS_PER_MINUTE,
    why: `${lagMin} min with the declared level below the situation (${LAG_POINTS_PER_MINUTE} points each), ${overMin} min above it (${OVER_POINTS_PER_MINUTE} each).`,
  };
};

const rootCausePart: PartRule = (scenario, s) => {
  const rc = s.rootCause;
  const shift = s.endT;
  if (rc.fixedAt !== undefined) {
    return { label: 'Root cause', score: 100 - (rc.fixedAt / shift) * ROOT_FIXED_LATENESS, why: `Fixed ${Math.floor(rc.fixedAt / 60)} min into the shift; earlier is better.` };
  }
  if (rc.escalatedAt !== undefined) {
    return {
      label: 'Root cause',
      score: ROOT_ESCALATED_MAX - (rc.escalatedAt / shift) * ROOT_ESCALATED_LATENESS,
      why: 'Escalated to its owner, but the fix was not in before the shift ended.',
    };
  }
  return { label: 'Root cause', score: 0, why: `Never escalated to ${ROLE_LABELS[scenario.rootCause.owner]}: the pain point is still there.` };
};

const containmentPart: PartRule = (scenario, s) => {
  const c = s.counters;
  const lastHourNegative = negativeLastHour(s);
  const peak = Math.max(1, c.peakNegativePerHour);
  const ceiling = scenario.surge.maxPerMinute * 60 * scenario.channels.length;
  const decayed = CONTAINMENT_HALF * (1 - lastHourNegative / peak);
  const contained = CONTAINMENT_HALF * (1 - c.peakNegativePerHour / ceiling);
  return {
    label: 'Containment',
    score: decayed + contained,
    why: `Negative posts peaked at ${c.peakNegativePerHour} an hour and ran at ${lastHourNegative} in the last hour.`,
  };
};

/** The components in the order the breakdown shows them. */
const PARTS: [keyof ScoreWeights, PartRule][] = [
  ['goodwill', goodwillPart],
  ['serviceLevel', serviceLevelPart],
  ['obligations', obligationsPart],
  ['conduct', conductPart],
  ['escalation', escalationPart],
  ['rootCause', rootCausePart],
  ['containment', containmentPart],
];

export function computeOutcome(scenario: Scenario, s: SimState): Outcome {
  const w = scenario.scoring.weights;
  const components: ScoreComponent[] = PARTS.map(([id, rule]) => {
    const { label, score, why } = rule(scenario, s);
    return { id, label, weight: w[id], score: pct(score), why };
  });
  const weightSum = components.reduce((n, x) => n + x.weight, 0);
  const score = roundInt(components.reduce((n, x) => n + x.weight * x.score, 0) / weightSum);
  const grade = gradeFor(score);
  return { score, grade, breakdown: components, narrative: narrate(scenario, s, score), moments: [...s.moments] };
}

function negativeLastHour(s: SimState): number {
  let n = 0;
  for (let i = s.posts.length - 1; i >= 0 && s.posts[i]!.t > s.t - WINDOW_SECONDS; i--) if (s.posts[i]!.sentiment < 0) n++;
  return n;
}

function narrate(scenario: Scenario, s: SimState, score: number): string {
  const brand = scenario.brand.name;
  const inst = scenario.instigator.name;
  const parts: string[] = [];
  const g = GRADE_FLOORS;
  if (score >= g.A) parts.push(`By the end of the shift the story around ${brand} had run out of steam.`);
  else if (score >= g.B) parts.push(`${brand} came through bruised but credible.`);
  else if (score >= g.C) parts.push(`${brand} held on, but the shift left marks.`);
  else if (score >= g.D) parts.push(`The pile-on around ${inst}'s post outran the desk.`);
  else parts.push(`${brand} became the story: screenshots of the desk's replies were still circulating at the end of the shift.`);
  if (s.rootCause.fixedAt !== undefined) parts.push(`The fix by ${ROLE_LABELS[scenario.rootCause.owner]} took away the cause of the complaints.`);
  else parts.push('Nobody fixed the underlying problem, so new complaints kept coming.');
  if (s.breaches.length > 0) {
    const kinds = [...new Set(s.breaches.map((b) => b.text.toLowerCase()))].slice(0, 2).join('; ');
    parts.push(`The guideline was broken ${s.breaches.length} time${s.breaches.length === 1 ? '' : 's'} (${kinds}).`);
  } else parts.push('The desk kept to the guideline throughout.');
  const lagMin = Math.floor(s.escalationLagSeconds / 60);
  if (lagMin > NARRATE_LAG_MINUTES) parts.push(`The desk ran ${lagMin} minutes behind the situation's true level.`);
  return parts.join(' ');
}
