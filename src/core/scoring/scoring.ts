import { clamp, roundInt } from '../util/fixed-math';
import { obligationsOf } from '../guideline/escalation.machine';
import { ROLE_LABELS, type Scenario, type ScoreWeights } from '../scenario/scenario.schema';
import { serviceLevelFigures } from '../sim/metrics';
import { traineeWorkload } from '../sim/team';
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

const serviceLevelPart: PartRule = (scenario, s) => {
  const f = serviceLevelFigures(scenario, s);
  return {
    label: 'Routine service level',
    score: f.percent,
    why:
      f.due === 0
        ? 'No routine customer was due an answer.'
        : `${f.inTarget} of ${f.due} routine customers answered within target; late, dropped and overdue ones count as missed.`,
  };
};

const obligationsPart: PartRule = (scenario, s) => {
  const c = s.counters;
  // An obligation still open when the shift ends fell due after it: neither met nor missed, so not counted.
  const settled = obligationsOf(scenario, s.guideline).filter((o) => o.status !== 'waiting' && o.status !== 'open');
  const total = settled.length + c.postNeedsMet + c.postNeedsLate + c.postNeedsMissed;
  const met = settled.filter((o) => o.status === 'met').length + c.postNeedsMet;
  const late = settled.filter((o) => o.status === 'metLate').length + c.postNeedsLate;
  return {
    label: 'Obligations met',
    score: total === 0 ? 100 : ((met + late / 2) * 100) / total,
    why: total === 0 ? 'No obligation fell due.' : `${met} of ${total} guideline and post obligations met on time, ${late} late.`,
  };
};

/**
 * Conduct is judged on what the desk did, so it is earned in proportion to the posts
 * that waited for the trainee and got their attention: an idle desk breaks no rule
 * but earns no conduct either.
 */
const conductPart: PartRule = (_, s) => {
  const breaches = s.breaches.length;
  const { handled, waited } = traineeWorkload(s);
  const kept = 100 - CONDUCT_PER_BREACH * breaches;
  const rules = breaches === 0 ? 'No breach of the guideline' : `${breaches} breach${breaches === 1 ? '' : 'es'} at ${CONDUCT_PER_BREACH} points each`;
  if (waited === 0) return { label: 'Conduct', score: kept, why: `${rules}.` };
  return {
    label: 'Conduct',
    score: (kept * Math.min(handled, waited)) / waited,
    why: `${rules}; it counts for the ${Math.min(handled, waited)} of ${waited} posts that waited for you and that you handled.`,
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
  // The guideline's own deadline for passing the cause on is the standard: meeting it is full marks.
  const duty = obligationsOf(scenario, s.guideline).find((o) => scenario.guideline.obligations.find((g) => g.id === o.id)?.action === 'fixRootCause');
  if (duty?.status === 'met') {
    return { label: 'Root cause', score: 100, why: `Passed to ${ROLE_LABELS[scenario.rootCause.owner]} within the guideline's deadline (rule ${duty.rule}).` };
  }
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

/** Triage: the share of the posts the trainee categorised that they categorised correctly. */
const triagePart: PartRule = (_, s) => {
  const { triageCorrect, triageTotal } = s.counters;
  return {
    label: 'Triage accuracy',
    score: triageTotal === 0 ? 0 : (triageCorrect * 100) / triageTotal,
    why: triageTotal === 0 ? 'No post was triaged.' : `${triageCorrect} of ${triageTotal} posts triaged into their true category.`,
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
  ['triage', triagePart],
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

/**
 * The ending story. Every sentence is a claim about this run, so each is chosen by
 * what the state shows (a test checks them against every bot's runs), not by the score alone.
 */
function narrate(scenario: Scenario, s: SimState, score: number): string {
  const parts = [headline(scenario, s, score), rootCauseSentence(scenario, s), guidelineSentence(scenario, s)];
  const lagMin = Math.floor(s.escalationLagSeconds / 60);
  if (lagMin > NARRATE_LAG_MINUTES) parts.push(`The desk ran ${lagMin} minutes behind the situation's true level.`);
  return parts.join(' ');
}

function headline(scenario: Scenario, s: SimState, score: number): string {
  const brand = scenario.brand.name;
  const g = GRADE_FLOORS;
  if (score >= g.A) return `By the end of the shift the story around ${brand} had run out of steam.`;
  if (score >= g.B) return `${brand} came through bruised but credible.`;
  if (score >= g.C) return `${brand} held on, but the shift left marks.`;
  if (score >= g.D) return `The pile-on around ${scenario.instigator.name}'s post outran the desk.`;
  const replies = s.posts.flatMap((p) => p.replies.filter((r) => r.by === 'trainee'));
  if (replies.length === 0) return `${brand} became the story: its silence was the talking point at the end of the shift.`;
  if (replies.some((r) => r.quality < 0)) return `${brand} became the story: screenshots of the desk's replies were still circulating at the end of the shift.`;
  return `${brand} became the story: the complaints were still spreading at the end of the shift.`;
}

function rootCauseSentence(scenario: Scenario, s: SimState): string {
  const owner = ROLE_LABELS[scenario.rootCause.owner];
  if (s.rootCause.fixedAt !== undefined) return `The fix by ${owner} took away the cause of the complaints.`;
  if (s.rootCause.escalatedAt !== undefined) return `Nobody fixed the underlying problem before the shift ended (${owner} had it from minute ${Math.floor(s.rootCause.escalatedAt / 60)}), so new complaints kept coming.`;
  return 'Nobody fixed the underlying problem, so new complaints kept coming.';
}

/** Rules broken, obligations missed, or work left undone: "kept to the guideline" only when none of them. */
function guidelineSentence(scenario: Scenario, s: SimState): string {
  const n = s.breaches.length;
  if (n > 0) {
    const kinds = [...new Set(s.breaches.map((b) => b.text.toLowerCase()))].slice(0, 2).join('; ');
    return `The guideline was broken ${n} time${n === 1 ? '' : 's'} (${kinds}).`;
  }
  const missed = obligationsOf(scenario, s.guideline).filter((o) => o.status === 'missed').length + s.counters.postNeedsMissed;
  const { handled, waited } = traineeWorkload(s);
  if (waited > 0 && handled === 0) return `No rule was broken, but none of the ${waited} posts that waited for the trainee got their attention.`;
  if (missed > 0) return `No rule was broken, but ${missed} obligation${missed === 1 ? ' was' : 's were'} missed.`;
  return 'The desk kept to the guideline throughout.';
}
