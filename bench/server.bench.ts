/**
 * Server throughput on 127.0.0.1, bounded in time and count.
 * Run: npx tsx bench/server.bench.ts   (or npm run bench:server)
 *
 * Starts the real server as its own process on a throwaway SQLite file, then measures,
 * each beside /api/health in the same run so the figures can be read against the
 * framework's own floor on this machine:
 *   1. leaderboard reads (a board of BOARD_PLAYERS players): req/s and p99;
 *   2. verified submissions: runs/s end to end (attempt issued earlier, record replayed
 *      in the worker pool, stored), p99 per submission, and /api/health's p99 *while*
 *      the verifier is busy (replay runs off the request thread, so it should stay low).
 * Prints the figures and also writes them, as a Markdown table, to BENCH_OUT (default: server-figures.md in the OS temp folder).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadScenario, makeRunRecord, runBot, type RunRecord } from '../src/core/index';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { nameKey } from '../server/runs/names';
import { startServerProcess } from '../tests/server/helpers/server-process';

const ROOT = join(import.meta.dirname, '..');
const SCENARIOS = join(ROOT, 'scenarios');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 16;
const BOARD_PLAYERS = 5000;
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 60);
const WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));
const OUT = process.env.BENCH_OUT ?? join(tmpdir(), 'server-figures.md');

// The longest shipped scenario (the most replay work per run) unless BENCH_SCENARIO names one.
const shipped = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => loadScenario(readFileSync(join(SCENARIOS, f), 'utf8'), join(SCENARIOS, f)))
  .flatMap((r) => (r.ok ? [r] : []))
  .sort((a, b) => b.scenario.duration.simMinutes - a.scenario.duration.simMinutes);
const chosen = process.env.BENCH_SCENARIO ? shipped.find((r) => r.scenario.id === process.env.BENCH_SCENARIO) : shipped[0];
if (!chosen) throw new Error('no scenario to bench');
const { scenario, hash } = chosen;

const dir = mkdtempSync(join(tmpdir(), 'surge-bench-'));
const databaseUrl = `sqlite:${join(dir, 'bench.db')}`;

/**
 * A board of BOARD_PLAYERS players, one run each, written in bulk (the insert path's
 * one-transaction-per-run would make seeding, not reading, the slow part).
 */
async function seedBoard(): Promise<void> {
  const { db } = openDatabase(databaseUrl);
  await migrateToLatest(db);
  const now = Date.now();
  for (let start = 0; start < BOARD_PLAYERS; start += 500) {
    const attempts = [];
    const runs = [];
    for (let i = start; i < start + 500; i++) {
      const id = randomUUID();
      attempts.push({ id, scenario_id: scenario.id, scenario_hash: hash, seed: 1_000_000 + i, rated: 1, created_at: now });
      runs.push({
        public_id: randomUUID(),
        run_hash: randomUUID(),
        attempt_id: id,
        scenario_id: scenario.id,
        scenario_hash: hash,
        seed: 1_000_000 + i,
        player: `Player ${i}`,
        player_key: nameKey(`Player ${i}`),
        team: `Team ${i % 50}`,
        team_key: nameKey(`Team ${i % 50}`),
        score: (i * 7919) % 101,
        grade: 'C' as const,
        rated: 1,
        breakdown: '[]',
        record: '{}',
        created_at: now + i,
      });
    }
    await db.insertInto('attempts').values(attempts).execute();
    const stored = await db.insertInto('runs').values(runs).returning(['id', 'scenario_id', 'scenario_hash', 'player_key', 'team_key', 'score']).execute();
    await db.insertInto('player_bests').values(stored.map(({ team_key: _t, id, ...r }) => ({ ...r, run_id: id }))).execute();
    await db.insertInto('team_member_bests').values(stored.map(({ id, team_key, ...r }) => ({ ...r, team_key: team_key!, run_id: id }))).execute();
  }
  await db.destroy();
}

