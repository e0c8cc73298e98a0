import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRunRecord, runBot, type Scenario } from '../../../src/core/index';
import { scenariosResponse } from '../../../src/api/index';
import { loadScenarioCatalog } from '../../../server/scenarios/scenarios.service';
import { buildTestApp, freshDatabaseUrl, get, post, testClock } from '../helpers/test-app';
import { REPO_ROOT } from '../../repo-root';

const DIR = join(REPO_ROOT, 'scenarios');

describe('the shipped scenarios through the API', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(await freshDatabaseUrl('sqlite'), { scenarios: DIR });
  });
  afterAll(async () => app?.close());

  it('serves every shipped scenario with the hash the core computes', async () => {
    const { scenarios } = scenariosResponse.parse((await get(app, '/api/scenarios')).body);
    const catalog = loadScenarioCatalog(DIR);
    expect(scenarios.map((s) => s.id)).toEqual(catalog.entries.map(([id]) => id));
    for (const s of scenarios) expect(s.hash).toBe(catalog.lookup(s.id)!.hash);
  });

  it('verifies a ranked run on the longest scenario and shows it to a second reader', async () => {
    const catalog = loadScenarioCatalog(DIR);
    const [id, { scenario, hash }] = [...catalog.entries].sort((a, b) => b[1].scenario.duration.simMinutes - a[1].scenario.duration.simMinutes)[0]! as [string, { scenario: Scenario; hash: string }];
    const attempt = (await post(app, '/api/attempts', { scenarioId: id })).body!;
    const { sim, outcome } = runBot(scenario, { seed: attempt.seed, mode: 'ranked', bot: 'guideline' });
    testClock.advance(attempt.shiftMs);
    const verdict = await post(app, '/api/runs', { player: 'First Player', team: 'Day Desk', attemptId: attempt.attemptId, run: makeRunRecord(sim, hash) });
    expect(verdict.status, verdict.response.body).toBe(200);
    expect(verdict.body).toMatchObject({ score: outcome.score, rated: true, rank: 1 });
    const board = (await get(app, `/api/leaderboards/${id}`)).body!;
    expect(board.entries[0]).toMatchObject({ player: 'First Player', team: 'Day Desk', score: outcome.score });
  });

  it('refuses to start on a broken scenario file, naming file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'surge-broken-'));
    try {
      copyFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'broken-scenario.yaml'), join(dir, 'broken-scenario.yaml'));
      expect(() => loadScenarioCatalog(dir)).toThrow(/broken-scenario\.yaml:\d+:\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
