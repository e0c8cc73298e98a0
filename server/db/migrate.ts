import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial';
import * as standings from './migrations/0002-standings';
import * as busPayloads from './migrations/0003-bus-payloads';
import * as runSharing from './migrations/0004-run-sharing';
import * as nameOwners from './migrations/0005-name-owners';
import * as boardVersions from './migrations/0006-board-versions';
import * as scenarioVersions from './migrations/0007-scenario-versions';

/** Migrations in order, imported statically so they ship with the server (no directory scan). */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-standings': standings,
  '0003-bus-payloads': busPayloads,
  '0004-run-sharing': runSharing,
  '0005-name-owners': nameOwners,
  '0006-board-versions': boardVersions,
  '0007-scenario-versions': scenarioVersions,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export const migrator = (db: Kysely<any>) => new Migrator({ db, provider });

/** Brings the schema to the latest version; runs on every start and is safe to repeat. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
