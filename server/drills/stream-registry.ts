/** How many live event streams the server holds open, and for whom. */
export interface StreamLimits {
  /** Per client address: a classroom behind one NAT opens one stream per trainee. */
  perAddress: number;
  /** Trainer streams per drill: a trainer's tabs and a projector, not an army of sockets. */
  trainerPerDrill: number;
  /** All streams of one drill. */
  perDrill: number;
  /** Bytes queued for a client that is not reading before it is dropped. */
  maxQueuedBytes: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = {
  perAddress: 200,
  trainerPerDrill: 8,
  perDrill: 1_000,
  // A few dozen progress events of the largest allowed size: enough to ride out a stall.
  maxQueuedBytes: 256 * 1024,
};

interface OpenStream {
  drillId: string;
  address: string;
  trainer: boolean;
  end: () => void;
}

/**
 * Open event streams: counted per drill and per address so a client cannot open them without
 * bound, and ended before the server closes so shutdown does not wait on them.
 */
export class StreamRegistry {
  private readonly open = new Set<OpenStream>();

  constructor(readonly limits: StreamLimits) {}

  /** Registers a stream, or answers which cap it would break. */
  admit(stream: OpenStream): { ok: true; release: () => void } | { ok: false; reason: string } {
    const all = [...this.open];
    if (all.filter((s) => s.address === stream.address).length >= this.limits.perAddress) return { ok: false, reason: 'too many event streams from this address' };
    const sameDrill = all.filter((s) => s.drillId === stream.drillId);
    if (sameDrill.length >= this.limits.perDrill) return { ok: false, reason: 'too many event streams for this drill' };
    if (stream.trainer && sameDrill.filter((s) => s.trainer).length >= this.limits.trainerPerDrill) {
      return { ok: false, reason: 'too many trainer event streams for this drill' };
    }
    this.open.add(stream);
    return { ok: true, release: () => this.open.delete(stream) };
  }

  endAll(): void {
    for (const stream of [...this.open]) stream.end();
  }
}
