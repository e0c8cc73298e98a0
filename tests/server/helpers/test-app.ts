import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { hashValue, makeRunRecord, runBot, type BotName, type Mode, type RunRecord } from '../../../src/core/index';
import { buildApp, type BuildOptions } from '../../../server/app';
import { catalogFrom } from '../../../server/scenarios/scenarios.service';
import { miniScenario } from '../../fixtures/mini-scenario';
import { postgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from './postgres';

export const MINI_HASH = hashValue(miniScenario);
export const miniCatalog = () => catalogFrom(new Map([[miniScenario.id, { scenario: miniScenario, hash: MINI_HASH }]]));

/** The mini scenario's shift in real time: a ranked run on it arrives no sooner than this after its attempt. */
export const MINI_SHIFT_MS = miniScenario.duration.realMinutes * 60_000;

/**
 * The server clock every test app in a file runs on (unless a test passes its own):
 * it starts at the real time and moves only when a test moves it, so a ranked run can
 * "arrive after its shift" without the test waiting ten real minutes.
 */
export const testClock = {
  ms: Date.now(),
  now: (): number => testClock.ms,
  advance(ms: number): void {
    testClock.ms += ms;
  },
};

export type DatabaseTarget = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when its binaries are installed (CI installs them). */
export const DATABASE_TARGETS: DatabaseTarget[] = postgresBinDir() ? ['sqlite', 'postgres'] : ['sqlite'];

let cluster: Promise<ThrowawayPostgres> | undefined;
const tempDirs: string[] = [];

/** A fresh, empty database of the given kind; cleaned up after the test file. */
export async function freshDatabaseUrl(target: DatabaseTarget): Promise<string> {
  if (target === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'surge-sqlite-'));
    tempDirs.push(dir);
    return `sqlite:${join(dir, 'test.db')}`;
  }
  cluster ??= startThrowawayPostgres(postgresBinDir()!);
  return (await cluster).createDatabase();
}

afterAll(async () => {
  if (cluster) (await cluster).stop();
  cluster = undefined;
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The real app on the mini scenario, quiet, with limits loose enough for tests. */
export async function buildTestApp(
  databaseUrl: string,
  overrides: Partial<BuildOptions> = {},
  beforeReady?: (app: FastifyInstance) => void,
): Promise<FastifyInstance> {
  const app = await buildApp({
    databaseUrl,
    scenarios: miniCatalog(),
    distDir: join(tmpdir(), 'surge-no-dist'),
    verifyWorkers: 1,
    rateLimitPerMinute: 100_000,
    logLevel: 'silent',
    now: testClock.now,
    ...overrides,
  });
  beforeReady?.(app);
  await app.ready();
  return app;
}

/** A genuine run on the mini scenario, played by a core bot. */
export function botRun(seed: number, bot: BotName = 'guideline', mode: Mode = 'ranked'): RunRecord {
  const { sim } = runBot(miniScenario, { seed, mode, bot });
  return makeRunRecord(sim, MINI_HASH);
}

export async function post(app: FastifyInstance, url: string, payload: unknown, token?: string) {
  const response = await app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.statusCode, body: response.body ? (JSON.parse(response.body) as Record<string, any>) : undefined, response };
}

export async function get(app: FastifyInstance, url: string, token?: string) {
  const response = await app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const json = (response.headers['content-type'] ?? '').toString().includes('json');
  return { status: response.statusCode, body: json ? (JSON.parse(response.body) as Record<string, any>) : undefined, response };
}

/** A repeat attempt at a chosen seed (unrated), for tests that need a fixed seed; its shift has been played when this answers. */
export async function playAtSeed(app: FastifyInstance, seed: number, bot: BotName = 'guideline') {
  const attempt = await post(app, '/api/attempts', { scenarioId: miniScenario.id, seed });
  if (attempt.status !== 201) throw new Error(`attempt failed: ${attempt.response.body}`);
  testClock.advance(MINI_SHIFT_MS);
  return { attemptId: attempt.body!.attemptId as string, seed, run: botRun(seed, bot) };
}

/** Asks for a rated attempt and plays it with a bot for the shift's length: the honest client's path. */
export async function playRanked(app: FastifyInstance, bot: BotName = 'guideline') {
  const attempt = await post(app, '/api/attempts', { scenarioId: miniScenario.id });
  if (attempt.status !== 201) throw new Error(`attempt failed: ${attempt.response.body}`);
  testClock.advance(MINI_SHIFT_MS);
  return { attemptId: attempt.body!.attemptId as string, seed: attempt.body!.seed as number, run: botRun(attempt.body!.seed, bot) };
}

/** Serves the app on a free port of 127.0.0.1, for tests that go through a real socket as an attacker would. */
export async function listenLocal(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/** A JSON POST over HTTP with optional headers; answers the status and the parsed body. */
export async function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, any> | undefined };
}

export async function getJson(base: string, path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
