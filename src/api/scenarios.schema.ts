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
  });

export const scenariosResponse = z.object({ engineVersion: z.string(), scenarios: z.array(scenarioSummarySchema) });
