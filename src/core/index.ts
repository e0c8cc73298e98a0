/** The public face of the core: the game, the server, the CLI and the benches import only this. */
export * from './scenario/scenario.schema';
export * from './scenario/scenario.loader';
export * from './scenario/scenario.catalogue';
export { scenarioJsonSchema } from './scenario/scenario.json-schema';
export { CROSS_FIELD_RULES } from './scenario/cross-checks';
export { IN_PLAY } from './scenario/field-docs';
export { lintScenario, LINT_CODES, LINT_DESCRIPTIONS, type Lint, type LintCode } from './scenario/scenario.lint';
export * from './sim/actions';
export { quickInsertText, quickDmText, quickStatementText, type InsertPost } from './sim/quick-insert';
export type { Verdict, Evidence, Label, Part, JudgeBreach, WritingKind } from './judge/verdict';
export * from './errors';
export * from './modes';
export * from './sim/state';
export * from './sim/simulation';
export * from './scoring/scoring';
export * from './run/run-record';
export * from './bots/bots';
export { hashValue, canonicalJson } from './util/hash';
export { clockAt, needsResponse } from './guideline/rules';
export { createEscalationMachine, obligationsOf } from './guideline/escalation.machine';
export { shiftAt, modelRun, describeAction, FEED_AT_MOST, RECENT_MINUTES, type ShiftAt, type Ask, type DeskDeed, type ReplayableRun } from './review/shift-at';
export { buildDebrief, MAX_LESSONS_SHOWN, RETRY_TIPS } from './debrief/debrief';
export * from './debrief/lesson.types';
export { unsafePatternReason } from './util/safe-pattern';
// The reply judge has its own entry, src/core/judge/index.ts: the game loads it as a lazy chunk.
export type { JudgeRules } from './scenario/judge-rules.schema';
export { engagement, type Engagement } from './feed/engagement';
export { channelLook } from './feed/look';
