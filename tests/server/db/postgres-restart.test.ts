import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { miniScenarioDir, postJson, startedDrill } from '../helpers/drill-attack';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/postgres';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { openSse, type SseClient } from '../helpers/sse-client';

/**
 * Issue 13, finding 2: with no 'error' listener on the pg pool, terminating an idle pooled
 * connection or restarting PostgreSQL killed the server ("Unhandled 'error' event"). Now, under
 * a steady read load, the server survives both, answers 503 (not 500) to what needs the database
 * while it is away (board reads, ranked once and held in memory, go on being served), serves again
 * once it is back, and its LISTEN connection is re-established.
 */
const READ_EVERY_MS = 100;
const OUTAGE_MS = 3_000;
const RECOVERY_MS = 20_000;

const bin = postgresBinDir();
if (!bin) throw new Error('PostgreSQL is not installed: run npm test, which installs it or says how');

describe('the server across a PostgreSQL restart', () => {
  let cluster: ThrowawayPostgres | undefined;
  let server: ServerProcess | undefined;
  const streams: SseClient[] = [];
  afterAll(async () => {
    for (const s of streams) s.close();
    await server?.stop('SIGKILL');
    cluster?.stop();
  });

  it('keeps serving: 503 while the database is away, 200 and live events once it is back', async () => {
    cluster = await startThrowawayPostgres(bin);
    const databaseUrl = await cluster.createDatabase();
    server = await startServerProcess({ DATABASE_URL: databaseUrl, SCENARIO_DIR: miniScenarioDir(), RATE_LIMIT_PER_MINUTE: '100000' });
    const base = server.url;
    const board = `${base}/api/leaderboards/mini`;
    expect((await fetch(board)).status).toBe(200);
    /** Issuing an attempt writes a row: it cannot be answered without the database. */
    const attempt = () => postJson(base, '/api/attempts', { scenarioId: 'mini' });
    const drill = await startedDrill(base, 1);

    // Steady traffic throughout, as in the report: a board read every 100 ms.
    const statuses = new Map<number | string, number>();
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const status = await fetch(board).then((r) => r.status, (err: Error) => `network: ${err.message}`);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, READ_EVERY_MS));
      }
    })();

    // An idle pooled connection terminated by an administrator.
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and datname = current_database()');
    await admin.end();
    await new Promise((r) => setTimeout(r, 1_000));

    // Then the whole database goes away for a while.
    cluster.pause();
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    const during = await attempt().catch((err: Error) => { throw new Error(`${err.message}\n${server!.output()}`); });
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ code: 'database/unavailable' });
    expect((await fetch(board)).status).toBe(200);
    cluster.resume();

    const deadline = Date.now() + RECOVERY_MS;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      recovered = (await attempt()).status === 201;
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    reading = false;
    await reader;
    expect(recovered, server.output()).toBe(true);
    expect(server.child.exitCode, server.output()).toBeNull();
    expect([...statuses.keys()].filter((s) => s !== 200 && s !== 503), server.output()).toEqual([]);

    // LISTEN is back: a status change made now reaches a trainee's stream through NOTIFY.
    const trainee = await openSse(`${base}/api/drills/${drill.code}/events?token=${drill.traineeTokens[0]}`);
    streams.push(trainee);
    await trainee.waitFor((e) => e.event === 'snapshot');
    const eventually = Date.now() + RECOVERY_MS;
    let delivered = false;
    for (let n = 0; !delivered && Date.now() < eventually; n++) {
      const command = n % 2 === 0 ? 'pause' : 'resume';
      const changed = await postJson(base, `/api/drills/${drill.code}/${command}`, {}, drill.trainerToken);
      expect([200, 503]).toContain(changed.status);
      delivered = await trainee.waitFor((e) => e.event === 'status' && e.data.status === (command === 'pause' ? 'paused' : 'running'), 2_000).then(
        () => true,
        () => false,
      );
    }
    expect(delivered, server.output()).toBe(true);
  }, 120_000);
});
