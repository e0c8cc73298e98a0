import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, loadCatalogue, loadScenario, type Scenario, type ScenarioProblem } from '../src/core/index';

/** The edge where scenario files meet the disk: the core's loader never touches the file system. */

export type ScenarioFileResult =
  | { ok: true; file: string; scenario: Scenario; hash: string; /** Lints as "file:line:column path: warning: message [code]" lines. */ warnings: string[] }
  | { ok: false; file: string; problems: ScenarioProblem[]; /** The problems as "file:line:column path: message" lines. */ messages: string[] };

/** Reads and validates one scenario file; a file that cannot be read is a problem, not an exception. */
export function readScenarioFile(file: string): ScenarioFileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    const problems = [{ file, line: 1, column: 1, path: '', message: `cannot read the file: ${reason}` }];
    return { ok: false, file, problems, messages: problems.map(formatProblem) };
  }
  const result = loadScenario(text, file);
  if (result.ok) return { ok: true, file, scenario: result.scenario, hash: result.hash, warnings: result.warnings.map(formatProblem) };
  return { ok: false, file, problems: result.problems, messages: result.problems.map(formatProblem) };
}

export type ScenarioMap = Map<string, { scenario: Scenario; hash: string }>;

/**
 * Every `*.yaml` in `dir`, by id: the lookup that replays run against. A broken
 * file is an error with all its problems, not a scenario that silently goes missing.
 */
export function loadScenarioDirectory(dir: string): ScenarioMap {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch (err) {
    throw new Error(`cannot read the scenario directory ${dir}: ${(err as Error).message}`);
  }
  const { byId, problems } = loadCatalogue(names.map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') })));
  if (problems.length > 0) throw new Error(`scenario files have problems:\n${problems.map(formatProblem).join('\n')}`);
  return byId;
}
