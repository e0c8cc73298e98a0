import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { hashValue } from '../util/hash';
import { describeIssue, type Segment } from './issue-messages';
import { LINT_CODES, lintScenario } from './scenario.lint';
import { scenarioSchema, type Scenario } from './scenario.schema';

/**
 * Reads a trainer's scenario file: YAML text in, a validated `Scenario` or every
 * problem with its file:line:column and field path out. Pure (the caller reads
 * the file) and total: any input gives a result, never an exception.
 */

export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  /** Set on warnings (lints): the file is valid but this is probably not what was meant. */
  lint?: string;
}

/** A loaded scenario may still carry warnings; `problems` are errors only. */
export type LoadResult = { ok: true; scenario: Scenario; hash: string; warnings: ScenarioProblem[] } | { ok: false; problems: ScenarioProblem[] };

const FORMAT = 1;

/**
 * A comment that accepts lints for one file, with the reason after the codes:
 * `# surge-drill: allow surge-capped (the ceiling is the design here)`.
 */
const ALLOW_COMMENT = /^#\s*surge-drill:\s*allow\s+([a-z-]+(?:\s*,\s*[a-z-]+)*)/gm;

/** "file:line:column field.path: message", and "warning: … [code]" for a lint (the path is left out for problems with the file as a whole). */
export function formatProblem(p: ScenarioProblem): string {
  const message = p.lint ? `warning: ${p.message} [${p.lint}]` : p.message;
  return `${p.file}:${p.line}:${p.column}${p.path ? ` ${p.path}` : ''}: ${message}`;
}

export function loadScenario(text: string, file: string): LoadResult {
  try {
    return load(text, file);
  } catch (err) {
    // Defence in depth: a parser bug on a pathological file must still come back as a problem.
    return fail([{ file, line: 1, column: 1, path: '', message: `cannot read this file: ${err instanceof Error ? err.message : String(err)}` }]);
  }
}

function load(text: string, file: string): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number): Where => {
    const { line, col } = lines.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  };

  const yamlProblems = [...doc.errors, ...doc.warnings].map((e) => ({ file, ...at(e.pos[0]), path: '', message: `YAML: ${firstLine(e.message)}` }));
  // A document with syntax errors is only partly read; checking its fields would report noise.
  if (yamlProblems.length > 0) return fail(yamlProblems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    return fail([{ file, line: 1, column: 1, path: '', message: `YAML: ${err instanceof Error ? err.message : String(err)}` }]);
  }

  const locate = locator(doc, at);
  const problems: ScenarioProblem[] = [];
  const add = (path: Segment[], message: string, target: 'value' | 'key' = 'value') => problems.push({ file, ...locate(path, target), path: dotted(path), message });

  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    add([], 'a scenario file is a YAML mapping that starts with `format: 1`');
    return fail(problems);
  }
  const format = (data as Record<string, unknown>).format;
  if (format === undefined) {
    add([], `missing \`format: ${FORMAT}\` (the scenario format version) at the top of the file`);
  } else if (format !== FORMAT) {
    // Another version's fields mean something else; checking them against version 1 would only confuse.
    add(['format'], `this is format ${JSON.stringify(format)}; this version of Surge Drill reads format ${FORMAT} only`);
    return fail(problems);
  }

  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.path[0] === 'format' && format === undefined) continue; // already reported above
      describeIssue(issue, data, add);
    }
  }

  // Checked here rather than in the schema: the file name is not part of the scenario.
  const id = (data as Record<string, unknown>).id;
  const expected = idFromFileName(file);
  if (expected !== undefined && typeof id === 'string' && id !== expected) {
    add(['id'], `the id must match the file name: "${id}" is in ${expected}.yaml (rename the file or set id: ${expected})`);
  }

  if (problems.length > 0 || !result.success) return fail(problems);
  return { ok: true, scenario: result.data, hash: hashValue(result.data), warnings: lintWarnings(result.data, text, file, locate) };
}

/** The lints of a valid scenario, located, less those its allow comments accept. */
function lintWarnings(scenario: Scenario, text: string, file: string, locate: Locate): ScenarioProblem[] {
  const allowed = new Set<string>();
  for (const m of text.matchAll(ALLOW_COMMENT)) for (const code of m[1]!.split(',')) allowed.add(code.trim());
  const warnings: ScenarioProblem[] = lintScenario(scenario)
    .filter((l) => !allowed.has(l.code))
    .map((l) => ({ file, ...locate(l.path), path: dotted(l.path), message: l.message, lint: l.code }));
  for (const code of allowed) {
    if (!(LINT_CODES as readonly string[]).includes(code)) {
      warnings.push({ file, line: 1, column: 1, path: '', message: `cannot allow "${code}": no such lint (known: ${LINT_CODES.join(', ')})`, lint: 'allow-comment' });
    }
  }
  return sortProblems(warnings);
}

// ───────────────────────── positions in the YAML ─────────────────────────

type Where = { line: number; column: number };
type Locate = (path: Segment[], target?: 'value' | 'key') => Where;

/**
 * Maps a data path to where it is written. Scalars point at the value; a mapping or
 * list that is the value of a key points at that key's line; a path that does not
 * exist (a missing field) points at the deepest part that does: the parent mapping.
 */
function locator(doc: Document, at: (offset: number) => Where): Locate {
  return (path, target = 'value') => {
    let node: unknown = doc.contents;
    let keyNode: YamlNode | undefined;
    for (const segment of path) {
      const next = child(node, segment);
      if (!next) break;
      node = next.value;
      keyNode = next.key;
    }
    const start = (n: unknown): number | undefined => {
      const range = (n as YamlNode | null | undefined)?.range;
      return range ? range[0] : undefined;
    };
    const isWrittenScalar = isScalar(node) && (node.source ?? '') !== '' && node.value !== null;
    const preferKey = target === 'key' || !(isWrittenScalar || isAlias(node));
    const offset = (preferKey ? start(keyNode) : undefined) ?? start(node) ?? start(keyNode) ?? 0;
    return at(offset);
  };
}

function child(node: unknown, segment: Segment): { key?: YamlNode; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
    return pair ? { key: pair.key as YamlNode, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    return segment < node.items.length ? { value: node.items[segment] } : undefined;
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (isCollection(key)) return undefined;
  return key === null || key === undefined ? undefined : String(key);
}

/** "a.b[0].c" */
function dotted(path: Segment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** `scenarios/tutorial.yaml` → `tutorial`; undefined for names that do not end in .yaml. */
function idFromFileName(file: string): string | undefined {
  const base = file.split(/[\\/]/).pop() ?? '';
  return base.endsWith('.yaml') ? base.slice(0, -'.yaml'.length) : undefined;
}

function fail(problems: ScenarioProblem[]): LoadResult {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: false, problems: sortProblems(unique) };
}

function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column || compare(a.path, b.path) || compare(a.message, b.message));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
