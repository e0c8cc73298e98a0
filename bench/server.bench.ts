/**
 * Server throughput on 127.0.0.1, bounded in time and count.
 * Run: npm run bench:server   (a few minutes; BENCH_SECONDS per read test, default 5)
 *
 * For each database (SQLite, and PostgreSQL in a throwaway cluster when its binaries are
 * installed) and each board size (5,000 and 100,000 players, seeded straight into the tables),
 * starts the real server as its own process and measures beside /api/health in the same run
 * (health between every two reads, each read against the health windows either side of it),
 * so every figure reads as a ratio to the framework's own floor on this machine:
 *   1. board reads: a page with own rank, a deep page, a team page with own team, a deep team page
 *      (target: each ≥ 50 % of health's rate, p99 ≤ 20 ms);
 *   2. at the smaller size: verified submissions (replayed in the worker pool, stored) with
 *      health's p99 while they verify, and drill fan-out (see server-fanout.ts; target p99 ≤ 250 ms;
 *      BENCH_FANOUT_RUNS rounds of it, default 1).
 * Prints Markdown tables and writes them to BENCH_OUT (default: server-figures.md in the OS temp folder).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadScenario, makeRunRecord, runBot, type RunRecord } from '../src/core/index';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from '../tests/server/helpers/postgres';
import { seedBoard, seededPlayer, seededTeam, type SeededBoard } from '../tests/server/helpers/seed-board';
import { startServerProcess } from '../tests/server/helpers/server-process';
import { drillFanOut, TRAINEES } from './server-fanout';

const ROOT = join(import.meta.dirname, '..');
const SCENARIOS = join(ROOT, 'scenarios');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const FANOUT_SECONDS = Number(process.env.BENCH_FANOUT_SECONDS ?? 15);
/** Fan-out rounds per database, one row each: a rare stall needs several rounds to show (or to be ruled out). */
const FANOUT_RUNS = Number(process.env.BENCH_FANOUT_RUNS ?? 1);
const CONNECTIONS = 16;
const SIZES = (process.env.BENCH_SIZES ?? '5000,100000').split(',').map(Number);
const TEAM_SIZE = 10;
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 30);
const WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));
const OUT = process.env.BENCH_OUT ?? join(tmpdir(), 'server-figures.md');
/** The targets of issue 13: board reads against health's rate in the same run, and latency ceilings. */
const TARGET = { boardRateShare: 0.5, boardP99Ms: 20, fanOutP99Ms: 250 };

// The longest shipped scenario (the most replay work per run) unless BENCH_SCENARIO names one.
const shipped = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => loadScenario(readFileSync(join(SCENARIOS, f), 'utf8'), join(SCENARIOS, f)))
  .flatMap((r) => (r.ok ? [r] : []))
  .sort((a, b) => b.scenario.duration.simMinutes - a.scenario.duration.simMinutes);
const chosen = process.env.BENCH_SCENARIO ? shipped.find((r) => r.scenario.id === process.env.BENCH_SCENARIO) : shipped[0];
if (!chosen) throw new Error('no scenario to bench');
const { scenario, hash } = chosen;

const cannon = (url: string, seconds: number, connections = CONNECTIONS) => autocannon({ url, duration: seconds, connections, pipelining: 1 });
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (n: number) => (n >= 100 ? Math.round(n).toString() : n.toFixed(1));
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

interface Row {
  measure: string;
  rate: string;
  p50: string;
  p99: string;
  verdict: string;
}
const rows: Row[] = [];
/** Each row is also printed as soon as it is measured, so a long run shows progress. */
const push = (row: Row) => {
  rows.push(row);
  console.error(`${row.measure}: ${row.rate}, p50 ${row.p50}, p99 ${row.p99} ${row.verdict}`);
};
const readRow = (label: string, result: autocannon.Result, health?: autocannon.Result) => {
  const share = health ? result.requests.average / health.requests.average : undefined;
  const ok = share === undefined || (share >= TARGET.boardRateShare && result.latency.p99 <= TARGET.boardP99Ms && result.non2xx === 0);
  push({
    measure: label,
    rate: `${fmt(result.requests.average)} req/s${share === undefined ? '' : ` (${Math.round(share * 100)} %)`}`,
    p50: `${result.latency.p50} ms`,
    p99: `${result.latency.p99} ms`,
    verdict: share === undefined ? 'baseline' : ok ? 'meets target' : `**misses target**${result.non2xx ? ` (${result.non2xx} non-2xx)` : ''}`,
  });
};

