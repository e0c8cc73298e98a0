import { buildDebrief } from '../debrief/debrief';
import type { LessonId, LessonVerdict } from '../debrief/lesson.types';
import { obligationsOf } from '../guideline/escalation.machine';
import type { BreachKind, Scenario, ScoreWeights } from '../scenario/scenario.schema';
import { computeOutcome, type Grade } from '../scoring/scoring';
import type { SimState } from '../sim/state';

/**
 * The figures a finished (or cut-short) run reports everywhere outside the game:
 * the trainer's table, the cohort view, the CSV and the xAPI statements all read
 * this one object, computed once from the state, so they cannot disagree with
 * each other or with the debrief built from the same state.
 */
export interface RunFigures {
  /** Sim second the run was scored at (the end of the shift, or when the drill ended). */
  scoredAt: number;
  score: number;
  grade: Grade;
  breakdown: { id: keyof ScoreWeights; label: string; weight: number; score: number }[];
  /** The guideline's obligations by status; `open` and `waiting` were not yet due when the run was scored. */
  obligations: { total: number; met: number; metLate: number; missed: number; notYetDue: number };
  /** The debrief's lessons (those it shows), by stable id. */
  lessons: { id: LessonId; verdict: LessonVerdict; title: string }[];
  /** Guideline breaches in the order they happened. */
  breaches: { t: number; kind: BreachKind; rule: string; text: string }[];
}

export function runFigures(scenario: Scenario, state: SimState): RunFigures {
  const outcome = computeOutcome(scenario, state);
  const obligations = obligationsOf(scenario, state.guideline);
  const count = (...statuses: string[]) => obligations.filter((o) => statuses.includes(o.status)).length;
  const debrief = buildDebrief(scenario, state);
  return {
    scoredAt: state.t,
    score: outcome.score,
    grade: outcome.grade,
    breakdown: outcome.breakdown.map(({ id, label, weight, score }) => ({ id, label, weight, score })),
    obligations: { total: obligations.length, met: count('met'), metLate: count('metLate'), missed: count('missed'), notYetDue: count('open', 'waiting') },
    lessons: debrief.lessons.map(({ id, verdict, title }) => ({ id, verdict, title })),
    breaches: state.breaches.map(({ t, kind, rule, text }) => ({ t, kind, rule, text })),
  };
}
