/** Plain values of the contract that need no zod, so the game can import them without the schemas. */

export const NAME_MAX = 24;

/**
 * Display names and team names: no account, so the name is all we have. Normalised
 * (NFKC, whitespace collapsed, control and format characters such as bidi overrides
 * removed) and length-limited; stored and served as plain text. Everywhere they are
 * shown they are set as text, never parsed as HTML.
 */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Request headers that carry a name's secret (never the body, so they stay out of
 * logged and stored run records): the claim key a player's first verified run was
 * given, and the team code a team's creator shares with its members.
 */
export const CLAIM_KEY_HEADER = 'x-claim-key';
export const TEAM_CODE_HEADER = 'x-team-code';
