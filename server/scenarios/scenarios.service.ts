import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioSummary } from '../../src/api/index';
import { formatProblem, loadCatalogue, type Scenario, type ScenarioLookup } from '../../src/core/index';

/** The scenarios this server verifies runs against, loaded once at start. */
export interface ScenarioCatalog {
  lookup: ScenarioLookup;
  /** Plain data for the replay workers (structured-clone safe). */
  entries: [string, { scenario: Scenario; hash: string }][];
  summaries(): ScenarioSummary[];
}

export function catalogFrom(entries: Map<string, { scenario: Scenario; hash: string }>): ScenarioCatalog {
  const list = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const summaries = list.map(([id, { scenario, hash }]) => ({
    id,
    title: scenario.title,
    summary: scenario.summary,
    difficulty: scenario.difficulty,
    hash,
    realMinutes: scenario.duration.realMinutes,
    simMinutes: scenario.duration.simMinutes,
    injects: scenario.injects.map((i) => ({ id: i.id, title: i.title, description: i.description, scripted: i.atMinute !== undefined })),
  }));
  return { lookup: (id) => entries.get(id), entries: list, summaries: () => summaries };
}

/**
 * Reads every scenarios/*.yaml through the core's catalogue. A broken file stops the
 * server at start with file:line problems, rather than refusing runs later.
 */
export function loadScenarioCatalog(dir: string): ScenarioCatalog {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const { byId, problems } = loadCatalogue(files.map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })));
  if (problems.length > 0) throw new Error(`scenario files have problems:\n${problems.map(formatProblem).join('\n')}`);
  if (byId.size === 0) throw new Error(`no scenarios (*.yaml) in ${dir}`);
  return catalogFrom(byId);
}
