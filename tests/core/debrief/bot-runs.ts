import { join } from 'node:path';
import { loadScenarioDirectory } from '../../../cli/scenario-files';
import { BOT_NAMES, buildDebrief, runBot, type BotName, type Debrief, type Outcome, type Scenario, type Simulation } from '../../../src/core/index';
import { REPO_ROOT } from '../../repo-root';

/** Shipped scenarios, each played once per bot; runs are cached because the flagship's take seconds. */
export const shipped = loadScenarioDirectory(join(REPO_ROOT, 'scenarios'));

export interface BotRun {
  scenario: Scenario;
  sim: Simulation;
  outcome: Outcome;
  debrief: Debrief;
}

const cache = new Map<string, BotRun>();

export function botRun(scenarioId: string, bot: BotName, seed = 1): BotRun {
  const key = `${scenarioId}/${bot}/${seed}`;
  let run = cache.get(key);
  if (!run) {
    const { scenario } = shipped.get(scenarioId)!;
    const { sim, outcome } = runBot(scenario, { seed, mode: 'practice', bot });
    run = { scenario, sim, outcome, debrief: buildDebrief(scenario, sim.state) };
    cache.set(key, run);
  }
  return run;
}

export const EVERY_RUN: [string, BotName][] = [...shipped.keys()].flatMap((id) => BOT_NAMES.map((bot) => [id, bot] as [string, BotName]));
