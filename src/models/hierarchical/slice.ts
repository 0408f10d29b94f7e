/**
 * Univariate slice sampling (Neal 2003, "Slice sampling", Annals of Statistics 31(3)):
 * stepping out with width w, then shrinkage. Leaves the target invariant for any w; w near
 * the target's spread takes 3-6 density evaluations per draw.
 * @internal
 */
import type { Random } from '../../math/random.js';

/** Steps out at most this many widths each way (Neal's m). */
const MAX_STEPS = 30;

/**
 * One slice-sampling update of x0 under the log density `logf(v, i)` (i passed through, so
 * callers need no closure per customer); `f0` is logf(x0, i). Returns the new value.
 */
export function sliceStep(x0: number, f0: number, logf: (v: number, i: number) => number, i: number, w: number, rng: Random): number {
  const y = f0 - rng.exponential(1);
  let left = x0 - w * rng.uniform();
  let right = left + w;
  let j = Math.floor(MAX_STEPS * rng.uniform());
  let k = MAX_STEPS - 1 - j;
  while (j-- > 0 && logf(left, i) > y) left -= w;
  while (k-- > 0 && logf(right, i) > y) right += w;
  for (let attempt = 0; attempt < 200; attempt++) {
    const x1 = left + rng.uniform() * (right - left);
    if (logf(x1, i) > y) return x1;
    if (x1 < x0) left = x1;
    else right = x1;
  }
  return x0;
}
