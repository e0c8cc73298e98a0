import type { Action } from './actions';
import type { Mode } from '../modes';
import type { DeskDeed, GuidelineSnapshot } from '../guideline/escalation.machine';
import type { BreachKind, Block, Category, Flag, Role, Tone } from '../scenario/scenario.schema';
import type { Evidence, JudgeBreach } from '../judge/verdict';
import type { NoteElement } from '../judge/note';

/**
 * The simulation state: plain data, JSON-serialisable, read by the game, the
 * server and the CLI. Only the simulation writes it. Times are integer sim seconds
 * from the start of the shift.
 */

export type PostSource = 'routine' | 'surge' | 'instigator' | 'inject';
export type PostStatus = 'open' | 'answered' | 'closed' | 'hidden' | 'deleted';

/** Words the brand wrote (a reply, a DM, a holding statement) with the judge's verdict on them. */
export interface Written {
  t: number;
  text: string;
  /** −2 … +2: how well the words fit the post, the facts and the guideline. */
  quality: number;
  tone: Tone;
  /** The parts the judge found (acknowledge, apologise, …). */
  parts: Block[];
  breaches: JudgeBreach[];
  /** For every label, the characters that triggered it and why: what the citation slip and the debrief highlight. */
  evidence: Evidence[];
}

/** An escalation note as the role read it: what it gave them, and when they could act on it. */
export interface EscalationNote {
  t: number;
  role: Role;
  text: string;
  found: NoteElement[];
  missing: NoteElement[];
  /** The words that gave the problem, the ask and the urgency. */
  evidence: Evidence[];
  /** When the role had what it needed: at once for a clear note, after its questions for an unclear one. */
  readyAt: number;
}

export interface Reply extends Written {
  by: 'trainee' | 'team';
}

export interface Post {
  id: number;
  channel: string;
  /** Posts in one thread share the first post's id. */
  threadId: number;
  t: number;
  author: { name: string; handle: string; followers: number };
  text: string;
  templateId: string;
  /** True category, hidden from the player until the debrief. */
  category: Category;
  sentiment: number;
  flags: Flag[];
  source: PostSource;
  aboutRootCause: boolean;
  /** A role that must hear of this post, and by when (sim seconds). */
  needs?: { role: Role; deadline: number };
  status: PostStatus;
  inDm: boolean;
  triage?: { category: Category; urgent: boolean; correct: boolean };
  /** Public replies, in the thread for everyone to read. */
  replies: Reply[];
  /** Private messages the trainee sent the author; never shown in the public thread. */
  dms: Written[];
  firstResponseAt?: number;
  escalatedTo: Role[];
  /** The notes sent with each escalation, in order. */
  notes: EscalationNote[];
  /** While the needed role's questions about an unclear note are open: when they are answered (the need is then settled). */
  needsBriefedAt?: number;
  linkedTo?: number;
  /** Set once the post's needed role deadline has passed unmet. */
  needsMissed?: boolean;
}

export interface Breach {
  t: number;
  kind: BreachKind;
  rule: string;
  text: string;
  postId?: number;
  /** The trainee's words that committed it, for a breach the judge read in a text. */
  quote?: string;
  /** The judge's one-line reason for it. */
  reason?: string;
}

export type ObligationStatus = 'waiting' | 'open' | 'met' | 'missed' | 'metLate';

export interface ObligationState {
  id: string;
  rule: string;
  text: string;
  status: ObligationStatus;
  openedAt?: number;
  deadline?: number;
  doneAt?: number;
}

/** A moment the debrief teaches from. */
export interface KeyMoment {
  t: number;
  kind: 'instigator' | 'inject' | 'level' | 'declared' | 'breach' | 'obligation' | 'rootCause' | 'statement' | 'staff' | 'promotions' | 'post' | 'note';
  title: string;
  /** What the guideline required. */
  guideline: string;
  /** What the trainee did. */
  did: string;
  /** What it cost or earned. */
  consequence: string;
  /** Good practice (true), a mistake (false), or context (undefined). */
  good?: boolean;
}