function cannon(url: string, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({ url, duration: seconds, connections, pipelining: 1 });
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

await seedBoard().catch((err: unknown) => {
  rmSync(dir, { recursive: true, force: true });
  throw err;
});
const server = await startServerProcess({
  DATABASE_URL: databaseUrl,
  SCENARIO_DIR: SCENARIOS,
  VERIFY_WORKERS: String(WORKERS),
  RATE_LIMIT_PER_MINUTE: '100000000',
  LOG_LEVEL: 'warn',
}).catch((err: unknown) => {
  rmSync(dir, { recursive: true, force: true });
  throw err;
});
const base = server.url;
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

try {
  // Wait for the replay workers to have loaded the core.
  for (let i = 0; i < 200; i++) {
    const health = (await (await fetch(`${base}/api/health`)).json()) as { verifier: { ready: number; workers: number } };
    if (health.verifier.ready === health.verifier.workers) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await cannon(`${base}/api/health`, 2, CONNECTIONS); // warm-up

  const healthAlone = await cannon(`${base}/api/health`, SECONDS, CONNECTIONS);
  const boardUrl = `${base}/api/leaderboards/${scenario.id}?limit=20&offset=100&player=${encodeURIComponent('Player 4321')}`;
  const boardCheck = (await (await fetch(boardUrl)).json()) as { total: number; you: { rank: number } | null };
  if (boardCheck.total !== BOARD_PLAYERS || !boardCheck.you) throw new Error(`board not as seeded: ${JSON.stringify(boardCheck).slice(0, 200)}`);
  const board = await cannon(boardUrl, SECONDS, CONNECTIONS);
  const teamBoard = await cannon(`${base}/api/leaderboards/${scenario.id}/teams?limit=20`, SECONDS, CONNECTIONS);

  // Verified submissions: honest clients with server-issued seeds, records prepared beforehand.
  const jobs: { player: string; attemptId: string; run: RunRecord }[] = [];
  const botStart = performance.now();
  for (let i = 0; i < SUBMISSIONS; i++) {
    const attempt = (await (await fetch(`${base}/api/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: scenario.id }) })).json()) as { attemptId: string; seed: number };
    const { sim } = runBot(scenario, { seed: attempt.seed, mode: 'ranked', bot: 'guideline' });
    jobs.push({ player: `Bench ${i}`, attemptId: attempt.attemptId, run: makeRunRecord(sim, hash) });
  }
  const botMs = (performance.now() - botStart) / SUBMISSIONS;
  // A ranked run cannot arrive before its shift could have been played: as if the bots had
  // played in real time, the attempts are moved back by one shift in the server's database.
  const { db: benchDb } = openDatabase(databaseUrl);
  await benchDb
    .updateTable('attempts')
    .set((eb) => ({ created_at: eb('created_at', '-', scenario.duration.realMinutes * 60_000) }))
    .where('id', 'in', jobs.map((j) => j.attemptId))
    .execute();
  await benchDb.destroy();
  const meanActions = jobs.reduce((n, j) => n + j.run.actions.length, 0) / jobs.length;

  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const submitter = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const t0 = performance.now();
      const response = await fetch(`${base}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(job) });
      await response.arrayBuffer();
      if (response.status === 200) latencies.push(performance.now() - t0);
      else failures++;
    }
  };
  const t0 = performance.now();
  const healthDuring = cannon(`${base}/api/health`, 600, 4);
  await Promise.all(Array.from({ length: WORKERS * 2 }, submitter));
  const submitSeconds = (performance.now() - t0) / 1000;
  (healthDuring as unknown as { stop(): void }).stop?.();
  const healthUnderLoad = await healthDuring;

  const fmt = (n: number) => (n >= 100 ? Math.round(n).toString() : n.toFixed(1));
  say(`# Server figures`);
  say('');
  say(`Measured by \`bench/server.bench.ts\` on ${new Date().toISOString().slice(0, 10)}: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, `);
  say(`server and load generator on the same machine over 127.0.0.1, SQLite (WAL, synchronous=FULL), ${WORKERS} replay worker(s), ${CONNECTIONS} connections, ${SECONDS} s per read test.`);
  say(`Scenario \`${scenario.id}\` (${scenario.duration.simMinutes} sim minutes); board of ${BOARD_PLAYERS} players.`);
  say('');
  say('| Measure | Throughput | p50 | p99 |');
  say('| --- | --- | --- | --- |');
  say(`| GET /api/health (baseline) | ${fmt(healthAlone.requests.average)} req/s | ${healthAlone.latency.p50} ms | ${healthAlone.latency.p99} ms |`);
  say(`| GET leaderboard page + own rank | ${fmt(board.requests.average)} req/s | ${board.latency.p50} ms | ${board.latency.p99} ms |`);
  say(`| GET team leaderboard page | ${fmt(teamBoard.requests.average)} req/s | ${teamBoard.latency.p50} ms | ${teamBoard.latency.p99} ms |`);
  say(`| POST /api/runs, verified by replay and stored (${SUBMISSIONS} runs, ${WORKERS * 2} clients) | ${fmt(latencies.length / submitSeconds)} runs/s | ${fmt(percentile(latencies, 50))} ms | ${fmt(percentile(latencies, 99))} ms |`);
  say(`| GET /api/health while those runs verify | ${fmt(healthUnderLoad.requests.average)} req/s | ${healthUnderLoad.latency.p50} ms | ${healthUnderLoad.latency.p99} ms |`);
  say('');
  say(`Guideline-bot records average ${Math.round(meanActions)} actions; producing one took ${fmt(botMs)} ms in the bench process. Failed submissions: ${failures}. ` +
    `Non-2xx on reads: health ${healthAlone.non2xx}, board ${board.non2xx}, teams ${teamBoard.non2xx}.`);
  writeFileSync(OUT, `${lines.join('\n')}\n`);
  console.log(`\nwritten to ${OUT}`);
} finally {
  await server.stop('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
