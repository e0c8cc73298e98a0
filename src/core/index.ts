/** The public face of the core: the game, the server, the CLI and the benches import only this. */
export * from './scenario/scenario.schema';
export * from './scenario/scenario.loader';
export * from './scenario/scenario.catalogue';
export * from './sim/actions';
export * from './errors';
export * from './modes';
export * from './sim/state';
export * from './sim/simulation';
export * from './scoring/scoring';
export * from './run/run-record';
export * from './bots/bots';
export { hashValue, canonicalJson } from './util/hash';
export { clockAt, needsResponse } from './guideline/rules';
export { createEscalationMachine } from './guideline/escalation.machine';
export { buildDebrief, MAX_LESSONS_SHOWN, RETRY_TIPS } from './debrief/debrief';
export * from './debrief/lesson.types';
export { engagement, type Engagement } from './feed/engagement';
export { channelLook } from './feed/look';
