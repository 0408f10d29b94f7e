/**
 * The rounding error of a floating-point addition t = a + b, so that a + b = t + e exactly
 * (Neumaier's form of TwoSum). Every compensated sum in the library adds its errors with
 * this one function, which is what lets the one-pass, grouped and merged summary routes
 * give the same bits.
 * @internal
 */
export function roundoff(a: number, b: number, t: number): number {
  return Math.abs(a) >= Math.abs(b) ? a - t + b : b - t + a;
}
