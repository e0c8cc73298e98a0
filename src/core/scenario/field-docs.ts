import { z } from 'zod';

/**
 * How the scenario schema documents itself. Each field carries its meaning and its
 * effect on play in the zod metadata, so the JSON Schema (editor hover text) and the
 * generated reference (`docs/scenario-format.md`) come from the same words.
 */

export interface FieldDoc {
  /** What the field is, in a trainer's words. */
  meaning: string;
  /** What it changes in a shift, as the simulation reads it. */
  effect?: string;
  examples?: readonly unknown[];
}

/** Separates the meaning from the effect on play inside a JSON Schema `description`. */
export const IN_PLAY = '\n\nIn play: ';

/** The schema with its documentation attached (a clone: shared building blocks stay undocumented). */
export function documented<T extends z.ZodType>(schema: T, doc: FieldDoc): T {
  const description = doc.effect ? `${doc.meaning}${IN_PLAY}${doc.effect}` : doc.meaning;
  return schema.meta({ description, ...(doc.examples ? { examples: [...doc.examples] } : {}) });
}

/** A whole number within one pair of bounds, so a bad value gets one message, not two contradictory ones. */
export function wholeNumber(min: number, max?: number) {
  const atLeast = z.number().int().min(min);
  return max === undefined ? atLeast : atLeast.max(max);
}

/** Sim minutes within one day. */
export const DAY_MINUTES = 24 * 60;

/** Identifiers a scenario gives its own channels, templates, injects, levels, obligations and judge rules. */
export const localId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/, 'an id that starts with a letter and uses letters, digits, _ or -');

/** Text between 1 and `max` characters. */
export const text = (max: number) => z.string().min(1).max(max);
