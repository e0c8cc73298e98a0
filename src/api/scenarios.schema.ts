import { z } from 'zod';
import { scenarioHash } from './common.schema';

export const scenarioSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    difficulty: z.string(),
    hash: scenarioHash,
    realMinutes: z.number().int(),
    simMinutes: z.number().int(),
    /** The inject library a trainer can fire during a drill. */
    injects: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), scripted: z.boolean() })),
  })
  .meta({ id: 'ScenarioSummary' });

export const scenariosResponse = z.object({ engineVersion: z.string(), scenarios: z.array(scenarioSummarySchema) });

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['sqlite', 'postgres']),
  engineVersion: z.string(),
  scenarios: z.number().int(),
  verifier: z.object({ workers: z.number().int(), ready: z.number().int(), busy: z.number().int(), queued: z.number().int() }),
  uptimeSeconds: z.number().int(),
});
