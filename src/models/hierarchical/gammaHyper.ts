/**
 * The cohort-level update of a gamma heterogeneity distribution: θ_i ~ Gamma(shape, rate)
 * across customers, the pair (shape, rate) drawn given the individual θ_i through their
 * sufficient statistics (N, Σ θ_i, Σ ln θ_i), by slice sampling on ln shape at a fixed mean
 * shape / rate, then on ln mean at a fixed shape (the shape and the mean of a gamma are
 * orthogonal parameters, so the two moves mix well; the change of variables has Jacobian 1
 * on the log scale).
 * @internal
 */
import { logGamma } from '../../math/special.js';
import type { Random } from '../../math/random.js';
import type { LogPrior } from '../posterior/priors.js';
import { sliceStep } from './slice.js';

/** Sufficient statistics of the individual draws. */
export interface GammaStats {
  n: number;
  sum: number;
  sumLog: number;
}

/** Update [shape, rate] in place given the statistics and the priors of ln shape and ln rate. */
export function updateGammaPair(pair: Float64Array, stats: GammaStats, priorShape: LogPrior, priorRate: LogPrior, rng: Random): void {
  const { n, sum, sumLog } = stats;
  const logLik = (shape: number, rate: number): number => n * (shape * Math.log(rate) - logGamma(shape)) + (shape - 1) * sumLog - rate * sum;
  updateGammaPairCollapsed(pair, logLik, priorShape, priorRate, rng);
}

/**
 * Update [shape, rate] in place from a collapsed target: `logLik(shape, rate)` is the log
 * likelihood with the individual θ_i integrated out (so the pair moves without being tied
 * to the current θ_i, which mix slowly when each customer's data say little), by the same
 * two slice moves on (ln shape, ln mean).
 */
export function updateGammaPairCollapsed(pair: Float64Array, logLik: (shape: number, rate: number) => number, priorShape: LogPrior, priorRate: LogPrior, rng: Random): void {
  const target = (ls: number, lr: number): number => (Math.abs(ls) <= 50 && Math.abs(lr) <= 50 ? logLik(Math.exp(ls), Math.exp(lr)) + priorShape(ls) + priorRate(lr) : -Infinity);
  let ls = Math.log(pair[0] as number);
  let lm = ls - Math.log(pair[1] as number);
  const byShape = (v: number): number => target(v, v - lm);
  ls = sliceStep(ls, byShape(ls), byShape, 0, 0.5, rng);
  const byMean = (v: number): number => target(ls, ls - v);
  lm = sliceStep(lm, byMean(lm), byMean, 0, 0.5, rng);
  pair[0] = Math.exp(ls);
  pair[1] = Math.exp(ls - lm);
}
