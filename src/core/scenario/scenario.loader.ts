import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { hashValue } from '../util/hash';
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
}

export type LoadResult = { ok: true; scenario: Scenario; hash: string } | { ok: false; problems: ScenarioProblem[] };

const FORMAT = 1;

type Segment = string | number;
type Where = { line: number; column: number };

/** "file:line:column field.path: message" (the path is left out for problems with the file as a whole). */
export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.column}${p.path ? ` ${p.path}` : ''}: ${p.message}`;
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
  const add = (path: Segment[], message: string, where: Where = locate(path)) => problems.push({ file, ...where, path: dotted(path), message });

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
      describeIssue(issue, data, locate, add);
    }
  }

  // Checked here rather than in the schema: the file name is not part of the scenario.
  const id = (data as Record<string, unknown>).id;
  const expected = idFromFileName(file);
  if (expected !== undefined && typeof id === 'string' && id !== expected) {
    add(['id'], `the id must match the file name: "${id}" is in ${expected}.yaml (rename the file or set id: ${expected})`);
  }

  if (problems.length > 0 || !result.success) return fail(problems);
  return { ok: true, scenario: result.data, hash: hashValue(result.data) };
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown, locate: Locate, add: (path: Segment[], message: string, where?: Where) => void): void {
  const path = issue.path.filter((s): s is Segment => typeof s === 'string' || typeof s === 'number');
  switch (issue.code) {
    case 'unrecognized_keys':
      // Point at each stray key itself, and name it in the path.
      for (const key of issue.keys) {
        const hint = suggestion(key, knownKeys(path));
        add([...path, key], `unknown field "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`, locate([...path, key], 'key'));
      }
      return;
    case 'invalid_key': {
      const key = path[path.length - 1];
      const why = issue.issues.map((i) => i.message).join('; ');
      add(path, `invalid name "${String(key)}": ${why}`, locate(path, 'key'));
      return;
    }
    case 'invalid_type':
      if (valueAt(data, path) === undefined) {
        const field = path[path.length - 1];
        add(path, `missing required field "${String(field)}" (expected ${issue.expected})`);
        return;
      }
      add(path, `expected ${issue.expected}, got ${describeValue(valueAt(data, path))}`);
      return;
    case 'invalid_value': {
      const got = valueAt(data, path);
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof got === 'string' ? suggestion(got, issue.values.filter((v): v is string => typeof v === 'string')) : undefined;
      const one = allowed.length === 1;
      add(path, `${describeValue(got)} is not ${one ? 'allowed' : 'one of the choices'}: ${one ? 'expected ' : ''}${allowed.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`);
      return;
    }
    default:
      add(path, issue.message);
  }
}

// ───────────────────────── positions in the YAML ─────────────────────────

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

// ───────────────────────── messages ─────────────────────────

function valueAt(data: unknown, path: Segment[]): unknown {
  let v = data;
  for (const segment of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, segment)) return undefined;
    v = (v as Record<Segment, unknown>)[segment];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

/** The field names the schema allows at `path`, for a "did you mean" hint. */
function knownKeys(path: Segment[]): string[] {
  let schema: z.core.$ZodType | undefined = scenarioSchema;
  for (const segment of path) {
    schema = schema && step(unwrap(schema), segment);
  }
  const def = schema && unwrap(schema)._zod.def;
  return def?.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema;
  for (let guard = 0; guard < 10; guard++) {
    const def = s._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}

function step(schema: z.core.$ZodType, segment: Segment): z.core.$ZodType | undefined {
  const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; items?: z.core.$ZodType[]; valueType?: z.core.$ZodType };
  if (def.type === 'object' && typeof segment === 'string') return def.shape?.[segment];
  if (def.type === 'array') return def.element;
  if (def.type === 'tuple' && typeof segment === 'number') return def.items?.[segment];
  if (def.type === 'record') return def.valueType;
  return undefined;
}

/** The closest allowed name, if the typo is small (case slips, up to two edits). */
function suggestion(key: string, known: string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = name.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, name);
    if (d <= 2 && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

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
  unique.sort((a, b) => a.line - b.line || a.column - b.column || compare(a.path, b.path) || compare(a.message, b.message));
  return { ok: false, problems: unique };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
