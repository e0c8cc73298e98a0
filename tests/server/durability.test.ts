import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { makeRunRecord, runBot, type RunRecord } from '../../src/core/index';
import { miniScenario, miniScenarioInput } from '../fixtures/mini-scenario';
import { startServerProcess, type ServerProcess } from './helpers/server-process';

const RUNS = 40;
const KILL_AFTER_ACKS = 14;
const CONCURRENCY = 6;
/** Two server starts, 40 bot shifts and a flood: over 60 s on a shared machine under load (measured 85 s). */
const DURABILITY_TEST_MS = 180_000;

describe('durability on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'surge-durability-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged run after the server is killed mid-load', async () => {
    const scenarios = join(dir, 'scenarios');
    mkdirSync(scenarios);
    writeFileSync(join(scenarios, 'mini.yaml'), stringify(miniScenarioInput));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'surge.db')}`, SCENARIO_DIR: scenarios, VERIFY_WORKERS: '2', RATE_LIMIT_PER_MINUTE: '100000' };
    server = await startServerProcess(env);
    const base = server.url;
    const hash = ((await (await fetch(`${base}/api/scenarios`)).json()) as { scenarios: { id: string; hash: string }[] }).scenarios[0]!.hash;

    // Honest clients: an attempt each, played by a bot on the server's seed.
    const jobs: { player: string; attemptId: string; run: RunRecord }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const attempt = (await (await fetch(`${base}/api/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: 'mini' }) })).json()) as { attemptId: string; seed: number };
      const { sim } = runBot(miniScenario, { seed: attempt.seed, mode: 'ranked', bot: i % 2 ? 'guideline' : 'canned' });
      jobs.push({ player: `Player ${i}`, attemptId: attempt.attemptId, run: makeRunRecord(sim, hash) });
    }
    // A ranked run cannot arrive before its shift could have been played: as if the bots had
    // played in real time, the attempts are moved back by one shift in the server's database.
    const database = new SQLite(join(dir, 'surge.db'));
    database.prepare('update attempts set created_at = created_at - ?').run(miniScenario.duration.realMinutes * 60_000);
    database.close();

    const acknowledged: { runId: string; score: number; player: string }[] = [];
    let next = 0;
    let killed: Promise<unknown> | undefined;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        try {
          const response = await fetch(`${base}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(job) });
          if (response.status !== 200) continue;
          const body = (await response.json()) as { runId: string; score: number };
          acknowledged.push({ runId: body.runId, score: body.score, player: job.player });
          if (acknowledged.length === KILL_AFTER_ACKS) killed = server!.stop('SIGKILL');
        } catch {
          // The connection died with the server: not acknowledged, so no promise was made.
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(killed, `the server was never killed; acknowledged ${acknowledged.length}`).toBeDefined();
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledged.length, 'the kill landed mid-load').toBeLessThan(RUNS);

    server = await startServerProcess(env);
    for (const ack of acknowledged) {
      const response = await fetch(`${server.url}/api/runs/${ack.runId}`);
      expect(response.status, `acknowledged run ${ack.runId} is missing after the crash`).toBe(200);
      expect(await response.json()).toMatchObject({ score: ack.score, player: ack.player });
    }
    const board = (await (await fetch(`${server.url}/api/leaderboards/mini?limit=100`)).json()) as { total: number };
    expect(board.total).toBeGreaterThanOrEqual(acknowledged.length);
    expect(await server.stop('SIGTERM')).toBe(0);
    server = undefined;
  }, DURABILITY_TEST_MS);
});
