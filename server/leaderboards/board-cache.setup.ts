import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/database';
import { listenTo } from '../db/pg-listener';
import { BoardCache } from './board-cache';
import { BOARD_CHANGES_CHANNEL } from './board-versions.repository';

/**
 * The board cache and how it hears about changes: on PostgreSQL a LISTEN connection (every
 * instance hears every write; after a reconnect, everything cached is dropped because
 * notifications may have been missed); on SQLite the version row, read when another process wrote.
 */
export async function boardCache(database: DatabaseHandle, log: FastifyBaseLogger): Promise<{ cache: BoardCache; close(): Promise<void> }> {
  if (database.dataVersion) return { cache: new BoardCache(database.db, { by: 'version', dataVersion: database.dataVersion }), close: async () => {} };
  const cache = new BoardCache(database.db, { by: 'notified' });
  const listener = await listenTo({
    url: database.url,
    channel: BOARD_CHANGES_CHANNEL,
    log,
    onMessage: (key) => cache.changed(key),
    onResume: () => cache.changedAll(),
  });
  return { cache, close: () => listener.close() };
}
