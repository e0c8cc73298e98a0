import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import surgeDrill from '../../../server/app';
import { freshDatabaseUrl, get, miniCatalog } from '../helpers/test-app';

type Operation = {
  parameters: { name: string; in: string; schema: object }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

describe('the OpenAPI document', () => {
  let app: FastifyInstance;
  const registered: { method: string; url: string }[] = [];

  beforeAll(async () => {
    // The hook must exist before the app plugin adds its routes, so it sees every one of them.
    app = Fastify({ logger: false });
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') registered.push({ method, url: route.url });
    });
    await app.register(surgeDrill, {
      databaseUrl: await freshDatabaseUrl('sqlite'),
      scenarios: miniCatalog(),
      distDir: join(tmpdir(), 'surge-no-dist'),
      verifyWorkers: 1,
      rateLimitPerMinute: 100_000,
    });
    await app.ready();
  });
  afterAll(async () => app?.close());

  it('documents every registered API route with its request and response schemas', async () => {
    const doc = (await get(app, '/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    const apiRoutes = registered.filter((r) => r.url.startsWith('/api/'));
    expect(apiRoutes.length).toBeGreaterThan(20);
    for (const { method, url } of apiRoutes) {
      const path = url.replace(/:(\w+)/g, '{$1}');
      const operation = doc.paths[path]?.[method.toLowerCase()];
      expect(operation, `${method} ${url} is not in /api/openapi.json`).toBeDefined();
      // Path parameters are documented with a schema, one per placeholder.
      const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pathParams = operation!.parameters.filter((p) => p.in === 'path');
      expect(pathParams.map((p) => p.name), `${method} ${url} path parameters`).toEqual(placeholders);
      for (const p of operation!.parameters) expect(Object.keys(p.schema).length, `${method} ${url} ${p.name}`).toBeGreaterThan(0);
      if (operation!.requestBody) expect(Object.keys(operation!.requestBody.content['application/json']!.schema).length).toBeGreaterThan(0);
      // The success answer has a schema (or is 204, empty); every refusal is documented with one.
      const statuses = Object.keys(operation!.responses);
      const success = statuses.filter((s) => s.startsWith('2'));
      expect(success, `${method} ${url} success status`).toHaveLength(1);
      for (const status of statuses) {
        if (status === '204') continue;
        const content = Object.values(operation!.responses[status]!.content ?? {});
        if (status === success[0] && content.length === 0) throw new Error(`${method} ${url} ${status} has no content`);
        for (const c of content) expect(Object.keys(c.schema).length, `${method} ${url} ${status} schema`).toBeGreaterThan(0);
      }
    }
  });

  it('documents request bodies of the routes that take one', async () => {
    const doc = (await get(app, '/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    for (const path of ['/api/attempts', '/api/runs', '/api/drills', '/api/drills/{code}/join', '/api/drills/{code}/injects', '/api/drills/{code}/progress', '/api/drills/{code}/runs']) {
      expect(doc.paths[path]!.post!.requestBody, path).toBeDefined();
    }
  });

  it('points run records, in requests and replies, at the one RunRecord component', async () => {
    const doc = (await get(app, '/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
    const detail = doc.paths['/api/runs/{runId}']!.get!.responses['200']!.content!['application/json']!.schema as { properties: { record: { $ref: string } } };
    expect(detail.properties.record.$ref).toBe('#/components/schemas/RunRecord');
    const drillRun = doc.paths['/api/drills/{code}/runs']!.post!.requestBody!.content['application/json']!.schema as { properties: { run: { $ref: string } } };
    expect(drillRun.properties.run.$ref).toBe('#/components/schemas/RunRecord');
    expect(doc.components.schemas.RunRecord).toMatchObject({ type: 'object', required: expect.arrayContaining(['actions', 'claimed']) });
  });

  it('describes every live drill event of the event stream', async () => {
    const doc = (await get(app, '/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    const stream = doc.paths['/api/drills/{code}/events']!.get!.responses['200']!.content!['text/event-stream']!.schema;
    const events = (stream.oneOf ?? stream.anyOf) as { properties: { event: { const: string } } }[];
    expect(events.map((e) => e.properties.event.const).sort()).toEqual(['finished', 'inject', 'joined', 'progress', 'snapshot', 'status']);
  });
});
