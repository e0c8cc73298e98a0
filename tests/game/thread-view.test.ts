import { describe, expect, it } from 'vitest';
import { engagement, Simulation } from '../../src/core/index';
import { threadComments } from '../../src/game/reading/thread-view';
import { miniScenario } from '../fixtures/mini-scenario';

/** An idle shift an hour in: the instigator's thread has filled with the crowd. */
function midShift() {
  const sim = new Simulation(miniScenario, { seed: 4, mode: 'practice' });
  sim.advanceTo(60 * 60);
  const root = sim.post(sim.state.instigatorId!)!;
  return { state: sim.state, root };
}

describe('a thread’s comments', () => {
  it('are the posts in the thread, not the post itself', () => {
    const { state, root } = midShift();
    const comments = threadComments(state, root, 'newest');
    expect(comments.length).toBeGreaterThan(3);
    expect(comments.every((p) => p.threadId === root.id && p.id !== root.id)).toBe(true);
    expect(comments.length).toBe(state.posts.filter((p) => p.threadId === root.id).length - 1);
  });

  it('newest first, or most relevant: most reactions first, earlier post on a tie', () => {
    const { state, root } = midShift();
    const newest = threadComments(state, root, 'newest').map((p) => p.id);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    const relevant = threadComments(state, root, 'relevant');
    const reactions = relevant.map((p) => engagement(p, state).reactions);
    expect(reactions).toEqual([...reactions].sort((a, b) => b - a));
    for (let i = 1; i < relevant.length; i++) if (reactions[i] === reactions[i - 1]) expect(relevant[i]!.id).toBeGreaterThan(relevant[i - 1]!.id);
    expect(relevant.map((p) => p.id)).not.toEqual(newest);
  });
});
