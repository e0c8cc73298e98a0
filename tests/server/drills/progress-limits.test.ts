import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigProgress } from '../helpers/drill-attack';
import { buildTestApp, freshDatabaseUrl, post } from '../helpers/test-app';

/**
 * Issue 13, finding 1: progress posts were limited per trainee token only (240 a minute each),
 * so a client with many tokens escaped the per-address budget and could feed event streams at
 * will. Now one address has a progress budget (a multiple of the general one, as a classroom
 * shares an address) and each trainee may not report again within half a second — but a report
 * sent every second that arrives early through network jitter is taken (the bench's 500 trainees
 * reporting each second had 3–183 of 7,000 reports refused when the minimum was a whole second).
 */
const RATE_LIMIT_PER_MINUTE = 30;
const TRAINEES = 25;
const ROUNDS = 3;
/** Just over the per-trainee minimum interval. */
const ROUND_GAP_MS = 1_100;

describe('progress posts', () => {
  let app: FastifyInstance;
  let code: string;
  const tokens: string[] = [];
  /** The server's clock: the wall clock, plus what a test moves it on by. */
  let skewMs = 0;
  beforeAll(async () => {
    app = await buildTestApp(await freshDatabaseUrl('sqlite'), { rateLimitPerMinute: RATE_LIMIT_PER_MINUTE, now: () => Date.now() + skewMs });
    const created = await post(app, '/api/drills', { scenarioId: 'mini', seed: 3 });
    code = created.body!.code;
    for (let i = 0; i < TRAINEES; i++) tokens.push((await post(app, `/api/drills/${code}/join`, { name: `T${i}` })).body!.traineeToken);
    expect((await post(app, `/api/drills/${code}/start`, {}, created.body!.trainerToken)).status).toBe(200);
  });
  afterAll(async () => app?.close());

  it('are refused for a trainee reporting again at once', async () => {
    expect((await post(app, `/api/drills/${code}/progress`, bigProgress(1), tokens[0])).status).toBe(204);
    const again = await post(app, `/api/drills/${code}/progress`, bigProgress(2), tokens[0]);
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ code: 'request/rate_limited' });
  });

  it('take a once-a-second report that arrives early through jitter', async () => {
    expect((await post(app, `/api/drills/${code}/progress`, bigProgress(1), tokens[1])).status).toBe(204);
    skewMs += 800;
    expect((await post(app, `/api/drills/${code}/progress`, bigProgress(2), tokens[1])).status).toBe(204);
  });

  it('run out of the address budget even when spread over many trainee tokens', async () => {
    const statuses: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await new Promise((r) => setTimeout(r, ROUND_GAP_MS));
      for (const token of tokens) statuses.push((await post(app, `/api/drills/${code}/progress`, bigProgress(round), token)).status);
    }
    const accepted = statuses.filter((s) => s === 204).length;
    expect(accepted).toBeGreaterThan(TRAINEES);
    expect(accepted).toBeLessThan(TRAINEES * ROUNDS);
    expect(statuses.slice(accepted).every((s) => s === 429)).toBe(true);
  });
});
