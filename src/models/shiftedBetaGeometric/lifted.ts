/**
 * The discounted expected residual lifetime when every customer's retention probability is
 * raised by a share `lift` (capped at 1): the quantity behind the retention elasticity.
 * @internal
 */
import { betaExpectationAny } from '../../math/betaExpectation.js';
import type { SbgParams } from './likelihood.js';

/**
 * E over θ ~ Beta(α, β + n) (the churn probabilities of those who renewed n times) of
 * Σ_{t>=0} q'^t / (1+d)^t = (1+d) / (1+d-q'), q' = min(1, (1 + lift)(1 - θ)), d > 0.
 */
export function liftedLifetime(p: SbgParams, d: number, n: number, lift: number): number {
  return betaExpectationAny(p.alpha, p.beta + n, (theta, keep) => (1 + d) / (1 + d - Math.min(1, (1 + lift) * keep)), 1 / 128);
}
