import { loadScenario, type Scenario, type ScenarioProblem } from '../../core/index';

/**
 * Runs the game's own loader on the draft (the same checks as `surge-drill check`,
 * in the browser) and places each problem in the text, for the editor's underlines
 * and the problem list. No file name ends in `.yaml`, so the draft's id is free.
 */

export const DRAFT_LABEL = 'draft';

export type Severity = 'error' | 'warning';

export interface DraftProblem {
  severity: Severity;
  line: number;
  column: number;
  /** The field, dotted (`guideline.levels[1].entry`); empty for the file as a whole. */
  path: string;
  message: string;
  /** Offsets in the text: the word the problem points at (at least one character when the text has one). */
  from: number;
  to: number;
}

export type DraftCheck = { ok: true; scenario: Scenario; hash: string; problems: DraftProblem[] } | { ok: false; problems: DraftProblem[] };

export function checkDraft(text: string): DraftCheck {
  const result = loadScenario(text, DRAFT_LABEL);
  const starts = lineStarts(text);
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => place(p, 'error', text, starts)) };
  return { ok: true, scenario: result.scenario, hash: result.hash, problems: result.warnings.map((p) => place(p, 'warning', text, starts)) };
}

/** "line 12, column 5 · brand.name: message", the located form the list and the underline's tooltip show. */
export function describeProblem(p: Pick<DraftProblem, 'line' | 'column' | 'path' | 'message'>): string {
  return `line ${p.line}, column ${p.column} · ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

function place(p: ScenarioProblem, severity: Severity, text: string, starts: number[]): DraftProblem {
  const lineStart = starts[Math.min(p.line, starts.length) - 1] ?? 0;
  const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
  const from = Math.min(lineStart + p.column - 1, lineEnd);
  // Underline the token that starts there (a key, a value, a list item's dash), so a point problem is visible.
  const token = /^[^\s,:\]}]*/.exec(text.slice(from, lineEnd))![0];
  const to = token.length > 0 ? from + token.length : Math.min(from + 1, lineEnd);
  return { severity, line: p.line, column: p.column, path: p.path, message: p.message, from, to: Math.max(to, from) };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
