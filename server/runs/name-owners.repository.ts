import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { NameKind, NameOwnerRow, NameOwnersTable } from './name-owners.table';

export async function findOwner(db: Kysely<Database>, kind: NameKind, identityKey: string): Promise<NameOwnerRow | undefined> {
  return db.selectFrom('name_owners').selectAll().where('kind', '=', kind).where('identity_key', '=', identityKey).executeTakeFirst();
}

/** Records an owner; answers false when the name (or a look-alike) was claimed first by someone else. */
export async function insertOwner(db: Kysely<Database>, owner: NameOwnersTable): Promise<boolean> {
  const result = await db.insertInto('name_owners').values(owner).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
