import { optionError, optionsObject } from '../../errors.js';
import { profileParams } from '../covariates/resolve.js';
import type { PopulationOptions } from './expectedPurchases.js';
import type { PurchaseModel } from '../types.js';
import { checkTime } from './shared.js';

/**
 * Probability that a new customer makes exactly n repeat purchases in (0, t].
 *
 * - BG/NBD, FHL (2005) eq. (8); MBG/NBD the same with the extra dropout at time 0;
 * - Pareto/NBD: (β/(β+t))^s NBD(n; t) + ∫_0^t sβ^s/(β+τ)^(s+1) NBD(n; τ) dτ (integrated
 *   adaptively to 1e-12), NBD(n; τ) = Γ(r+n)/(Γ(r) n!) (α/(α+τ))^r (τ/(α+τ))^n;
 * - BG/BB, FHS (2010) eq. (8), t opportunities.
 *
 * For a model fitted with covariates, `options.profile` gives the customer's covariate values.
 *
 * @example
 * ```ts
 * probabilityOfPurchases(model, 0, 39); // share of new customers with no repeat purchase in 39 weeks
 * ```
 */
export function probabilityOfPurchases(model: PurchaseModel, n: number, t: number, options: PopulationOptions = {}): number {
  const fn = 'probabilityOfPurchases';
  const { spec, components } = profileParams(fn, model, optionsObject(fn, options).profile);
  checkTime(fn, 't', t, spec.discrete);
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    optionError(fn, 'n', 'must be a whole number from 0 to 2^53 - 1', n);
  }
  // a correlated model: the prior mixture of its components, clamped at 0 against rounding
  return Math.max(0, components.reduce((sum, c) => sum + c.w * spec.pmf(c.p, n, t), 0));
}
