import type { FastifyInstance } from 'fastify';
import { ENGINE_VERSION } from '../../src/core/index';
import type { ApiRegistry } from '../api-route';
import { healthSchema } from '../api.schemas';
import type { AppContext } from '../context';

const started = Date.now();

/** Liveness for load balancers; deliberately touches no database so it is also the benchmark's baseline. */
export function healthRoutes(app: FastifyInstance, api: ApiRegistry, ctx: AppContext): void {
  api.add(
    app,
    { method: 'GET', url: '/api/health', tag: 'service', summary: 'Liveness and verifier state', responses: { 200: { description: 'Up', schema: healthSchema } } },
    async () => ({
      status: 'ok' as const,
      database: ctx.databaseKind,
      engineVersion: ENGINE_VERSION,
      scenarios: ctx.catalog.entries.length,
      verifier: ctx.verifier.stats(),
      uptimeSeconds: Math.floor((Date.now() - started) / 1000),
    }),
  );
}
