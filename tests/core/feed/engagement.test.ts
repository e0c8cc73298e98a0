import { describe, expect, it } from 'vitest';
import { channelLook, engagement, scenarioSchema, Simulation, type Post } from '../../../src/core/index';
import { miniScenario, miniScenarioInput } from '../../fixtures/mini-scenario';

function postBy(followers: number, id = 7): Post {
  const sim = new Simulation(miniScenario, { seed: 5, mode: 'practice' });
  sim.advanceTo(20 * 60);
  const p = structuredClone(sim.state.posts[0]!);
  return { ...p, id, t: 0, author: { ...p.author, followers } };
}

const calm = (t: number) => ({ t, heat: 100, excitation: { facebook: 0, x: 0 } });

describe('engagement under a post', () => {
  it('starts at zero and grows, never falling, while heat holds', () => {
    const p = postBy(12_000);
    expect(engagement(p, calm(0))).toEqual({ views: 0, reactions: 0, shares: 0, comments: p.replies.length });
    let last = engagement(p, calm(0));
    for (let m = 1; m <= 240; m++) {
      const e = engagement(p, calm(m * 60));
      for (const k of ['views', 'reactions', 'shares', 'comments'] as const) {
        expect(Number.isInteger(e[k])).toBe(true);
        expect(e[k]).toBeGreaterThanOrEqual(last[k]);
      }
      last = e;
    }
    expect(last.views).toBeGreaterThan(1000);
    expect(last.reactions).toBeGreaterThan(50);
  });

  it('reaches further with more followers, more heat and a busier channel', () => {
    const at = calm(60 * 60);
    expect(engagement(postBy(100_000), at).views).toBeGreaterThan(engagement(postBy(1000), at).views);
    expect(engagement(postBy(5000), { ...at, heat: 200 }).reactions).toBeGreaterThan(engagement(postBy(5000), at).reactions);
    const busy = { ...at, excitation: { facebook: 1.5, x: 1.5 } };
    expect(engagement(postBy(5000), busy).views).toBeGreaterThan(engagement(postBy(5000), at).views);
  });

  it('is a pure function of state: a replayed run shows the same counts', () => {
    const run = () => {
      const sim = new Simulation(miniScenario, { seed: 11, mode: 'practice' });
      sim.advanceTo(90 * 60);
      return sim.state.posts.map((p) => engagement(p, sim.state));
    };
    expect(run()).toEqual(run());
  });
});

describe('channel looks', () => {
  it('takes the scenario look when given, and guesses from the id or name otherwise', () => {
    const input = structuredClone(miniScenarioInput);
    input.channels[1] = { ...input.channels[1]!, look: 'review-site' };
    const parsed = scenarioSchema.parse(input);
    expect(channelLook(parsed.channels[1]!)).toBe('review-site');
    expect(channelLook(parsed.channels[0]!)).toBe('facebook-page');
    expect(channelLook({ id: 'x', name: 'Twitter/X' })).toBe('x-timeline');
    expect(channelLook({ id: 'reviews', name: 'Review site' })).toBe('review-site');
  });

  it('refuses a look it cannot draw', () => {
    const input = structuredClone(miniScenarioInput) as unknown as { channels: Record<string, unknown>[] };
    input.channels[0]!.look = 'myspace';
    expect(scenarioSchema.safeParse(input).success).toBe(false);
  });
});
