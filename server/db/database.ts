import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { AttemptsTable } from '../runs/attempts.table';
import type { DrillEventsTable, DrillTraineesTable, DrillsTable } from '../drills/drills.table';
import type { RunsTable } from '../runs/runs.table';
import type { PlayerBestsTable, TeamMemberBestsTable } from '../leaderboards/standings.table';

/** Every table the server owns, composed from the feature table files. */
export interface Database {
  attempts: AttemptsTable;
  runs: RunsTable;
  drills: DrillsTable;
  drill_trainees: DrillTraineesTable;
  drill_events: DrillEventsTable;
  player_bests: PlayerBestsTable;
  team_member_bests: TeamMemberBestsTable;
}

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Postgres only: the connection string, for the LISTEN connection of the drill bus. */
  url: string;
}

/** `sqlite:PATH` (relative to the working directory), `sqlite::memory:`, or `postgres://…`. */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

const INT8_OID = 20;

export function openDatabase(url: string, options: { poolSize?: number } = {}): DatabaseHandle {
  const kind = databaseKind(url);
  if (kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      // Counts and millisecond timestamps are int8; they fit a JS number exactly.
      types: { getTypeParser: (oid: number, format?: string) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) } as pg.CustomTypesConfig,
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind, url };
  }
  const path = url.slice('sqlite:'.length);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path === ':memory:' ? ':memory:' : resolve(path));
  // WAL lets readers run beside the writer; synchronous=FULL fsyncs the WAL on every
  // commit, so a run the server acknowledged survives a crash or power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), kind, url };
}
