import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { ApiError } from '../http/http-errors';
import { findOwner, insertOwner } from './name-owners.repository';
import type { NameKind, NameOwnerRow } from './name-owners.table';
import { hashSecret, identityKey, newSecret } from './names';

/**
 * Names without passwords. A name belongs to whoever first used it in a verified
 * run (players) or created it (teams); later use needs the secret they were given.
 * Names are compared by look-alike identity key, so a variant in case or in
 * confusable letters is the owner's name, not a new one.
 */

/** A name as a submission will use it: the owner's spelling, or a free name to claim. */
export interface ResolvedName {
  kind: NameKind;
  display: string;
  identityKey: string;
  /** True when nobody owns it yet: storing the run claims it. */
  free: boolean;
}

const sameSecret = (row: NameOwnerRow, secret: string | undefined): boolean =>
  secret !== undefined && secret.length > 0 && timingSafeEqual(Buffer.from(hashSecret(secret)), Buffer.from(row.secret_hash));

function refusal(kind: NameKind, row: NameOwnerRow, secret: string | undefined): ApiError {
  const sent = secret ? 'the one sent does not match' : 'none was sent';
  if (kind === 'player') return new ApiError('names/claimed', `"${row.display}" is taken (names are compared ignoring case and look-alike letters); ${sent}`);
  return new ApiError('teams/code_required', `team "${row.display}" (compared ignoring case and look-alike letters); ${sent}`);
}

/** Resolves a name against its owner, refusing (403) when it is owned and the secret does not open it. */
export async function resolveName(db: Kysely<Database>, kind: NameKind, name: string, secret: string | undefined): Promise<ResolvedName> {
  const key = identityKey(name);
  const owner = await findOwner(db, kind, key);
  if (!owner) return { kind, display: name, identityKey: key, free: true };
  if (!sameSecret(owner, secret)) throw refusal(kind, owner, secret);
  return { kind, display: owner.display, identityKey: key, free: false };
}

/**
 * Claims a free name and answers its new secret (to be shown once). Throws when
 * someone claimed it in the meantime, so a caller inside a transaction rolls back.
 */
export async function claimName(db: Kysely<Database>, name: ResolvedName, now: number): Promise<string> {
  const secret = newSecret();
  const inserted = await insertOwner(db, { kind: name.kind, identity_key: name.identityKey, display: name.display, secret_hash: hashSecret(secret), created_at: now });
  if (!inserted) {
    throw name.kind === 'player'
      ? new ApiError('names/claimed', `"${name.display}" was claimed a moment ago by another player`)
      : new ApiError('teams/code_required', `team "${name.display}" was created a moment ago by someone else`);
  }
  return secret;
}

/** Creates a team up front, so its creator can hand out the code before anyone plays. */
export async function createTeam(db: Kysely<Database>, team: string, now: number): Promise<{ team: string; teamCode: string }> {
  const key = identityKey(team);
  const existing = await findOwner(db, 'team', key);
  if (existing) throw new ApiError('names/taken', `team "${existing.display}" exists; ask its creator for the team code`);
  const teamCode = await claimName(db, { kind: 'team', display: team, identityKey: key, free: true }, now).catch((err: unknown) => {
    if (err instanceof ApiError) throw new ApiError('names/taken', `team "${team}" was created a moment ago by someone else`);
    throw err;
  });
  return { team, teamCode };
}
