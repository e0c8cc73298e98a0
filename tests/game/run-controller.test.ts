import { describe, expect, it } from 'vitest';
import { hashValue, replay } from '../../src/core/index';
import { RunController } from '../../src/game/run/run-controller';
import type { CatalogEntry } from '../../src/game/run/scenario-catalog';
import { miniScenario } from '../fixtures/mini-scenario';

const entry: CatalogEntry = { id: 'mini', file: 'mini.yaml', scenario: miniScenario, hash: hashValue(miniScenario) };
const lookup = (id: string) => (id === 'mini' ? { scenario: miniScenario, hash: entry.hash } : undefined);

describe('the run controller', () => {
  it('advances the sim by real time × pace in whole steps, and not while paused', () => {
    const run = RunController.start({ entry, seed: 1, mode: 'practice', speed: 2 });
    // mini: 180 sim minutes in 10 real minutes = 18 sim s per real s; at 2× that is 36.
    expect(run.pace()).toBe(36);
    for (let i = 0; i < 4; i++) run.advance(250);
    expect(run.sim.state.t).toBe(30); // 36 s of sim time holds three whole 10 s steps
    run.advance(250);
    expect(run.sim.state.t).toBe(40); // 6 s carried over + 9 s = one more step
    run.setPaused(true);
    run.advance(250);
    expect(run.sim.state.t).toBe(40);
  });

  it('never jumps ahead more than a quarter second of real time after a stalled frame', () => {
    const run = RunController.start({ entry, seed: 1, mode: 'practice', speed: 1 });
    run.advance(60_000);
    expect(run.sim.state.t).toBeLessThanOrEqual(10);
  });

  it('plays ranked at the fixed pace and refuses pause and speed changes', () => {
    const run = RunController.start({ entry, seed: 1, mode: 'ranked', speed: 50 });
    expect(run.speed).toBe(1);
    expect(run.setSpeed(4)).toBe(false);
    expect(run.setPaused(true)).toBe(false);
    expect(run.paused).toBe(false);
  });

  it('reports events from the core and passes rejections through unchanged', () => {
    const run = RunController.start({ entry, seed: 2, mode: 'practice', speed: 1 });
    const events = [];
    while (run.sim.state.posts.length === 0) events.push(...run.advance(250));
    expect(events.some((e) => e.kind === 'posts')).toBe(true);
    const rejected = run.apply({ type: 'post.reply', postId: 999, text: 'Thank you for telling us.' });
    expect(rejected).toMatchObject({ ok: false, code: 'action/unknown_post' });
    expect(run.sim.state.log).toEqual([]);
    const declared = run.apply({ type: 'level.declare', level: 'elevated' });
    expect(declared.ok && declared.events).toContainEqual({ kind: 'declared', level: 1 });
  });

  it('resumes a saved record at the same sim time with the same state, and refuses a changed scenario', () => {
    const run = RunController.start({ entry, seed: 9, mode: 'practice', speed: 1 });
    run.sim.advanceTo(1200);
    run.apply({ type: 'desk.pausePromotions' });
    run.sim.advanceTo(1800);
    const resumed = RunController.resume(entry, run.record(), run.sim.state.t, 2);
    if (!resumed.ok) throw new Error(resumed.reason);
    expect(resumed.run.sim.state).toEqual(run.sim.state);
    expect(resumed.run.speed).toBe(2);
    const changed = RunController.resume({ ...entry, hash: '0000000000000000' }, run.record(), 1800, 1);
    expect(changed).toMatchObject({ ok: false });
  });

  it('produces a record that replays to the same outcome', () => {
    const run = RunController.start({ entry, seed: 4, mode: 'practice', speed: 1 });
    run.sim.advanceTo(600);
    run.apply({ type: 'level.declare', level: 'elevated' });
    run.sim.finish();
    const result = replay(run.record(), lookup);
    expect(result.ok && result.outcome).toEqual(run.outcome());
  });
});
