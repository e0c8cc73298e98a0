import { attemptBody, attemptResponse, runBody, runDetail, runParams, runResponse } from '../../src/api/index';
import type { ApiRegistry } from '../http/api-route';
import type { AppContext } from '../context';
import { createAttempt, getRun, submitRun } from './runs.service';

/** A run record of MAX_ACTIONS actions is well under this; anything larger is refused before parsing. */
export const RUN_BODY_LIMIT = 1024 * 1024;

export function runRoutes(api: ApiRegistry, ctx: AppContext): void {
  api.add(
    {
      method: 'POST',
      url: '/api/attempts',
      tag: 'leaderboards',
      summary: 'Start a ranked attempt: the server chooses the seed',
      body: attemptBody,
      reply: { status: 201, description: 'The attempt and its seed', schema: attemptResponse },
      errors: { 404: { description: 'Unknown scenario' } },
    },
    async ({ body }) => createAttempt(ctx, body),
  );

  api.add(
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
      reply: { status: 200, description: 'Verified (and stored, or already stored)', schema: runResponse },
      errors: { 422: { description: 'The run does not verify' }, 503: { description: 'Verifier busy; retry' } },
    },
    async ({ body }) => submitRun(ctx, body),
  );

  api.add(
    {
      method: 'GET',
      url: '/api/runs/:runId',
      tag: 'leaderboards',
      summary: 'A stored, verified run with its record (for replays and debriefs)',
      params: runParams,
      reply: { status: 200, description: 'The run', schema: runDetail },
      errors: { 404: { description: 'No such run' } },
    },
    async ({ params }) => getRun(ctx, params.runId),
  );
}
