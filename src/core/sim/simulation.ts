import { createActor, type AnyActorRef, type InspectionEvent } from 'xstate';
import { actionCost, type Action } from './actions';
import { ACTION_RULES } from './actions/index';
import type { ActionOf, ActionRule } from './actions/action-rule';
import { reject, type Rejection } from '../errors';
import { initialGuideline, obligationStatuses, obligationsOf } from '../guideline/escalation.machine';
import { clockAt } from '../guideline/rules';
import { Prng } from '../util/prng';
import type { Scenario } from '../scenario/scenario.schema';
import { computeOutcome, type Outcome } from '../scoring/scoring';
import { assess, checkPostDeadlines, reactToObligations, settleDeferredDeeds, tickGuideline } from './assessment';
import { indexScenario, postById, rebuildCaches, type Caches, type ScenarioIndex, type SimContext } from './context';
import { currentRequirements } from './hints';
import { sample, serviceLevel } from './metrics';
import { settlePressure } from './pressure';
import { arriveStaff, fireScripted, fixRootCauseWhenDue, sendPromotion } from './schedule';
import { initialState } from './initial-state';
import { arrive, branchingRatio, forecastNextHour } from './surge';
import { teamWork } from './team';
import type { ObligationState, Post, SimState } from './state';
import type { Mode } from '../modes';

export interface SimOptions {
  seed: number;
  mode: Mode;
  /** Observes the guideline machine (for the Stately inspector in development); never changes the run. */
  inspect?: (event: InspectionEvent) => void;
}

type Ok = { ok: true };
const OK: Ok = { ok: true };

/**
 * One shift at the social desk: a short facade over the phase modules. Advances
 * in fixed steps of sim time and applies validated actions at step boundaries.
 * Deterministic: the same scenario, seed and action log give the same state,
 * bit for bit, in any JavaScript engine.
 */
export class Simulation {
  readonly scenario: Scenario;
  readonly state: SimState;
  private readonly index: ScenarioIndex;
  private readonly caches: Caches;
  private readonly inspector?: AnyActorRef;

  /** A new shift. To continue a saved one, use `Simulation.fromState`. */
  constructor(scenario: Scenario, options: SimOptions, resume?: SimState) {
    this.scenario = scenario;
    this.index = indexScenario(scenario);
    if (resume && resume.scenarioId !== scenario.id) throw new Error(`state of scenario ${resume.scenarioId} resumed with ${scenario.id}`);
    this.state = resume ?? initialState(scenario, options.seed, options.mode, Prng.fromSeed(options.seed).state(), initialGuideline(this.index.machine));
    this.caches = rebuildCaches(this.state);
    // The inspector watches a live twin of the machine; the run itself steps the machine purely.
    if (options.inspect) {
      const snapshot = this.index.machine.resolveState(this.state.guideline);
      this.inspector = createActor(this.index.machine, { snapshot, inspect: options.inspect }).start();
    }
    if (!resume) sample(this.context());
  }

  /**
   * Continues a run from its state alone (a save, or a state sent over the wire,
   * after a JSON round trip): everything a run needs is in the state, and the
   * caches are rebuilt from it.
   */
  static fromState(scenario: Scenario, state: SimState, options: Pick<SimOptions, 'inspect'> = {}): Simulation {
    return new Simulation(scenario, { seed: state.seed, mode: state.mode, ...options }, state);
  }

  /** The context the phases work on; the PRNG is read back from the state each time. */
  private context(): SimContext {
    const { scenario, index, state, caches, inspector } = this;
    return { scenario, index, state, rng: Prng.fromState(state.rng), caches, ...(inspector ? { inspector } : {}) };
  }

  /** One fixed step; the phases run in this order. */
  step(): void {
    const s = this.state;
    if (s.over) return;
    const ctx = this.context();
    const dt = s.stepSeconds;
    s.t += dt;
    // Obligations settled by this step (a deadline passing now, one met as the level rises) are reacted to together.
    const reported = obligationStatuses(s.guideline);
    tickGuideline(ctx);
    arriveStaff(ctx);
    fireScripted(ctx);
    arrive(ctx, dt);
    sendPromotion(ctx);
    teamWork(ctx, dt);
    checkPostDeadlines(ctx);
    settleDeferredDeeds(ctx);
    // Slow-moving pressures are settled once a sim minute; they scan the whole open queue.
    const onMinute = s.t % 60 === 0;
    if (onMinute) settlePressure(ctx, 60);
    assess(ctx, dt);
    reactToObligations(ctx, reported);
    fixRootCauseWhenDue(ctx);
    if (onMinute) sample(ctx);
    if (s.t >= s.endT) {
      s.over = true;
      ctx.inspector?.stop();
    }
    s.rng = ctx.rng.state();
  }

  /** Applies an action at the current sim time. A rejection changes nothing. */
  apply(action: Action): Ok | Rejection {
    const s = this.state;
    if (s.over) return reject('action/run_over');
    const ctx = this.context();
    const rule = ACTION_RULES[action.type] as ActionRule<ActionOf<typeof action.type>>;
    const invalid = rule.validate(ctx, action);
    if (invalid) return invalid;
    const cost = actionCost(action);
    if (cost > 0 && s.t < s.trainee.busyUntil) {
      return reject('action/agent_busy', `free at ${this.clock(s.trainee.busyUntil)}`);
    }
    rule.perform(ctx, action);
    if (cost > 0) {
      s.trainee.busyUntil = s.t + cost;
      s.trainee.actions++;
    }
    s.log.push({ t: s.t, action });
    s.rng = ctx.rng.state();
    return OK;
  }

  advanceTo(t: number): void {
    while (!this.state.over && this.state.t < t) this.step();
  }

  finish(): Outcome {
    this.advanceTo(this.state.endT);
    return this.outcome();
  }

  outcome(): Outcome {
    return computeOutcome(this.scenario, this.state);
  }

  /** The guideline's obligations with their status and times, read from the escalation machine. */
  obligations(): ObligationState[] {
    return obligationsOf(this.scenario, this.state.guideline);
  }

  /** Surge and routine arrivals the model expects over the next sim hour. */
  forecastNextHour(): number {
    return forecastNextHour(this.context());
  }

  /** Practice hints: what the guideline asks of the trainee right now. */
  currentRequirements(): string[] {
    return currentRequirements(this.context());
  }

  /** Expected follow-on posts per surge post, after the trainee's effect on the crowd. */
  branchingRatio(): number {
    return branchingRatio(this.context());
  }

  /** Percent of due routine posts answered within target. */
  serviceLevel(): number {
    return serviceLevel(this.context());
  }

  /** The scenario's wall clock at sim second `t`. */
  clock(t: number = this.state.t): string {
    return clockAt(this.scenario, t);
  }

  post(id: number): Post | undefined {
    return postById(this.state, id);
  }
}
