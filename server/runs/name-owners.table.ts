import type { Selectable } from 'kysely';

/** Players and teams: the two kinds of name someone can own. */
export type NameKind = 'player' | 'team';

/**
 * Who owns a name. A player name is claimed by its first verified run and answered
 * with a claim key; a team is created (or, on its first run, claimed) with a team
 * code its creator shares with members. Only the secrets' hashes are stored.
 */
export interface NameOwnersTable {
  kind: NameKind;
  /** Look-alike key (see identityKey): "Ann", "ANN" and "Аnn" share one row. */
  identity_key: string;
  /** The spelling that claimed it; runs under any look-alike spelling are stored under this one. */
  display: string;
  /** sha256 of the claim key (players) or team code (teams). */
  secret_hash: string;
  created_at: number;
}

export type NameOwnerRow = Selectable<NameOwnersTable>;
