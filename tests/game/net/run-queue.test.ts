import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, type RunRecord } from '../../../src/core/index';
import { ApiRequestError, createApiClient, type ApiClient } from '../../../src/game/net/api-client';
import { RunQueue, type KeyValueStore } from '../../../src/game/net/run-queue';

/** A record of the right shape; the queue only stores and forwards it. */
const record = (seed: number): RunRecord => ({
  scenarioId: 'mini',
  scenarioHash: '0123456789abcdef',
  engineVersion: ENGINE_VERSION,
  seed,
  mode: 'ranked',
  actions: [],
  claimed: { score: 0, grade: 'F' },
});

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

/** A server that is down, then up, then refuses one run as forged. */
function fakeApi(script: ('down' | 'ok' | 'forged')[]): Pick<ApiClient, 'submitRun' | 'submitDrillRun'> & { calls: number } {
  const api = {
    calls: 0,
    async submitRun() {
      const step = script[api.calls++] ?? 'ok';
      if (step === 'down') throw new ApiRequestError(0, 'network/unreachable', 'the server cannot be reached');
      if (step === 'forged') throw new ApiRequestError(422, 'run/score_mismatch', 'the claimed outcome does not match the replay');
      return { runId: 'r', verified: true as const, score: 71, grade: 'B' as const, rated: true, rank: 3, duplicate: false, breakdown: [] };
    },
    async submitDrillRun() {
      api.calls++;
      return { traineeId: 't', verified: true as const, score: 60, grade: 'C' as const, duplicate: false, breakdown: [] };
    },
  };
  return api;
}

describe('run queue', () => {
  it('keeps runs through an outage and a reload, then sends them in order', async () => {
    const store = new MemoryStore();
    const down = fakeApi(['down']);
    const queue = new RunQueue(store, down);
    queue.enqueue({ kind: 'ranked', player: 'Ada', attemptId: 'a1', run: record(1) });
    queue.enqueue({ kind: 'drill', code: 'ABCDEF', token: 't', run: record(2) });
    expect(await queue.flush()).toEqual([]);
    expect(queue.pending()).toHaveLength(2);

    // The page reloads: a new queue reads the same storage.
    const up = fakeApi(['ok']);
    const reloaded = new RunQueue(store, up);
    expect(reloaded.pending().map((p) => p.submission.kind)).toEqual(['ranked', 'drill']);
    const results = await reloaded.flush();
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(results[0]).toMatchObject({ score: 71, rank: 3 });
    expect(new RunQueue(store, up).pending()).toHaveLength(0);
  });

  it('moves a refused run aside with the reason instead of retrying or dropping it', async () => {
    const store = new MemoryStore();
    const queue = new RunQueue(store, fakeApi(['forged', 'ok']));
    const bad = queue.enqueue({ kind: 'ranked', player: 'Eve', attemptId: 'a1', run: record(1) });
    queue.enqueue({ kind: 'ranked', player: 'Eve', attemptId: 'a2', run: record(2) });
    const results = await queue.flush();
    expect(results).toEqual([
      { id: bad, status: 'refused', code: 'run/score_mismatch', reason: 'the claimed outcome does not match the replay' },
      expect.objectContaining({ status: 'sent' }),
    ]);
    expect(queue.refused().map((r) => r.id)).toEqual([bad]);
    queue.dismiss(bad);
    expect(new RunQueue(store, fakeApi([])).refused()).toHaveLength(0);
  });

  it('reports unreadable saved data and keeps it aside', () => {
    const store = new MemoryStore();
    store.setItem('surge-drill.run-queue', '{"version":1,"pending":[tru');
    const queue = new RunQueue(store, fakeApi([]));
    expect(queue.problem).toMatch(/could not be read/);
    expect(store.getItem('surge-drill.run-queue.corrupt')).toBe('{"version":1,"pending":[tru');
    expect(queue.pending()).toEqual([]);
  });
});

describe('api client', () => {
  it('turns server refusals into errors with the code and reason, and marks what is retryable', async () => {
    const responses = [
      new Response(JSON.stringify({ code: 'run/score_mismatch', message: 'claimed 100 (A), replayed 40 (D)' }), { status: 422 }),
      new Response(JSON.stringify({ code: 'verify/busy', message: 'busy' }), { status: 503 }),
    ];
    const api = createApiClient('', async () => responses.shift()!);
    const refused = await api.submitRun({ player: 'x', attemptId: 'a', run: record(1) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiRequestError);
    expect(refused).toMatchObject({ status: 422, code: 'run/score_mismatch', retryable: false });
    expect(await api.createAttempt('mini').catch((e: unknown) => e)).toMatchObject({ status: 503, retryable: true });
    const offline = createApiClient('', async () => {
      throw new TypeError('fetch failed');
    });
    expect(await offline.scenarios().catch((e: unknown) => e)).toMatchObject({ status: 0, code: 'network/unreachable', retryable: true });
  });

  it('puts tokens in headers, exports included, and in the query only for event streams', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    const api = createApiClient('http://h', async (url, init) => {
      seen.push({ url: String(url), init });
      return String(url).endsWith('.csv')
        ? new Response('name\r\n', { status: 200, headers: { 'content-disposition': 'attachment; filename="drill-ABCDEF-results.csv"' } })
        : new Response(JSON.stringify({ status: 'running' }), { status: 200 });
    });
    await api.control('AB CD', 'tok', 'start');
    expect(seen[0]!.url).toBe('http://h/api/drills/AB%20CD/start');
    expect((seen[0]!.init!.headers as Record<string, string>).authorization).toBe('Bearer tok');
    const file = await api.exportFile('ABCDEF', 't&x', 'csv');
    expect(seen[1]!.url).toBe('http://h/api/drills/ABCDEF/results.csv');
    expect((seen[1]!.init!.headers as Record<string, string>).authorization).toBe('Bearer t&x');
    expect(file.filename).toBe('drill-ABCDEF-results.csv');
    expect(await file.blob.text()).toBe('name\r\n');
    expect(api.eventsUrl('ABCDEF', 't')).toBe('http://h/api/drills/ABCDEF/events?token=t');
  });
});
