/**
 * Arithmetic that gives the same bits in every JavaScript engine. `Math.exp` and
 * friends are allowed to differ between engines in the last place, which would let
 * a replay drift; these use only +, −, × and ÷, which IEEE 754 pins exactly.
 */

/** e^(−x) for x ≥ 0, by halving until small, a Taylor series, then squaring back. */
export function expNeg(x: number): number {
  if (x <= 0) return 1;
  if (x > 700) return 0;
  let halvings = 0;
  let y = x;
  while (y > 0.125) {
    y /= 2;
    halvings++;
  }
  // Taylor series of e^(−y) to the 10th term: error far below double precision for y ≤ 1/8.
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 10; n++) {
    term = (-term * y) / n;
    sum += term;
  }
  for (let i = 0; i < halvings; i++) sum *= sum;
  return sum;
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Round half away from zero, identically everywhere. */
export function roundInt(x: number): number {
  return x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5);
}
