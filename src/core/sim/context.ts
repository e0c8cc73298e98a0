import type { AnyActorRef } from 'xstate';
import { createEscalationMachine, type EscalationMachine } from '../guideline/escalation.machine';
import { expNeg } from '../util/fixed-math';
import { WINDOW_SECONDS } from '../tuning';
import type { Prng } from '../util/prng';
import type { Scenario, Template } from '../scenario/scenario.schema';
import { templatePool } from './post-generator';
import type { KeyMoment, Post, SimState } from './state';

/**
 * What every phase and action works on: the scenario, indexes derived from it
 * once, the state, the PRNG and the caches that speed up scans of the state.
 * Phases are plain functions over this context, not methods of one class.
 */
export interface SimContext {
  readonly scenario: Scenario;
  readonly index: ScenarioIndex;
  readonly state: SimState;
  /** Read back from `state.rng` at the start of each step or action, written back at its end. */
  readonly rng: Prng;
  readonly caches: Caches;
  /** A live actor that mirrors the machine for an inspector (development only); never read. */
  readonly inspector?: AnyActorRef;
}

/** Lookups derived from the scenario alone; never change during a run. */
export interface ScenarioIndex {
  channelIds: string[];
  /** Routine posts per sim minute, per channel. */
  baselinePerMinute: Record<string, number>;
  /** Factor by which each channel's excitation decays in one step. */
  decayPerStep: number;
  levelIndex: Map<string, number>;
  surgePools: Record<string, Template[]>;
  routinePools: Record<string, Template[]>;
  /** Service-level target per channel, in sim seconds. */
  slaSeconds: Record<string, number>;
  /** The guideline's escalation machine (stepped purely; its snapshot lives in the state). */
  machine: EscalationMachine;
}

/**
 * Running counts over the state, kept beside it so a step need not rescan every
 * post. Never a source of truth: `rebuildCaches` derives them from the state alone.
 */
export interface Caches {
  /** Index into posts of the oldest post inside the last-hour window. */
  windowStart: number;
  /** Negative posts inside the last-hour window. */
  windowNegative: number;
  /** Public replies the trainee has sent to each author handle (rule of two). */
  repliesByAuthor: Map<string, number>;
}

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const channelIds = scenario.channels.map((c) => c.id);
  return {
    channelIds,
    baselinePerMinute: Object.fromEntries(
      scenario.channels.map((c) => [c.id, (scenario.baseline.postsPerDay / 1440) * (c.sharePercent / 100)]),
    ),
    decayPerStep: expNeg(scenario.duration.stepSeconds / 60 / scenario.surge.memoryMinutes),
    levelIndex: new Map(scenario.guideline.levels.map((l, i) => [l.id, i])),
    surgePools: Object.fromEntries(channelIds.map((c) => [c, templatePool(scenario, 'surge', c)])),
    routinePools: Object.fromEntries(channelIds.map((c) => [c, templatePool(scenario, 'routine', c)])),
    slaSeconds: Object.fromEntries(scenario.channels.map((c) => [c.id, c.serviceLevelMinutes * 60])),
    machine: createEscalationMachine(scenario),
  };
}

/**
 * The caches as the steps so far left them, from the state alone. Posts are in
 * time order and the window was last moved at `state.t`, so it starts at the first
 * post younger than the window; every trainee reply was counted for its post's author.
 */
export function rebuildCaches(state: SimState): Caches {
  let windowStart = 0;
  while (windowStart < state.posts.length && state.posts[windowStart]!.t <= state.t - WINDOW_SECONDS) windowStart++;
  let windowNegative = 0;
  for (let i = windowStart; i < state.posts.length; i++) if (state.posts[i]!.sentiment < 0) windowNegative++;
  const repliesByAuthor = new Map<string, number>();
  for (const p of state.posts) {
    const mine = p.replies.filter((r) => r.by === 'trainee').length;
    if (mine > 0) repliesByAuthor.set(p.author.handle, (repliesByAuthor.get(p.author.handle) ?? 0) + mine);
  }
  return { windowStart, windowNegative, repliesByAuthor };
}

export function postById(state: SimState, id: number): Post | undefined {
  // Ids are dense and start at 1, so the array index is id − 1.
  const p = state.posts[id - 1];
  return p && p.id === id ? p : undefined;
}

/** The post with this id, known to exist (validated before or taken from a queue). */
export function mustPost(ctx: SimContext, id: number): Post {
  return postById(ctx.state, id)!;
}

/** Adds a moment for the debrief, stamped with the current sim time. */
export function addMoment(ctx: SimContext, m: Omit<KeyMoment, 't'>): void {
  ctx.state.moments.push({ t: ctx.state.t, ...m });
}
