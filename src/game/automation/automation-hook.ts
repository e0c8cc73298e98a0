import { clockAt, type MetricSample, type Outcome, type RunRecord, type SimState } from '../../core/index';
import type { RunController } from '../run/run-controller';
import type { AudioService } from '../audio/audio.service';
import type { DeskView, GameServices } from '../session';
import type { Settings } from '../settings/settings.store';

interface RunBasics {
  scenarioId: string;
  mode: string;
  seed: number;
  speed: number;
  paused: boolean;
  over: boolean;
  clock: string;
}

/** A run the player may study: practice, tutorial, drill, or any run once its shift is over. */
export interface OpenRunView extends RunBasics {
  state: SimState;
  outcome: Outcome;
}

/**
 * A ranked shift in play: only what its screen shows (the clock and the head-up
 * display's figures). No true categories, no true level, no live score: a script
 * reading the hook learns no more than a player reading the screen.
 */
export interface RankedRunView extends RunBasics {
  screen: {
    t: number;
    endT: number;
    /** The head-up display's latest sample, without the true level it does not show. */
    hud: Omit<MetricSample, 'trueLevel' | 'negativeReach'> | null;
    declaredLevel: number;
  };
}

export interface Snapshot {
  scene: string;
  /** The run in play or last finished; null during a live ranked shift, which `ranked` shows instead. */
  run: null | OpenRunView;
  ranked: null | RankedRunView;
  desk: DeskView | null;
}

export interface SurgeDrillHook {
  scene(): string;
  snapshot(): Snapshot;
  /** The run in play, or else the last finished run, as a replayable record; null during a live ranked shift (its claim is the live score). */
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

const isLiveRanked = (run: RunController | undefined): boolean => run !== undefined && run.mode === 'ranked' && !run.sim.state.over;

function rankedView(run: RunController): RankedRunView {
  const state = run.sim.state;
  const last = state.history[state.history.length - 1];
  const hud = last
    ? { t: last.t, sentiment: last.sentiment, goodwill: last.goodwill, backlog: last.backlog, serviceLevel: last.serviceLevel, declaredLevel: last.declaredLevel, arrivalsLastHour: last.arrivalsLastHour }
    : null;
  return {
    scenarioId: run.entry.id,
    mode: run.mode,
    seed: run.seed,
    speed: run.speed,
    paused: run.paused,
    over: false,
    clock: run.sim.clock(),
    screen: { t: state.t, endT: state.endT, hud, declaredLevel: state.declaredLevel },
  };
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
      const ranked = run && isLiveRanked(run) ? rankedView(run) : null;
      if (run && !ranked) {
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
      } else if (finished && !ranked) {
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
      return structuredClone({ scene: session.scene, run: runView, ranked, desk: session.scene === 'desk' && session.desk ? session.desk() : null });
    },
    // A live ranked record's claim is the live score: withheld until the shift is over.
    runRecord: () => (isLiveRanked(session.run) ? null : structuredClone(session.run?.record() ?? session.finished?.record ?? null)),
    announcements: () => services.announcer.said(),
    scenarios: () => services.catalog.entries.map((e) => ({ id: e.id, title: e.scenario.title, difficulty: e.scenario.difficulty })),
    notices: () => [...session.notices],
    timings: () => ({ ...session.timings }),
    settings: () => services.settings.get(),
    audio: () => services.audio.status(),
  };
  Object.defineProperty(target, 'surgeDrill', { value: Object.freeze(hook), writable: false, configurable: false });
}
