import { describe, expect, it } from 'vitest';
import { hashValue, makeRunRecord, Simulation } from '../../src/core/index';
import { Announcer } from '../../src/game/a11y/announcer';
import { AUTOSAVE_KEY, AutosaveStore } from '../../src/game/run/autosave.store';
import { parseLaunchParams } from '../../src/game/run/launch-params';
import { nextSpeed } from '../../src/game/run/pace';
import { RunWatcher } from '../../src/game/run/run-watcher';
import { defaultSettings, SETTINGS_KEY, SettingsStore } from '../../src/game/settings/settings.store';
import { miniScenario } from '../fixtures/mini-scenario';
import { PUBLIC_DETAILS_REPLY } from '../fixtures/reply-texts';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

describe('address parameters', () => {
  it('reads scenario, seed, mode, speed and renderer', () => {
    expect(parseLaunchParams('?scenario=facebook-mugging&seed=42&mode=ranked&speed=2.5&renderer=canvas')).toEqual({
      scenario: 'facebook-mugging',
      seed: 42,
      mode: 'ranked',
      speed: 2.5,
      renderer: 'canvas',
      problems: [],
    });
    expect(parseLaunchParams('')).toEqual({ renderer: 'auto', problems: [] });
  });

  it('names every unusable parameter instead of guessing', () => {
    const p = parseLaunchParams('?scenario=../etc&seed=-1&mode=drill&speed=0&renderer=vulkan');
    expect(p.problems).toHaveLength(5);
    expect(p.problems.join(' ')).toMatch(/scenario.*seed.*mode.*speed.*renderer/);
    expect(p.scenario ?? p.seed ?? p.mode ?? p.speed).toBeUndefined();
  });
});

describe('practice speeds', () => {
  it('step through the offered speeds and stop at the ends', () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(8, 1)).toBe(8);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
    expect(nextSpeed(60, -1)).toBe(8);
  });
});

describe('settings', () => {
  it('persist and notify listeners', () => {
    const storage = new MemoryStorage();
    const store = new SettingsStore(storage, defaultSettings(false));
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.volume));
    store.update({ volume: 30, muted: true });
    expect(seen).toEqual([30]);
    expect(new SettingsStore(storage, defaultSettings(false)).get()).toMatchObject({ volume: 30, muted: true });
  });

  it('fall back to the defaults with a message when the stored ones are unreadable', () => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, '{"volume": 400}');
    const store = new SettingsStore(storage, defaultSettings(true));
    expect(store.get()).toEqual(defaultSettings(true));
    expect(store.problem).toMatch(/not valid/);
    storage.setItem(SETTINGS_KEY, 'not json');
    expect(new SettingsStore(storage, defaultSettings(false)).problem).toMatch(/unreadable/);
  });
});

describe('the autosave', () => {
  const sim = new Simulation(miniScenario, { seed: 1, mode: 'practice' });
  sim.advanceTo(300);
  const record = makeRunRecord(sim, hashValue(miniScenario));

  it('round-trips a run record and the sim time reached', () => {
    const store = new AutosaveStore(new MemoryStorage());
    expect(store.load()).toEqual({ kind: 'none' });
    store.write(record, 300, 2);
    const loaded = store.load();
    expect(loaded.kind === 'ok' && loaded.save).toMatchObject({ record, t: 300, speed: 2 });
    store.clear();
    expect(store.load()).toEqual({ kind: 'none' });
  });

  it('reports a corrupt save with the reason', () => {
    const storage = new MemoryStorage();
    const store = new AutosaveStore(storage);
    storage.setItem(AUTOSAVE_KEY, '{oops');
    expect(store.load()).toEqual({ kind: 'corrupt', reason: 'the saved data is not valid JSON' });
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 1, record: { ...record, seed: 'x' }, t: 300, speed: 1, savedAt: 'now' }));
    const loaded = store.load();
    expect(loaded.kind).toBe('corrupt');
    expect(loaded.kind === 'corrupt' && loaded.reason).toMatch(/^record\.seed/);
  });
});

describe('the run watcher', () => {
  it('reports each breach, declared level and the end of the shift exactly once', () => {
    const s = new Simulation(miniScenario, { seed: 5, mode: 'practice' });
    const watcher = new RunWatcher(s.state, s.scenario);
    s.advanceTo(600);
    const post = s.state.posts.find((p) => p.status === 'open')!;
    s.apply({ type: 'post.reply', postId: post.id, text: PUBLIC_DETAILS_REPLY });
    const first = watcher.collect(s.state);
    expect(first.filter((e) => e.kind === 'breach')).toHaveLength(1);
    expect(first.some((e) => e.kind === 'posts')).toBe(true);
    expect(watcher.collect(s.state)).toEqual([]);
    s.advanceTo(s.state.trainee.busyUntil);
    expect(s.apply({ type: 'level.declare', level: 'incident' }).ok).toBe(true);
    expect(watcher.collect(s.state)).toContainEqual({ kind: 'declared', level: 2 });
    s.finish();
    const last = watcher.collect(s.state);
    expect(last.filter((e) => e.kind === 'over')).toHaveLength(1);
    expect(watcher.collect(s.state)).toEqual([]);
  });
});

describe('the announcer', () => {
  it('keeps what it said and drops an identical sentence repeated within a second', () => {
    let now = 0;
    const a = new Announcer(null, null, () => now);
    a.say('Post #1 arrived.');
    a.say('Post #1 arrived.');
    now = 1500;
    a.say('Post #1 arrived.');
    a.say('Citation.', true);
    expect(a.said()).toEqual(['Post #1 arrived.', 'Post #1 arrived.', 'Citation.']);
  });
});
