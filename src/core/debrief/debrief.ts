import type { Scenario } from '../scenario/scenario.schema';
import type { SimState } from '../sim/state';
import { makeContext } from './debrief-context';
import { conductLessons, personalDataLesson, trollLesson } from './lessons-conduct';
import { deskLessons, levelLesson, rootCauseLesson } from './lessons-desk';
import { escalationLessons } from './lessons-escalation';
import { answerEveryComplaintLesson, fastLaneLesson, triageLesson } from './lessons-service';
import { LESSON_IDS, type Debrief, type Lesson, type LessonVerdict } from './lesson.types';

/** Lessons a trainee can take in after one shift; the rest are counted, not shown. */
export const MAX_LESSONS_SHOWN = 12;
/** A retry is best spent on a few things. */
export const RETRY_TIPS = 3;

const VERDICT_ORDER: Record<LessonVerdict, number> = { missed: 0, mixed: 1, kept: 2 };

/**
 * The after-action review of a shift, by lesson: what the guideline asked, what
 * happened (quoting posts and the trainee's own replies), what a good desk does,
 * and what to fix on a retry. Pure: the same scenario and state give the same
 * review, and a state taken mid-shift (a drill ended early) is reviewed as of its clock.
 */
export function buildDebrief(scenario: Scenario, state: SimState): Debrief {
  const ctx = makeContext(scenario, state);
  const found = [
    personalDataLesson(ctx),
    ...conductLessons(ctx),
    trollLesson(ctx),
    ...escalationLessons(ctx),
    rootCauseLesson(ctx),
    levelLesson(ctx),
    ...deskLessons(ctx),
    answerEveryComplaintLesson(ctx),
    fastLaneLesson(ctx),
    triageLesson(ctx),
  ].filter((l): l is Lesson => l !== undefined);
  const lessons = found.sort(worstFirst);
  const shown = lessons.slice(0, MAX_LESSONS_SHOWN);
  const toFix = lessons.filter((l) => l.verdict !== 'kept');
  const retryTips = toFix.slice(0, RETRY_TIPS).map((l) => l.tip);
  // A good run still has something to learn: what the kept lessons could do better.
  const better = retryTips.length < RETRY_TIPS ? lessons.filter((l) => l.verdict === 'kept').slice(0, RETRY_TIPS - retryTips.length).map((l) => l.tip) : [];
  return { lessons: shown, moreLessons: lessons.length - shown.length, retryTips, better };
}

function worstFirst(a: Lesson, b: Lesson): number {
  return VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || b.weight - a.weight || LESSON_IDS.indexOf(a.id) - LESSON_IDS.indexOf(b.id);
}
