import type { ServerResponse } from 'node:http';

/**
 * One server-sent-events response that honours backpressure: while the socket is not draining,
 * events wait in a bounded queue; a reader so slow that the queue overflows is dropped (its
 * EventSource reconnects with Last-Event-ID and recovers every stored event it missed).
 * Without this, every event for a client that never reads stays in memory for ever.
 */
export class SseConnection {
  private readonly queue: string[] = [];
  private queuedBytes = 0;
  private dropped = false;
  private ending = false;

  constructor(
    private readonly raw: ServerResponse,
    private readonly maxQueuedBytes: number,
    private readonly onSlowReader: () => void,
  ) {
    raw.on('drain', () => this.flush());
  }

  /** Writes one event (or comment), or queues it while the client catches up. */
  send(chunk: string): void {
    if (this.dropped || this.ending || this.raw.destroyed) return;
    if (this.queue.length === 0 && !this.raw.writableNeedDrain) {
      this.raw.write(chunk);
      return;
    }
    this.queue.push(chunk);
    this.queuedBytes += Buffer.byteLength(chunk);
    if (this.queuedBytes > this.maxQueuedBytes) this.drop();
  }

  event(kind: string, data: unknown, id?: number): void {
    this.send(`${id !== undefined ? `id: ${id}\n` : ''}event: ${kind}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends the response once what is queued has been written. */
  end(): void {
    this.ending = true;
    if (this.queue.length === 0 && !this.raw.writableEnded) this.raw.end();
  }

  /** Ends the response now, discarding what is queued (the client recovers stored events on reconnect). */
  close(): void {
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.end();
  }

  private flush(): void {
    if (this.raw.destroyed || this.raw.writableEnded) return;
    while (this.queue.length > 0 && !this.raw.writableNeedDrain) {
      const chunk = this.queue.shift()!;
      this.queuedBytes -= Buffer.byteLength(chunk);
      this.raw.write(chunk);
    }
    if (this.ending && this.queue.length === 0) this.raw.end();
  }

  private drop(): void {
    this.dropped = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.onSlowReader();
    this.raw.destroy();
  }
}
