import type { Block, Role, Tone } from '../scenario/scenario.schema';

/**
 * Lessons: what the after-action review teaches, grouped by practice rather than
 * listed by event. Ids are stable across scenarios and languages so a cohort view
 * can count "how many trainees missed this lesson" without reading English titles.
 */
export const LESSON_IDS = [
  'personal-data-to-dm',
  'answer-in-channel',
  'no-reward-for-shouting',
  'same-answer-everywhere',
  'escalate-legal',
  'escalate-comms',
  'escalate-hr',
  'escalate-team-lead',
  'fix-the-cause',
  'declare-the-level',
  'keep-legitimate-criticism',
  'rule-of-two',
  'dont-feed-trolls',
  'write-to-the-person',
  'empathetic-tone',
  'answer-every-complaint',
  'fast-lane',
  'triage',
  'holding-statement',
  'pause-promotions',
  'call-in-staff',
  'link-threads',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

/** The lesson each role's escalations are taught under (the back office is the root-cause lesson). */
export const ESCALATION_LESSON: Record<Role, LessonId> = {
  legal: 'escalate-legal',
  comms: 'escalate-comms',
  hr: 'escalate-hr',
  teamLead: 'escalate-team-lead',
  backOffice: 'fix-the-cause',
};

/**
 * missed: the practice was broken at least once; mixed: kept, but late or only in
 * part; kept: kept every time it came up.
 */
export type LessonVerdict = 'missed' | 'mixed' | 'kept';

/** A number the lesson shows, with what it counts and out of what; each is computed from state. */
export interface LessonFigure {
  key: string;
  label: string;
  count: number;
  of?: number;
}

/** Words in a reply that triggered a verdict (from the reply judge, once replies carry text). */
export interface EvidenceSpan {
  start: number;
  end: number;
  note: string;
}

/** What the trainee did about a post: a public reply (quoted), a desk action, or nothing. */
export type TraineeDeed =
  | { kind: 'reply'; t: number; blocks: Block[]; tone: Tone; text?: string; evidence?: EvidenceSpan[] }
  | { kind: 'action'; t: number; text: string }
  | { kind: 'nothing'; text: string };

/** One post quoted in a lesson, with the trainee's own reply or action on it. */
export interface LessonExample {
  /** Absent for something the brand posted itself (a scheduled promotion). */
  postId?: number;
  /** Sim second the post arrived. */
  t: number;
  author: string;
  channel: string;
  postText: string;
  deeds: TraineeDeed[];
}

export interface Lesson {
  id: LessonId;
  verdict: LessonVerdict;
  /** Practice, in a few words ("Take personal data to a private message"). */
  title: string;
  /** The collapsed count, e.g. "12 posts needed HR; 9 reached HR late — the first due at 10:14." */
  summary: string;
  figures: LessonFigure[];
  /** What the scenario's own guideline asked (rule number and text), when it words this practice. */
  rule?: { rule: string; text: string };
  /** What a good desk does instead. */
  practice: string;
  examples: LessonExample[];
  /** A reply a good desk would have sent, written from the scenario's facts. */
  modelReply?: string;
  /** One concrete thing to do on a retry (or, for a kept lesson, to do even better). */
  tip: string;
  /** Orders lessons worst first: higher is worse. */
  weight: number;
}

export interface Debrief {
  lessons: Lesson[];
  /** Lessons found but not shown, so the cap is honest. */
  moreLessons: number;
  /** Three things to fix on a retry (fewer only when the run gave fewer to fix). */
  retryTips: string[];
  /** For a good run: what would have made it better. */
  better: string[];
}
