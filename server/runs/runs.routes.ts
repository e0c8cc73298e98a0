import type { FastifyRequest } from 'fastify';
import {
  attemptBody,
  attemptResponse,
  CLAIM_KEY_HEADER,
  nameCheckBody,
  nameCheckResponse,
  runBody,
  runDetail,
  runParams,
  runResponse,
  TEAM_CODE_HEADER,
  teamBody,
  teamCreated,
} from '../../src/api/index';
import type { ApiRegistry } from '../http/api-route';
import type { AppContext } from '../context';
import { checkNames, createTeamFor } from './names.service';
import { createAttempt, getRun, submitRun, type NameSecrets } from './runs.service';

/** A run record of MAX_ACTIONS actions is well under this; anything larger is refused before parsing. */
export const RUN_BODY_LIMIT = 1024 * 1024;

/** A header's value, if sent once and not empty. */
function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

const secretsOf = (request: FastifyRequest): NameSecrets => ({ claimKey: header(request, CLAIM_KEY_HEADER), teamCode: header(request, TEAM_CODE_HEADER) });

export function runRoutes(api: ApiRegistry, ctx: AppContext): void {
  api.add(
    {
      method: 'POST',
      url: '/api/attempts',
      tag: 'leaderboards',
      summary: "Start a ranked attempt: the server chooses the seed, and its clock starts",
      description:
        'The answer says when the attempt was issued and how its window runs: a run arrives no sooner than shiftMs after issuedAt, ' +
        'and on time within finishGraceMs more; later, within offlineGraceMs, only with endedAfterMs showing the shift ended in time.',
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
        'Refusals: 400 run/invalid (malformed or truncated record), 403 names/claimed (the player name is owned: send its claim key ' +
        `in ${CLAIM_KEY_HEADER}) or teams/code_required (send the team code in ${TEAM_CODE_HEADER}), 404 scenario/unknown or attempt/unknown, ` +
        '409 attempt/used, 422 run/score_mismatch, run/action_rejected, run/engine_mismatch, run/hash_mismatch, attempt/mismatch, run/not_ranked, ' +
        'attempt/too_soon, attempt/expired, attempt/burned (after 3 runs that did not verify); 503 verify/busy when the verifier queue is full. ' +
        'A refusal of a run that does not verify never states the replayed score. The same run twice answers the stored result (duplicate: true). ' +
        'The first verified run under a free name answers claimKey (and teamCode for a free team) once.',
      body: runBody,
      bodyLimit: RUN_BODY_LIMIT,
      reply: { status: 200, description: 'Verified (and stored, or already stored)', schema: runResponse },
      errors: {
        403: { description: 'The player name or team is owned, and the key or code sent does not open it' },
        422: { description: 'The run does not verify, or arrived outside its attempt’s window' },
        503: { description: 'Verifier busy; retry' },
      },
    },
    async ({ body, request }) => submitRun(ctx, body, secretsOf(request)),
  );

  api.add(
    {
      method: 'POST',
      url: '/api/teams',
      tag: 'leaderboards',
      summary: 'Create a team: its creator is answered the team code members need, once',
      body: teamBody,
      reply: { status: 201, description: 'The team and its code', schema: teamCreated },
      errors: { 409: { description: 'names/taken: the team, or one that looks like it, exists' } },
    },
    async ({ body }) => createTeamFor(ctx, body.team),
  );

  api.add(
    {
      method: 'POST',
      url: '/api/names/check',
      tag: 'leaderboards',
      summary: `Check a player name and team before saving them: free, or opened by the key (${CLAIM_KEY_HEADER}) and code (${TEAM_CODE_HEADER}) sent`,
      body: nameCheckBody,
      reply: { status: 200, description: 'Each name as runs will store it', schema: nameCheckResponse },
      errors: { 403: { description: 'names/claimed or teams/code_required, with the reason' } },
    },
    async ({ body, request }) => checkNames(ctx, body, secretsOf(request)),
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
