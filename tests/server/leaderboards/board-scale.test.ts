import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playerBoardResponse, teamBoardResponse } from '../../../src/api/index';
import { openDatabase, type Database } from '../../../server/db/database';
import { insertRun } from '../../../server/runs/runs.repository';
import { nameKey } from '../../../server/runs/names';
import { buildTestApp, DATABASE_TARGETS, freshDatabaseUrl, MINI_HASH } from '../helpers/test-app';
import { seedBoard, seededPlayer, seededTeam, type SeededBoard } from '../helpers/seed-board';

/** Large enough that ranking it per request shows (tens of ms), small enough to seed in seconds. */
const BIG: SeededBoard = { scenarioId: 'mini', scenarioHash: MINI_HASH, players: 40_000, teamSize: 5, prefix: 'Big', firstSeed: 1_000_000 };
const SMALL: SeededBoard = { scenarioId: 'mini', scenarioHash: 'aaaaaaaaaaaaaaaa', players: 200, teamSize: 5, prefix: 'Small', firstSeed: 2_000_000 };
const ROUNDS = 25;
/**
 * A read on the 200× larger board may cost at most this many times the small board's. Fastest
 * of each (the cost of the work itself; a busy machine only adds), interleaved so both see the
 * same machine. Ranking per request made it 10× and more.
 */
const MAX_SIZE_RATIO = 3;

const fastest = (xs: number[]) => Math.min(...xs);

/** The reads a player makes on a board: a deep page with their own rank, and a deep team page with their team's. */
function readsOf(board: SeededBoard) {
  const hash = board.scenarioHash === MINI_HASH ? '' : `&hash=${board.scenarioHash}`;
  const last = board.players - 1;
  return {
    players: `/api/leaderboards/mini?offset=${board.players - 20}&limit=20&player=${seededPlayer(board, last)}${hash}`,
    teams: `/api/leaderboards/mini/teams?offset=${board.players / board.teamSize - 20}&limit=20&team=${seededTeam(board, last)}${hash}`,
  };
}

describe.each(DATABASE_TARGETS)('boards at scale on %s', (target) => {
  let app: FastifyInstance;
  let base: string;
  let url: string;
  let db: Kysely<Database>;

  beforeAll(async () => {
    url = await freshDatabaseUrl(target);
    app = await buildTestApp(url);
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    db = openDatabase(url).db;
    await seedBoard(db, BIG);
    await seedBoard(db, SMALL);
  });
  afterAll(async () => {
    await db?.destroy();
    await app?.close();
  });

  const timedGet = async (path: string) => {
    const t0 = performance.now();
    const response = await fetch(`${base}${path}`);
    const body = await response.json();
    const ms = performance.now() - t0;
    expect(response.status, JSON.stringify(body)).toBe(200);
    return { ms, body };
  };

  it('answers a deep page, an own rank and a team page of a large board about as fast as of a small one', async () => {
    const big = readsOf(BIG);
    const small = readsOf(SMALL);
    for (const path of [big.players, big.teams, small.players, small.teams]) await timedGet(path); // first read ranks the board
    const times = { bigPlayers: [] as number[], smallPlayers: [] as number[], bigTeams: [] as number[], smallTeams: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      times.bigPlayers.push((await timedGet(big.players)).ms);
      times.smallPlayers.push((await timedGet(small.players)).ms);
      times.bigTeams.push((await timedGet(big.teams)).ms);
      times.smallTeams.push((await timedGet(small.teams)).ms);
    }
    const ratios = {
      players: fastest(times.bigPlayers) / fastest(times.smallPlayers),
      teams: fastest(times.bigTeams) / fastest(times.smallTeams),
    };
    expect(ratios.players, JSON.stringify(times)).toBeLessThan(MAX_SIZE_RATIO);
    expect(ratios.teams, JSON.stringify(times)).toBeLessThan(MAX_SIZE_RATIO);
  });

  it('pages a large board without gaps or repeats, and places a player and a team exactly', async () => {
    const { players, teams } = readsOf(BIG);
    const deep = playerBoardResponse.parse((await timedGet(players)).body);
    expect(deep.total).toBe(BIG.players);
    expect(deep.entries.map((e) => e.rank)).toEqual(Array.from({ length: 20 }, (_, i) => BIG.players - 19 + i));
    const you = deep.you!;
    expect(you.player).toBe(seededPlayer(BIG, BIG.players - 1));
    const sameRank = playerBoardResponse.parse((await timedGet(`/api/leaderboards/mini?offset=${you.rank - 1}&limit=1`)).body);
    expect(sameRank.entries[0]).toEqual(you);
    const teamPage = teamBoardResponse.parse((await timedGet(teams)).body);
    expect(teamPage.total).toBe(BIG.players / BIG.teamSize);
    const yours = teamPage.yours!;
    const teamAtRank = teamBoardResponse.parse((await timedGet(`/api/leaderboards/mini/teams?offset=${yours.rank - 1}&limit=1`)).body);
    expect(teamAtRank.entries[0]).toEqual(yours);
  });

  it('shows a run stored by another process or instance on the next reads', async () => {
    const board = async () => playerBoardResponse.parse((await timedGet('/api/leaderboards/mini?limit=1&player=Newcomer')).body);
    expect((await board()).you).toBeNull();
    // Written through a second connection, as another instance (or a second process on the SQLite file) would.
    const attemptId = randomUUID();
    const seed = 3_000_000;
    await db.insertInto('attempts').values({ id: attemptId, scenario_id: 'mini', scenario_hash: MINI_HASH, seed, rated: 1, created_at: Date.now() }).execute();
    await insertRun(db, {
      public_id: randomUUID(),
      run_hash: randomUUID(),
      attempt_id: attemptId,
      scenario_id: 'mini',
      scenario_hash: MINI_HASH,
      seed,
      player: 'Newcomer',
      player_key: nameKey('Newcomer'),
      team: null,
      team_key: null,
      score: 101,
      grade: 'A',
      rated: 1,
      breakdown: '[]',
      record: '{}',
      created_at: Date.now(),
    });
    // SQLite reads the version row on every read; PostgreSQL hears a notification within milliseconds.
    const deadline = Date.now() + 5_000;
    let seen = await board();
    while (!seen.you && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      seen = await board();
    }
    expect(seen.you).toMatchObject({ rank: 1, player: 'Newcomer', score: 101 });
    expect(seen.total).toBe(BIG.players + 1);
    if (target === 'sqlite') expect(seen).toEqual(await board()); // no wait was needed: the first read after the write saw it
  });
});
