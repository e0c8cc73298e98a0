import { z } from 'zod';
import { nameSchema } from './common.schema';

/** Creating a team: its creator is answered the team code, once. */
export const teamBody = z.strictObject({ team: nameSchema.meta({ description: 'Team name (1–24 characters after normalisation)' }) });
export const teamCreated = z.object({
  team: z.string(),
  teamCode: z.string().meta({ description: 'Members send this with their runs (header x-team-code). Shown once; the server keeps only its hash.' }),
});

/** Checking a profile before it is saved: is the name free, or does the key sent (headers) open it? */
export const nameCheckBody = z.strictObject({ player: nameSchema, team: nameSchema.optional() });
const nameStatus = z.object({
  name: z.string().meta({ description: 'The spelling runs are stored under: the owner’s, for an owned name' }),
  owned: z.boolean().meta({ description: 'True when the name has an owner and the key or code sent opens it; false when it is free to claim' }),
});
export const nameCheckResponse = z.object({ player: nameStatus, team: nameStatus.nullable() });
