import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';

/** Pause between attempts to re-open the LISTEN connection while the database is away. */
const RECONNECT_MS = 1_000;

export interface PgListener {
  close(): Promise<void>;
}

export interface PgListenerOptions {
  url: string;
  channel: string;
  log: FastifyBaseLogger;
  onMessage(payload: string): void;
  /** After the connection was lost and re-opened: messages sent meanwhile were missed. */
  onResume(): void;
}

/**
 * A dedicated connection that LISTENs on one channel and re-opens itself while PostgreSQL
 * restarts. Its 'error' listener is attached before connecting: a client without one ends
 * the process when the database goes away.
 */
export async function listenTo(options: PgListenerOptions): Promise<PgListener> {
  const { url, channel, log } = options;
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    let lost = false;
    let listening = false;
    const onLost = (err?: Error) => {
      if (!listening || lost || closed) return; // 'error' and 'end' both report the same loss
      lost = true;
      log.warn({ err, channel }, 'LISTEN connection lost; reconnecting');
      void next.end().catch(() => {});
      if (client === next) client = undefined;
      reconnectSoon();
    };
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) options.onMessage(message.payload);
    });
    next.on('error', onLost);
    next.on('end', () => onLost());
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (err) {
      lost = true;
      void next.end().catch(() => {});
      throw err;
    }
    listening = true;
    client = next;
  };
  const reconnectSoon = (): void => {
    if (closed) return;
    retry = setTimeout(() => {
      connect().then(
        () => {
          log.info({ channel }, 'LISTEN connection re-established');
          options.onResume();
        },
        (err) => {
          log.warn({ err, channel }, 'LISTEN reconnect failed; trying again');
          reconnectSoon();
        },
      );
    }, RECONNECT_MS);
  };
  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
