import type { ScenarioCheck, ScenarioCheckProblem } from '../../src/api/index';
import { loadScenario, type Scenario, type ScenarioProblem } from '../../src/core/index';

/** The name a draft is checked under: not `*.yaml`, so the loader does not tie the id to a file name. */
const DRAFT_FILE = 'draft';

/** The checker's messages say "found X; allowed: Y" where they can; the API also gives both apart. */
const FOUND = /\bfound (.+?)(?:;|$)/;
const ALLOWED = /\ballowed: (.+)$/;

export function apiProblem(problem: ScenarioProblem): ScenarioCheckProblem {
  return {
    line: problem.line,
    column: problem.column,
    field: problem.path,
    found: FOUND.exec(problem.message)?.[1] ?? null,
    allowed: ALLOWED.exec(problem.message)?.[1] ?? null,
    message: problem.message,
    severity: problem.lint ? 'warning' : 'error',
    ...(problem.lint ? { lint: problem.lint } : {}),
  };
}

export type CheckedDraft = { ok: true; scenario: Scenario; hash: string; warnings: ScenarioCheckProblem[] } | { ok: false; problems: ScenarioCheckProblem[] };

/** Runs the core's loader on a draft's text. */
export function checkDraft(yaml: string): CheckedDraft {
  const result = loadScenario(yaml, DRAFT_FILE);
  if (!result.ok) return { ok: false, problems: result.problems.map(apiProblem) };
  return { ok: true, scenario: result.scenario, hash: result.hash, warnings: result.warnings.map(apiProblem) };
}

/** The check endpoint's answer. */
export function checkAnswer(checked: CheckedDraft): ScenarioCheck {
  return checked.ok ? { ok: true, id: checked.scenario.id, hash: checked.hash, warnings: checked.warnings } : { ok: false, problems: checked.problems };
}
