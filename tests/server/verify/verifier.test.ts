import { describe, expect, it } from 'vitest';
import { hashValue, makeRunRecord, runBot } from '../../../src/core/index';
import { ReplayPool } from '../../../server/verify/replay.pool';
import { miniScenario } from '../../fixtures/mini-scenario';

const entries: [string, { scenario: typeof miniScenario; hash: string }][] = [['mini', { scenario: miniScenario, hash: hashValue(miniScenario) }]];
const record = () => makeRunRecord(runBot(miniScenario, { seed: 4, mode: 'ranked', bot: 'guideline' }).sim, hashValue(miniScenario));

describe('replay worker pool', () => {
  it('verifies in worker threads and answers the core verdict', async () => {
    const pool = new ReplayPool(entries, { size: 2, maxQueue: 10, timeoutMs: 20_000 });
    try {
      await pool.whenReady();
      expect(pool.stats()).toMatchObject({ workers: 2, ready: 2 });
      const [good, forged] = await Promise.all([pool.verify(record()), pool.verify({ ...record(), claimed: { score: 100, grade: 'A' } })]);
      expect(good).toMatchObject({ ok: true, outcome: { score: record().claimed.score } });
      expect(forged).toMatchObject({ ok: false, code: 'run/score_mismatch' });
    } finally {
      await pool.close();
    }
  });

  it('refuses work beyond its queue bound with 503 instead of queueing without end', async () => {
    const pool = new ReplayPool(entries, { size: 1, maxQueue: 2, timeoutMs: 20_000 });
    try {
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => pool.verify(record())));
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused.length).toBeGreaterThan(0);
      expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'verify/busy', statusCode: 503 });
    } finally {
      await pool.close();
    }
  });

  it('abandons a replay that takes too long and keeps serving with a fresh worker', async () => {
    const pool = new ReplayPool(entries, { size: 1, maxQueue: 10, timeoutMs: 1 });
    try {
      await pool.whenReady();
      await expect(pool.verify(record())).rejects.toMatchObject({ code: 'verify/timeout' });
      await pool.whenReady();
      expect(pool.healthy()).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
