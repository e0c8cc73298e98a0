import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, loadScenario, type Scenario, type ScenarioLookup } from '../../src/core/index';

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  difficulty: Scenario['difficulty'];
  hash: string;
  realMinutes: number;
  simMinutes: number;
  /** The inject library a trainer can fire during a drill. */
  injects: { id: string; title: string; description: string; scripted: boolean }[];
}

/** The scenarios this server verifies runs against, loaded once at start. */
export interface ScenarioCatalog {
  lookup: ScenarioLookup;
  /** Plain data for the replay workers (structured-clone safe). */
  entries: [string, { scenario: Scenario; hash: string }][];
  summaries(): ScenarioSummary[];
}

export function catalogFrom(entries: Map<string, { scenario: Scenario; hash: string }>): ScenarioCatalog {
  const list = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    lookup: (id) => entries.get(id),
    entries: list,
    summaries: () =>
      list.map(([id, { scenario, hash }]) => ({
        id,
        title: scenario.title,
        summary: scenario.summary,
        difficulty: scenario.difficulty,
        hash,
        realMinutes: scenario.duration.realMinutes,
        simMinutes: scenario.duration.simMinutes,
        injects: scenario.injects.map((i) => ({ id: i.id, title: i.title, description: i.description, scripted: i.atMinute !== undefined })),
      })),
  };
}

/**
 * Reads every scenarios/*.yaml through the core's loader. A broken file stops the
 * server at start with file:line problems, rather than refusing runs later.
 */
export function loadScenarioCatalog(dir: string): ScenarioCatalog {
  const entries = new Map<string, { scenario: Scenario; hash: string }>();
  const problems: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = join(dir, name);
    const result = loadScenario(readFileSync(file, 'utf8'), file);
    if (result.ok) entries.set(result.scenario.id, { scenario: result.scenario, hash: result.hash });
    else problems.push(...result.problems.map(formatProblem));
  }
  if (problems.length > 0) throw new Error(`scenario files have problems:\n${problems.join('\n')}`);
  if (entries.size === 0) throw new Error(`no scenarios (*.yaml) in ${dir}`);
  return catalogFrom(entries);
}
