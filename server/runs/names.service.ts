import type { NameCheck, TeamCreated } from '../../src/api/index';
import type { AppContext } from '../context';
import { createTeam, resolveName, type ResolvedName } from './name-ownership';
import type { NameSecrets } from './runs.service';

const status = (name: ResolvedName) => ({ name: name.display, owned: !name.free });

/** What a profile's names resolve to with the secrets sent; refuses (403) a name they do not open. */
export async function checkNames(ctx: AppContext, input: { player: string; team?: string | undefined }, secrets: NameSecrets): Promise<NameCheck> {
  const player = await resolveName(ctx.db, 'player', input.player, secrets.claimKey);
  const team = input.team ? await resolveName(ctx.db, 'team', input.team, secrets.teamCode) : null;
  return { player: status(player), team: team ? status(team) : null };
}

export async function createTeamFor(ctx: AppContext, team: string): Promise<TeamCreated> {
  return createTeam(ctx.db, team, ctx.now());
}
