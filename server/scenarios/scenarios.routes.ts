import {
  SCENARIO_TEXT_MAX,
  scenarioCheckResponse,
  scenarioIdParams,
  scenarioInvalidError,
  scenarioPublished,
  scenariosResponse,
  scenarioTextBody,
  scenarioVersionParams,
  scenarioVersionResponse,
} from '../../src/api/index';
import { ENGINE_VERSION } from '../../src/core/index';
import type { ApiRegistry } from '../http/api-route';
import { ApiError } from '../http/http-errors';
import type { AppContext } from '../context';
import { requireAuthorKey } from './author-key';
import { checkAnswer, checkDraft } from './scenario-check';

/** JSON escaping can double a text's size (quotes, newlines); the text itself is capped by the schema. */
const SCENARIO_BODY_LIMIT = 2 * SCENARIO_TEXT_MAX + 1024;

export interface PublishingOptions {
  /** The operator's author key; publishing is off (404) without one. */
  authorKey: string | undefined;
}

export function scenarioRoutes(api: ApiRegistry, ctx: AppContext, publishing: PublishingOptions): void {
  api.add(
    {
      method: 'GET',
      url: '/api/scenarios',
      tag: 'scenarios',
      summary: 'Scenarios this server plays and verifies: the latest version of each, with its hash and inject library',
      reply: { status: 200, description: 'The catalogue', schema: scenariosResponse },
    },
    async () => ({ engineVersion: ENGINE_VERSION, scenarios: await ctx.scenarios.summaries() }),
  );

  api.add(
    {
      method: 'GET',
      url: '/api/scenarios/:id',
      tag: 'scenarios',
      summary: "The latest version of a scenario: its hash and file text",
      params: scenarioIdParams,
      reply: { status: 200, description: 'The scenario file', schema: scenarioVersionResponse },
      errors: { 404: { description: 'No such scenario' } },
    },
    async ({ params }) => {
      const entry = await ctx.scenarios.latest(params.id);
      if (!entry) throw new ApiError('scenario/unknown', params.id);
      return { id: entry.id, hash: entry.hash, yaml: entry.yaml };
    },
  );

  api.add(
    {
      method: 'GET',
      url: '/api/scenarios/:id/versions/:hash',
      tag: 'scenarios',
      summary: 'One kept version of a scenario, by hash: the exact file text',
      params: scenarioVersionParams,
      reply: { status: 200, description: 'The scenario file', schema: scenarioVersionResponse },
      errors: { 404: { description: 'No such scenario or version' } },
    },
    async ({ params }) => {
      const entry = await ctx.scenarios.version(params.id, params.hash);
      if (!entry) throw new ApiError('scenario/unknown_version', `${params.id} ${params.hash}`);
      return { id: entry.id, hash: entry.hash, yaml: entry.yaml };
    },
  );

  api.add(
    {
      method: 'POST',
      url: '/api/scenarios/check',
      tag: 'scenarios',
      summary: 'Checks a draft scenario: every located problem, or its id, hash and warnings',
      description: 'No key needed; rate-limited per address. A draft is never stored.',
      body: scenarioTextBody,
      bodyLimit: SCENARIO_BODY_LIMIT,
      rateLimit: 'scenarioChecks',
      reply: { status: 200, description: 'The checker’s verdict', schema: scenarioCheckResponse },
      errors: { 413: { description: 'The draft is too large' }, 429: { description: 'Too many checks' } },
    },
    async ({ body }) => checkAnswer(checkDraft(body.yaml)),
  );

  api.add(
    {
      method: 'POST',
      url: '/api/scenarios',
      tag: 'scenarios',
      summary: 'Publishes a scenario version (author key): playable in practice, ranked and drills at once',
      description:
        'Send `Authorization: Bearer <author key>`. Every version is kept by hash; the newest is what new attempts and drills play. ' +
        'Publishing the same content again answers the version already kept.',
      body: scenarioTextBody,
      bodyLimit: SCENARIO_BODY_LIMIT,
      rateLimit: 'scenarioChecks',
      auth: {
        refusals: { 401: 'No author key, or the wrong one', 404: 'Publishing is off (no author key is configured)' },
        resolve: async ({ request }) => requireAuthorKey(request, publishing.authorKey),
      },
      reply: { status: 201, description: 'The version kept', schema: scenarioPublished },
      errors: {
        400: { description: 'The scenario is not valid: the same located problems as the check endpoint', schema: scenarioInvalidError },
        409: { description: 'The id belongs to a scenario shipped with the game' },
      },
    },
    async ({ body }) => ctx.scenarios.publish(body.yaml, Date.now()),
  );
}
