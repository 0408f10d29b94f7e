/**
 * Compensated (Neumaier) summation helpers. A running sum is a pair (hi, lo): hi is the
 * rounded sum, lo collects the rounding errors, and hi + lo is far closer to the exact sum
 * than naive summation.
 * @internal
 */

/** Neumaier sum of an array-like of numbers. */
export function sum(values: ArrayLike<number>, from = 0, to = values.length): number {
  let hi = 0;
  let lo = 0;
  for (let i = from; i < to; i++) {
    const x = values[i] as number;
    const t = hi + x;
    lo += Math.abs(hi) >= Math.abs(x) ? hi - t + x : x - t + hi;
    hi = t;
  }
  return hi + lo;
}

/** A reusable compensated accumulator. */
export class Accumulator {
  hi = 0;
  lo = 0;
  add(x: number): void {
    const t = this.hi + x;
    this.lo += Math.abs(this.hi) >= Math.abs(x) ? this.hi - t + x : x - t + this.hi;
    this.hi = t;
  }
  get value(): number {
    return this.hi + this.lo;
  }
}
