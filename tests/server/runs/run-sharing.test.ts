import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DATABASE_TARGETS, freshDatabaseUrl, get, playRanked, post } from '../helpers/test-app';

/**
 * A verified run's review page: open to anyone with its address, made private (and
 * open again) only by whoever holds the attempt id it was submitted under.
 */
describe.each(DATABASE_TARGETS)('sharing a run on %s', (target) => {
  let app: FastifyInstance;
  let runId: string;
  let attemptId: string;
  beforeAll(async () => {
    app = await buildTestApp(await freshDatabaseUrl(target));
    const played = await playRanked(app);
    attemptId = played.attemptId;
    const verdict = await post(app, '/api/runs', { player: 'Grace', attemptId, run: played.run });
    expect(verdict.status, verdict.response.body).toBe(200);
    runId = verdict.body!.runId;
  });
  afterAll(async () => app?.close());

  it('sends /runs/:runId to the game, which opens the review from ?review=', async () => {
    const page = await app.inject({ method: 'GET', url: `/runs/${runId}` });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe(`/?review=${runId}`);
    expect((await app.inject({ method: 'GET', url: `/runs/${runId}?renderer=canvas` })).headers.location).toBe(`/?review=${runId}&renderer=canvas`);
    expect((await app.inject({ method: 'GET', url: '/runs/not-a-run' })).statusCode).toBe(404);
  });

  it('shows the run without an account, names as text and nothing else about the player', async () => {
    const run = await get(app, `/api/runs/${runId}`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ runId, player: 'Grace' });
    expect(JSON.stringify(run.body)).not.toContain(attemptId);
  });

  it('lets only the submit token make it private, and then answers as for an unknown run', async () => {
    const stranger = await post(app, `/api/runs/${runId}/sharing`, { shared: false }, '00000000-0000-4000-8000-000000000000');
    expect(stranger.status).toBe(404);
    expect((await post(app, `/api/runs/${runId}/sharing`, { shared: false })).status).toBe(401);
    expect((await get(app, `/api/runs/${runId}`)).status).toBe(200);

    const closed = await post(app, `/api/runs/${runId}/sharing`, { shared: false }, attemptId);
    expect(closed.status, closed.response.body).toBe(200);
    expect(closed.body).toEqual({ runId, shared: false, page: `/runs/${runId}` });
    const hidden = await get(app, `/api/runs/${runId}`);
    const unknown = await get(app, '/api/runs/00000000-0000-4000-8000-000000000001');
    expect([hidden.status, hidden.body!.code]).toEqual([unknown.status, unknown.body!.code]);

    const reopened = await post(app, `/api/runs/${runId}/sharing`, { shared: true }, attemptId);
    expect(reopened.body).toMatchObject({ shared: true });
    expect((await get(app, `/api/runs/${runId}`)).status).toBe(200);
  });
});
