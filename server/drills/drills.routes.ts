import {
  drillCommand,
  drillCreateBody,
  drillCreated,
  drillParams,
  drillRunBody,
  drillRunResponse,
  drillView as drillViewSchema,
  firedInject,
  injectBody,
  joinBody,
  joined,
  progressBody,
  resultsCsv as resultsCsvSchema,
  resultsResponse,
  statusResponse,
  tokenQuery,
  traineeParams,
  traineeReview as traineeReviewSchema,
  xapiResponse,
} from '../../src/api/index';
import type { ApiRegistry } from '../http/api-route';
import type { AppContext } from '../context';
import { resultsCsv, xapiStatements } from './drill-exports';
import { drillAuth } from './drill-auth';
import { controlDrill, createDrill, drillScenario, drillView, fireInject, joinDrill, reportProgress, traineeReview } from './drill.service';
import { drillResults } from './drill-results';
import { submitDrillRun } from './drill-runs.service';
import { RUN_BODY_LIMIT } from '../runs/runs.routes';

export function drillRoutes(api: ApiRegistry, ctx: AppContext, options: { publicUrl: string; offlineGraceMs: number }): void {
  const auth = drillAuth(ctx);
  // xAPI activity IRIs: the configured public URL, not the client-supplied Host header.
  const baseUrl = options.publicUrl.replace(/\/+$/, '');

  api.add(
    {
      method: 'POST',
      url: '/api/drills',
      tag: 'drills',
      summary: 'Create a drill: answers a join code for trainees and a private trainer token',
      body: drillCreateBody,
      reply: { status: 201, description: 'Created', schema: drillCreated },
      errors: { 404: { description: 'Unknown scenario' } },
    },
    async ({ body }) => createDrill(ctx, body),
  );

  api.add(
    {
      method: 'POST',
      url: '/api/drills/:code/join',
      tag: 'drills',
      summary: 'Join a drill with its code and a display name; answers a private trainee token',
      params: drillParams,
      body: joinBody,
      reply: { status: 201, description: 'Joined', schema: joined },
      errors: { 404: { description: 'No such drill' }, 409: { description: 'Name taken, or the drill has ended' } },
    },
    async ({ params, body }) => joinDrill(ctx, params.code, body.name),
  );

  api.add(
    {
      method: 'GET',
      url: '/api/drills/:code',
      tag: 'drills',
      summary: 'Trainer view: trainees, their live progress and results, injects fired',
      params: drillParams,
      query: tokenQuery,
      auth: auth.trainer,
      reply: { status: 200, description: 'The drill', schema: drillViewSchema },
    },
    async ({ caller }) => drillView(ctx, caller.drill),
  );

  for (const command of drillCommand.options) {
    api.add(
      {
        method: 'POST',
        url: `/api/drills/:code/${command}`,
        tag: 'drills',
        summary: `${command[0]!.toUpperCase()}${command.slice(1)} the drill for everyone (trainer)`,
        params: drillParams,
        auth: auth.trainer,
        reply: { status: 200, description: 'New status', schema: statusResponse },
        errors: { 409: { description: 'Not allowed in the current status' } },
      },
      async ({ caller }) => controlDrill(ctx, caller.drill, command),
    );
  }

  api.add(
    {
      method: 'POST',
      url: '/api/drills/:code/injects',
      tag: 'drills',
      summary: "Fire an inject from the scenario's library for every trainee (trainer)",
      params: drillParams,
      body: injectBody,
      auth: auth.trainer,
      reply: { status: 201, description: 'Fired', schema: firedInject },
      errors: { 409: { description: 'Drill not running, or inject already fired' }, 422: { description: 'No such inject in this scenario' } },
    },
    async ({ body, caller }) => fireInject(ctx, caller.drill, body.injectId),
  );

  api.add(
    {
      method: 'POST',
      url: '/api/drills/:code/progress',
      tag: 'drills',
      summary: 'Report live progress (trainee): score so far, level, obligations',
      params: drillParams,
      body: progressBody,
      bodyLimit: RUN_BODY_LIMIT,
      auth: auth.trainee,
      rateLimit: 'progressPerAddress',
      reply: { status: 204, description: 'Recorded' },
      errors: {
        409: { description: 'Drill not running' },
        429: { description: 'Reported too soon after the last report, or too many reports from this address' },
      },
    },
    async ({ body, caller }) => {
      await reportProgress(ctx, caller, body);
      return undefined;
    },
  );

  api.add(
    {
      method: 'POST',
      url: '/api/drills/:code/runs',
      tag: 'drills',
      summary: 'Submit the final run record (trainee); verified by replay before it counts',
      params: drillParams,
      body: drillRunBody,
      bodyLimit: RUN_BODY_LIMIT,
      auth: auth.trainee,
      reply: { status: 200, description: 'Verified and recorded', schema: drillRunResponse },
      errors: {
        409: { description: 'A different run was already recorded, the drill has not started, or it ended longer ago than the offline grace' },
        422: { description: "The run does not verify, is not of this drill, or does not apply the trainer's injects at the times they fired" },
      },
    },
    async ({ body, caller }) => submitDrillRun(ctx, caller, body.run, options.offlineGraceMs),
  );

  api.add(
    {
      method: 'GET',
      url: '/api/drills/:code/trainees/:traineeId/review',
      tag: 'drills',
      summary: "One trainee's run as far as it has arrived, for the trainer to open its review (trainer)",
      params: traineeParams,
      query: tokenQuery,
      auth: auth.trainer,
      reply: { status: 200, description: 'The actions so far and the sim second to rebuild to', schema: traineeReviewSchema },
      errors: { 404: { description: 'No such trainee in this drill' } },
    },
    async ({ params, caller }) => traineeReview(ctx, caller.drill, params.traineeId),
  );

  api.add(
    {
      method: 'GET',
      url: '/api/drills/:code/results',
      tag: 'drills',
      summary: 'Cohort results: scores, component averages, moments and obligations most trainees missed (trainer)',
      params: drillParams,
      query: tokenQuery,
      auth: auth.trainer,
      reply: { status: 200, description: 'Results', schema: resultsResponse },
    },
    async ({ caller }) => drillResults(ctx, caller.drill),
  );

  api.add(
    {
      method: 'GET',
      url: '/api/drills/:code/results.csv',
      tag: 'drills',
      summary: 'Cohort results as CSV for a spreadsheet (trainer)',
      params: drillParams,
      query: tokenQuery,
      auth: auth.trainer,
      reply: { status: 200, description: 'CSV, one row per trainee', contentType: 'text/csv', schema: resultsCsvSchema },
    },
    async ({ caller, reply }) => {
      const csv = resultsCsv(await drillResults(ctx, caller.drill), await drillScenario(ctx, caller.drill));
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="drill-${caller.drill.code}-results.csv"`);
      return csv;
    },
  );

  api.add(
    {
      method: 'GET',
      url: '/api/drills/:code/xapi',
      tag: 'drills',
      summary: 'Cohort results as xAPI 1.0.3 statements (JSON array) for an LMS or LRS (trainer)',
      params: drillParams,
      query: tokenQuery,
      auth: auth.trainer,
      reply: { status: 200, description: 'Statements', schema: xapiResponse },
    },
    async ({ caller, reply }) => {
      reply.header('content-disposition', `attachment; filename="drill-${caller.drill.code}-xapi.json"`);
      return xapiStatements(await drillResults(ctx, caller.drill), caller.drill, baseUrl);
    },
  );
}
