import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

/** One leaderboard: a scenario at one version (its hash). Only rated runs count. */
export interface Board {
  scenarioId: string;
  scenarioHash: string;
}

export interface PlayerStanding {
  rank: number;
  player: string;
  team: string | null;
  score: number;
  grade: string;
  runId: string;
  at: number;
}

export interface TeamStanding {
  rank: number;
  team: string;
  members: number;
  /** Mean of the members' best scores, in thousandths (integer, so both databases order alike). */
  averageMilli: number;
  best: number;
}

/*
 * Ranking rules, the same on SQLite and PostgreSQL:
 * - a player's standing is their best run: higher score first, then the earlier run (lower id);
 * - players rank by that run: higher score, then whoever reached it first (lower id);
 * - a team's standing is the mean of its members' best runs under that team: higher mean, then
 *   more members, then whichever team reached its standing first (lower id of its latest best run).
 * Ranks are unique (no shared places), so pagination never splits or repeats a tie.
 */

function rankedPlayers(db: Kysely<Database>, board: Board) {
  return db
    .with('best', (qb) =>
      qb
        .selectFrom('runs')
        .where('scenario_id', '=', board.scenarioId)
        .where('scenario_hash', '=', board.scenarioHash)
        .where('rated', '=', 1)
        .select(['id', 'public_id', 'player', 'player_key', 'team', 'score', 'grade', 'created_at'])
        .select(sql<number>`row_number() over (partition by player_key order by score desc, id asc)`.as('nth')),
    )
    .with('ranked', (qb) =>
      qb
        .selectFrom('best')
        .where('nth', '=', 1)
        .select(['id', 'public_id', 'player', 'player_key', 'team', 'score', 'grade', 'created_at'])
        .select(sql<number>`row_number() over (order by score desc, id asc)`.as('rank')),
    );
}

function toPlayer(row: { rank: number; player: string; team: string | null; score: number; grade: string; public_id: string; created_at: number }): PlayerStanding {
  return { rank: Number(row.rank), player: row.player, team: row.team, score: row.score, grade: row.grade, runId: row.public_id, at: Number(row.created_at) };
}

export async function playerStandings(
  db: Kysely<Database>,
  board: Board,
  page: { offset: number; limit: number },
): Promise<{ total: number; entries: PlayerStanding[] }> {
  const entries = await rankedPlayers(db, board)
    .selectFrom('ranked')
    .selectAll()
    .orderBy('rank')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await rankedPlayers(db, board)
    .selectFrom('ranked')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { total: Number(total.n), entries: entries.map(toPlayer) };
}

export async function playerStanding(db: Kysely<Database>, board: Board, playerKey: string): Promise<PlayerStanding | undefined> {
  const row = await rankedPlayers(db, board).selectFrom('ranked').selectAll().where('player_key', '=', playerKey).executeTakeFirst();
  return row ? toPlayer(row) : undefined;
}

function rankedTeams(db: Kysely<Database>, board: Board) {
  return db
    .with('member_best', (qb) =>
      qb
        .selectFrom('runs')
        .where('scenario_id', '=', board.scenarioId)
        .where('scenario_hash', '=', board.scenarioHash)
        .where('rated', '=', 1)
        .where('team_key', 'is not', null)
        .select(['id', 'team_key', 'player_key', 'score'])
        // A team shows under the spelling of its first run (not min(), which follows each database's collation).
        .select(sql<string>`first_value(team) over (partition by team_key order by id asc)`.as('team'))
        .select(sql<number>`row_number() over (partition by team_key, player_key order by score desc, id asc)`.as('nth')),
    )
    .with('teams', (qb) =>
      qb
        .selectFrom('member_best')
        .where('nth', '=', 1)
        .groupBy('team_key')
        .select('team_key')
        .select(sql<string>`min(team)`.as('team'))
        .select(sql<number>`count(*)`.as('members'))
        .select(sql<number>`(sum(score) * 1000) / count(*)`.as('average_milli'))
        .select(sql<number>`max(score)`.as('best'))
        .select(sql<number>`max(id)`.as('reached_id')),
    )
    .with('ranked_teams', (qb) =>
      qb
        .selectFrom('teams')
        .selectAll()
        .select(sql<number>`row_number() over (order by average_milli desc, members desc, reached_id asc)`.as('rank')),
    );
}

function toTeam(row: { rank: number; team: string; members: number; average_milli: number; best: number }): TeamStanding {
  return { rank: Number(row.rank), team: row.team, members: Number(row.members), averageMilli: Number(row.average_milli), best: Number(row.best) };
}

export async function teamStandings(
  db: Kysely<Database>,
  board: Board,
  page: { offset: number; limit: number },
): Promise<{ total: number; entries: TeamStanding[] }> {
  const entries = await rankedTeams(db, board)
    .selectFrom('ranked_teams')
    .selectAll()
    .orderBy('rank')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await rankedTeams(db, board)
    .selectFrom('ranked_teams')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { total: Number(total.n), entries: entries.map(toTeam) };
}

export async function teamStanding(db: Kysely<Database>, board: Board, teamKey: string): Promise<TeamStanding | undefined> {
  const row = await rankedTeams(db, board).selectFrom('ranked_teams').selectAll().where('team_key', '=', teamKey).executeTakeFirst();
  return row ? toTeam(row) : undefined;
}
