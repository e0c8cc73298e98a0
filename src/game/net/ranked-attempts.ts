import type { RunRecord } from '../../core/index';
import { ApiRequestError, type ApiClient, type Attempt } from './api-client';
import type { ProfileStore } from './profile.store';
import type { FlushResult, KeyValueStore, RunQueue } from './run-queue';

const KEY = 'surge-drill.attempts';

/** What the player sees about a finished ranked or drill run's trip to the server. */
export type SubmitStatus =
  | { state: 'sending' }
  | { state: 'verified'; score: number; grade: string; rank: number | null }
  | { state: 'queued'; reason: string }
  | { state: 'refused'; reason: string }
  | { state: 'unrated'; reason: string };

export function describeStatus(status: SubmitStatus): string {
  switch (status.state) {
    case 'sending':
      return 'Sending your run to the leaderboard for verification…';
    case 'verified':
      return `✓ Verified by the server: ${status.score} (${status.grade})${status.rank ? `, rank ${status.rank} on the leaderboard` : ''}.`;
    case 'queued':
      return `⚠ Not sent yet (${status.reason}). It is kept on this device and sent when the server is back.`;
    case 'refused':
      return `✗ The server refused this run: ${status.reason}`;
    case 'unrated':
      return `This run is not on the leaderboard: ${status.reason}`;
  }
}

/**
 * Ranked seeds come from the server. The attempt for each started ranked run is kept
 * in local storage (a reload or a resumed save still knows it), and a finished run
 * goes through the run queue, so it reaches the server even after an outage.
 */
/** An attempt as this browser keeps it: the server's answer and when it arrived, by this device's clock. */
type HeldAttempt = Attempt & { receivedAt?: number };

export class RankedAttempts {
  private attempts: Record<string, HeldAttempt>;

  constructor(
    private readonly store: KeyValueStore,
    private readonly api: Pick<ApiClient, 'createAttempt'>,
    private readonly queue: RunQueue,
    private readonly profile: ProfileStore,
    private readonly now: () => number = () => Date.now(),
  ) {
    try {
      this.attempts = JSON.parse(store.getItem(KEY) ?? '{}') as Record<string, HeldAttempt>;
    } catch {
      this.attempts = {};
    }
  }

  /** Asks the server for a seed; answers a reason instead when it cannot be reached. */
  async begin(scenarioId: string): Promise<{ ok: true; attempt: Attempt } | { ok: false; reason: string }> {
    try {
      const attempt = await this.api.createAttempt(scenarioId);
      this.attempts[key(scenarioId, attempt.seed)] = { ...attempt, receivedAt: this.now() };
      this.persist();
      return { ok: true, attempt };
    } catch (err) {
      const reason = err instanceof ApiRequestError ? err.message : String(err);
      return { ok: false, reason: `a ranked seed comes from the server, which answered: ${reason}` };
    }
  }

  /**
   * Queues a finished ranked run for verification and reports what became of it. The
   * submission records how long after the attempt the shift ended (this device's clock
   * on both ends, so its offset cancels): if it reaches the server late, from the
   * offline queue, the server counts it only when the shift ended in time.
   */
  async submit(record: RunRecord, onStatus: (status: SubmitStatus) => void): Promise<void> {
    const attempt = this.attempts[key(record.scenarioId, record.seed)];
    if (!attempt) {
      onStatus({ state: 'unrated', reason: 'it was not started on a seed from the server' });
      return;
    }
    const { name, team, claimKey, teamCode } = this.profile.get();
    const endedAfterMs = attempt.receivedAt === undefined ? undefined : Math.max(0, Math.round(this.now() - attempt.receivedAt));
    const id = this.queue.enqueue({
      kind: 'ranked',
      player: name || 'Anonymous',
      ...(team ? { team } : {}),
      ...(claimKey ? { claimKey } : {}),
      ...(team && teamCode ? { teamCode } : {}),
      ...(endedAfterMs !== undefined ? { endedAfterMs } : {}),
      attemptId: attempt.attemptId,
      run: record,
    });
    delete this.attempts[key(record.scenarioId, record.seed)];
    this.persist();
    onStatus({ state: 'sending' });
    onStatus(statusOf(id, await this.queue.flush()));
  }

  private persist(): void {
    this.store.setItem(KEY, JSON.stringify(this.attempts));
  }
}

const key = (scenarioId: string, seed: number) => `${scenarioId}:${seed}`;

/** The status of queue item `id` after a flush. */
export function statusOf(id: string, results: FlushResult[]): SubmitStatus {
  const mine = results.find((r) => r.id === id);
  if (!mine) return { state: 'queued', reason: 'the server cannot be reached right now' };
  if (mine.status === 'refused') return { state: 'refused', reason: mine.reason };
  return { state: 'verified', score: mine.score, grade: mine.grade, rank: mine.rank };
}
