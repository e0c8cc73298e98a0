import type { z } from 'zod';
import { CROSS_FIELD } from './cross-checks';
import { scenarioSchema } from './scenario.schema';
import { suggestion } from './spelling';

/**
 * Turns zod's issues into a trainer's words: each message says what was found and
 * what is allowed, read from the schema itself, and never the library's own wording.
 */

export type Segment = string | number;
export type AddIssue = (path: Segment[], message: string, target?: 'value' | 'key') => void;


export function describeIssue(issue: z.core.$ZodIssue, data: unknown, add: AddIssue): void {
  const path = issue.path.filter((s): s is Segment => typeof s === 'string' || typeof s === 'number');
  const got = valueAt(data, path);
  const field = String(path[path.length - 1] ?? 'format');
  switch (issue.code) {
    case 'unrecognized_keys':
      // Point at each stray key itself, and name it in the path.
      for (const key of issue.keys) {
        const hint = suggestion(key, knownKeys(path));
        add([...path, key], `unknown field "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`, 'key');
      }
      return;
    case 'invalid_key':
      add(path, `invalid name "${field}": ${issue.issues.map((i) => i.message).join('; ')}`, 'key');
      return;
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (got === undefined) add(path, `missing required field "${field}" (expected ${expected})`);
      else if (typeof got === 'number' && (issue.expected === 'int' || issue.expected === 'number')) add(path, `found ${got}; allowed: ${allowedFor(path)}`);
      else add(path, `expected ${expected}, got ${describeValue(got)}`);
      return;
    }
    case 'invalid_value': {
      const choices = issue.values.map((v) => JSON.stringify(v)).join(', ');
      if (got === undefined) {
        add(path, `missing required field "${field}" (expected ${issue.values.length === 1 ? choices : `one of ${choices}`})`);
        return;
      }
      const hint = typeof got === 'string' ? suggestion(got, issue.values.filter((v): v is string => typeof v === 'string')) : undefined;
      const one = issue.values.length === 1;
      add(path, `${describeValue(got)} is not ${one ? 'allowed' : 'one of the choices'}: ${one ? 'expected ' : ''}${choices}${hint ? ` (did you mean "${hint}"?)` : ''}`);
      return;
    }
    case 'too_small':
    case 'too_big':
      add(path, `found ${describeSize(got)}; allowed: ${allowedFor(path)}`);
      return;
    case 'invalid_format':
      add(path, `found ${describeValue(got)}; allowed: ${issue.message}`);
      return;
    case 'custom':
      add(path, issue.params?.[CROSS_FIELD] ? issue.message : `found ${typeof got === 'number' ? got : describeValue(got)}; allowed: ${issue.message}`);
      return;
    default:
      add(path, `found ${describeValue(got)}; ${issue.message}`);
  }
}

/** zod's type names in a trainer's words. */
const TYPE_NAMES: Record<string, string> = { string: 'text', array: 'a list', object: 'a mapping', boolean: 'true or false', int: 'a whole number' };

export function valueAt(data: unknown, path: Segment[]): unknown {
  let v = data;
  for (const segment of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, segment)) return undefined;
    v = (v as Record<Segment, unknown>)[segment];
  }
  return v;
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

function describeSize(v: unknown): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (typeof v === 'string') return v.length === 0 ? 'empty text' : `text of ${plural(v.length, 'character')}`;
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${plural(v.length, 'item')}`;
  return typeof v === 'number' ? String(v) : describeValue(v);
}

// ───────────────────────── what the schema allows ─────────────────────────

/** "a whole number from 1 to 1440", "1 to 80 characters", "at least 2 items": the limits of the field at `path`. */
function allowedFor(path: Segment[]): string {
  const schema = schemaAt(path);
  if (!schema) return 'see the format reference';
  const def = schema._zod.def as { type: string; checks?: { _zod: { def: Record<string, unknown> } }[] };
  let min: number | undefined;
  let max: number | undefined;
  let whole = false;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'number_format') whole = true;
    if (c.check === 'greater_than' || c.check === 'min_length') min = Math.max(min ?? -Infinity, Number(c.value ?? c.minimum));
    if (c.check === 'less_than' || c.check === 'max_length') max = Math.min(max ?? Infinity, Number(c.value ?? c.maximum));
  }
  if (def.type === 'tuple') return `exactly ${(def as unknown as { items: unknown[] }).items.length} items`;
  const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : max !== undefined ? `of at most ${max}` : '';
  if (def.type === 'number') return `${whole ? 'a whole number' : 'a number'}${range ? ` ${range}` : ''}`;
  const unit = def.type === 'string' ? 'characters' : 'items';
  if (min !== undefined && max !== undefined) return `${min} to ${max} ${unit}`;
  if (min !== undefined) return `at least ${min} ${unit.replace(/s$/, min === 1 ? '' : 's')}`;
  return max !== undefined ? `at most ${max} ${unit}` : 'see the format reference';
}

function schemaAt(path: Segment[]): z.core.$ZodType | undefined {
  let schema: z.core.$ZodType | undefined = scenarioSchema;
  for (const segment of path) schema = schema && step(unwrap(schema), segment);
  return schema && unwrap(schema);
}

/** The field names the schema allows at `path`, for a "did you mean" hint. */
function knownKeys(path: Segment[]): string[] {
  const def = schemaAt(path)?._zod.def;
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
