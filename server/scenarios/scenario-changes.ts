import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/database';
import { listenTo } from '../db/pg-listener';
import type { ScenarioStore } from './scenario-store';
import { SCENARIO_CHANGES_CHANNEL } from './scenario-versions.repository';

/**
 * Tells the store when another instance kept a new scenario version. On PostgreSQL a LISTEN
 * connection (after a reconnect the store forgets which version is newest, as notifications
 * may have been missed); on SQLite nothing is needed, as the store checks the file's data version.
 */
export async function watchScenarioChanges(database: DatabaseHandle, store: ScenarioStore, log: FastifyBaseLogger): Promise<{ close(): Promise<void> }> {
  if (database.kind !== 'postgres') return { close: async () => {} };
  const listener = await listenTo({
    url: database.url,
    channel: SCENARIO_CHANGES_CHANNEL,
    log,
    onMessage: () => store.changed(),
    onResume: () => store.changed(),
  });
  return { close: () => listener.close() };
}
