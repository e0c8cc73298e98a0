import { z } from 'zod';
import { scenarioHash, scenarioId } from './common.schema';

/** Where a scenario version came from: shipped in the game, the server's SCENARIO_DIR, or published by an author. */
export const scenarioSource = z.enum(['bundled', 'directory', 'published']);

export const scenarioSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  difficulty: z.string(),
  /** The latest version's hash: new ranked attempts and drills use it. */
  hash: scenarioHash,
  /** 1 for the first version this server kept of this id, counting up with each new one. */
  version: z.number().int().min(1),
  /** When an author published this version (epoch ms); absent for files the server read at start. */
  publishedAt: z.number().int().optional(),
  source: scenarioSource,
  realMinutes: z.number().int(),
  simMinutes: z.number().int(),
  /** The inject library a trainer can fire during a drill. */
  injects: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), scripted: z.boolean() })),
});

export const scenariosResponse = z.object({ engineVersion: z.string(), scenarios: z.array(scenarioSummarySchema) });

/** A scenario file is small; a draft over this is refused before parsing (413). */
export const SCENARIO_TEXT_MAX = 256 * 1024;

export const scenarioIdParams = z.object({ id: scenarioId });
export const scenarioVersionParams = z.object({ id: scenarioId, hash: scenarioHash });

/** One version of a scenario: its exact file text, as it was published or read. */
export const scenarioVersionResponse = z.object({ id: z.string(), hash: scenarioHash, yaml: z.string() });

export const scenarioTextBody = z.object({
  yaml: z.string().min(1, 'must not be empty').max(SCENARIO_TEXT_MAX, `at most ${SCENARIO_TEXT_MAX} characters`),
});

/** One located finding of the checker: an error (the file is refused) or a warning (a lint). */
export const scenarioProblem = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  /** Dotted path of the field, e.g. `guideline.levels.2.entry`; empty for the file as a whole. */
  field: z.string(),
  /** What the file has there, when the message names it. */
  found: z.string().nullable(),
  /** What the format allows there, when the message names it. */
  allowed: z.string().nullable(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  /** A warning's lint code, for `# surge-drill: allow CODE (reason)`. */
  lint: z.string().optional(),
});

export const scenarioCheckResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: z.string(), hash: scenarioHash, warnings: z.array(scenarioProblem) }),
  z.object({ ok: z.literal(false), problems: z.array(scenarioProblem) }),
]);

export const scenarioPublished = z.object({ id: z.string(), hash: scenarioHash, version: z.number().int().min(1) });

/** The 400 of a refused publish: the same located problems the check endpoint gives. */
export const scenarioInvalidError = z.object({
  code: z.literal('scenario/invalid'),
  message: z.string(),
  problems: z.array(scenarioProblem),
  error: z.object({ code: z.literal('scenario/invalid'), message: z.string(), problems: z.array(scenarioProblem) }),
});
