/**
 * Evaluate f(a) where f has a removable singularity at a = 1 (the BG/NBD family's
 * (...)/(a - 1) forms, BG/BB's γ - 1): within 1e-4 of 1, the mean of f(1 - 1e-4) and
 * f(1 + 1e-4), whose error is O(1e-8) for these smooth functions; f(a) otherwise.
 * @internal
 */
export function bridgeAtOne(a: number, f: (a: number) => number): number {
  if (Math.abs(a - 1) >= 1e-4) return f(a);
  return (f(1 - 1e-4) + f(1 + 1e-4)) / 2;
}
