import { z } from 'zod';
import { scenarioSchema } from './scenario.schema';

/**
 * The scenario format as a JSON Schema (draft 2020-12), made from the same zod schema
 * the loader validates with, so editors check and explain a file as the game reads it.
 * Cross-field rules (ids that must exist, shares that add up) are beyond JSON Schema;
 * `surge-drill check` and the studio still apply them.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  // Input shape: a field with a default may be left out of the file.
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return withoutSafeIntegerBounds(schema) as Record<string, unknown>;
}

/** zod writes a whole number's implicit safe-integer range; a trainer's editor should show only the real limits. */
function withoutSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutSafeIntegerBounds);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
    out[key] = withoutSafeIntegerBounds(value);
  }
  return out;
}
