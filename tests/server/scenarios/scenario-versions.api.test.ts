import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioCheckResponse, scenarioInvalidError, scenariosResponse, scenarioVersionResponse } from '../../../src/api/index';
import { loadScenario, makeRunRecord, runBot } from '../../../src/core/index';
import { openDatabase } from '../../../server/db/database';
import { miniScenarioInput } from '../../fixtures/mini-scenario';
import { buildTestApp, DATABASE_TARGETS, freshDatabaseUrl, get, post, testClock } from '../helpers/test-app';

const AUTHOR_KEY = 'studio-author-key-for-tests';
const ID = 'studio-mini';

/** A trainer's own scenario: the mini one under a new id, as YAML text with a comment that must survive. */
const draft = (title: string) => `# yaml-language-server: $schema=./scenario.schema.json\n${stringify({ ...miniScenarioInput, id: ID, title })}`;

const publish = (app: FastifyInstance, yaml: string, key?: string) => post(app, '/api/scenarios', { yaml }, key);

function playOn(yaml: string, seed: number) {
  const loaded = loadScenario(yaml, 'test');
  if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
  return makeRunRecord(runBot(loaded.scenario, { seed, mode: 'ranked', bot: 'guideline' }).sim, loaded.hash);
}

describe.each(DATABASE_TARGETS)('scenario versions on %s', (target) => {
  let url: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    url = await freshDatabaseUrl(target);
    app = await buildTestApp(url, { authorKey: AUTHOR_KEY });
  });
  afterAll(async () => app?.close());

  it('checks a draft: its id, hash and warnings, or every problem located with found and allowed', async () => {
    const good = scenarioCheckResponse.parse((await post(app, '/api/scenarios/check', { yaml: draft('Studio mini') })).body);
    expect(good).toMatchObject({ ok: true, id: ID });
    const broken = draft('Studio mini').replace('realMinutes: 10', 'realMinutes: -4').replace('postsPerDay:', 'postsPerDya:');
    const bad = scenarioCheckResponse.parse((await post(app, '/api/scenarios/check', { yaml: broken })).body);
    if (bad.ok) throw new Error('a broken draft passed the check');
    const lines = broken.split('\n');
    const typo = bad.problems.find((p) => p.field === 'baseline.postsPerDya')!;
    expect(typo).toMatchObject({ severity: 'error' });
    expect(lines[typo.line - 1]).toContain('postsPerDya');
    expect(typo.message).toContain('did you mean "postsPerDay"');
    const negative = bad.problems.find((p) => p.field === 'duration.realMinutes')!;
    expect(negative).toMatchObject({ found: '-4', severity: 'error' });
    expect(negative.allowed).toMatch(/\d/);
  });

  it('refuses to publish without the author key, with a wrong one, or an invalid file (same located problems)', async () => {
    expect((await publish(app, draft('x'))).status).toBe(401);
    expect((await publish(app, draft('x'), 'not-the-author-key-at-all')).status).toBe(401);
    const refused = await publish(app, draft('x').replace('postsPerDay:', 'postsPerDya:'), AUTHOR_KEY);
    expect(refused.status).toBe(400);
    const body = scenarioInvalidError.parse(refused.body);
    expect(body.error.problems.map((p) => p.field)).toContain('baseline.postsPerDya');
    expect(body.problems).toEqual(body.error.problems);
    expect((await publish(app, stringify(miniScenarioInput), AUTHOR_KEY)).status).toBe(409);
    expect(scenariosResponse.parse((await get(app, '/api/scenarios')).body).scenarios.map((s) => s.id)).toEqual(['mini']);
  });

  it('keeps every version by hash; the newest is listed and played, old ones stay verifiable', async () => {
    const v1 = draft('Studio mini');
    const first = await publish(app, v1, AUTHOR_KEY);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: ID, version: 1 });
    const attemptV1 = (await post(app, '/api/attempts', { scenarioId: ID })).body!;
    expect(attemptV1.scenarioHash).toBe(first.body!.hash);
    const drill = (await post(app, '/api/drills', { scenarioId: ID })).body!;

    const v2 = draft('Studio mini, second edition');
    const second = await publish(app, v2, AUTHOR_KEY);
    expect(second.body).toMatchObject({ id: ID, version: 2 });
    expect((await publish(app, v2, AUTHOR_KEY)).body).toEqual(second.body);

    const listed = scenariosResponse.parse((await get(app, '/api/scenarios')).body).scenarios.find((s) => s.id === ID)!;
    expect(listed).toMatchObject({ hash: second.body!.hash, version: 2, source: 'published', title: 'Studio mini, second edition' });
    expect(listed.publishedAt).toBeGreaterThan(0);
    expect(scenarioVersionResponse.parse((await get(app, `/api/scenarios/${ID}`)).body)).toEqual({ id: ID, hash: second.body!.hash, yaml: v2 });
    expect((await get(app, `/api/scenarios/${ID}/versions/${first.body!.hash}`)).body).toEqual({ id: ID, hash: first.body!.hash, yaml: v1 });
    expect((await get(app, `/api/scenarios/${ID}/versions/0123456789abcdef`)).status).toBe(404);
    expect((await get(app, '/api/scenarios/nobody-wrote-this')).status).toBe(404);

    // A run started on version 1 still verifies after version 2 is out, onto version 1's board
    // (once its shift could have been played: ranked runs cannot arrive sooner).
    testClock.advance(attemptV1.shiftMs);
    const verdict = await post(app, '/api/runs', { player: 'Early Bird', attemptId: attemptV1.attemptId, run: playOn(v1, attemptV1.seed) });
    expect(verdict.status, verdict.response.body).toBe(200);
    expect((await get(app, `/api/leaderboards/${ID}`)).body).toMatchObject({ scenarioHash: second.body!.hash, total: 0 });
    expect((await get(app, `/api/leaderboards/${ID}?hash=${first.body!.hash}`)).body).toMatchObject({ total: 1 });
    // The drill keeps the version it was created on.
    const view = (await get(app, `/api/drills/${drill.code}`, drill.trainerToken)).body!;
    expect(view.scenario).toMatchObject({ hash: first.body!.hash, version: 1 });
    expect((await post(app, '/api/attempts', { scenarioId: ID })).body!.scenarioHash).toBe(second.body!.hash);
  });

  it('serves published versions from the database to another instance and after a restart', async () => {
    const other = await buildTestApp(url);
    try {
      const listed = scenariosResponse.parse((await get(other, '/api/scenarios')).body).scenarios;
      expect(listed.map((s) => [s.id, s.version])).toEqual([
        ['mini', 1],
        [ID, 2],
      ]);
      expect(listed[0]!.source).toBe('bundled');
      // No author key configured here: publishing is off.
      expect((await publish(other, draft('x'), AUTHOR_KEY)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('shows a version published on one instance to another that had already read the list', async () => {
    // The newest version of each id is held in memory; a publish elsewhere must still reach it.
    const other = await buildTestApp(url);
    try {
      const before = scenariosResponse.parse((await get(other, '/api/scenarios')).body).scenarios.find((s) => s.id === ID)!;
      const third = await publish(app, draft('Third time lucky'), AUTHOR_KEY);
      expect(third.status).toBe(201);
      expect(third.body!.version).toBe(before.version + 1);
      // SQLite sees another connection's commit on the next read; PostgreSQL hears a notification within milliseconds.
      const deadline = Date.now() + 5_000;
      const newest = async () => scenariosResponse.parse((await get(other, '/api/scenarios')).body).scenarios.find((s) => s.id === ID)!;
      let seen = await newest();
      while (seen.hash !== third.body!.hash && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        seen = await newest();
      }
      expect(seen).toMatchObject({ hash: third.body!.hash, version: third.body!.version, title: 'Third time lucky' });
      expect((await post(other, '/api/attempts', { scenarioId: ID })).body!.scenarioHash).toBe(third.body!.hash);
    } finally {
      await other.close();
    }
  });
});

describe('scenario checks and publishing under load and on bad input', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // 300 a minute overall gives checks their floor of 30 a minute per address.
    app = await buildTestApp(await freshDatabaseUrl('sqlite'), { authorKey: AUTHOR_KEY, rateLimitPerMinute: 300 });
  });
  afterAll(async () => app?.close());

  it('caps a draft’s size and the checks an address may run per minute', async () => {
    const huge = await post(app, '/api/scenarios/check', { yaml: `# ${'x'.repeat(300 * 1024)}` });
    expect([400, 413]).toContain(huge.status);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post(app, '/api/scenarios/check', { yaml: 'format: 1' })).status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(30);
    expect(statuses.at(-1)).toBe(429);
  });

  it('leaves a kept version this engine cannot read off the list instead of failing it', async () => {
    const url = await freshDatabaseUrl('sqlite');
    const first = await buildTestApp(url);
    await first.close();
    const db = openDatabase(url).db;
    await db.insertInto('scenario_versions').values({ scenario_id: 'old-format', hash: '0123456789abcdef', version: 1, yaml: 'format: 0\n', source: 'published', published_at: 1, created_at: 1 }).execute();
    await db.destroy();
    const second = await buildTestApp(url);
    try {
      expect(scenariosResponse.parse((await get(second, '/api/scenarios')).body).scenarios.map((s) => s.id)).toEqual(['mini']);
    } finally {
      await second.close();
    }
  });
});
