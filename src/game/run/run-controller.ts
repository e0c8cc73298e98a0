import {
  ENGINE_VERSION,
  makeRunRecord,
  modeRules,
  rebuild,
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
  readonly sim: Simulation;
  readonly entry: CatalogEntry;
  readonly mode: Mode;
  /** What this mode allows; the controller reads these, never the mode's name. */
  readonly rules: ModeRules;
  readonly seed: number;
  private speedValue: number;
  private accumulator = 0;
  private pausedValue = false;
  private readonly watcher: RunWatcher;

  private constructor(config: RunConfig, sim: Simulation) {
    this.entry = config.entry;
    this.mode = config.mode;
    this.rules = modeRules(config.mode);
    this.seed = config.seed;
    this.speedValue = this.rules.fixedPace ? 1 : config.speed;
    this.sim = sim;
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
    if (this.pausedValue || s.over) return [];
    this.accumulator += (Math.min(realMs, MAX_FRAME_MS) / 1000) * this.pace();
    while (this.accumulator >= s.stepSeconds && !s.over) {
      this.sim.step();
      this.accumulator -= s.stepSeconds;
    }
    if (s.over) this.accumulator = 0;
    return this.watcher.collect(s);
  }

  apply(action: Action): { ok: true; events: RunEvent[] } | Rejection {
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
