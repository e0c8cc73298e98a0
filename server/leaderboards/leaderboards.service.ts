import type { PlayerBoard, PlayerStanding, TeamBoard, TeamStanding } from '../../src/api/index';
import type { AppContext } from '../context';
import { ApiError } from '../http/http-errors';
import { nameKey } from '../runs/names';
import type { RankedBoard } from './board-cache';
import { boardKey } from './board-versions.repository';
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

/** A page of a ranked board: a slice, whatever its depth. */
const pageOf = <S>(ranked: RankedBoard<S>, query: PageQuery): S[] => ranked.standings.slice(query.offset, query.offset + query.limit) as S[];

/** A name's own standing on a ranked board, or null when it has none. */
function standingOf<S>(ranked: RankedBoard<S>, name: string | undefined): S | null {
  if (!name) return null;
  const index = ranked.indexOf.get(nameKey(name));
  return index === undefined ? null : ranked.standings[index]!;
}

/** One page of individual standings, and the asking player's own standing if named. */
export async function playerBoard(ctx: AppContext, scenarioId: string, query: PageQuery & { player?: string | undefined }): Promise<PlayerBoard> {
  const b = await board(ctx, scenarioId, query.hash);
  const ranked = await ctx.boards.players(b);
  return { ...b, total: ranked.standings.length, offset: query.offset, limit: query.limit, entries: pageOf(ranked, query), you: standingOf(ranked, query.player) };
}

/** One page of team standings, and the asking team's own standing if named. */
export async function teamBoard(ctx: AppContext, scenarioId: string, query: PageQuery & { team?: string | undefined }): Promise<TeamBoard> {
  const b = await board(ctx, scenarioId, query.hash);
  const ranked = await ctx.boards.teams(b);
  const yours = standingOf(ranked, query.team);
  return {
    ...b,
    total: ranked.standings.length,
    offset: query.offset,
    limit: query.limit,
    entries: pageOf(ranked, query).map(teamStanding),
    yours: yours ? teamStanding(yours) : null,
  };
}

/** The board's standings changed on this instance: read-your-writes here, before any notification arrives. */
export function boardChanged(ctx: AppContext, b: standings.Board): void {
  ctx.boards.changed(boardKey(b));
}

/** A player's current place on a board (after a run is stored), or null when not on it. */
export async function playerRank(ctx: AppContext, b: standings.Board, playerKey: string): Promise<PlayerStanding['rank'] | null> {
  return (await standings.playerStanding(ctx.db, b, playerKey))?.rank ?? null;
}
