import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Prng } from '../../../src/core/util/prng';
import { expNeg } from '../../../src/core/util/fixed-math';

describe('Prng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = Prng.fromSeed(42);
    const b = Prng.fromSeed(42);
    const draw = (r: Prng) => Array.from({ length: 50 }, () => r.int(0, 1000));
    expect(draw(a)).toEqual(draw(b));
  });

  it('gives different sequences for different seeds', () => {
    const draw = (r: Prng) => Array.from({ length: 20 }, () => r.int(0, 1_000_000));
    expect(draw(Prng.fromSeed(1))).not.toEqual(draw(Prng.fromSeed(2)));
  });

  it('resumes exactly from its serialised state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 0, max: 200 }), (seed, skip) => {
        const a = Prng.fromSeed(seed);
        for (let i = 0; i < skip; i++) a.unit();
        const b = Prng.fromState(JSON.parse(JSON.stringify(a.state())));
        expect(Array.from({ length: 10 }, () => b.unit())).toEqual(Array.from({ length: 10 }, () => a.unit()));
      }),
    );
  });

  it('keeps draws in range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 100 }), (seed, lo, span) => {
        const r = Prng.fromSeed(seed);
        const x = r.int(lo, lo + span);
        expect(x).toBeGreaterThanOrEqual(lo);
        expect(x).toBeLessThanOrEqual(lo + span);
        const u = r.unit();
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
      }),
    );
  });

  it('draws Poisson counts with the requested mean', () => {
    const r = Prng.fromSeed(7);
    for (const mean of [0.05, 0.5, 3]) {
      let sum = 0;
      const n = 20000;
      for (let i = 0; i < n; i++) sum += r.poisson(mean);
      expect(sum / n).toBeCloseTo(mean, 1);
    }
  });

  it('draws weighted indices in proportion', () => {
    const r = Prng.fromSeed(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[r.weightedIndex([1, 2, 7])]!++;
    expect(counts[2]! / 30000).toBeCloseTo(0.7, 1);
    expect(counts[0]! / 30000).toBeCloseTo(0.1, 1);
  });
});

describe('expNeg', () => {
  it('matches Math.exp to within a few ulps without using it', () => {
    for (const x of [0, 1e-6, 0.01, 0.125, 0.5, 1, 2.5, 10, 50, 300]) {
      expect(Math.abs(expNeg(x) - Math.exp(-x)) / Math.exp(-x)).toBeLessThan(1e-12);
    }
  });
});
