import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { formatProblem, loadCatalogue, type Scenario, type ScenarioLookup } from '../../src/core/index';

/** The scenarios shipped inside the game's bundle (the repository's `scenarios/`). */
export const SHIPPED_SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

/** One scenario file read at start, with its text (kept as a version in the database). */
export interface StartupScenario {
  id: string;
  hash: string;
  scenario: Scenario;
  yaml: string;
  /** `bundled` when it is the very version the game ships; otherwise the operator's own file. */
  source: 'bundled' | 'directory';
}

/** The scenarios this server read at start; later versions live in the ScenarioStore. */
export interface ScenarioCatalog {
  files: StartupScenario[];
  /** Ids the game ships: publishing may not replace them unless the operator allows it. */
  bundledIds: ReadonlySet<string>;
  lookup: ScenarioLookup;
  /** Plain data for the replay workers (structured-clone safe). */
  entries: [string, { scenario: Scenario; hash: string }][];
}

function catalogOf(files: StartupScenario[], bundledIds: ReadonlySet<string>): ScenarioCatalog {
  const sorted = [...files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(sorted.map((f) => [f.id, { scenario: f.scenario, hash: f.hash }]));
  return { files: sorted, bundledIds, lookup: (id) => byId.get(id), entries: [...byId.entries()] };
}

/** A catalogue from scenarios already in memory (tests, benchmarks): all count as shipped. */
export function catalogFrom(entries: Map<string, { scenario: Scenario; hash: string }>): ScenarioCatalog {
  const files = [...entries].map(([id, { scenario, hash }]) => ({ id, hash, scenario, yaml: stringify(scenario), source: 'bundled' as const }));
  return catalogOf(files, new Set(entries.keys()));
}

function readDir(dir: string): { id: string; hash: string; scenario: Scenario; yaml: string }[] {
  const names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const sources = names.map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
  const { byId, problems } = loadCatalogue(sources);
  if (problems.length > 0) throw new Error(`scenario files have problems:\n${problems.map(formatProblem).join('\n')}`);
  if (byId.size === 0) throw new Error(`no scenarios (*.yaml) in ${dir}`);
  const texts = new Map(sources.map((s) => [s.file, s.text]));
  return [...byId].map(([id, e]) => ({ id, hash: e.hash, scenario: e.scenario, yaml: texts.get(e.file)! }));
}

/**
 * Reads every scenarios/*.yaml through the core's catalogue. A broken file stops the
 * server at start with file:line problems, rather than refusing runs later.
 */
export function loadScenarioCatalog(dir: string, shippedDir: string = SHIPPED_SCENARIO_DIR): ScenarioCatalog {
  const files = readDir(dir);
  const shipped = resolve(dir) === resolve(shippedDir) ? files : readDir(shippedDir);
  const shippedHash = new Map(shipped.map((f) => [f.id, f.hash]));
  return catalogOf(
    files.map((f) => ({ ...f, source: shippedHash.get(f.id) === f.hash ? 'bundled' : 'directory' })),
    new Set(shippedHash.keys()),
  );
}
