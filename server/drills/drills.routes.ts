import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiRegistry } from '../http/api-route';
import {
  drillCreateBody,
  drillCreated,
  drillParams,
  drillRunBody,
  drillRunResponse,
  drillView as drillViewSchema,
  errorSchema,
  injectBody,
  joinBody,
  joined,
  okResponse,
  progressBody,
  resultsResponse,
  tokenQuery,
} from '../api.schemas';
import type { AppContext } from '../context';
import { resultsCsv, xapiStatements } from './drill-exports';
import { authenticate, controlDrill, createDrill, drillResults, drillView, fireInject, joinDrill, reportProgress, submitDrillRun, type Caller } from './drill.service';
import { ApiError } from '../http/http-errors';
import { callerToken } from '../http/auth-token';
import { RUN_BODY_LIMIT } from '../runs/runs.routes';

const trainerOnly = { 401: { description: 'No token', schema: errorSchema }, 403: { description: 'Not this drill\'s trainer', schema: errorSchema } };
const traineeOnly = { 401: { description: 'No token', schema: errorSchema }, 403: { description: 'Not a trainee of this drill', schema: errorSchema } };

function asTrainee(caller: Caller): Extract<Caller, { role: 'trainee' }> {
  if (caller.role !== 'trainee') throw new ApiError('drill/forbidden', 'this endpoint is for trainees');
  return caller;
}