/** Health and the four board reads on a board of `size` players. */
async function boardReads(base: string, label: string, board: SeededBoard): Promise<void> {
  const teams = board.players / board.teamSize;
  const middle = Math.floor(board.players / 2);
  const reads: [string, string][] = [
    ['page 1 + own rank', `/api/leaderboards/${scenario.id}?limit=20&player=${encodeURIComponent(seededPlayer(board, middle))}`],
    ['deep page', `/api/leaderboards/${scenario.id}?limit=20&offset=${board.players - 20}`],
    ['team page 1 + own team', `/api/leaderboards/${scenario.id}/teams?limit=20&team=${encodeURIComponent(seededTeam(board, middle))}`],
    ['deep team page', `/api/leaderboards/${scenario.id}/teams?limit=20&offset=${teams - 20}`],
  ];
  const check = (await (await fetch(`${base}${reads[0]![1]}`)).json()) as { total: number; you: unknown };
  if (check.total !== board.players || !check.you) throw new Error(`board not as seeded: ${JSON.stringify(check).slice(0, 200)}`);
  for (const [, path] of reads) await (await fetch(`${base}${path}`)).arrayBuffer(); // the first read ranks the board
  await cannon(`${base}/api/health`, 2); // warm-up
  // Health is measured between the reads, and each read is held against the mean of the health
  // windows either side of it: the machine's pace drifts over a run (health alone moved 6,300 →
  // 9,600 req/s between two configurations of one run), and a baseline taken once would carry that drift.
  const healths = [await cannon(`${base}/api/health`, SECONDS)];
  const measured: [string, autocannon.Result][] = [];
  for (const [name, path] of reads) {
    measured.push([name, await cannon(`${base}${path}`, SECONDS)]);
    healths.push(await cannon(`${base}/api/health`, SECONDS));
  }
  readRow(`${label}: GET /api/health (mean of ${healths.length} windows)`, meanResult(healths));
  measured.forEach(([name, result], i) => readRow(`${label}: ${name}`, result, meanResult([healths[i]!, healths[i + 1]!])));
}

/** Several windows of one request as one: mean rate, worst p50 and p99 (a baseline is not flattered). */
function meanResult(results: autocannon.Result[]): autocannon.Result {
  const mean = results.reduce((n, r) => n + r.requests.average, 0) / results.length;
  const worst = (key: 'p50' | 'p99') => Math.max(...results.map((r) => r.latency[key]));
  return { ...results[0]!, requests: { ...results[0]!.requests, average: mean }, latency: { ...results[0]!.latency, p50: worst('p50'), p99: worst('p99') } };
}

