import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { miniScenarioDir, postJson } from '../helpers/drill-attack';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { freshDatabaseUrl } from '../helpers/test-app';

/**
 * Issue 13, finding 8: probing for endpoints is limited harder than normal use, but only POSTs
 * were: a GET for a missing path reached the static files' route, already counted by the global
 * limit, and the 404 limiter never ran. Now GET and POST probes share the 404 budget.
 */
const RATE_LIMIT_PER_MINUTE = 200;
const NOT_FOUND_PER_MINUTE = RATE_LIMIT_PER_MINUTE / 10;

describe('probing for missing paths', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => server?.stop('SIGKILL'));

  it('is rate-limited for GET as well as POST', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'surge-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>game</title>');
    server = await startServerProcess({
      DATABASE_URL: await freshDatabaseUrl('sqlite'),
      SCENARIO_DIR: miniScenarioDir(),
      DIST_DIR: dist,
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
    });
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < NOT_FOUND_PER_MINUTE + 5; i++) statuses.push((await fetch(`${server.url}/probe-${i}.php`)).status);
    expect(statuses.slice(0, NOT_FOUND_PER_MINUTE).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(NOT_FOUND_PER_MINUTE).every((s) => s === 429)).toBe(true);
    expect((await postJson(server.url, '/api/no-such-thing', {})).status).toBe(429);
    // Real pages and the API still answer.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 60_000);
});
