import type { GameServices } from '../session';
import type { SavedRun } from './autosave.store';
import type { PlayerMode } from './launch-params';
import { RunController } from './run-controller';
import { discardSave, savedRun } from './saved-run';
import { defaultMode, findEntry, type CatalogEntry } from './scenario-catalog';

/** A fresh seed for a new run. Seeds pick the run; they are not secrets. */
export function newSeed(): number {
  const v = new Uint32Array(1);
  crypto.getRandomValues(v);
  return v[0]! & 0x7fffffff;
}

/** Starts a new run. Its speed defaults to the address's `speed` parameter, else the normal pace. */
export function startRun(services: GameServices, entry: CatalogEntry, mode: PlayerMode, seed = newSeed(), speed = services.launch.speed ?? 1): RunController {
  const run = RunController.start({ entry, seed, mode, speed });
  services.session.run = run;
  services.session.finished = undefined;
  services.autosave.write(run.record(), run.sim.state.t, run.speed);
  return run;
}

export function resumeRun(services: GameServices, save: SavedRun, entry: CatalogEntry): RunController | undefined {
  const resumed = RunController.resume(entry, save.record, save.t, save.speed);
  if (!resumed.ok) {
    discardSave(services, resumed.reason);
    return undefined;
  }
  services.session.run = resumed.run;
  services.session.finished = undefined;
  services.announcer.say(`Resumed your saved run of ${entry.scenario.title} at ${resumed.run.sim.clock()}.`);
  return resumed.run;
}

/**
 * `?scenario=ID&seed=N&mode=…&speed=X`: straight to the desk with the clock
 * running. A saved run of the same scenario, seed and mode is resumed instead
 * of restarted, so reloading the page loses nothing.
 */
export function launchFromUrl(services: GameServices): RunController | undefined {
  const p = services.launch;
  if (!p.scenario) return undefined;
  const entry = findEntry(services.catalog, p.scenario);
  if (!entry) {
    services.session.notices.push(`The address asks for scenario "${p.scenario}", which neither this build nor its server offers (known: ${services.catalog.entries.map((e) => e.id).join(', ')}).`);
    return undefined;
  }
  const mode = p.mode ?? defaultMode(entry);
  const saved = savedRun(services);
  if (saved && saved.entry.id === entry.id && saved.save.record.mode === mode && (p.seed === undefined || saved.save.record.seed === p.seed)) {
    const run = resumeRun(services, saved.save, saved.entry);
    if (run) {
      if (p.speed !== undefined) run.setSpeed(p.speed);
      return run;
    }
  }
  return startRun(services, entry, mode, p.seed ?? newSeed());
}
