import { BLOCKS, SCENARIO_BREACHES, type Block, type BreachKind, type Category, type Tone } from '../scenario/scenario.schema';
import type { JudgeRules } from '../scenario/judge-rules.schema';

/** The parts a good reply is made of (the composer's phrase blocks). */
export const PARTS = BLOCKS;
export type Part = Block;

/** Breaches the judge reads from the words of any reply. */
export const TEXT_BREACHES = [
  'personalDataInPublic',
  'pushedToPhone',
  'publicCompensation',
  'defensiveTone',
  'cannedRepeat',
  'inconsistentAnswer',
] as const;
/** Breaches of a scenario's own judge rules: one list, kept with the guideline's vocabulary. */
export { SCENARIO_BREACHES };
export type TextBreach = (typeof TEXT_BREACHES)[number];
export type ScenarioBreach = (typeof SCENARIO_BREACHES)[number];
export type JudgeBreach = TextBreach | ScenarioBreach;

/** Labels that are neither part nor breach but still explain the verdict. */
export type Signal = 'keywordStuffing' | 'tone';
/** What an escalation note gives the role: the problem, the ask, the urgency (see note.ts). */
export type NoteLabel = 'noteProblem' | 'noteAsk' | 'noteUrgency';
export type Label = Part | JudgeBreach | Signal | NoteLabel;

/** Why a label was given: the characters of the original text that triggered it. */
export interface Evidence {
  label: Label;
  from: number;
  to: number;
  reason: string;
}

/** What kind of text the brand is writing; DMs and escalation notes are private. */
export const WRITING_KINDS = ['reply', 'dm', 'holdingStatement', 'escalationNote'] as const;
export type WritingKind = (typeof WRITING_KINDS)[number];

/** Something the brand already said on the issue, on any channel. */
export interface BrandStatement {
  text: string;
  channel?: string;
  kind?: WritingKind;
  /** Facts, commitments or cause the sim knows this statement carried, beyond its words. */
  facts?: string[];
}

export interface PostContext {
  text: string;
  category: Category;
  /** −2 (furious) … +2 (delighted). */
  sentiment: number;
  author?: string;
}

export interface JudgeContext {
  post?: PostContext;
  channel?: string;
  kind?: WritingKind;
  /** What the brand said before this, oldest first. */
  earlier?: readonly BrandStatement[];
  rules?: JudgeRules;
}

export interface Verdict {
  blocks: Part[];
  breaches: JudgeBreach[];
  tone: Tone;
  /** −2 … +2, the scale the simulation already uses for reply quality. */
  quality: number;
  evidence: Evidence[];
}

/** The simulation's reply-quality shape, so a verdict can replace the phrase-block judge in one call. */
export interface ReplyQuality {
  quality: number;
  breaches: BreachKind[];
  notes: string[];
}

/** Channels the judge treats as private whatever the writing kind. */
export const PRIVATE_CHANNELS = new Set(['dm', 'private', 'email', 'internal']);

export function isPublic(ctx: JudgeContext): boolean {
  if (ctx.kind === 'dm' || ctx.kind === 'escalationNote') return false;
  return !PRIVATE_CHANNELS.has((ctx.channel ?? '').toLowerCase());
}
