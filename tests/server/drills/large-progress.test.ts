import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DATABASE_TARGETS, freshDatabaseUrl, post } from '../helpers/test-app';
import { openSse, type SseClient } from '../helpers/sse-client';

/**
 * Issue 13, finding 3 (and 8): on PostgreSQL a valid 10 KB progress report in CJK failed with 500,
 * because the live event went whole through pg_notify (8000-byte limit). Large events now travel
 * by reference; the trainer's stream receives them unchanged.
 */
const cjkProgress = {
  t: 600,
  score: 42,
  level: '危機'.repeat(30),
  obligations: Array.from({ length: 50 }, (_, i) => ({ id: `${'義務'.repeat(29)}${i}`.slice(0, 60), status: 'open' as const })),
};

describe.each(DATABASE_TARGETS)('a large progress report on %s', (target) => {
  let app: FastifyInstance;
  let base: string;
  let trainer: SseClient | undefined;
  beforeAll(async () => {
    app = await buildTestApp(await freshDatabaseUrl(target));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    trainer?.close();
    await app?.close();
  });

  it('is recorded and reaches the trainer whole', async () => {
    expect(Buffer.byteLength(JSON.stringify(cjkProgress))).toBeGreaterThan(9_000);
    const created = await post(app, '/api/drills', { scenarioId: 'mini', seed: 4 });
    const { code, trainerToken } = created.body!;
    const joined = await post(app, `/api/drills/${code}/join`, { name: 'Mei' });
    expect((await post(app, `/api/drills/${code}/start`, {}, trainerToken)).status).toBe(200);
    trainer = await openSse(`${base}/api/drills/${code}/events`, { authorization: `Bearer ${trainerToken}` });
    await trainer.waitFor((e) => e.event === 'snapshot');

    const posted = await post(app, `/api/drills/${code}/progress`, cjkProgress, joined.body!.traineeToken);
    expect(posted.status).toBe(204);
    const event = await trainer.waitFor((e) => e.event === 'progress');
    expect(event.data).toMatchObject({ traineeId: joined.body!.traineeId, ...cjkProgress });
  });
});
