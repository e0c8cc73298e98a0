import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRunRecord, Simulation } from '../../../src/core/index';
import { miniScenario } from '../../fixtures/mini-scenario';
import { buildTestApp, freshDatabaseUrl, MINI_HASH, post } from '../helpers/test-app';

/**
 * Issue 13, finding 8: xAPI activity IRIs were built from the request's Host header, so whoever
 * asked for the export chose the IRIs an LMS would store. Now they come from the configured PUBLIC_URL.
 */
const PUBLIC_URL = 'https://drills.example.org';

describe('xAPI export', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(await freshDatabaseUrl('sqlite'), { publicUrl: `${PUBLIC_URL}/` });
  });
  afterAll(async () => app?.close());

  it('builds activity IRIs on the configured public URL whatever Host the request names', async () => {
    const created = await post(app, '/api/drills', { scenarioId: 'mini', seed: 8 });
    const { code, trainerToken } = created.body!;
    const joined = await post(app, `/api/drills/${code}/join`, { name: 'Ana' });
    await post(app, `/api/drills/${code}/start`, {}, trainerToken);
    const sim = new Simulation(miniScenario, { seed: 8, mode: 'drill' });
    sim.advanceTo(30 * 60);
    sim.finish();
    expect((await post(app, `/api/drills/${code}/runs`, { run: makeRunRecord(sim, MINI_HASH) }, joined.body!.traineeToken)).status).toBe(200);

    const response = await app.inject({ method: 'GET', url: `/api/drills/${code}/xapi`, headers: { authorization: `Bearer ${trainerToken}`, host: 'evil.example' } });
    expect(response.statusCode).toBe(200);
    const text = response.body;
    expect(text).not.toContain('evil.example');
    const statements = JSON.parse(text) as { object: { id: string } }[];
    expect(statements[0]!.object.id).toBe(`${PUBLIC_URL}/scenarios/mini`);
  });
});
