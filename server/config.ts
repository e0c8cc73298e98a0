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
/** Fastify's trustProxy: off, a hop count, or the trusted proxies' addresses. */
export type TrustProxy = false | number | string[];

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
  /**
   * Behind load balancers: how many proxy hops to trust (`true` = 1, the nearest), or the proxies'
   * addresses/CIDRs, comma-separated. The client address is then the right-most X-Forwarded-For
   * entry not added by a trusted proxy: the left-most entry is whatever the client wrote.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): TrustProxy => {
      const value = v.trim();
      if (value === 'false') return false;
      if (value === 'true') return 1;
      if (/^\d+$/.test(value)) return Number(value);
      const addresses = value.split(',').map((a) => a.trim()).filter(Boolean);
      if (addresses.length === 0 || addresses.some((a) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a))) {
        ctx.addIssue({ code: 'custom', message: 'expected false, true (one hop), a hop count, or proxy addresses/CIDRs separated by commas' });
        return z.NEVER;
      }
      return addresses;
    }),
  /** Where players reach the server (https://drills.example.org): the base of xAPI activity IRIs. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * The key authors send to publish scenarios (`Authorization: Bearer …`); publishing is off without it.
   * Long enough that guessing is hopeless.
   */
  AUTHOR_KEY: z.string().min(16, 'at least 16 characters').optional(),
  /** `true` lets a published scenario replace one the game ships (same id). */
  ALLOW_BUNDLED_OVERRIDE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`bad environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
