import { optionsObject } from '../../errors.js';
import { profileParams } from '../covariates/resolve.js';
import type { PurchaseModel } from '../types.js';
import { checkTime } from './shared.js';

/**
 * Expected number of repeat purchases in (0, t] of a new customer (one who has just made
 * the first purchase), in the model's time unit (for BG/BB, t opportunities).
 *
 * - BG/NBD, FHL (2005) eq. (9): (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))];
 * - Pareto/NBD, Fader & Hardie (2005) eq. (17): rβ/(α(s-1)) [1 - (β/(β+t))^(s-1)];
 * - MBG/NBD: b/(a-1) [1 - (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))];
 * - BG/BB, FHS (2010) eq. (7): α/(α+β) δ/(γ-1) [1 - Γ(γ+δ)Γ(1+δ+t)/(Γ(γ+δ+t)Γ(1+δ))].
 *
 * Removable singularities (a = 1, s = 1, γ = 1) are handled. For a model fitted with
 * covariates, `options.profile` gives the new customer's covariate values
 * (`{ Gender: 1, Channel: 0 }`), which scale the parameters as in the fit.
 *
 * @example
 * ```ts
 * expectedPurchases({ kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, 39); // ≈ 1.67
 * ```
 */
export function expectedPurchases(model: PurchaseModel, t: number, options: PopulationOptions = {}): number {
  const fn = 'expectedPurchases';
  const { spec, components } = profileParams(fn, model, optionsObject(fn, options).profile);
  checkTime(fn, 't', t, spec.discrete);
  // a correlated model: the prior mixture of its components (weights sum to 1)
  return components.reduce((sum, c) => sum + c.w * spec.expected(c.p, t), 0);
}

/** Options of the population-level predictions ({@link expectedPurchases}, {@link probabilityOfPurchases}). */
export interface PopulationOptions {
  /** For a model fitted with covariates: the new customer's covariate values, `{ name: number }`. */
  profile?: Readonly<Record<string, number>> | undefined;
}
