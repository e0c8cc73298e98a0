import type { FastifyInstance } from 'fastify';
import { runParams, runSharingBody, runSharingResponse } from '../../src/api/index';
import type { ApiRegistry } from '../http/api-route';
import { callerToken } from '../http/auth-token';
import { ApiError } from '../http/http-errors';
import type { AppContext } from '../context';
import { setRunShared } from './runs.repository';

/** The review page of a run: the game opens the run's debrief from this address. */
export const reviewPage = (runId: string) => `/runs/${runId}`;

/**
 * Sharing a verified run. Its review page needs no account; the run's submitter (who
 * holds the attempt id the run was submitted under, as the submit token) can close
 * it and open it again. A wrong token answers as an unknown run does.
 */
export function runSharingRoutes(api: ApiRegistry, ctx: AppContext): void {
  api.add(
    {
      method: 'POST',
      url: '/api/runs/:runId/sharing',
      tag: 'leaderboards',
      summary: 'Open or close a run’s review page (Authorization: Bearer <the attempt id it was submitted under>)',
      params: runParams,
      body: runSharingBody,
      reply: { status: 200, description: 'The page’s new state', schema: runSharingResponse },
      errors: { 401: { description: 'No submit token' }, 404: { description: 'No such run, or not this run’s submit token' } },
    },
    async ({ params, body, request }) => {
      const token = callerToken(request);
      if (!token) throw new ApiError('run/no_submit_token');
      const changed = /^[0-9a-f-]{36}$/i.test(token) && (await setRunShared(ctx.db, params.runId, token, body.shared));
      if (!changed) throw new ApiError('run/unknown', params.runId);
      return { runId: params.runId, shared: body.shared, page: reviewPage(params.runId) };
    },
  );
}

/** `/runs/:runId` is the address people share; the game is one page, so it opens the review from a query. */
export function reviewPageRoute(app: FastifyInstance): void {
  app.get<{ Params: { runId: string } }>('/runs/:runId', async (request, reply) => {
    const parsed = runParams.safeParse(request.params);
    if (!parsed.success) return reply.code(404).type('text/plain; charset=utf-8').send('No such run.\n');
    // Other game parameters (say `?renderer=canvas`) ride along.
    const rest = new URLSearchParams(request.url.split('?')[1] ?? '');
    rest.delete('review');
    const more = rest.toString();
    return reply.redirect(`/?review=${parsed.data.runId}${more ? `&${more}` : ''}`, 302);
  });
}
