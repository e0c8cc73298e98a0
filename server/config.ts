import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Process configuration from the environment, with defaults that need no setup.
 * HOST defaults to 127.0.0.1 so a laptop does not expose the server to its network
 * by accident; set HOST=0.0.0.0 in a container or behind a load balancer.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('sqlite:./data/surge-drill.db'),
  SCENARIO_DIR: z.string().min(1).default(join(ROOT, 'scenarios')),
  DIST_DIR: z.string().min(1).default(join(ROOT, 'dist')),
  /** Worker threads that re-simulate submitted runs. */
  VERIFY_WORKERS: z.coerce.number().int().min(1).max(64).default(Math.max(1, Math.min(4, availableParallelism() - 1))),
  /** Requests per minute per IP before 429. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Set to true behind a load balancer so rate limits and logs see the client's address. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`bad environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
