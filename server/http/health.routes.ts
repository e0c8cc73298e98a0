import { healthSchema } from '../../src/api/index';
import { ENGINE_VERSION } from '../../src/core/index';
import type { ApiRegistry } from './api-route';
import type { AppContext } from '../context';

const started = Date.now();

/**
 * Liveness for load balancers: 503 when the replay workers cannot start (the instance
 * could not verify a run). Deliberately touches no database, so it is also the
 * benchmark's baseline.
 */
export function healthRoutes(api: ApiRegistry, ctx: AppContext): void {
  api.add(
    {
      method: 'GET',
      url: '/api/health',
      tag: 'service',
      summary: 'Liveness and verifier state',
      reply: { status: 200, description: 'Up', schema: healthSchema },
      errors: { 503: { description: 'The verifier cannot run', schema: healthSchema } },
    },
    async ({ reply }) => {
      const healthy = ctx.verifier.healthy();
      if (!healthy) reply.code(503);
      return {
        status: healthy ? ('ok' as const) : ('degraded' as const),
        database: ctx.databaseKind,
        engineVersion: ENGINE_VERSION,
        scenarios: await ctx.scenarios.count(),
        verifier: ctx.verifier.stats(),
        uptimeSeconds: Math.floor((Date.now() - started) / 1000),
      };
    },
  );
}
