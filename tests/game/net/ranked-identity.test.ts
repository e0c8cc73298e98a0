import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, type RunRecord } from '../../../src/core/index';
import type { ApiClient, Attempt, NameSecrets } from '../../../src/game/net/api-client';
import { ProfileStore } from '../../../src/game/net/profile.store';
import { RankedAttempts, type SubmitStatus } from '../../../src/game/net/ranked-attempts';
import { RunQueue, type KeyValueStore } from '../../../src/game/net/run-queue';
import type { RunSubmission } from '../../../src/api/index';

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

const SHIFT_MS = 600_000;
const attempt: Attempt = {
  attemptId: '00000000-0000-4000-8000-000000000001',
  scenarioId: 'mini',
  scenarioHash: '0123456789abcdef',
  seed: 42,
  rated: true,
  issuedAt: 5,
  shiftMs: SHIFT_MS,
  finishGraceMs: 300_000,
  offlineGraceMs: 86_400_000,
};
const record: RunRecord = { scenarioId: 'mini', scenarioHash: attempt.scenarioHash, engineVersion: ENGINE_VERSION, seed: 42, mode: 'ranked', actions: [], claimed: { score: 61, grade: 'C' } };

/** The browser side of a ranked run with a server that answers the name's first run with its key. */
function setup(answer: { claimKey?: string; teamCode?: string } = {}) {
  const store = new MemoryStore();
  let clock = 1_000_000;
  const sent: { body: RunSubmission; secrets: NameSecrets | undefined }[] = [];
  const api = {
    createAttempt: async () => attempt,
    submitRun: async (body: RunSubmission, secrets?: NameSecrets) => {
      sent.push({ body, secrets });
      return { runId: 'r', verified: true as const, score: 61, grade: 'C' as const, rated: true, rank: 1, duplicate: false, breakdown: [], ...answer };
    },
    submitDrillRun: async () => {
      throw new Error('not a drill');
    },
  } as unknown as ApiClient;
  const queue = new RunQueue(store, api, () => clock);
  const profile = new ProfileStore(store);
  queue.onSecrets = (issued) => profile.remember(issued);
  const ranked = new RankedAttempts(store, api, queue, profile, () => clock);
  return { store, profile, ranked, sent, advance: (ms: number) => (clock += ms) };
}

describe('the browser side of names and ranked windows', () => {
  it('sends how long after the attempt the shift ended, and the profile’s key and code as secrets', async () => {
    const { profile, ranked, sent, advance } = setup();
    profile.set({ name: 'Ann', team: 'Rivals', claimKey: 'KEY-1', teamCode: 'CODE-1' });
    expect((await ranked.begin('mini')).ok).toBe(true);
    advance(SHIFT_MS + 1_234);
    const statuses: SubmitStatus[] = [];
    await ranked.submit(record, (s) => statuses.push(s));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ player: 'Ann', team: 'Rivals', attemptId: attempt.attemptId, endedAfterMs: SHIFT_MS + 1_234 });
    expect(sent[0]!.body).not.toHaveProperty('claimKey');
    expect(sent[0]!.secrets).toEqual({ claimKey: 'KEY-1', teamCode: 'CODE-1' });
    expect(statuses.at(-1)).toMatchObject({ state: 'verified', score: 61 });
  });

  it('keeps a key the server issues, and queues it to be shown once', async () => {
    const { profile, ranked, store } = setup({ claimKey: 'NEW-KEY', teamCode: 'NEW-CODE' });
    profile.set({ name: 'Rolf', team: 'Night Owls' });
    await ranked.begin('mini');
    await ranked.submit(record, () => undefined);
    expect(profile.get()).toMatchObject({ claimKey: 'NEW-KEY', teamCode: 'NEW-CODE' });
    expect(profile.pendingReveals().map((r) => [r.kind, r.name, r.secret])).toEqual([
      ['claimKey', 'Rolf', 'NEW-KEY'],
      ['teamCode', 'Night Owls', 'NEW-CODE'],
    ]);
    // A reload before the dialog loses nothing.
    expect(new ProfileStore(store).pendingReveals()).toHaveLength(2);
    profile.revealed(profile.pendingReveals()[0]!);
    expect(new ProfileStore(store).pendingReveals().map((r) => r.kind)).toEqual(['teamCode']);
  });

  it('drops a key when the name changes, and keeps it when only the capitals do', () => {
    const { profile } = setup();
    profile.set({ name: 'Ann', team: 'Rivals', claimKey: 'K', teamCode: 'C' });
    profile.set({ name: 'ANN', team: 'Rivals' });
    expect(profile.get()).toMatchObject({ claimKey: 'K', teamCode: 'C' });
    profile.set({ name: 'Bea', team: 'Others' });
    expect(profile.get()).toMatchObject({ claimKey: '', teamCode: '' });
  });
});
