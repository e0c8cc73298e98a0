import {
  ENGINE_VERSION,
  makeRunRecord,
  modeRules,
  rebuild,
  reject,
  scoreAt,
  Simulation,
  type Action,
  type Mode,
  type ModeRules,
  type Outcome,
  type Rejection,
  type RunRecord,
} from '../../core/index';
import { normalPace } from './pace';
import type { CatalogEntry } from './scenario-catalog';
import { RunWatcher, type RunEvent } from './run-watcher';

export interface RunConfig {
  entry: CatalogEntry;
  seed: number;
  mode: Mode;
  /** Multiple of the scenario's normal pace; ranked runs always play at 1. */
  speed: number;
}

/** A frame longer than this (a stalled tab) advances the clock by this much only, so the desk never jumps ahead unseen. */
const MAX_FRAME_MS = 250;

/**
 * One run at the desk: owns the Simulation and the fixed-step loop. Each frame
 * adds real time × pace to an accumulator and steps the core while a whole step
 * fits; input goes to the core as actions at the current sim time. The
 * controller holds no rules: validity and effects are the core's.
 */
export class RunController {
  private simValue: Simulation;
  readonly entry: CatalogEntry;
  readonly mode: Mode;
  /** What this mode allows; the controller reads these, never the mode's name. */
  readonly rules: ModeRules;
  readonly seed: number;
  private speedValue: number;
  private accumulator = 0;
  private pausedValue = false;
  private readonly watcher: RunWatcher;
  /** Actions stamped for a later sim second (a drill's injects), applied as the clock reaches it. */
  private readonly due: { t: number; action: Action; done(result: { ok: true } | Rejection): void }[] = [];
  /** Set when a trainer ended the drill: the shift ended at this sim second. */
  private cutAtValue: number | undefined;

  private constructor(config: RunConfig, sim: Simulation) {
    this.entry = config.entry;
    this.mode = config.mode;
    this.rules = modeRules(config.mode);
    this.seed = config.seed;
    this.speedValue = this.rules.fixedPace ? 1 : config.speed;
    this.simValue = sim;
    this.watcher = new RunWatcher(sim.state, sim.scenario);
  }

  static start(config: RunConfig): RunController {
    return new RunController(config, new Simulation(config.entry.scenario, { seed: config.seed, mode: config.mode }));
  }

  /** Rebuilds a saved run up to sim second `t` by replaying its actions. */
  static resume(entry: CatalogEntry, record: RunRecord, t: number, speed: number): { ok: true; run: RunController } | { ok: false; reason: string } {
    if (record.scenarioHash !== entry.hash) return { ok: false, reason: `the scenario "${entry.scenario.title}" has changed since the run was saved` };
    if (record.engineVersion !== ENGINE_VERSION) return { ok: false, reason: `it was saved by engine ${record.engineVersion}, this is ${ENGINE_VERSION}` };
    if (!modeRules(record.mode).autosave) return { ok: false, reason: `mode ${record.mode} cannot be resumed here` };
    const rebuilt = rebuild(entry.scenario, record, t);
    if (!rebuilt.ok) return { ok: false, reason: rebuilt.message };
    return { ok: true, run: new RunController({ entry, seed: record.seed, mode: record.mode, speed }, rebuilt.sim) };
  }

  get sim(): Simulation {
    return this.simValue;
  }

  /** The shift is over: played to its end, or cut short by the trainer. */
  get over(): boolean {
    return this.simValue.state.over || this.cutAtValue !== undefined;
  }

  /** The sim second a trainer ended the shift at, if one did. */
  get cutAt(): number | undefined {
    return this.cutAtValue;
  }

  get speed(): number {
    return this.speedValue;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  /** Whether the player may pause (a drill is paused by its trainer). */
  get canPause(): boolean {
    return this.rules.pausedBy === 'player';
  }

  setSpeed(speed: number): boolean {
    if (this.rules.fixedPace) return false;
    this.speedValue = speed;
    return true;
  }

  setPaused(on: boolean, by: 'player' | 'trainer' = 'player'): boolean {
    if (on && by === 'player' && !this.canPause) return false;
    this.pausedValue = on;
    return true;
  }

  /** Sim seconds per real second right now. */
  pace(): number {
    return normalPace(this.entry.scenario) * this.speedValue;
  }

  /** Advances by a frame of `realMs` real milliseconds; returns what happened. */
  advance(realMs: number): RunEvent[] {
    const s = this.sim.state;
    if (this.pausedValue || this.over) return [];
    this.accumulator += (Math.min(realMs, MAX_FRAME_MS) / 1000) * this.pace();
    while (this.accumulator >= s.stepSeconds && !s.over) {
      this.sim.step();
      this.applyDue();
      this.accumulator -= s.stepSeconds;
    }
    if (s.over) this.accumulator = 0;
    return this.watcher.collect(s);
  }

  /**
   * Applies `action` when the clock reaches sim second `t` (at once if it is there);
   * `done` hears the result. A time already passed is refused: the action cannot be
   * applied when it was meant to be.
   */
  applyAt(t: number, action: Action, done: (result: { ok: true } | Rejection) => void): void {
    if (t < this.sim.state.t) {
      done(reject('action/time_order', `due at sim second ${t}, the desk is at ${this.sim.state.t}`));
      return;
    }
    this.due.push({ t, action, done });
    this.due.sort((a, b) => a.t - b.t);
    this.applyDue();
  }

  private applyDue(): void {
    while (this.due.length > 0 && this.due[0]!.t <= this.sim.state.t) {
      const { action, done } = this.due.shift()!;
      done(this.sim.apply(action));
    }
  }

  /**
   * A trainer ended the drill at sim second `t`: the run ends there, as the desk stood
   * then (actions after it dropped, injects due by then applied), scored as of `t`.
   */
  cutShort(t: number): { ok: true } | Rejection {
    if (this.over) return { ok: true };
    const dueBy = this.due.filter((d) => d.t <= t).map((d) => ({ t: d.t, action: d.action }));
    const actions = [...this.sim.state.log.map((e) => ({ t: e.t, action: e.action })), ...dueBy];
    const scored = scoreAt(this.entry.scenario, { seed: this.seed, mode: this.mode, actions }, t);
    if (!scored.ok) return scored;
    this.simValue = scored.sim;
    this.cutAtValue = t;
    this.due.length = 0;
    return { ok: true };
  }

  apply(action: Action): { ok: true; events: RunEvent[] } | Rejection {
    if (this.cutAtValue !== undefined) return reject('action/run_over', 'the trainer ended the drill');
    const result = this.sim.apply(action);
    if (!result.ok) return result;
    return { ok: true, events: this.watcher.collect(this.sim.state) };
  }

  record(): RunRecord {
    return makeRunRecord(this.sim, this.entry.hash);
  }

  outcome(): Outcome {
    return this.sim.outcome();
  }
}
