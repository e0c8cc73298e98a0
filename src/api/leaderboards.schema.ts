import { z } from 'zod';
import { epochMs, grade, nameSchema, scenarioHash, scenarioId, uuid } from './common.schema';

export const boardParams = z.object({ scenarioId });

const page = {
  hash: scenarioHash.optional().meta({ description: 'Scenario version; defaults to the version this server runs' }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};
export const playerBoardQuery = z.strictObject({ ...page, player: nameSchema.optional().meta({ description: "Also answer this player's own standing" }) });
export const teamBoardQuery = z.strictObject({ ...page, team: nameSchema.optional().meta({ description: "Also answer this team's own standing" }) });

export const playerStanding = z.object({
  rank: z.number().int(),
  player: z.string(),
  team: z.string().nullable(),
  score: z.number().int(),
  grade,
  runId: uuid,
  at: epochMs,
});
export const teamStanding = z.object({
  rank: z.number().int(),
  team: z.string(),
  members: z.number().int(),
  average: z.number().meta({ description: "Mean of the members' best scores, to one decimal" }),
  best: z.number().int(),
});

/** What every page of a board says about itself. */
export const boardPage = z.object({ scenarioId: z.string(), scenarioHash, total: z.number().int(), offset: z.number().int(), limit: z.number().int() });
export const playerBoardResponse = boardPage.extend({ entries: z.array(playerStanding), you: playerStanding.nullable() });
export const teamBoardResponse = boardPage.extend({ entries: z.array(teamStanding), yours: teamStanding.nullable() });
