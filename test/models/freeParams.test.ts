import { describe, expect, it } from 'vitest';
import { fitLikelihood } from '../../src/models/fit.js';

/** y_1..y_n: a fixed sample (mean near -3.2), so the normal MLE is known in closed form. */
const y = Float64Array.from({ length: 400 }, (_, i) => -3.2 + 1.7 * Math.sin(i * 1.37) + 0.4 * Math.cos(i * 0.11));
const n = y.length;

/** Normal log-likelihood in (μ free, σ > 0), σ first as the harness wants positive parameters first. */
function normalFit(l2 = 0, analytic = true) {
  return fitLikelihood(
    {
      kind: 'nbd',
      fn: 'normalFit',
      names: ['sigma', 'mu'] as never,
      start: [1, 0],
      n,
      analyticGradient: analytic,
      freeFrom: 1,
      logLik: (theta, grad) => {
        const sigma = theta[0]!;
        const mu = theta[1]!;
        let ss = 0;
        let s1 = 0;
        for (const v of y) {
          ss += (v - mu) ** 2;
          s1 += v - mu;
        }
        if (grad) {
          grad[0] = -n / sigma + ss / sigma ** 3;
          grad[1] = s1 / sigma ** 2;
        }
        return -n * Math.log(sigma) - ss / (2 * sigma ** 2);
      },
    },
    { l2 },
  );
}

describe('fit harness: free (any-sign) parameters beside log-space ones', () => {
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(y.reduce((s, v) => s + (v - mean) ** 2, 0) / n);

  it('finds the normal MLE (a negative mean) with standard errors σ/√n and σ/√(2n), analytic or numeric gradients', () => {
    for (const analytic of [true, false]) {
      const fit = normalFit(0, analytic);
      const p = fit.params as unknown as { mu: number; sigma: number };
      const se = fit.standardErrors as unknown as { mu: number; sigma: number };
      expect(p.mu).toBeCloseTo(mean, 7);
      expect(p.sigma).toBeCloseTo(sd, 7);
      expect(se.mu / (sd / Math.sqrt(n))).toBeCloseTo(1, 5);
      expect(se.sigma / (sd / Math.sqrt(2 * n))).toBeCloseTo(1, 5);
      expect(Math.abs(fit.covariance[0]![1]!)).toBeLessThan(1e-8);
      expect(fit.converged).toBe(true);
    }
  });

  it('penalizes only the free parameters: LL - l2 μ², solved here by fixed-point iteration', () => {
    const l2 = 50;
    const fit = normalFit(l2);
    let mu = mean;
    for (let it = 0; it < 200; it++) {
      const s2 = y.reduce((s, v) => s + (v - mu) ** 2, 0) / n;
      mu = (n * mean) / s2 / (n / s2 + 2 * l2);
    }
    expect((fit.params as unknown as { mu: number }).mu).toBeCloseTo(mu, 6);
    expect(Math.abs(mu)).toBeLessThan(Math.abs(mean));
  });
});
