/**
 * The beta-discrete-Weibull DERL with every customer's retention raised by a share `lift`.
 * @internal
 */
import { betaExpectationAny } from '../../math/betaExpectation.js';
import type { BdwParams } from './likelihood.js';

/**
 * A customer with θ survives period t with probability (1-θ)^(t^c - (t-1)^c); having renewed
 * n times, θ ~ Beta(α, β + n^c). With each period's retention q_t raised to
 * min(1, (1 + lift) q_t): E_θ Σ_{j>=0} Π_{t=n+1}^{n+j} q'_t / (1+d)^j, d > 0. The series is
 * summed until its terms fall below 1e-13 of the sum; once q'_t reaches 1 with c <= 1
 * (retention then only rises) the rest is geometric and added in closed form; at most
 * 45 / ln(1+d) periods (where the discount alone is below e^-45), and 100,000.
 */
export function liftedLifetime(p: BdwParams, d: number, n: number, lift: number): number {
  const discount = 1 / (1 + d);
  const periods = Math.min(100_000, Math.ceil(45 / Math.log1p(d)) + 1);
  const b = p.beta + n ** p.c;
  // survivors of n^c = ∞ churn opportunities have θ = 0: they stay for ever, whatever the lift
  if (!Number.isFinite(b)) return (1 + d) / d;
  return betaExpectationAny(
    p.alpha,
    b,
    (theta, keep) => {
      const logKeep = Math.log(keep);
      let sum = 1;
      let term = 1;
      for (let t = n + 1; t <= n + periods; t++) {
        // t^c - (t-1)^c overflows for huge c: the period's retention is then 0
        const steps = t ** p.c - (t - 1) ** p.c;
        const q = Number.isFinite(steps) ? Math.min(1, (1 + lift) * Math.exp(logKeep * steps)) : 0;
        if (q === 1 && p.c <= 1) return sum + (term * discount) / (1 - discount);
        term *= q * discount;
        sum += term;
        if (term < 1e-13 * sum) break;
      }
      return sum;
    },
    1 / 128,
  );
}
