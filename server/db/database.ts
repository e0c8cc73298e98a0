import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import type { AttemptsTable } from '../runs/attempts.table';
import type { DrillBusPayloadsTable, DrillEventsTable, DrillTraineesTable, DrillsTable } from '../drills/drills.table';
import type { NameOwnersTable } from '../runs/name-owners.table';
import type { RunsTable } from '../runs/runs.table';
import type { BoardVersionsTable, PlayerBestsTable, TeamMemberBestsTable } from '../leaderboards/standings.table';
import type { ScenarioVersionsTable } from '../scenarios/scenario-versions.table';

/** Every table the server owns, composed from the feature table files. */
export interface Database {
  attempts: AttemptsTable;
  runs: RunsTable;
  drills: DrillsTable;
  drill_trainees: DrillTraineesTable;
  drill_events: DrillEventsTable;
  drill_bus_payloads: DrillBusPayloadsTable;
  player_bests: PlayerBestsTable;
  team_member_bests: TeamMemberBestsTable;
  name_owners: NameOwnersTable;
  board_versions: BoardVersionsTable;
  scenario_versions: ScenarioVersionsTable;
}

export type DatabaseKind = 'sqlite' | 'postgres';

/** Whether a query builder (or transaction) talks to PostgreSQL, for the statements only it has (NOTIFY). */
export const isPostgres = (db: Kysely<Database>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Postgres only: the connection string, for the LISTEN connection of the drill bus. */
  url: string;
  /**
   * SQLite only: a number that changes when another connection (another process on the same
   * file) commits, and not for this server's own commits (SQLite's `PRAGMA data_version`, read at
   * most every DATA_VERSION_TRUSTED_MS). It reads no table, so caches can ask it on every request
   * whether anyone else wrote.
   */
  dataVersion?: () => number;
}

/** `sqlite:PATH` (relative to the working directory), `sqlite::memory:`, or `postgres://…`. */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

const INT8_OID = 20;

/** Socket errors and PostgreSQL's "connection exception" / "operator intervention" codes. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
/** pg's own wording when a socket closes under a query or a checkout times out. */
const UNAVAILABLE_MESSAGE = /^Connection terminated|^timeout exceeded when trying to connect|^Client has encountered a connection error/;

/** SQLite: another process holds the write lock (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, …) or a table lock. */
const SQLITE_LOCKED_CODE = /^SQLITE_(BUSY|LOCKED)/;

/** True when an error means "the database is away for now" (answer 503 and let the client retry), not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || SQLITE_LOCKED_CODE.test(code))) return true;
  return UNAVAILABLE_MESSAGE.test(error.message);
}

/**
 * better-sqlite3 is synchronous: while it waits for a lock another process holds, the whole
 * event loop waits. So wait only briefly, then answer 503 (the client retries) rather than
 * freezing every request for seconds.
 */
const SQLITE_BUSY_TIMEOUT_MS = 100;

/** Opening a connection is safe to retry (nothing has run yet); a restart takes a moment. */
const CONNECT_ATTEMPTS = 3;
const CONNECT_RETRY_MS = 300;
/** A request waits at most this long for a connection rather than hanging on an unreachable host. */
const CONNECT_TIMEOUT_MS = 5_000;

export interface OpenOptions {
  poolSize?: number;
  /** Told about errors on idle pooled connections (a restart, an administrator's terminate). */
  onPoolError?: (error: Error) => void;
}

function postgresPool(url: string, options: OpenOptions): PostgresPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Counts and millisecond timestamps are int8; they fit a JS number exactly.
    types: { getTypeParser: (oid: number, format?: string) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) } as pg.CustomTypesConfig,
  });
  // Without a listener, an idle client's error (PostgreSQL restarting) is an unhandled 'error' event that ends the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  // The pool listens for errors only on idle clients. A client checked out by a query that is
  // between messages when PostgreSQL terminates it would emit an unhandled 'error' too; its
  // query then fails on its own (answered 503), so the listener only reports.
  const guarded = new WeakSet<pg.PoolClient>();
  const guard = (client: pg.PoolClient): pg.PoolClient => {
    if (!guarded.has(client)) {
      guarded.add(client);
      client.on('error', (error) => options.onPoolError?.(error));
    }
    return client;
  };
  return {
    async connect() {
      for (let attempt = 1; ; attempt++) {
        try {
          return guard(await pool.connect());
        } catch (error) {
          if (attempt >= CONNECT_ATTEMPTS || !isDatabaseUnavailable(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, CONNECT_RETRY_MS * attempt));
        }
      }
    },
    end: () => pool.end(),
  };
}

/**
 * How long one reading of SQLite's data version stands. Reading it opens a read transaction on
 * the file, which cost about a tenth of a board read's CPU when asked on every request; asked at
 * most this often, another process's write shows on reads within this many milliseconds.
 */
const DATA_VERSION_TRUSTED_MS = 50;

function dataVersionReader(sqlite: SQLite.Database): () => number {
  const statement = sqlite.prepare('PRAGMA data_version').pluck();
  let value = 0;
  let readAt = -Infinity;
  return () => {
    const now = performance.now();
    if (now - readAt >= DATA_VERSION_TRUSTED_MS) {
      value = statement.get() as number;
      readAt = now;
    }
    return value;
  };
}

export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  const kind = databaseKind(url);
  if (kind === 'postgres') {
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(url, options) }) }), kind, url };
  }
  const path = url.slice('sqlite:'.length);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path === ':memory:' ? ':memory:' : resolve(path));
  // WAL lets readers run beside the writer; synchronous=FULL fsyncs the WAL on every
  // commit, so a run the server acknowledged survives a crash or power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), kind, url, dataVersion: dataVersionReader(sqlite) };
}
