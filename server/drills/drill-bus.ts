import { EventEmitter } from 'node:events';
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import { listenTo } from '../db/pg-listener';
import type { DrillEventData, DrillEventKind } from '../../src/api/index';

/** Something a drill's live views should hear about. Control events carry their stored id. */
export type DrillEvent = {
  [K in LiveEventKind]: {
    drillId: string;
    kind: K;
    /** drill_events id for stored control events; absent for ephemeral progress. */
    id?: number;
    /** Only the trainer's stream receives it (trainees never see each other). */
    trainerOnly: boolean;
    data: DrillEventData<K>;
  };
}[LiveEventKind];

/** Every event but the snapshot, which each stream makes for itself. */
export type LiveEventKind = Exclude<DrillEventKind, 'snapshot'>;

export type DrillListener = (event: DrillEvent) => void;

/** Fan-out of drill events to every SSE stream, on this instance or (on PostgreSQL) any instance. */
export interface DrillBus {
  publish(event: DrillEvent): Promise<void>;
  subscribe(drillId: string, listener: DrillListener): () => void;
  /**
   * Called after the bus was deaf for a while (its LISTEN connection was re-opened): stored
   * events published meanwhile were not delivered, so streams re-read them from drill_events.
   */
  onResume(listener: () => void): () => void;
  close(): Promise<void>;
}

const RESUMED = Symbol('resumed');

class LocalSubscribers {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  subscribe(drillId: string, listener: DrillListener): () => void {
    this.emitter.on(drillId, listener);
    return () => this.emitter.off(drillId, listener);
  }
  onResume(listener: () => void): () => void {
    this.emitter.on(RESUMED, listener);
    return () => this.emitter.off(RESUMED, listener);
  }
  deliver(event: DrillEvent): void {
    this.emitter.emit(event.drillId, event);
  }
  resumed(): void {
    this.emitter.emit(RESUMED);
  }
}

/** One process (SQLite): an in-memory emitter is the whole bus. */
export function memoryDrillBus(): DrillBus {
  const local = new LocalSubscribers();
  return {
    publish: async (event) => local.deliver(event),
    subscribe: (drillId, listener) => local.subscribe(drillId, listener),
    onResume: (listener) => local.onResume(listener),
    close: async () => {},
  };
}

const CHANNEL = 'surge_drill_events';
/** NOTIFY payloads must stay under 8000 bytes; larger events travel by reference. */
const NOTIFY_INLINE_BYTES = 7_000;
/** Parked payloads are read within milliseconds by every instance; keep them a little longer. */
const PARKED_PAYLOAD_KEEP_MS = 60_000;

/**
 * Several stateless instances (PostgreSQL): every publish goes through NOTIFY and
 * every instance, this one included, delivers what its LISTEN connection receives.
 * A dropped LISTEN connection (PostgreSQL restarting) is re-opened until it succeeds; then
 * open streams re-read the control events they missed from drill_events (onResume), as
 * reconnecting SSE clients do via Last-Event-ID.
 */
export async function postgresDrillBus(url: string, db: Kysely<Database>, log: FastifyBaseLogger): Promise<DrillBus> {
  const local = new LocalSubscribers();
  const listener = await listenTo({
    url,
    channel: CHANNEL,
    log,
    onMessage: (payload) =>
      readNotification(db, payload).then(
        (event) => event && local.deliver(event),
        (err: unknown) => log.warn({ err }, 'drill bus: unreadable notification'),
      ),
    onResume: () => local.resumed(),
  });

  return {
    async publish(event) {
      await sql`select pg_notify(${CHANNEL}, ${await notificationPayload(db, event)})`.execute(db);
    },
    subscribe: (drillId, listener) => local.subscribe(drillId, listener),
    onResume: (listener) => local.onResume(listener),
    close: () => listener.close(),
  };
}

/** The NOTIFY payload for an event: the event itself, or a reference to it parked in drill_bus_payloads. */
async function notificationPayload(db: Kysely<Database>, event: DrillEvent): Promise<string> {
  const text = JSON.stringify(event);
  if (Buffer.byteLength(text) <= NOTIFY_INLINE_BYTES) return text;
  const now = Date.now();
  await db.deleteFrom('drill_bus_payloads').where('created_at', '<', now - PARKED_PAYLOAD_KEEP_MS).execute();
  const row = await db.insertInto('drill_bus_payloads').values({ payload: text, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return JSON.stringify({ parked: row.id });
}

async function readNotification(db: Kysely<Database>, payload: string): Promise<DrillEvent | undefined> {
  const message = JSON.parse(payload) as DrillEvent | { parked: number };
  if (!('parked' in message)) return message;
  const row = await db.selectFrom('drill_bus_payloads').select('payload').where('id', '=', message.parked).executeTakeFirst();
  return row ? (JSON.parse(row.payload) as DrillEvent) : undefined;
}
