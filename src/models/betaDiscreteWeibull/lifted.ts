/**
 * The beta-discrete-Weibull DERL with every customer's retention raised by a share `lift`.
 * @internal
 */
import { betaExpectationAny } from '../../math/betaExpectation.js';
import type { BdwParams } from './likelihood.js';

/**
 * A customer with θ survives period t with probability (1-θ)^(t^c - (t-1)^c); having renewed
 * n times, θ ~ Beta(α, β + n^c). With each period's retention q_t raised to
 * min(1, (1 + lift) q_t): E_θ Σ_{j>=0} Π_{t=n+1}^{n+j} q'_t / (1+d)^j, d > 0 (the series
 * summed until its terms fall below 1e-13 of the sum, at most 100,000 periods).
 */
export function liftedLifetime(p: BdwParams, d: number, n: number, lift: number): number {
  const discount = 1 / (1 + d);
  return betaExpectationAny(
    p.alpha,
    p.beta + n ** p.c,
    (theta, keep) => {
      const logKeep = Math.log(keep);
      let sum = 1;
      let term = 1;
      for (let t = n + 1; t < n + 100_000; t++) {
        const q = Math.min(1, (1 + lift) * Math.exp(logKeep * (t ** p.c - (t - 1) ** p.c)));
        term *= q * discount;
        sum += term;
        if (term < 1e-13 * sum) break;
      }
      return sum;
    },
    1 / 256,
  );
}
