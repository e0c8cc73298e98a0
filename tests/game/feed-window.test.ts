import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/index';
import { FeedModel } from '../../src/game/desk/feed-model';
import { initials } from '../../src/game/reading/avatar';
import { hash32 } from '../../src/game/reading/dom';
import { CARDS_ABOVE, FeedWindow, WINDOW_CARDS } from '../../src/game/reading/feed-window';
import { reachOf, relativeTime, stars } from '../../src/game/reading/post-card';
import { miniScenario } from '../fixtures/mini-scenario';

function modelAt(sim: Simulation, minutes: number): FeedModel {
  sim.advanceTo(minutes * 60);
  const model = new FeedModel(['facebook', 'x']);
  model.sync(sim.state);
  return model;
}

describe('the feed window', () => {
  it('follows the newest post while nothing is selected', () => {
    const sim = new Simulation(miniScenario, { seed: 3, mode: 'practice' });
    const w = new FeedWindow();
    let slice = w.slice(modelAt(sim, 60), 'all', 'live', null);
    expect(slice.ids[0]).toBe(sim.state.posts.length);
    expect(slice.newCount).toBe(0);
    slice = w.slice(modelAt(sim, 120), 'all', 'live', null);
    expect(slice.ids[0]).toBe(sim.state.posts.length);
    expect(slice.ids.length).toBeLessThanOrEqual(WINDOW_CARDS);
  });

  it('holds the list still under a selection and counts what arrived above it, until released', () => {
    const sim = new Simulation(miniScenario, { seed: 3, mode: 'practice' });
    const w = new FeedWindow();
    let model = modelAt(sim, 60);
    const selected = model.at('all', 'live', 2)!;
    const first = w.slice(model, 'all', 'live', selected);
    const before = sim.state.posts.length;
    model = modelAt(sim, 120);
    const arrived = sim.state.posts.length - before;
    expect(arrived).toBeGreaterThan(0);
    const later = w.slice(model, 'all', 'live', selected);
    expect(later.ids).toEqual(first.ids);
    expect(later.newCount).toBe(arrived);
    w.release();
    const released = w.slice(model, 'all', 'live', selected);
    expect(released.newCount).toBe(0);
  });

  it('keeps a few cards above a selection deep in the list, whatever the history', () => {
    const sim = new Simulation(miniScenario, { seed: 3, mode: 'practice' });
    const model = modelAt(sim, 170);
    const deep = model.at('all', 'live', 60)!;
    const slice = new FeedWindow().slice(model, 'all', 'live', deep);
    expect(slice.start).toBe(60 - CARDS_ABOVE);
    expect(slice.ids[CARDS_ABOVE]).toBe(deep);
    expect(slice.ids.length).toBe(WINDOW_CARDS);
  });
});

describe('card words', () => {
  it('says how long ago, how far a post reaches, and a review’s stars', () => {
    expect(relativeTime(30)).toBe('now');
    expect(relativeTime(600)).toBe('10 min');
    expect(relativeTime(7300)).toBe('2 h');
    expect(reachOf(150_000).tier).toBe('very-high');
    expect(reachOf(10_000).tier).toBe('high');
    expect(reachOf(999).tier).toBe('small');
    expect([-2, -1, 0, 1, 2].map(stars)).toEqual([1, 2, 3, 4, 5]);
  });

  it('draws the same avatar for the same author', () => {
    expect(initials('Dana Moss')).toBe('DM');
    expect(initials('kerry')).toBe('KE');
    expect(initials('Anne-Marie de la Cruz')).toBe('AC');
    expect(hash32('@danamoss')).toBe(hash32('@danamoss'));
    expect(hash32('@danamoss')).not.toBe(hash32('@danamos'));
  });
});
