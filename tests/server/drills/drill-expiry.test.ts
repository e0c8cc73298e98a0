import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DRILL_LIFETIME_MS } from '../../../server/drills/drill.service';
import { buildTestApp, freshDatabaseUrl, get, post } from '../helpers/test-app';

/** Issue 13, finding 3: drills never expired, so every code ever issued stayed guessable and usable. */
describe('drill expiry', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // The wall clock, so the faked Date below moves the drill's lifetime on.
    app = await buildTestApp(await freshDatabaseUrl('sqlite'), { now: () => Date.now() });
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => app?.close());

  it('makes a drill unknown to joiners and its tokens useless once its lifetime is over', async () => {
    const created = await post(app, '/api/drills', { scenarioId: 'mini', seed: 9 });
    const { code, trainerToken } = created.body!;
    const joined = await post(app, `/api/drills/${code}/join`, { name: 'Early' });
    expect(joined.status).toBe(201);
    expect((await get(app, `/api/drills/${code}`, trainerToken)).status).toBe(200);

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + DRILL_LIFETIME_MS + 60_000 });
    expect((await post(app, `/api/drills/${code}/join`, { name: 'Late' })).status).toBe(404);
    const trainer = await get(app, `/api/drills/${code}`, trainerToken);
    const stranger = await get(app, `/api/drills/${code}`, 'not-a-token');
    expect([trainer.status, trainer.body]).toEqual([403, stranger.body]);
    expect((await post(app, `/api/drills/${code}/progress`, { t: 1, score: 1, level: 'calm', obligations: [] }, joined.body!.traineeToken)).status).toBe(403);
  });
});
