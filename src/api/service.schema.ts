import { z } from 'zod';

/** Liveness for load balancers and the bench. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['sqlite', 'postgres']),
  engineVersion: z.string(),
  scenarios: z.number().int(),
  verifier: z.object({ workers: z.number().int(), ready: z.number().int(), busy: z.number().int(), queued: z.number().int() }),
  uptimeSeconds: z.number().int(),
});

/** The OpenAPI 3.1 document of this API (generated from these schemas). */
export const openApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});

/** The human-readable docs page and its script (they render openApiDocument as text). */
export const docsPage = z.string().meta({ description: 'An HTML page' });
export const docsScript = z.string().meta({ description: 'JavaScript for the docs page' });