export interface MetricSample {
  t: number;
  /** Mean sentiment of the last hour's posts, ×100 (−200 … +200). */
  sentiment: number;
  goodwill: number;
  backlog: number;
  /** Percent of answered-or-overdue routine posts answered within target. */
  serviceLevel: number;
  negativeReach: number;
  declaredLevel: number;
  trueLevel: number;
  arrivalsLastHour: number;
}

/** Why goodwill or heat changed; the debrief can show each cause's share. */
export type PressureCause =
  | 'breach'
  | 'censored'
  | 'reply'
  | 'dm'
  | 'teamReply'
  | 'closedUnanswered'
  | 'linkedThreads'
  | 'holdingStatement'
  | 'toneDeafPromotion'
  | 'rootCauseFixed'
  | 'roleMissed'
  | 'obligationMissed'
  | 'silence'
  | 'overdue'
  | 'caughtUp'
  | 'inject';

/** Net change applied so far, per cause (only causes that changed something appear). */
export type PressureLedger = Partial<Record<PressureCause, number>>;

export interface SimState {
  scenarioId: string;
  seed: number;
  mode: Mode;
  t: number;
  endT: number;
  stepSeconds: number;
  over: boolean;
  rng: number[];
  nextPostId: number;
  posts: Post[];
  /** Post ids waiting on the desk, oldest first: `open` for a first response, `awaitingRole` for a named role not yet told. */
  queues: { open: number[]; awaitingRole: number[] };
  /** Self-excitation per channel, in expected posts per sim minute. */
  excitation: Record<string, number>;
  /** Multiplier on the branching ratio, in percent (100 = scenario's own). */
  heat: number;
  /** 0 … 100. */
  goodwill: number;
  /** Where goodwill and heat went: written only by changeGoodwill / changeHeat / scaleHeat. */
  pressure: { goodwill: PressureLedger; heat: PressureLedger };
  team: { agents: number; extra: number; pending: { at: number; count: number }[]; workCredit: number };
  trainee: { busyUntil: number; actions: number };
  declaredLevel: number;
  trueLevel: number;
  /** Sim seconds spent with the declared level below the true level. */
  escalationLagSeconds: number;
  /** Sim seconds spent with the declared level above the true level. */
  overEscalationSeconds: number;
  instigatorId?: number;
  /** Largest audience of any negative post so far, and every flag seen so far (for entry criteria). */
  maxNegativeFollowers: number;
  flagsSeen: Flag[];
  /** The escalation machine's snapshot: the only record of the guideline's obligations (read them with obligationsOf). */
  guideline: GuidelineSnapshot;
  breaches: Breach[];
  moments: KeyMoment[];
  /** `briefedAt`: when the cause's owner could start the fix (later than `escalatedAt` when its note raised questions). */
  rootCause: { escalatedAt?: number; briefedAt?: number; fixedAt?: number };
  holdingStatementAt?: number;
  /** The holding statement as published, with its verdict. */
  holdingStatement?: Written;
  promotionsPausedAt?: number;
  firedInjects: { id: string; t: number }[];
  /** Guideline deeds done through an unclear escalation note: they count once the role's questions are answered, at `at`. */
  deferredDeeds: { at: number; deed: DeskDeed }[];
  counters: {
    arrivals: number;
    negativeArrivals: number;
    surgeArrivals: number;
    /** Channel-steps in which the surge's expected arrivals hit `surge.maxPerMinute` (the safety limit held it). */
    surgeCappedSteps: number;
    routineDue: number;
    routineInTarget: number;
    peakArrivalsPerHour: number;
    peakNegativePerHour: number;
    postNeedsMet: number;
    postNeedsLate: number;
    postNeedsMissed: number;
    cannedReplies: number;
    goodReplies: number;
    triageCorrect: number;
    triageTotal: number;
  };
  history: MetricSample[];
  log: { t: number; action: Action }[];
}
