import type { FastifyInstance } from 'fastify';
import type { ApiRegistry } from '../http/api-route';
import { attemptBody, attemptResponse, errorSchema, runBody, runDetail, runParams, runResponse } from '../api.schemas';
import type { AppContext } from '../context';
import { createAttempt, getRun, submitRun } from './runs.service';

/** A run record of MAX_ACTIONS actions is well under this; anything larger is refused before parsing. */
export const RUN_BODY_LIMIT = 1024 * 1024;

export function runRoutes(app: FastifyInstance, api: ApiRegistry, ctx: AppContext): void {
  api.add(
    app,
    {
      method: 'POST',
      url: '/api/attempts',
      tag: 'leaderboards',
      summary: 'Start a ranked attempt: the server chooses the seed',
      body: attemptBody,
      responses: {
        201: { description: 'The attempt and its seed', schema: attemptResponse },
        404: { description: 'Unknown scenario', schema: errorSchema },
      },
    },
    async ({ body, reply }) => {
      reply.code(201);
      return createAttempt(ctx, body);
    },
  );

  api.add(
    app,
    {
      method: 'POST',
      url: '/api/runs',
      tag: 'leaderboards',
      summary: 'Submit a ranked run; the server replays it and stores it only if it verifies',
      description:
        'Refusals: 400 run/invalid (malformed or truncated record), 404 scenario/unknown or attempt/unknown, 409 attempt/used, ' +
        '422 run/score_mismatch, run/action_rejected, run/engine_mismatch, run/hash_mismatch, attempt/mismatch, run/not_ranked; ' +
        '503 verify/busy when the verifier queue is full. The same run twice answers the stored result (duplicate: true).',
      body: runBody,
      bodyLimit: RUN_BODY_LIMIT,
      responses: {
        200: { description: 'Verified (and stored, or already stored)', schema: runResponse },
        422: { description: 'The run does not verify', schema: errorSchema },
        503: { description: 'Verifier busy; retry', schema: errorSchema },
      },
    },
    async ({ body }) => submitRun(ctx, body),
  );

  api.add(
    app,
    {
      method: 'GET',
      url: '/api/runs/:runId',
      tag: 'leaderboards',
      summary: 'A stored, verified run with its record (for replays and debriefs)',
      params: runParams,
      responses: { 200: { description: 'The run', schema: runDetail }, 404: { description: 'No such run', schema: errorSchema } },
    },
    async ({ params }) => getRun(ctx, params.runId),
  );
}
