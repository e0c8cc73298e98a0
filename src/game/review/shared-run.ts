import { rebuild } from '../../core/index';
import type { ApiClient } from '../net/api-client';
import type { Catalog } from '../run/scenario-catalog';
import type { FinishedRun } from '../session';

/**
 * Opens a verified run someone shared (`/runs/:runId`): its record from the server,
 * replayed here on the scenario version it was played on, as the debrief shows it.
 * Answers the finished run, or a sentence saying why it cannot be shown.
 */
export async function loadSharedRun(api: ApiClient, catalog: Catalog, runId: string): Promise<FinishedRun | string> {
  let detail;
  try {
    detail = await api.run(runId);
  } catch (e) {
    return `The shared run could not be opened: ${e instanceof Error ? e.message : String(e)}. It may have been made private.`;
  }
  const entry = catalog.entries.find((e) => e.id === detail.scenarioId && e.hash === detail.scenarioHash);
  if (!entry) return `The shared run was played on a version of "${detail.scenarioId}" this game does not have.`;
  const rebuilt = rebuild(entry.scenario, detail.record);
  if (!rebuilt.ok) return `The shared run does not replay here: ${rebuilt.message}.`;
  const sim = rebuilt.sim;
  return {
    entry,
    mode: detail.record.mode,
    seed: detail.record.seed,
    speed: 1,
    record: detail.record,
    outcome: sim.outcome(),
    state: sim.state,
    shared: { player: detail.player, team: detail.team },
  };
}
