import { scenariosResponse } from '../../src/api/index';
import { ENGINE_VERSION } from '../../src/core/index';
import type { ApiRegistry } from '../http/api-route';
import type { AppContext } from '../context';

export function scenarioRoutes(api: ApiRegistry, ctx: AppContext): void {
  api.add(
    {
      method: 'GET',
      url: '/api/scenarios',
      tag: 'scenarios',
      summary: 'Scenarios this server verifies, with their version hash and inject library',
      reply: { status: 200, description: 'The catalogue', schema: scenariosResponse },
    },
    async () => ({ engineVersion: ENGINE_VERSION, scenarios: ctx.catalog.summaries() }),
  );
}
