import { sql, type Kysely } from 'kysely';
import type { PlayerStanding } from '../../src/api/index';
import type { Grade } from '../../src/core/index';
import type { Database } from '../db/database';

/** One leaderboard: a scenario at one version (its hash). Only rated runs count. */
export interface Board {
  scenarioId: string;
  scenarioHash: string;
}

/** A team's standing as the database ranks it; the service turns it into the API's TeamStanding. */
export interface TeamStandingRow {
  rank: number;
  team: string;
  members: number;
  /** Mean of the members' best scores, in thousandths (integer, so both databases order alike). */
  averageMilli: number;
  best: number;
}

/*
 * Ranking rules, the same on SQLite and PostgreSQL:
 * - a player's standing is their best run (player_bests): higher score, then the earlier run;
 * - players rank by that run: higher score, then whoever reached it first (lower run id);
 * - a team's standing is the mean of its members' best runs under that team: higher mean,
 *   then more members, then whichever team reached its standing first (lower id of its
 *   latest best run); it shows under the spelling of its earliest best run.
 * Ranks are unique (no shared places), so pagination never splits or repeats a tie.
 */

const onBoard = (board: Board) => ({ scenario_id: board.scenarioId, scenario_hash: board.scenarioHash });

function boardBests(db: Kysely<Database>, b: ReturnType<typeof onBoard>) {
  return db.selectFrom('player_bests').where('scenario_id', '=', b.scenario_id).where('scenario_hash', '=', b.scenario_hash);
}

function bests(db: Kysely<Database>, board: Board) {
  const b = onBoard(board);
  return db
    .selectFrom('player_bests as pb')
    .innerJoin('runs as r', 'r.id', 'pb.run_id')
    .where('pb.scenario_id', '=', b.scenario_id)
    .where('pb.scenario_hash', '=', b.scenario_hash)
    .select(['pb.score', 'pb.run_id', 'r.player', 'r.team', 'r.grade', 'r.public_id', 'r.created_at']);
}

type BestRow = { score: number; run_id: number; player: string; team: string | null; grade: Grade; public_id: string; created_at: number };

const toPlayer = (row: BestRow, rank: number): PlayerStanding => ({
  rank,
  player: row.player,
  team: row.team,
  score: row.score,
  grade: row.grade,
  runId: row.public_id,
  at: Number(row.created_at),
});

/**
 * Rows read per query when ranking a whole board. On SQLite each query blocks the event loop
 * (better-sqlite3 is synchronous); between chunks other requests are served.
 */
const RANKING_CHUNK_ROWS = 5_000;

/** Every standing on a board, best first (the board cache holds this; pages are slices of it), read in rank-order chunks. */
export async function allPlayerStandings(db: Kysely<Database>, board: Board): Promise<{ key: string; standing: PlayerStanding }[]> {
  const all: { key: string; standing: PlayerStanding }[] = [];
  let after: { score: number; run_id: number } | undefined;
  for (;;) {
    let query = bests(db, board).select('pb.player_key');
    // Keyset: strictly after the last row read, in (score desc, run id asc) order; the score bound keeps it an index range.
    if (after) {
      const last = after;
      query = query.where('pb.score', '<=', last.score).where((eb) => eb.or([eb('pb.score', '<', last.score), eb('pb.run_id', '>', last.run_id)]));
    }
    const rows = await query.orderBy('pb.score', 'desc').orderBy('pb.run_id', 'asc').limit(RANKING_CHUNK_ROWS).execute();
    for (const row of rows) all.push({ key: row.player_key, standing: toPlayer(row, all.length + 1) });
    if (rows.length < RANKING_CHUNK_ROWS) return all;
    after = rows[rows.length - 1]!;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** One player's standing, ranked by two index range counts: for the answer to a submitted run, which must not wait for the board cache to rebuild. */
export async function playerStanding(db: Kysely<Database>, board: Board, playerKey: string): Promise<PlayerStanding | undefined> {
  const row = await bests(db, board).where('pb.player_key', '=', playerKey).executeTakeFirst();
  if (!row) return undefined;
  // Two range scans on the rank index (higher score; same score, earlier run) instead of one OR scan.
  const b = onBoard(board);
  const count = (where: (q: ReturnType<typeof boardBests>) => ReturnType<typeof boardBests>) =>
    where(boardBests(db, b)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const [higher, tiedEarlier] = await Promise.all([
    count((q) => q.where('score', '>', row.score)),
    count((q) => q.where('score', '=', row.score).where('run_id', '<', row.run_id)),
  ]);
  const ahead = { n: Number(higher.n) + Number(tiedEarlier.n) };
  return toPlayer(row, Number(ahead.n) + 1);
}

function rankedTeams(db: Kysely<Database>, board: Board) {
  const b = onBoard(board);
  return db
    .with('teams', (qb) =>
      qb
        .selectFrom('team_member_bests')
        .where('scenario_id', '=', b.scenario_id)
        .where('scenario_hash', '=', b.scenario_hash)
        .groupBy('team_key')
        .select('team_key')
        .select(sql<number>`count(*)`.as('members'))
        .select(sql<number>`(sum(score) * 1000) / count(*)`.as('average_milli'))
        .select(sql<number>`max(score)`.as('best'))
        .select(sql<number>`max(run_id)`.as('reached_id'))
        .select(sql<number>`min(run_id)`.as('first_id')),
    )
    .with('ranked_teams', (qb) =>
      qb
        .selectFrom('teams')
        .innerJoin('runs', 'runs.id', 'teams.first_id')
        .select(['teams.team_key', 'teams.members', 'teams.average_milli', 'teams.best', 'runs.team'])
        .select(sql<number>`row_number() over (order by average_milli desc, members desc, reached_id asc)`.as('rank')),
    );
}

function toTeam(row: { rank: number; team: string | null; members: number; average_milli: number; best: number }): TeamStandingRow {
  return { rank: Number(row.rank), team: row.team ?? '', members: Number(row.members), averageMilli: Number(row.average_milli), best: Number(row.best) };
}

/** Every team on a board, best first, with its key (the board cache holds this). */
export async function allTeamStandings(db: Kysely<Database>, board: Board): Promise<{ key: string; standing: TeamStandingRow }[]> {
  const rows = await rankedTeams(db, board).selectFrom('ranked_teams').selectAll().orderBy('rank').execute();
  return rows.map((row) => ({ key: row.team_key, standing: toTeam(row) }));
}
