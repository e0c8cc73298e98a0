import { ApiRequestError, type ApiClient } from './api-client';
import { showPendingReveals } from './claim-dialog';
import { NAME_MAX, type ProfileStore } from './profile.store';
import { promptText } from './text-prompt';

/**
 * Choosing the names ranked runs go under, checked with the server before they are
 * saved: a name someone owns needs its claim key, a team its code; a new team is
 * created here and its code shown once, so its creator can hand it out before playing.
 */

type Net = { api: Pick<ApiClient, 'checkNames' | 'createTeam'>; profile: ProfileStore };

/** Up to 26 characters and dashes, with room for spaces typed by hand. */
const SECRET_INPUT_MAX = 48;

const secretsOf = (claimKey: string, teamCode: string) => ({ ...(claimKey ? { claimKey } : {}), ...(teamCode ? { teamCode } : {}) });
const refusal = (err: unknown): string | undefined => (err instanceof ApiRequestError && !err.retryable ? err.message : undefined);

/** Asks for name, claim key, team and team code; answers what became of them, for the screen and the announcer. */
export async function editProfile(net: Net): Promise<string | undefined> {
  const current = net.profile.get();
  const name = await promptText({ label: 'Your display name on leaderboards', value: current.name, maxLength: NAME_MAX, hint: 'No account needed; anyone can see it.' });
  if (name === undefined) return undefined;
  const sameName = name.toLowerCase() === current.name.toLowerCase();
  const claimKey = await promptText({
    label: 'Your claim key for this name (optional)',
    value: sameName ? current.claimKey : '',
    maxLength: SECRET_INPUT_MAX,
    hint: 'Leave empty for a new name: your first verified run claims it and shows you its key. Paste the key you saved to play as you on this device.',
  });
  if (claimKey === undefined) return undefined;
  const team = await promptText({ label: 'Your team (optional)', value: current.team, maxLength: NAME_MAX, hint: 'Leave empty for none.' });
  if (team === undefined) return undefined;
  let teamCode = '';
  if (team) {
    const code = await promptText({
      label: 'Team code (optional)',
      value: team.toLowerCase() === current.team.toLowerCase() ? current.teamCode : '',
      maxLength: SECRET_INPUT_MAX,
      hint: 'To join a team, enter the code its creator was given. Leave empty to create a new team: you will be shown its code to share.',
    });
    if (code === undefined) return undefined;
    teamCode = code;
  }
  if (!name) {
    net.profile.set({ name: '', team: '', claimKey: '', teamCode: '' });
    return 'Name cleared.';
  }
  try {
    const check = await net.api.checkNames({ player: name, ...(team ? { team } : {}) }, secretsOf(claimKey, teamCode));
    net.profile.set({ name: check.player.name, team: check.team?.name ?? '', claimKey, teamCode });
    let said = check.player.owned ? `Playing as ${check.player.name}, with its claim key.` : `Playing as ${check.player.name}; your first verified run claims the name.`;
    if (check.team && !check.team.owned) {
      const created = await net.api.createTeam(check.team.name);
      net.profile.remember({ player: check.player.name, team: created.team, teamCode: created.teamCode });
      said += ` Team ${created.team} created.`;
    } else if (check.team) said += ` In team ${check.team.name}.`;
    await showPendingReveals(net.profile);
    return said;
  } catch (err) {
    const reason = refusal(err);
    if (reason) return `Not saved: ${reason}.`;
    net.profile.set({ name, team, claimKey, teamCode });
    return `Saved on this device; the server could not check it now (${(err as Error).message}).`;
  }
}

/** Before a ranked shift: refuses (with the server's reason) names the profile's secrets do not open, so no shift is played for nothing. */
export async function checkProfile(net: Net): Promise<{ ok: true } | { ok: false; reason: string }> {
  const { name, team, claimKey, teamCode } = net.profile.get();
  try {
    await net.api.checkNames({ player: name || 'Anonymous', ...(team ? { team } : {}) }, secretsOf(claimKey, team ? teamCode : ''));
    return { ok: true };
  } catch (err) {
    const reason = refusal(err);
    // Unreachable: the attempt request that follows says so in its own words.
    return reason ? { ok: false, reason: `${reason}. Set your name, claim key, team and code under Leaderboards (N)` } : { ok: true };
  }
}
