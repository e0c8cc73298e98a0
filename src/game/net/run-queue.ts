import type { RunRecord } from '../../core/index';
import { ApiRequestError, type ApiClient, type RunVerdict } from './api-client';
import type { IssuedSecrets } from './profile.store';

/**
 * Finished runs waiting to reach the server. A run is written to local storage
 * before the first attempt to send it, and leaves the queue only when the server
 * has answered for it: verified (sent) or refused with a reason the player can read.
 * Offline, or while the server is down or busy, it simply stays and is retried.
 */

export type Submission =
  | {
      kind: 'ranked';
      player: string;
      team?: string;
      attemptId: string;
      run: RunRecord;
      /** The player name's claim key and the team's code, as the profile held them when the run ended. */
      claimKey?: string;
      teamCode?: string;
      /** Real ms from receiving the attempt to the end of the shift (this device's clock): lets a run sent late, from this queue, still count. */
      endedAfterMs?: number;
    }
  | { kind: 'drill'; code: string; token: string; run: RunRecord };

export interface QueuedRun {
  id: string;
  queuedAt: number;
  submission: Submission;
}

export interface RefusedRun extends QueuedRun {
  code: string;
  reason: string;
}

export type FlushResult =
  | { id: string; status: 'sent'; score: number; grade: string; rank: number | null; claimKey?: string; teamCode?: string }
  | { id: string; status: 'refused'; code: string; reason: string };

/** The part of `localStorage` the queue uses, so tests can pass a Map-backed store. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface Saved {
  version: 1;
  pending: QueuedRun[];
  refused: RefusedRun[];
}

const KEY = 'surge-drill.run-queue';

export class RunQueue {
  /** Set when stored data could not be read; the raw text is kept aside under `${KEY}.corrupt`. */
  readonly problem: string | undefined;
  /** Told at once when a verified run claimed its names, so their secrets are kept whoever flushed the queue. */
  onSecrets: ((issued: IssuedSecrets) => void) | undefined;
  private saved: Saved;

  constructor(
    private readonly store: KeyValueStore,
    private readonly api: Pick<ApiClient, 'submitRun' | 'submitDrillRun'>,
    private readonly now: () => number = () => Date.now(),
  ) {
    const raw = store.getItem(KEY);
    this.saved = { version: 1, pending: [], refused: [] };
    if (raw === null) return;
    try {
      const parsed = JSON.parse(raw) as Saved;
      if (parsed.version !== 1 || !Array.isArray(parsed.pending) || !Array.isArray(parsed.refused)) throw new Error('unknown format');
      this.saved = parsed;
    } catch (err) {
      store.setItem(`${KEY}.corrupt`, raw);
      this.problem = `Saved unsent runs could not be read (${(err as Error).message}); the data was kept aside as ${KEY}.corrupt.`;
    }
  }

  pending(): readonly QueuedRun[] {
    return this.saved.pending;
  }

  refused(): readonly RefusedRun[] {
    return this.saved.refused;
  }

  /** Stores the run locally first; answers its queue id. */
  enqueue(submission: Submission): string {
    const id = `${this.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.saved.pending.push({ id, queuedAt: this.now(), submission });
    this.persist();
    return id;
  }

  /** The player has read why a run was refused. */
  dismiss(id: string): void {
    this.saved.refused = this.saved.refused.filter((r) => r.id !== id);
    this.persist();
  }

  /**
   * Sends pending runs oldest first. Stops at the first failure worth retrying (the
   * server is unreachable, busy or failing): the rest would fail the same way.
   */
  async flush(): Promise<FlushResult[]> {
    const results: FlushResult[] = [];
    while (this.saved.pending.length > 0) {
      const item = this.saved.pending[0]!;
      try {
        const verdict = await this.send(item.submission);
        const issued = { ...(verdict.claimKey ? { claimKey: verdict.claimKey } : {}), ...(verdict.teamCode ? { teamCode: verdict.teamCode } : {}) };
        if (item.submission.kind === 'ranked' && (issued.claimKey || issued.teamCode)) {
          this.onSecrets?.({ player: item.submission.player, team: item.submission.team, ...issued });
        }
        results.push({ id: item.id, status: 'sent', score: verdict.score, grade: verdict.grade, rank: verdict.rank, ...issued });
      } catch (err) {
        if (!(err instanceof ApiRequestError) || err.retryable) break;
        this.saved.refused.push({ ...item, code: err.code, reason: err.message });
        results.push({ id: item.id, status: 'refused', code: err.code, reason: err.message });
      }
      this.saved.pending.shift();
      this.persist();
    }
    return results;
  }

  private async send(s: Submission): Promise<Pick<RunVerdict, 'score' | 'grade' | 'rank' | 'claimKey' | 'teamCode'>> {
    if (s.kind === 'ranked') {
      const body = { player: s.player, ...(s.team ? { team: s.team } : {}), attemptId: s.attemptId, run: s.run, ...(s.endedAfterMs !== undefined ? { endedAfterMs: s.endedAfterMs } : {}) };
      return this.api.submitRun(body, { ...(s.claimKey ? { claimKey: s.claimKey } : {}), ...(s.teamCode ? { teamCode: s.teamCode } : {}) });
    }
    const verdict = await this.api.submitDrillRun(s.code, s.token, s.run);
    return { score: verdict.score, grade: verdict.grade, rank: null };
  }

  private persist(): void {
    this.store.setItem(KEY, JSON.stringify(this.saved));
  }
}

/**
 * Retries the queue when the browser comes back online and on a backing-off timer
 * while runs are pending. Answers a function that stops it.
 */
export function retryWhenBack(queue: RunQueue, onResults: (results: FlushResult[]) => void, target: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'> = window): () => void {
  let delay = 5_000;
  let timer: number | undefined;
  let running = false;
  const attempt = async () => {
    if (running) return;
    running = true;
    try {
      const results = await queue.flush();
      if (results.length > 0) onResults(results);
      delay = queue.pending().length === 0 ? 5_000 : Math.min(delay * 2, 5 * 60_000);
    } finally {
      running = false;
      schedule();
    }
  };
  const schedule = () => {
    target.clearTimeout(timer);
    timer = queue.pending().length > 0 ? target.setTimeout(() => void attempt(), delay) : undefined;
  };
  const online = () => {
    delay = 5_000;
    void attempt();
  };
  target.addEventListener('online', online);
  void attempt();
  return () => {
    target.removeEventListener('online', online);
    target.clearTimeout(timer);
  };
}
