import type { FastifyInstance } from 'fastify';
import type { ApiRegistry } from '../http/api-route';
import { boardParams, errorSchema, playerBoardQuery, playerBoardResponse, teamBoardQuery, teamBoardResponse } from '../api.schemas';
import type { AppContext } from '../context';
import { playerStanding, playerStandings, teamStanding, teamStandings, type Board, type TeamStanding } from './leaderboards.repository';
import { ApiError } from '../http/http-errors';
import { nameKey } from '../runs/names';

function board(ctx: AppContext, scenarioId: string, hash: string | undefined): Board {
  if (hash) return { scenarioId, scenarioHash: hash };
  const entry = ctx.catalog.lookup(scenarioId);
  if (!entry) throw new ApiError('scenario/unknown', scenarioId);
  return { scenarioId, scenarioHash: entry.hash };
}

const team = (t: TeamStanding) => ({ rank: t.rank, team: t.team, members: t.members, average: Math.round(t.averageMilli / 100) / 10, best: t.best });

export function leaderboardRoutes(app: FastifyInstance, api: ApiRegistry, ctx: AppContext): void {
  api.add(
    app,
    {
      method: 'GET',
      url: '/api/leaderboards/:scenarioId',
      tag: 'leaderboards',
      summary: 'Individual standings: each player\'s best verified rated run',
      description: 'Ties: the earlier run ranks first. Ranks are unique, so pages never overlap.',
      params: boardParams,
      query: playerBoardQuery,
      responses: { 200: { description: 'A page of standings', schema: playerBoardResponse }, 404: { description: 'Unknown scenario', schema: errorSchema } },
    },
    async ({ params, query }) => {
      const b = board(ctx, params.scenarioId, query.hash);
      const page = await playerStandings(ctx.db, b, query);
      const you = query.player ? ((await playerStanding(ctx.db, b, nameKey(query.player))) ?? null) : null;
      return { scenarioId: b.scenarioId, scenarioHash: b.scenarioHash, total: page.total, offset: query.offset, limit: query.limit, entries: page.entries, you };
    },
  );

  api.add(
    app,
    {
      method: 'GET',
      url: '/api/leaderboards/:scenarioId/teams',
      tag: 'leaderboards',
      summary: 'Team standings: the mean of each member\'s best verified rated run under that team',
      description: 'Ties: more members first, then the team that reached its standing first.',
      params: boardParams,
      query: teamBoardQuery,
      responses: { 200: { description: 'A page of team standings', schema: teamBoardResponse }, 404: { description: 'Unknown scenario', schema: errorSchema } },
    },
    async ({ params, query }) => {
      const b = board(ctx, params.scenarioId, query.hash);
      const page = await teamStandings(ctx.db, b, query);
      const yours = query.team ? await teamStanding(ctx.db, b, nameKey(query.team)) : undefined;
      return {
        scenarioId: b.scenarioId,
        scenarioHash: b.scenarioHash,
        total: page.total,
        offset: query.offset,
        limit: query.limit,
        entries: page.entries.map(team),
        yours: yours ? team(yours) : null,
      };
    },
  );
}
