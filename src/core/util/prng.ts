import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { expNeg } from './fixed-math';

/**
 * The only source of randomness in the core: a seeded xoroshiro128+ whose state
 * is plain numbers, so it lives inside the simulation state and survives
 * serialisation. Draw order is fixed by the caller; never share one across runs.
 */
export class Prng {
  private gen: ReturnType<typeof xoroshiro128plus>;

  private constructor(gen: ReturnType<typeof xoroshiro128plus>) {
    this.gen = gen;
  }

  static fromSeed(seed: number): Prng {
    return new Prng(xoroshiro128plus(seed | 0));
  }

  static fromState(state: readonly number[]): Prng {
    return new Prng(xoroshiro128plusFromState(state));
  }

  state(): number[] {
    return [...this.gen.getState()];
  }

  /** Integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.gen, from, to);
  }

  /** Uniform in [0, 1) with 32 bits of resolution; exact in every JS engine. */
  unit(): number {
    return (this.gen.next() >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.unit() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** Index drawn in proportion to integer weights. */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.int(0, total - 1);
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Poisson count by inversion; `mean` is small per step. Uses only engine-exact arithmetic. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const u = this.unit();
    let p = expNeg(mean);
    let cdf = p;
    let k = 0;
    while (u >= cdf && k < 1000) {
      k++;
      p = (p * mean) / k;
      cdf += p;
    }
    return k;
  }
}
