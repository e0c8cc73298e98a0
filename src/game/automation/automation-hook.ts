import { clockAt, type Outcome, type RunRecord, type SimState } from '../../core/index';
import type { AudioService } from '../audio/audio.service';
import type { DeskView, GameServices } from '../session';
import type { Settings } from '../settings/settings.store';

export interface Snapshot {
  scene: string;
  run: null | {
    scenarioId: string;
    mode: string;
    seed: number;
    speed: number;
    paused: boolean;
    over: boolean;
    clock: string;
    state: SimState;
    outcome: Outcome;
  };
  desk: DeskView | null;
}

export interface SurgeDrillHook {
  scene(): string;
  snapshot(): Snapshot;
  /** The run in play, or else the last finished run, as a replayable record. */
  runRecord(): RunRecord | null;
  /** Everything said in the live regions, oldest first. */
  announcements(): string[];
  scenarios(): { id: string; title: string; difficulty: string }[];
  notices(): string[];
  timings(): Record<string, number | undefined>;
  settings(): Settings;
  audio(): ReturnType<AudioService['status']>;
}

declare global {
  interface Window {
    surgeDrill?: SurgeDrillHook;
  }
}

/**
 * `window.surgeDrill`: a read-only view of the game for tests and trainers'
 * tools. Every value is a deep copy, so nothing outside can change the run;
 * state changes only through the player's actions.
 */
export function installAutomationHook(target: Window, services: GameServices): void {
  const { session } = services;
  const hook: SurgeDrillHook = {
    scene: () => session.scene,
    snapshot: () => {
      const run = session.run;
      const finished = session.finished;
      let runView: Snapshot['run'] = null;
      if (run) {
        runView = {
          scenarioId: run.entry.id,
          mode: run.mode,
          seed: run.seed,
          speed: run.speed,
          paused: run.paused,
          over: run.sim.state.over,
          clock: run.sim.clock(),
          state: run.sim.state,
          outcome: run.outcome(),
        };
      } else if (finished) {
        runView = {
          scenarioId: finished.entry.id,
          mode: finished.mode,
          seed: finished.seed,
          speed: finished.speed,
          paused: false,
          over: true,
          clock: clockAt(finished.entry.scenario, finished.state.t),
          state: finished.state,
          outcome: finished.outcome,
        };
      }
      return structuredClone({ scene: session.scene, run: runView, desk: session.scene === 'desk' && session.desk ? session.desk() : null });
    },
    runRecord: () => structuredClone(session.run?.record() ?? session.finished?.record ?? null),
    announcements: () => services.announcer.said(),
    scenarios: () => services.catalog.entries.map((e) => ({ id: e.id, title: e.scenario.title, difficulty: e.scenario.difficulty })),
    notices: () => [...session.notices],
    timings: () => ({ ...session.timings }),
    settings: () => services.settings.get(),
    audio: () => services.audio.status(),
  };
  Object.defineProperty(target, 'surgeDrill', { value: Object.freeze(hook), writable: false, configurable: false });
}