/** Verified submissions end to end, and health's latency while the replay workers are busy. */
async function submissions(base: string, label: string, databaseUrl: string): Promise<void> {
  const jobs: { player: string; attemptId: string; run: RunRecord }[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    const attempt = (await (await fetch(`${base}/api/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: scenario.id }) })).json()) as { attemptId: string; seed: number };
    const { sim } = runBot(scenario, { seed: attempt.seed, mode: 'ranked', bot: 'guideline' });
    jobs.push({ player: `Bench ${i}`, attemptId: attempt.attemptId, run: makeRunRecord(sim, hash) });
  }
  // A ranked run cannot arrive before its shift could have been played: as if the bots had
  // played in real time, the attempts are moved back by one shift in the server's database.
  const { db: benchDb } = openDatabase(databaseUrl);
  await benchDb
    .updateTable('attempts')
    .set((eb) => ({ created_at: eb('created_at', '-', scenario.duration.realMinutes * 60_000) }))
    .where('id', 'in', jobs.map((j) => j.attemptId))
    .execute();
  await benchDb.destroy();

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
  const seconds = (performance.now() - t0) / 1000;
  (healthDuring as unknown as { stop(): void }).stop?.();
  const health = await healthDuring;
  push({
    measure: `${label}: POST /api/runs, verified and stored (${SUBMISSIONS} runs, ${WORKERS * 2} clients${failures ? `, ${failures} failed` : ''})`,
    rate: `${fmt(latencies.length / seconds)} runs/s`,
    p50: `${fmt(percentile(latencies, 50))} ms`,
    p99: `${fmt(percentile(latencies, 99))} ms`,
    verdict: '',
  });
  push({ measure: `${label}: GET /api/health while those verify`, rate: `${fmt(health.requests.average)} req/s`, p50: `${health.latency.p50} ms`, p99: `${health.latency.p99} ms`, verdict: '' });
}

/** One database at one size: a fresh database, seeded, served by a fresh server process. */
async function benchOne(kind: 'sqlite' | 'postgres', size: number, cluster: ThrowawayPostgres | undefined): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'surge-bench-'));
  try {
    const databaseUrl = kind === 'sqlite' ? `sqlite:${join(dir, 'bench.db')}` : await cluster!.createDatabase();
    const board: SeededBoard = { scenarioId: scenario.id, scenarioHash: hash, players: size, teamSize: TEAM_SIZE };
    const seedStart = performance.now();
    const { db } = openDatabase(databaseUrl);
    await migrateToLatest(db);
    await seedBoard(db, board);
    await db.destroy();
    console.error(`${kind} ${size}: seeded in ${fmt((performance.now() - seedStart) / 1000)} s`);
    const server = await startServerProcess({ DATABASE_URL: databaseUrl, SCENARIO_DIR: SCENARIOS, VERIFY_WORKERS: String(WORKERS), RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn' });
    try {
      const label = `${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${size.toLocaleString('en')} players`;
      await boardReads(server.url, label, board);
      if (size !== SIZES[0]) return;
      await submissions(server.url, label, databaseUrl);
      for (let round = 1; round <= FANOUT_RUNS; round++) {
        const fan = await drillFanOut(server.url, server.child.pid!, scenario.id, FANOUT_SECONDS);
        push({
          measure: `${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: drill fan-out${FANOUT_RUNS > 1 ? ` (round ${round} of ${FANOUT_RUNS})` : ''}, ${TRAINEES} trainees reporting each second, streams open (${fan.delivered}/${fan.reports} reports seen by the trainer${fan.refused ? `, ${fan.refused} refused` : ''}; p99 of the POST ${fmt(fan.postP99)} ms, of the delivery after its answer ${fmt(fan.deliveryP99)} ms; load generator's worst stall ${fmt(fan.generatorStallMs)} ms, CPU steal ${fmt(fan.stealPercent)} %); server RSS ${fmt(fan.rssBeforeMb)} → peak ${fmt(fan.rssPeakMb)} → ${fmt(fan.rssAfterMb)} MB`,
          rate: `${fmt(fan.reports / FANOUT_SECONDS)} reports/s`,
          p50: `${fmt(fan.p50)} ms`,
          p99: `${fmt(fan.p99)} ms`,
          verdict: fan.p99 <= TARGET.fanOutP99Ms && fan.refused === 0 && fan.delivered === fan.reports ? 'meets target' : '**misses target**',
        });
      }
    } finally {
      await server.stop('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pgBin = postgresBinDir();
const cluster = pgBin ? await startThrowawayPostgres(pgBin) : undefined;
if (!cluster) console.error('PostgreSQL binaries not found (/usr/lib/postgresql/*/bin): benching SQLite only.');
try {
  // Both databases at the smaller size first: the quicker figures come first.
  for (const size of SIZES) {
    for (const kind of cluster ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
      // One configuration failing (a server that would not start on a busy machine) leaves the others' figures.
      await benchOne(kind, size, cluster).catch((err: unknown) => {
        console.error(err);
        push({ measure: `${kind}, ${size.toLocaleString('en')} players`, rate: 'not measured', p50: '', p99: '', verdict: `failed: ${(err as Error).message.split('\n')[0]}` });
      });
    }
  }
} finally {
  cluster?.stop();
}

say('# Server figures');
say('');
say(`Measured by \`bench/server.bench.ts\` on ${new Date().toISOString().slice(0, 10)}: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, `);
say(`server and load generator on the same machine over 127.0.0.1; SQLite (WAL, synchronous=FULL) and PostgreSQL (throwaway local cluster, fsync off); ${WORKERS} replay worker(s); ${CONNECTIONS} connections, ${SECONDS} s per read test.`);
say(`Scenario \`${scenario.id}\`; boards of ${SIZES.map((s) => s.toLocaleString('en')).join(' and ')} players in teams of ${TEAM_SIZE}. Targets: each board read ≥ ${TARGET.boardRateShare * 100} % of health's rate with p99 ≤ ${TARGET.boardP99Ms} ms; fan-out p99 ≤ ${TARGET.fanOutP99Ms} ms.`);
say('');
say('| Measure | Throughput (share of health) | p50 | p99 | Against target |');
say('| --- | --- | --- | --- | --- |');
for (const r of rows) say(`| ${r.measure} | ${r.rate} | ${r.p50} | ${r.p99} | ${r.verdict} |`);
writeFileSync(OUT, `${lines.join('\n')}\n`);
console.log(`\nwritten to ${OUT}`);
