import { describe, expect, it } from 'vitest';
import { hashValue, replay, replayUntil, scoreAt, type RunRecord } from '../../../src/core/index';
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
      endedAtSimT: null,
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
    server.emit('inject', { injectId: 'photo', title: 'A relative posts a photo', simT: t });
    server.emit('inject', { injectId: 'photo', title: 'A relative posts a photo', simT: t });
    expect(run!.sim.state.log.filter((e) => e.action.type === 'inject.fire')).toEqual([{ t, action: { type: 'inject.fire', injectId: 'photo' } }]);
    expect(said).toContain('Inject from the trainer: A relative posts a photo.');

    server.emit('status', { status: 'paused' });
    expect(run!.paused).toBe(true);
    server.emit('status', { status: 'running' });
    expect(run!.paused).toBe(false);
    expect(progress.length).toBeGreaterThan(0);

    // The drill's clock had reached the end of the shift when the trainer ended it.
    server.emit('status', { status: 'ended', simT: miniScenario.duration.simMinutes * 60 });
    expect(run!.sim.state.over).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(submittedRuns).toHaveLength(1);
    const verified = replay(submittedRuns[0], (id) => (id === 'mini' ? { scenario: miniScenario, hash: HASH } : undefined));
    expect(verified.ok).toBe(true);
    expect(statuses.map((s) => s.state)).toEqual(['sending', 'verified']);
    trainee.close();
    expect(server.closed).toBe(true);
  });

  /** A trainee that has joined and started, with the fake stream and everything it sent. */
  function startedTrainee() {
    const sent: { runs: RunRecord[]; progress: { t: number; score: number; actions?: unknown[] }[]; said: string[] } = { runs: [], progress: [], said: [] };
    const joined: DrillJoined = { traineeId: 't2', traineeToken: 'tok2', name: 'Ben', code: 'ABCDEF', scenarioId: 'mini', scenarioHash: HASH, seed: 23, mode: 'drill', status: 'lobby', firedInjects: [], endedAtSimT: null };
    const queue = new RunQueue(memory(), {
      submitRun: async () => {
        throw new Error('not a ranked run');
      },
      submitDrillRun: async (_code, _token, run) => {
        sent.runs.push(run);
        return { traineeId: 't2', verified: true, score: 0, grade: 'F', duplicate: false, breakdown: [] };
      },
    });
    let run: RunController | undefined;
    const api = { eventsUrl: () => '/events', reportProgress: async (_c: string, _t: string, p: (typeof sent.progress)[number]) => void sent.progress.push(p) };
    const trainee = new DrillTrainee(
      joined,
      api,
      queue,
      {
        start: () => {
          run = RunController.start({ entry, seed: joined.seed, mode: 'drill' as PlayerMode, speed: 1 });
          trainee.attach(run);
        },
        say: (m) => sent.said.push(m),
      },
      FakeEventSource as unknown as typeof EventSource,
    );
    const server = FakeEventSource.last;
    server.emit('status', { status: 'running', simT: 0 });
    return { trainee, server, run: run!, sent };
  }

  it('applies an inject at the sim second the server stamped, not when it arrives', () => {
    const { trainee, server, run } = startedTrainee();
    run.advance(10_000);
    const stamped = run.sim.state.t + 60;
    server.emit('inject', { injectId: 'photo', title: 'A relative posts a photo', simT: stamped });
    expect(run.sim.state.firedInjects).toEqual([]);
    while (run.sim.state.t < stamped + 30) run.advance(100);
    expect(run.sim.state.log.filter((e) => e.action.type === 'inject.fire').map((e) => e.t)).toEqual([stamped]);
    trainee.close();
  });

  it('ends the shift where the trainer ended the drill and claims the live score of that moment', async () => {
    const { trainee, server, run, sent } = startedTrainee();
    for (let i = 0; i < 200; i++) run.advance(100);
    const post = run.sim.state.posts.find((p) => p.status === 'open');
    expect(post).toBeDefined();
    expect(run.apply({ type: 'post.triage', postId: post!.id, category: 'question', urgent: false }).ok).toBe(true);
    const endedAt = run.sim.state.t;
    const liveScore = run.outcome().score;
    // The trainee's desk runs a little ahead of the drill's clock, and acts there.
    for (let i = 0; i < 20; i++) run.advance(100);
    expect(run.sim.state.t).toBeGreaterThan(endedAt);
    server.emit('status', { status: 'ended', simT: endedAt });
    expect(run.over).toBe(true);
    expect(run.sim.state.over).toBe(false);
    expect(run.sim.state.t).toBe(endedAt);
    expect(run.outcome().score).toBe(liveScore);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.runs).toHaveLength(1);
    const record = sent.runs[0]!;
    expect(record.claimed.score).toBe(liveScore);
    expect(record.actions.every((a) => a.t <= endedAt)).toBe(true);
    const lookup = (id: string) => (id === 'mini' ? { scenario: miniScenario, hash: HASH } : undefined);
    expect(replayUntil(record, lookup, endedAt).ok).toBe(true);
    const scored = scoreAt(miniScenario, record, endedAt);
    expect(scored.ok && scored.outcome.score).toBe(liveScore);
    expect(sent.said.some((m) => m.startsWith('The trainer ended the drill at '))).toBe(true);
    trainee.close();
  });
});
