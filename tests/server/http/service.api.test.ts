import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../../src/core/index';
import { healthSchema, scenariosResponse } from '../../../src/api/index';
import { redactUrl } from '../../../server/app';
import { openDatabase } from '../../../server/db/database';
import { buildTestApp, freshDatabaseUrl, get, MINI_HASH, post } from '../helpers/test-app';

describe('service surface', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // A route that fails like a bug would, to see what the client is told.
    app = await buildTestApp(await freshDatabaseUrl('sqlite'), {}, (a) =>
      a.get('/api/test-only/boom', async () => {
        throw new Error('secret detail: password=hunter2');
      }),
    );
  });
  afterAll(async () => app?.close());

  it('answers health without touching the database', async () => {
    const health = await get(app, '/api/health');
    expect(health.status).toBe(200);
    expect(healthSchema.parse(health.body)).toMatchObject({ status: 'ok', database: 'sqlite', engineVersion: ENGINE_VERSION, scenarios: 1 });
    expect(health.response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lists scenarios with their version hash and inject library', async () => {
    const list = scenariosResponse.parse((await get(app, '/api/scenarios')).body);
    expect(list.scenarios).toEqual([expect.objectContaining({ id: 'mini', hash: MINI_HASH })]);
    expect(list.scenarios[0]!.injects.map((i) => [i.id, i.scripted])).toEqual([
      ['lawyer-letter', true],
      ['photo', false],
    ]);
  });

  it('serves an OpenAPI document generated from the request schemas', async () => {
    const doc = (await get(app, '/api/openapi.json')).body!;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/attempts', '/api/runs', '/api/leaderboards/{scenarioId}', '/api/leaderboards/{scenarioId}/teams', '/api/drills', '/api/drills/{code}/join', '/api/drills/{code}/events', '/api/drills/{code}/results.csv', '/api/drills/{code}/xapi']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const runBody = doc.paths['/api/runs'].post.requestBody.content['application/json'].schema;
    expect(runBody.required).toEqual(expect.arrayContaining(['player', 'attemptId', 'run']));
    expect(runBody.properties.player.maxLength).toBe(200);
    expect(runBody.properties.run.$ref).toBe('#/components/schemas/RunRecord');
    expect(doc.components.schemas.RunRecord.properties.actions.maxItems).toBeGreaterThan(0);
    expect(doc.paths['/api/drills/{code}/start'].post.security).toEqual([{ bearer: [] }]);
    expect((await get(app, '/api/docs')).body!.openapi).toBe('3.1.0');
  });

  it('serves a docs page that renders the document as text under a strict CSP', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs', headers: { accept: 'text/html' } });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).not.toMatch(/<script>[^<]/);
    const script = (await app.inject({ method: 'GET', url: '/api/docs/docs.js' })).body;
    expect(script).toContain('textContent');
    expect(script).not.toContain('innerHTML');
  });

  it('hides the details of a server error from the client', async () => {
    const boom = await get(app, '/api/test-only/boom');
    expect(boom.status).toBe(500);
    expect(boom.body).toEqual({ code: 'server/error', message: 'internal server error' });
    expect(boom.response.body).not.toContain('hunter2');
  });

  it('answers unknown endpoints and wrong content types with JSON 4xx', async () => {
    const missing = await get(app, '/api/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'request/not_found' });
    const text = await app.inject({ method: 'POST', url: '/api/attempts', payload: '<scenarioId>mini</scenarioId>', headers: { 'content-type': 'application/xml' } });
    expect(text.statusCode).toBe(415);
    expect(JSON.parse(text.body).code).toBe('request/invalid');
  });

  it('limits the body size of ordinary endpoints', async () => {
    const big = await post(app, '/api/drills', { scenarioId: 'mini', pad: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'request/too_large' });
  });

  it('says how to build the game when dist/ is missing', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(503);
    expect(root.body).toContain('npm run build');
  });

  it('keeps drill tokens out of logged URLs', () => {
    expect(redactUrl('/api/drills/ABC/events?token=secret&lastEventId=3')).toBe('/api/drills/ABC/events?token=[redacted]&lastEventId=3');
  });
});

describe('SQLite settings', () => {
  it('opens in WAL mode with a full sync on every commit, so acknowledged writes survive a crash', async () => {
    const { db } = openDatabase(await freshDatabaseUrl('sqlite'));
    try {
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
      expect(journal.rows[0]!.journal_mode).toBe('wal');
      expect(synchronous.rows[0]!.synchronous).toBe(2); // FULL
    } finally {
      await db.destroy();
    }
  });
});

describe('rate limits', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(await freshDatabaseUrl('sqlite'), { rateLimitPerMinute: 5 });
  });
  afterAll(async () => app?.close());

  it('answers 429 with a reason once an address exceeds its budget', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await get(app, '/api/health')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await get(app, '/api/health');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'request/rate_limited' });
    expect(limited.response.headers['retry-after']).toBeDefined();
  });
});
