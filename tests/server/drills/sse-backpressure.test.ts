import { afterAll, describe, expect, it } from 'vitest';
import { bigProgress, miniScenarioDir, openStalledStream, postJson, rssMb, startedDrill, type StalledStream } from '../helpers/drill-attack';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { freshDatabaseUrl } from '../helpers/test-app';

/**
 * Issue 13, finding 1: event streams that never read, fed by a flood of large progress posts,
 * used to grow the server's memory without bound (4 GB in 160 s, then out of heap). A bounded
 * version of that attack: the server must refuse streams beyond its caps and keep its resident
 * memory roughly flat. (That a stream which stops reading is dropped once its bounded queue
 * overflows is shown in sse-connection.test.ts: the kernel's socket buffers hold megabytes first,
 * more than a bounded attack through the HTTP API can push in a few seconds on a busy machine.)
 */
const TRAINEES = 25;
const STALLED_STREAMS = 100;
const POSTERS = 8;
const ATTACK_MS = 15_000;
/** Generous: the server's own heap settles and a few buffers are legitimately held. */
const MAX_RSS_GROWTH_MB = 120;

describe('live drill streams under a slow-reader flood', () => {
  let server: ServerProcess | undefined;
  const stalled: StalledStream[] = [];
  afterAll(async () => {
    for (const s of stalled) s.socket.destroy();
    await server?.stop('SIGKILL');
  });

  it('refuses streams over the caps and keeps memory flat', async () => {
    server = await startServerProcess({ DATABASE_URL: await freshDatabaseUrl('sqlite'), SCENARIO_DIR: miniScenarioDir(), RATE_LIMIT_PER_MINUTE: '100000' });
    const base = server.url;
    const drill = await startedDrill(base, TRAINEES);

    for (let i = 0; i < STALLED_STREAMS; i++) stalled.push(await openStalledStream(base, `/api/drills/${drill.code}/events`, drill.trainerToken));
    const accepted = stalled.filter((s) => s.status === 200);
    const baseline = rssMb(server.child.pid!);

    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server!.child.pid!))), 250);
    const statuses = new Map<number, number>();
    const until = Date.now() + ATTACK_MS;
    let t = 0;
    await Promise.all(
      Array.from({ length: POSTERS }, async (_, poster) => {
        for (let n = poster; Date.now() < until; n += POSTERS) {
          const token = drill.traineeTokens[n % TRAINEES]!;
          const { status } = await postJson(base, `/api/drills/${drill.code}/progress`, bigProgress(++t % 3600), token);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    clearInterval(sampler);

    const growth = peak - baseline;
    console.info(`sse flood: ${accepted.length}/${STALLED_STREAMS} streams accepted, posts ${JSON.stringify(Object.fromEntries(statuses))}, RSS ${baseline.toFixed(0)} → peak ${peak.toFixed(0)} MB`);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(STALLED_STREAMS);
    expect(stalled.filter((s) => s.status !== 200).every((s) => s.status === 429)).toBe(true);
    expect(statuses.get(204) ?? 0).toBeGreaterThan(0);
    expect(growth).toBeLessThan(MAX_RSS_GROWTH_MB);
    // And the server still answers.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await postJson(base, `/api/drills/${drill.code}/progress`, bigProgress(1), drill.traineeTokens[0])).status).not.toBe(500);
  }, 90_000);
});
