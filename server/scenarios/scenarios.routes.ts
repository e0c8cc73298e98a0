import type { FastifyInstance } from 'fastify';
import { ENGINE_VERSION } from '../../src/core/index';
import type { ApiRegistry } from '../http/api-route';
import { scenariosResponse } from '../api.schemas';
import type { AppContext } from '../context';

export function scenarioRoutes(app: FastifyInstance, api: ApiRegistry, ctx: AppContext): void {
  api.add(
    app,
    {
      method: 'GET',
      url: '/api/scenarios',
      tag: 'scenarios',
      summary: 'Scenarios this server verifies, with their version hash and inject library',
      responses: { 200: { description: 'The catalogue', schema: scenariosResponse } },
    },
    async () => ({ engineVersion: ENGINE_VERSION, scenarios: ctx.catalog.summaries() }),
  );
}
