/**
 * Elliptical slice sampling (Murray, Adams & MacKay 2010, AISTATS): one update of f under
 * a target L(f) · N(f; m, Σ), by moving along the ellipse through f - m and a fresh draw
 * ν ~ N(0, Σ), shrinking the angle bracket until the likelihood clears the slice level.
 * No tuning, no rejection; suited to a strong normal prior and weak data, where
 * coordinate-wise moves crawl along the ridges of the posterior. Two dimensions here (a
 * customer's log purchase and log dropout rates), Σ given by its Cholesky factor.
 * @internal
 */
import type { Random } from '../../math/random.js';

/**
 * Update (f0, f1) in `f` in place; `logL(f0, f1)` is the log likelihood, `current` its
 * value at f. L = [[l11, 0], [l21, l22]]. Returns the log likelihood at the new point.
 */
export function ellipticalSlice2(f: Float64Array, m0: number, m1: number, l11: number, l21: number, l22: number, current: number, logL: (a: number, b: number) => number, rng: Random): number {
  const z0 = rng.normal();
  const z1 = rng.normal();
  const nu0 = l11 * z0;
  const nu1 = l21 * z0 + l22 * z1;
  const d0 = (f[0] as number) - m0;
  const d1 = (f[1] as number) - m1;
  const level = current + Math.log(rng.open());
  let theta = 2 * Math.PI * rng.uniform();
  let lo = theta - 2 * Math.PI;
  let hi = theta;
  for (let attempt = 0; attempt < 200; attempt++) {
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const a = m0 + d0 * c + nu0 * s;
    const b = m1 + d1 * c + nu1 * s;
    const v = logL(a, b);
    if (v > level) {
      f[0] = a;
      f[1] = b;
      return v;
    }
    if (theta < 0) lo = theta;
    else hi = theta;
    theta = lo + (hi - lo) * rng.uniform();
  }
  return current;
}
