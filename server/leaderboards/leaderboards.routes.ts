import { boardParams, playerBoardQuery, playerBoardResponse, teamBoardQuery, teamBoardResponse } from '../../src/api/index';
import type { ApiRegistry } from '../http/api-route';
import type { AppContext } from '../context';
import { playerBoard, teamBoard } from './leaderboards.service';

export function leaderboardRoutes(api: ApiRegistry, ctx: AppContext): void {
  api.add(
    {
      method: 'GET',
      url: '/api/leaderboards/:scenarioId',
      tag: 'leaderboards',
      summary: "Individual standings: each player's best verified rated run",
      description: 'Ties: the earlier run ranks first. Ranks are unique, so pages never overlap.',
      params: boardParams,
      query: playerBoardQuery,
      reply: { status: 200, description: 'A page of standings', schema: playerBoardResponse },
      errors: { 404: { description: 'Unknown scenario' } },
    },
    async ({ params, query }) => playerBoard(ctx, params.scenarioId, query),
  );

  api.add(
    {
      method: 'GET',
      url: '/api/leaderboards/:scenarioId/teams',
      tag: 'leaderboards',
      summary: "Team standings: the mean of each member's best verified rated run under that team",
      description: 'Ties: more members first, then the team that reached its standing first.',
      params: boardParams,
      query: teamBoardQuery,
      reply: { status: 200, description: 'A page of team standings', schema: teamBoardResponse },
      errors: { 404: { description: 'Unknown scenario' } },
    },
    async ({ params, query }) => teamBoard(ctx, params.scenarioId, query),
  );
}
