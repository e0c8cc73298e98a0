import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/index';
import { FeedModel } from '../../src/game/desk/feed-model';
import { miniScenario } from '../fixtures/mini-scenario';
import { GOOD_REPLY } from '../fixtures/reply-texts';

function runFor(minutes: number): Simulation {
  const sim = new Simulation(miniScenario, { seed: 3, mode: 'practice' });
  sim.advanceTo(minutes * 60);
  return sim;
}

describe('the feed model', () => {
  it('lists every post newest first in the live view, per channel and for all channels', () => {
    const sim = runFor(60);
    const model = new FeedModel(['facebook', 'x']);
    model.sync(sim.state);
    const posts = sim.state.posts;
    expect(model.length('all', 'live')).toBe(posts.length);
    expect(model.at('all', 'live', 0)).toBe(posts[posts.length - 1]!.id);
    const fb = posts.filter((p) => p.channel === 'facebook').map((p) => p.id).reverse();
    expect(Array.from({ length: model.length('facebook', 'live') }, (_, i) => model.at('facebook', 'live', i))).toEqual(fb);
    for (const [i, id] of fb.entries()) expect(model.indexOf('facebook', 'live', id)).toBe(i);
    expect(model.indexOf('x', 'live', fb[0]!)).toBe(-1);
  });

  it('keeps only open posts in the queue, oldest first, and drops them as they are answered', () => {
    const sim = runFor(30);
    const model = new FeedModel(['facebook', 'x']);
    model.sync(sim.state);
    const open = sim.state.posts.filter((p) => p.status === 'open').map((p) => p.id);
    expect(open.length).toBeGreaterThan(2);
    expect(Array.from({ length: model.length('all', 'queue') }, (_, i) => model.at('all', 'queue', i))).toEqual(open);
    const first = sim.state.posts.find((p) => p.status === 'open' && p.flags.length === 0)!;
    expect(sim.apply({ type: 'post.reply', postId: first.id, text: GOOD_REPLY }).ok).toBe(true);
    model.sync(sim.state);
    expect(model.indexOf('all', 'queue', first.id)).toBe(-1);
    expect(model.openCount('all')).toBe(open.length - 1);
    expect(model.openCount('facebook') + model.openCount('x')).toBe(open.length - 1);
  });

  it('picks up new arrivals incrementally', () => {
    const sim = runFor(10);
    const model = new FeedModel(['facebook', 'x']);
    model.sync(sim.state);
    const before = model.length('all', 'live');
    sim.advanceTo(90 * 60);
    model.sync(sim.state);
    expect(model.length('all', 'live')).toBe(sim.state.posts.length);
    expect(model.length('all', 'live')).toBeGreaterThan(before);
    expect(model.length('facebook', 'live') + model.length('x', 'live')).toBe(sim.state.posts.length);
  });
});
