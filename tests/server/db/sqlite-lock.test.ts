import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { miniScenarioDir, postJson } from '../helpers/drill-attack';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * Issue 13, finding 8: another process holding SQLite's write lock froze the server's event loop
 * (health took 7.3 s) and writes then failed with 500. Now a write waits only briefly and answers
 * 503 database/unavailable, the server keeps answering meanwhile, and writes work once the lock is gone.
 */
describe('SQLite locked by another process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'surge-lock-'));
  let server: ServerProcess | undefined;
  let other: SQLite.Database | undefined;
  afterAll(async () => {
    other?.close();
    await server?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers writes with 503 while the lock is held and keeps serving', async () => {
    const file = join(dir, 'surge.db');
    server = await startServerProcess({ DATABASE_URL: `sqlite:${file}`, SCENARIO_DIR: miniScenarioDir(), RATE_LIMIT_PER_MINUTE: '100000' });
    expect((await postJson(server.url, '/api/drills', { scenarioId: 'mini' })).status).toBe(201);

    other = new SQLite(file);
    other.exec('BEGIN EXCLUSIVE');
    const blocked = await postJson(server.url, '/api/drills', { scenarioId: 'mini' });
    expect(blocked).toMatchObject({ status: 503, body: { code: 'database/unavailable' } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/leaderboards/mini`)).status).toBe(200);

    other.exec('COMMIT');
    expect((await postJson(server.url, '/api/drills', { scenarioId: 'mini' })).status).toBe(201);
  }, 60_000);
});
