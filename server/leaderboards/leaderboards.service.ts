import type { PlayerBoard, PlayerStanding, TeamBoard, TeamStanding } from '../../src/api/index';
import type { AppContext } from '../context';
import { ApiError } from '../http/http-errors';
import { nameKey } from '../runs/names';
import * as standings from './leaderboards.repository';

interface PageQuery {
  hash?: string | undefined;
  offset: number;
  limit: number;
}

/** The board asked for: a given scenario version, or the latest one (each version has its own board). */
async function board(ctx: AppContext, scenarioId: string, hash: string | undefined): Promise<standings.Board> {
  if (hash) return { scenarioId, scenarioHash: hash };
  const entry = await ctx.scenarios.latest(scenarioId);
  if (!entry) throw new ApiError('scenario/unknown', scenarioId);
  return { scenarioId, scenarioHash: entry.hash };
}

/** A team's mean is kept in thousandths for exact ordering; shown to one decimal. */
const teamStanding = (t: standings.TeamStandingRow): TeamStanding => ({
  rank: t.rank,
  team: t.team,
  members: t.members,
  average: Math.round(t.averageMilli / 100) / 10,
  best: t.best,
});

/** One page of individual standings, and the asking player's own standing if named. */
export async function playerBoard(ctx: AppContext, scenarioId: string, query: PageQuery & { player?: string | undefined }): Promise<PlayerBoard> {
  const b = await board(ctx, scenarioId, query.hash);
  const page = await standings.playerStandings(ctx.db, b, query);
  const you = query.player ? ((await standings.playerStanding(ctx.db, b, nameKey(query.player))) ?? null) : null;
  return { ...b, total: page.total, offset: query.offset, limit: query.limit, entries: page.entries, you };
}

/** One page of team standings, and the asking team's own standing if named. */
export async function teamBoard(ctx: AppContext, scenarioId: string, query: PageQuery & { team?: string | undefined }): Promise<TeamBoard> {
  const b = await board(ctx, scenarioId, query.hash);
  const page = await standings.teamStandings(ctx.db, b, query);
  const yours = query.team ? await standings.teamStanding(ctx.db, b, nameKey(query.team)) : undefined;
  return { ...b, total: page.total, offset: query.offset, limit: query.limit, entries: page.entries.map(teamStanding), yours: yours ? teamStanding(yours) : null };
}

/** A player's current place on a board (after a run is stored), or null when not on it. */
export async function playerRank(ctx: AppContext, b: standings.Board, playerKey: string): Promise<PlayerStanding['rank'] | null> {
  return (await standings.playerStanding(ctx.db, b, playerKey))?.rank ?? null;
}