/** Base URL for xAPI activity ids: where this server is reached from. */
function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function drillRoutes(app: FastifyInstance, api: ApiRegistry, ctx: AppContext): void {
  api.add(
    app,
    {
      method: 'POST',
      url: '/api/drills',
      tag: 'drills',
      summary: 'Create a drill: answers a join code for trainees and a private trainer token',
      body: drillCreateBody,
      responses: { 201: { description: 'Created', schema: drillCreated }, 404: { description: 'Unknown scenario', schema: errorSchema } },
    },
    async ({ body, reply }) => {
      reply.code(201);
      return createDrill(ctx, body);
    },
  );

  api.add(
    app,
    {
      method: 'POST',
      url: '/api/drills/:code/join',
      tag: 'drills',
      summary: 'Join a drill with its code and a display name; answers a private trainee token',
      params: drillParams,
      body: joinBody,
      responses: {
        201: { description: 'Joined', schema: joined },
        404: { description: 'No such drill', schema: errorSchema },
        409: { description: 'Name taken, or the drill has ended', schema: errorSchema },
      },
    },
    async ({ params, body, reply }) => {
      reply.code(201);
      return joinDrill(ctx, params.code, body.name);
    },
  );

  api.add(
    app,
    {
      method: 'GET',
      url: '/api/drills/:code',
      tag: 'drills',
      summary: 'Trainer view: trainees, their live progress and results, injects fired',
      params: drillParams,
      query: tokenQuery,
      auth: 'trainer',
      responses: { 200: { description: 'The drill', schema: drillViewSchema }, ...trainerOnly },
    },
    async ({ params, query, request }) => {
      const caller = await authenticate(ctx, params.code, callerToken(request, query.token), 'trainer');
      return drillView(ctx, caller.drill);
    },
  );

  for (const command of ['start', 'pause', 'resume', 'end'] as const) {
    api.add(
      app,
      {
        method: 'POST',
        url: `/api/drills/:code/${command}`,
        tag: 'drills',
        summary: `${command[0]!.toUpperCase()}${command.slice(1)} the drill for everyone (trainer)`,
        params: drillParams,
        auth: 'trainer',
        responses: { 200: { description: 'New status', schema: okResponse }, 409: { description: 'Not allowed in the current status', schema: errorSchema }, ...trainerOnly },
      },
      async ({ params, request }) => {
        const caller = await authenticate(ctx, params.code, callerToken(request), 'trainer');
        return controlDrill(ctx, caller.drill, command);
      },
    );
  }

  api.add(
    app,
    {
      method: 'POST',
      url: '/api/drills/:code/injects',
      tag: 'drills',
      summary: 'Fire an inject from the scenario\'s library for every trainee (trainer)',
      params: drillParams,
      body: injectBody,
      auth: 'trainer',
      responses: {
        201: { description: 'Fired', schema: drillViewSchema.shape.firedInjects.element },
        409: { description: 'Drill not running, or inject already fired', schema: errorSchema },
        422: { description: 'No such inject in this scenario', schema: errorSchema },
        ...trainerOnly,
      },
    },
    async ({ params, body, request, reply }) => {
      const caller = await authenticate(ctx, params.code, callerToken(request), 'trainer');
      reply.code(201);
      return fireInject(ctx, caller.drill, body.injectId);
    },
  );

  api.add(
    app,
    {
      method: 'POST',
      url: '/api/drills/:code/progress',
      tag: 'drills',
      summary: 'Report live progress (trainee): score so far, level, obligations',
      params: drillParams,
      body: progressBody,
      auth: 'trainee',
      // A classroom shares one address; limit per trainee token instead of per IP.
      rateLimit: { max: 240, keyGenerator: (request) => `progress:${callerToken(request) ?? request.ip}` },
      responses: { 204: { description: 'Recorded' }, 409: { description: 'Drill not running', schema: errorSchema }, ...traineeOnly },
    },
    async ({ params, body, request, reply }) => {
      const caller = asTrainee(await authenticate(ctx, params.code, callerToken(request), 'trainee'));
      await reportProgress(ctx, caller, body);
      reply.code(204);
      return undefined;
    },
  );

  api.add(
    app,
    {
      method: 'POST',
      url: '/api/drills/:code/runs',
      tag: 'drills',
      summary: 'Submit the final run record (trainee); verified by replay before it counts',
      params: drillParams,
      body: drillRunBody,
      bodyLimit: RUN_BODY_LIMIT,
      auth: 'trainee',
      responses: {
        200: { description: 'Verified and recorded', schema: drillRunResponse },
        409: { description: 'A different run was already recorded', schema: errorSchema },
        422: { description: 'The run does not verify or is not of this drill', schema: errorSchema },
        ...traineeOnly,
      },
    },
    async ({ params, body, request }) => {
      const caller = asTrainee(await authenticate(ctx, params.code, callerToken(request), 'trainee'));
      return submitDrillRun(ctx, caller, body.run);
    },
  );

  api.add(
    app,
    {
      method: 'GET',
      url: '/api/drills/:code/results',
      tag: 'drills',
      summary: 'Cohort results: scores, component averages, moments and obligations most trainees missed (trainer)',
      params: drillParams,
      query: tokenQuery,
      auth: 'trainer',
      responses: { 200: { description: 'Results', schema: resultsResponse }, ...trainerOnly },
    },
    async ({ params, query, request }) => {
      const caller = await authenticate(ctx, params.code, callerToken(request, query.token), 'trainer');
      return drillResults(ctx, caller.drill);
    },
  );

  api.add(
    app,
    {
      method: 'GET',
      url: '/api/drills/:code/results.csv',
      tag: 'drills',
      summary: 'Cohort results as CSV for a spreadsheet (trainer)',
      params: drillParams,
      query: tokenQuery,
      auth: 'trainer',
      responses: { 200: { description: 'CSV, one row per trainee', contentType: 'text/csv' }, ...trainerOnly },
    },
    async ({ params, query, request, reply }) => {
      const caller = await authenticate(ctx, params.code, callerToken(request, query.token), 'trainer');
      const csv = resultsCsv(await drillResults(ctx, caller.drill));
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="drill-${caller.drill.code}-results.csv"`);
      return csv;
    },
  );

  api.add(
    app,
    {
      method: 'GET',
      url: '/api/drills/:code/xapi',
      tag: 'drills',
      summary: 'Cohort results as xAPI 1.0.3 statements (JSON array) for an LMS or LRS (trainer)',
      params: drillParams,
      query: tokenQuery,
      auth: 'trainer',
      responses: { 200: { description: 'Statements' }, ...trainerOnly },
    },
    async ({ params, query, request, reply }) => {
      const caller = await authenticate(ctx, params.code, callerToken(request, query.token), 'trainer');
      reply.header('content-disposition', `attachment; filename="drill-${caller.drill.code}-xapi.json"`);
      return xapiStatements(await drillResults(ctx, caller.drill), caller.drill, baseUrl(request));
    },
  );
}
