import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playerBoardResponse, teamBoardResponse } from '../../../src/api/index';
import { openDatabase, type Database } from '../../../server/db/database';
import { insertRun } from '../../../server/runs/runs.repository';
import { nameKey } from '../../../server/runs/names';
import { miniScenario } from '../../fixtures/mini-scenario';
import { buildTestApp, DATABASE_TARGETS, freshDatabaseUrl, get, MINI_HASH, playRanked, post } from '../helpers/test-app';

/**
 * These runs go in through the storage path (insertRun) but skip the replay, so scores
 * and ties are exactly what each test needs.
 */
async function seedRun(db: Kysely<Database>, row: { player: string; score: number; team?: string; rated?: boolean; hash?: string }): Promise<void> {
  const attemptId = randomUUID();
  const seed = Math.floor(Math.random() * 0x7fffffff);
  await db.insertInto('attempts').values({ id: attemptId, scenario_id: 'mini', scenario_hash: row.hash ?? MINI_HASH, seed, rated: row.rated === false ? 0 : 1, created_at: Date.now() }).execute();
  await insertRun(db, {
    public_id: randomUUID(),
    run_hash: randomUUID(),
    attempt_id: attemptId,
    scenario_id: 'mini',
    scenario_hash: row.hash ?? MINI_HASH,
    seed,
    player: row.player,
    player_key: nameKey(row.player),
    team: row.team ?? null,
    team_key: row.team ? nameKey(row.team) : null,
    score: row.score,
    grade: 'C',
    rated: row.rated === false ? 0 : 1,
    breakdown: '[]',
    record: '{}',
    created_at: Date.now(),
  });
}

describe.each(DATABASE_TARGETS)('leaderboards on %s', (target) => {
  let app: FastifyInstance;
  let db: Kysely<Database>;

  beforeAll(async () => {
    const url = await freshDatabaseUrl(target);
    app = await buildTestApp(url);
    db = openDatabase(url).db;
    // Twenty-three players with distinct scores, then the special cases.
    for (let i = 0; i < 23; i++) await seedRun(db, { player: `Player ${String(i).padStart(2, '0')}`, score: 20 + i });
    await seedRun(db, { player: 'Tie Early', score: 50 });
    await seedRun(db, { player: 'Tie Late', score: 50 });
    await seedRun(db, { player: 'Improver', score: 10 });
    await seedRun(db, { player: 'improver', score: 95 });
    await seedRun(db, { player: 'Unrated Star', score: 100, rated: false });
    await seedRun(db, { player: 'Old Version', score: 99, hash: 'ffffffffffffffff' });
    await seedRun(db, { player: 'A1', team: 'Alpha', score: 80 });
    await seedRun(db, { player: 'A2', team: 'alpha', score: 60 });
    await seedRun(db, { player: 'B1', team: 'Bravo', score: 70 });
    await seedRun(db, { player: 'C1', team: 'Charlie', score: 90 });
  });
  afterAll(async () => {
    await db?.destroy();
    await app?.close();
  });

  const board = async (query: string) => {
    const result = await get(app, `/api/leaderboards/mini?${query}`);
    expect(result.status, result.response.body).toBe(200);
    return playerBoardResponse.parse(result.body);
  };

  it('pages through unique ranks with no gaps or repeats', async () => {
    const all = await board('limit=100');
    expect(all.total).toBe(23 + 2 + 1 + 4);
    expect(all.entries.map((e) => e.rank)).toEqual(Array.from({ length: all.total }, (_, i) => i + 1));
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 7) pages.push(...(await board(`limit=7&offset=${offset}`)).entries);
    expect(pages).toEqual(all.entries);
    const scores = all.entries.map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('breaks ties by who got there first', async () => {
    const all = await board('limit=100');
    const early = all.entries.find((e) => e.player === 'Tie Early')!;
    const late = all.entries.find((e) => e.player === 'Tie Late')!;
    expect(late.rank).toBe(early.rank + 1);
    expect((await board('limit=100')).entries).toEqual(all.entries);
  });

  it('counts each player once, at their best, whatever the capitals', async () => {
    const all = await board('limit=100');
    const improver = all.entries.filter((e) => nameKey(e.player) === 'improver');
    expect(improver).toHaveLength(1);
    expect(improver[0]).toMatchObject({ score: 95, rank: 1, player: 'improver' });
  });

  it('leaves out unrated runs and other scenario versions, which have their own board', async () => {
    const all = await board('limit=100');
    expect(all.entries.some((e) => e.player === 'Unrated Star' || e.player === 'Old Version')).toBe(false);
    const old = await board('hash=ffffffffffffffff');
    expect(old.entries.map((e) => e.player)).toEqual(['Old Version']);
  });

  it("answers the player's own standing beside any page", async () => {
    const page = await board('limit=3&player=TIE%20LATE');
    expect(page.entries).toHaveLength(3);
    expect(page.you).toMatchObject({ player: 'Tie Late', score: 50 });
    expect((await board('player=nobody')).you).toBeNull();
  });

  it('ranks teams by their mean, then by size, then by who got there first', async () => {
    const result = await get(app, '/api/leaderboards/mini/teams?team=ALPHA');
    expect(result.status).toBe(200);
    const teams = teamBoardResponse.parse(result.body);
    expect(teams.entries.map((t) => [t.team, t.members, t.average])).toEqual([
      ['Charlie', 1, 90],
      ['Alpha', 2, 70],
      ['Bravo', 1, 70],
    ]);
    expect(teams.yours).toMatchObject({ rank: 2, members: 2 });
  });

  it('answers 404 for an unknown scenario and 400 for a bad page', async () => {
    expect((await get(app, '/api/leaderboards/nope')).body).toMatchObject({ code: 'scenario/unknown' });
    expect((await get(app, '/api/leaderboards/mini?limit=1000')).status).toBe(400);
    expect((await get(app, '/api/leaderboards/mini?offset=-1')).status).toBe(400);
  });

  it('stores hostile names as inert text and serves them back unchanged', async () => {
    // Each within the 24-character limit, so they are stored rather than refused.
    const hostile = ['<script>x()</script>', "'); DROP TABLE runs;--", '" onmouseover="x', '<img src=x onerror=f()>'];
    for (const name of hostile) {
      const { attemptId, run } = await playRanked(app);
      const result = await post(app, '/api/runs', { player: name, team: name, attemptId, run });
      expect(result.status, result.response.body).toBe(200);
      expect(result.response.headers['content-type']).toContain('application/json');
      const stored = await get(app, `/api/runs/${result.body!.runId}`);
      expect(stored.body).toMatchObject({ player: name, team: name });
    }
    const all = await board('limit=100');
    for (const name of hostile) expect(all.entries.map((e) => e.player)).toContain(name);
    // The tables are all still there.
    expect((await get(app, '/api/leaderboards/mini/teams')).status).toBe(200);
  });

  it('strips control and bidi-override characters and limits length', async () => {
    const { attemptId, run } = await playRanked(app);
    const result = await post(app, '/api/runs', { player: '  \u202Eevil\u0000  name\u200B ', attemptId, run });
    expect(result.status).toBe(200);
    expect((await get(app, `/api/runs/${result.body!.runId}`)).body!.player).toBe('evil name');

    for (const player of ['x'.repeat(25), '   ', '\u202E\u200B']) {
      const refused = await post(app, '/api/runs', { player, attemptId, run });
      expect(refused.status).toBe(400);
      expect(refused.body!.issues[0].path).toBe('body.player');
    }
  });
});
