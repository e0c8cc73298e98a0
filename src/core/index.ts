/** The public face of the core: the game, the server, the CLI and the benches import only this. */
export * from './scenario.schema';
export * from './scenario.loader';
export * from './actions';
export * from './errors';
export * from './state';
export * from './simulation';
export * from './scoring';
export * from './run-record';
export * from './bots';
export { hashValue, canonicalJson } from './hash';
export { clockAt, needsResponse } from './rules';
export { createEscalationMachine } from './escalation.machine';
