import { describe, expect, it } from 'vitest';
import { hashValue, replay } from '../../../src/core/index';
import type { DrillJoined } from '../../../src/game/net/api-client';
import { DrillTrainee } from '../../../src/game/net/drill-trainee';
import type { SubmitStatus } from '../../../src/game/net/ranked-attempts';
import { RunQueue, type KeyValueStore } from '../../../src/game/net/run-queue';
import type { PlayerMode } from '../../../src/game/run/launch-params';
import { RunController } from '../../../src/game/run/run-controller';
import { miniScenario } from '../../fixtures/mini-scenario';

const HASH = hashValue(miniScenario);
const entry = { id: 'mini', file: 'mini.yaml', scenario: miniScenario, hash: HASH };

/** Stands in for the browser's EventSource: the test pushes server events into it. */
class FakeEventSource {
  static last: FakeEventSource;
  private readonly listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(kind: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(kind, [...(this.listeners.get(kind) ?? []), fn]);
  }
  close() {
    this.closed = true;
  }
  emit(kind: string, data: unknown) {
    for (const fn of this.listeners.get(kind) ?? []) fn({ data: JSON.stringify(data) } as MessageEvent);
  }
}

const memory = (): KeyValueStore => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
};

describe('drill trainee', () => {
  it('follows the trainer: starts, applies injects as actions, pauses, and submits a run that replays', async () => {
    const joined: DrillJoined = {
      traineeId: 't1',
      traineeToken: 'tok',
      name: 'Ana',
      code: 'ABCDEF',
      scenarioId: 'mini',
      scenarioHash: HASH,
      seed: 17,
      mode: 'drill',
      status: 'lobby',
      firedInjects: [],
    };
    const submittedRuns: unknown[] = [];
    const progress: unknown[] = [];
    const api = {
      eventsUrl: (code: string, token: string) => `/api/drills/${code}/events?token=${token}`,
      reportProgress: async (_c: string, _t: string, p: unknown) => void progress.push(p),
    };
    const queue = new RunQueue(memory(), {
      submitRun: async () => {
        throw new Error('not a ranked run');
      },
      submitDrillRun: async (_code, _token, run) => {
        submittedRuns.push(run);
        return { traineeId: 't1', verified: true, score: 0, grade: 'F', duplicate: false, breakdown: [] };
      },
    });
    const said: string[] = [];
    const statuses: SubmitStatus[] = [];
    let run: RunController | undefined;
    const trainee = new DrillTrainee(
      joined,
      api,
      queue,
      {
        start: () => {
          run = RunController.start({ entry, seed: joined.seed, mode: 'drill' as PlayerMode, speed: 1 });
          trainee.attach(run);
        },
        say: (m) => said.push(m),
        submitted: (s) => statuses.push(s),
      },
      FakeEventSource as unknown as typeof EventSource,
    );
    const server = FakeEventSource.last;
    expect(server.url).toBe('/api/drills/ABCDEF/events?token=tok');

    server.emit('snapshot', { role: 'trainee', status: 'lobby', firedInjects: [] });
    expect(run).toBeUndefined();
    server.emit('status', { status: 'running' });
    expect(run).toBeDefined();
    run!.advance(60_000);
    const t = run!.sim.state.t;
    server.emit('inject', { injectId: 'photo', title: 'A relative posts a photo' });
    server.emit('inject', { injectId: 'photo', title: 'A relative posts a photo' });
    expect(run!.sim.state.log.filter((e) => e.action.type === 'inject.fire')).toEqual([{ t, action: { type: 'inject.fire', injectId: 'photo' } }]);
    expect(said).toContain('Inject from the trainer: A relative posts a photo.');

    server.emit('status', { status: 'paused' });
    expect(run!.paused).toBe(true);
    server.emit('status', { status: 'running' });
    expect(run!.paused).toBe(false);
    expect(progress.length).toBeGreaterThan(0);

    server.emit('status', { status: 'ended' });
    expect(run!.sim.state.over).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(submittedRuns).toHaveLength(1);
    const verified = replay(submittedRuns[0], (id) => (id === 'mini' ? { scenario: miniScenario, hash: HASH } : undefined));
    expect(verified.ok).toBe(true);
    expect(statuses.map((s) => s.state)).toEqual(['sending', 'verified']);
    trainee.close();
    expect(server.closed).toBe(true);
  });
});
