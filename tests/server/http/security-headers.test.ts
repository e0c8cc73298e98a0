import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, freshDatabaseUrl } from '../helpers/test-app';

/** What every response must carry, whatever answered it. */
function expectSecurityHeaders(what: string, headers: Headers): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, `${what}: content-security-policy`).toMatch(/frame-ancestors 'none'/);
  expect(csp, `${what}: content-security-policy`).toMatch(/default-src 'none'|default-src 'self'/);
  expect(headers.get('x-frame-options'), `${what}: x-frame-options`).toBe('DENY');
  expect(headers.get('x-content-type-options'), `${what}: x-content-type-options`).toBe('nosniff');
  expect(headers.get('referrer-policy'), `${what}: referrer-policy`).toBe('no-referrer');
}

describe('security headers on every response', () => {
  let app: FastifyInstance;
  let limited: FastifyInstance;
  let base: string;
  let limitedBase: string;
  const dist = mkdtempSync(join(tmpdir(), 'surge-headers-dist-'));

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>game</title>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'export {};');
    app = await buildTestApp(await freshDatabaseUrl('sqlite'), { distDir: dist });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    // A budget of a few requests a minute, to see a 429 (global and for missing paths).
    limited = await buildTestApp(await freshDatabaseUrl('sqlite'), { distDir: dist, rateLimitPerMinute: 2 });
    limitedBase = await limited.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await limited?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends the policy the game runs under on its page', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("object-src 'none'");
  });

  it('covers the API, static files, errors, missing paths, rate limits and event streams', async () => {
    const created = await fetch(`${base}/api/drills`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: 'mini' }) });
    expect(created.status).toBe(201);
    const drill = (await created.json()) as { code: string; trainerToken: string };
    expectSecurityHeaders('created', created.headers);
    const cases: [string, () => Promise<Response>, number][] = [
      ['health', () => fetch(`${base}/api/health`), 200],
      ['board', () => fetch(`${base}/api/leaderboards/mini`), 200],
      ['index', () => fetch(`${base}/index.html`), 200],
      ['asset', () => fetch(`${base}/assets/app-abc123.js`), 200],
      ['docs page', () => fetch(`${base}/api/docs`, { headers: { accept: 'text/html' } }), 200],
      ['bad body', () => fetch(`${base}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }), 400],
      ['invalid query', () => fetch(`${base}/api/leaderboards/mini?limit=1000`), 400],
      ['unknown scenario', () => fetch(`${base}/api/leaderboards/nope`), 404],
      ['missing API path', () => fetch(`${base}/api/nothing-here`), 404],
      ['missing file', () => fetch(`${base}/assets/missing.js`), 404],
      ['missing POST', () => fetch(`${base}/nothing`, { method: 'POST' }), 404],
      ['forbidden', () => fetch(`${base}/api/drills/${drill.code}/results`, { headers: { authorization: 'Bearer wrong' } }), 403],
    ];
    for (const [what, request, status] of cases) {
      const response = await request();
      await response.arrayBuffer();
      expect(response.status, what).toBe(status);
      expectSecurityHeaders(what, response.headers);
    }

    const controller = new AbortController();
    const stream = await fetch(`${base}/api/drills/${drill.code}/events`, { headers: { authorization: `Bearer ${drill.trainerToken}` }, signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expectSecurityHeaders('event stream', stream.headers);
    controller.abort();

    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await fetch(`${limitedBase}/api/health`);
      await last.arrayBuffer();
    }
    expect(last!.status).toBe(429);
    expectSecurityHeaders('rate limited', last!.headers);
  });
});
