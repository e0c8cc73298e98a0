import { describe, expect, it } from 'vitest';
import { arrivalRate, RATE_WINDOW_MINUTES } from '../../src/game/reading/reading-layer';

const at = (minutes: number[]) => minutes.map((m) => ({ t: m * 60 })) as { t: number }[] as never[];

describe('the feed’s arrival rate', () => {
  const w = RATE_WINDOW_MINUTES;
  it('counts the posts of the last window and shows ▲ when they come faster than in the window before', () => {
    expect(arrivalRate({ t: 2 * w * 60, posts: at([1, 12, 14, 15, 17, 19]) })).toBe(`5 in ${w} min ▲`);
  });

  it('shows ▼ when the pace falls and nothing when it holds', () => {
    expect(arrivalRate({ t: 2 * w * 60, posts: at([1, 2, 3, 15]) })).toBe(`1 in ${w} min ▼`);
    expect(arrivalRate({ t: 2 * w * 60, posts: at([1, 15]) })).toBe(`1 in ${w} min`);
  });

  it('counts nothing older than two windows, however long the history', () => {
    const posts = at([...Array.from({ length: 5000 }, () => 0), 19]);
    expect(arrivalRate({ t: 3 * w * 60, posts })).toBe(`0 in ${w} min ▼`);
  });
});
