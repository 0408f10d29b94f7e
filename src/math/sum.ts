/**
 * The rounding error of a floating-point addition t = a + b, so that a + b = t + e exactly
 * (Knuth's TwoSum: branch-free, so it costs no mispredicted branches in hot loops; the
 * error is exact, the same number Neumaier's branching form gives). Every compensated sum
 * in the library adds its errors with this one function, which is what lets the one-pass,
 * grouped and merged summary routes give the same bits.
 * @internal
 */
export function roundoff(a: number, b: number, t: number): number {
  const bb = t - a;
  return a - (t - bb) + (b - bb);
}
