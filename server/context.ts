import type { Kysely } from 'kysely';
import type { Database, DatabaseKind } from './db/database';
import type { DrillBus } from './drills/drill-bus';
import type { BoardCache } from './leaderboards/board-cache';
import type { ScenarioStore } from './scenarios/scenario-store';
import type { ReplayPool } from './verify/replay.pool';

/** What the services need, passed explicitly rather than hung on the Fastify instance. */
export interface AppContext {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  /** Every kept scenario version (the database is the source of truth). */
  scenarios: ScenarioStore;
  verifier: ReplayPool;
  bus: DrillBus;
  /** The server's clock (epoch ms): ranked attempts and drills are timed by it alone; tests pass a clock they move. */
  now: () => number;
  boards: BoardCache;
}
