import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SseConnection } from '../../../server/drills/sse-connection';

/**
 * Issue 13, finding 1: an event stream must honour backpressure. Over a real 127.0.0.1 socket,
 * a client that never reads is dropped once its bounded queue overflows (instead of the server
 * holding every event in memory), and a client that reads receives everything, in order.
 */
const MAX_QUEUED_BYTES = 64 * 1024;
/** Well past what the kernel's socket buffers on both ends can absorb. */
const PUSHED_BYTES = 64 * 1024 * 1024;
const EVENT = { text: 'x'.repeat(4000) };

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** Serves one event stream through SseConnection and hands it to `onOpen`. */
async function streamServer(onOpen: (connection: SseConnection, raw: ServerResponse, dropped: () => boolean) => void): Promise<number> {
  server = createServer((_req, raw) => {
    raw.writeHead(200, { 'content-type': 'text/event-stream' });
    let wasDropped = false;
    const connection = new SseConnection(raw, MAX_QUEUED_BYTES, () => (wasDropped = true));
    onOpen(connection, raw, () => wasDropped);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
}

const pushUntil = async (connection: SseConnection, stop: () => boolean) => {
  for (let sent = 0, id = 1; sent < PUSHED_BYTES && !stop(); id++) {
    connection.event('progress', EVENT, id);
    sent += EVENT.text.length;
    if (id % 64 === 0) await new Promise((r) => setImmediate(r));
  }
};

describe('SseConnection', () => {
  it('drops a client that never reads once its queue is full', async () => {
    let result: Promise<{ dropped: boolean; destroyed: boolean }> | undefined;
    const port = await streamServer((connection, raw, dropped) => {
      result = pushUntil(connection, dropped).then(() => ({ dropped: dropped(), destroyed: raw.destroyed }));
    });
    const client = connect(port, '127.0.0.1');
    const closed = new Promise<void>((r) => client.once('close', () => r()));
    client.on('error', () => {});
    client.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    client.once('data', () => client.pause());
    await new Promise((r) => setTimeout(r, 200));
    const outcome = await result!;
    expect(outcome.dropped).toBe(true);
    expect(outcome.destroyed).toBe(true);
    client.resume();
    await closed; // the server hung up on it
  }, 30_000);

  it('queues past a full socket and delivers every event, in order, to a client that keeps reading', async () => {
    const EVENTS = 2_000;
    // Bursts of several socket buffers' worth, each well inside the queue bound.
    const BURST = 12;
    const port = await streamServer((connection, _raw, dropped) => {
      void (async () => {
        for (let id = 1; id <= EVENTS; id++) {
          connection.event('progress', { id, ...EVENT }, id);
          if (id % BURST === 0) await new Promise((r) => setTimeout(r, 2));
        }
        expect(dropped()).toBe(false);
        connection.end();
      })();
    });
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const ids: number[] = [];
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      const lines = (buffer + Buffer.from(chunk).toString()).split('\n');
      buffer = lines.pop()!; // an incomplete last line waits for the next chunk
      for (const line of lines) if (line.startsWith('id: ')) ids.push(Number(line.slice(4)));
    }
    expect(ids).toEqual(Array.from({ length: EVENTS }, (_, i) => i + 1));
  }, 30_000);
});
