import type { SummaryInput } from '../../summary/readSummary.js';
import { optionsObject } from '../../errors.js';
import { type PredictionCovariates, byGroup, customerGroups, perCustomerModel } from '../covariates/resolve.js';
import { purchaseModelOf } from '../registry.js';
import type { PurchaseModel } from '../types.js';
import { checkTime, conditionalMany, customersOf } from './shared.js';

/**
 * Expected number of purchases in the next t time units (BG/BB: the next t opportunities)
 * for each customer with history (frequency x, recency t_x, age T), in input order.
 *
 * - BG/NBD, FHL (2005) eq. (10):
 *   (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))] · P(alive),
 *   evaluated through Euler's transformation of 2F1 so it stays exact for any frequency;
 * - Pareto/NBD, Fader & Hardie (2005) eq. (21):
 *   (r+x)(β+T)/((α+T)(s-1)) [1 - ((β+T)/(β+T+t))^(s-1)] · P(alive);
 * - MBG/NBD: (a+b+x)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; z)] · P(alive);
 * - BG/BB, FHS (2010) eq. (13).
 *
 * Each is P(alive) times a part that depends on (x, T) only, computed once per distinct pair.
 * For a model fitted with covariates, `options.covariates` gives the customers' covariates
 * (`{ data, customerId? }`, joined by customerId); each customer's parameters are then
 * scaled by them as in the fit.
 *
 * @example
 * ```ts
 * // FHL (2005): a CDNOW customer with x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks
 * conditionalExpectedPurchases(bgnbd, [{ frequency: 2, recency: 30.43, T: 38.86 }], 39); // [1.226]
 * ```
 */
export function conditionalExpectedPurchases(model: PurchaseModel, customers: SummaryInput, t: number, options: { covariates?: PredictionCovariates | undefined } = {}): Float64Array {
  const fn = 'conditionalExpectedPurchases';
  const covariates = optionsObject(fn, options).covariates;
  if (perCustomerModel(model, covariates)) {
    const { c, ...g } = customerGroups(fn, model, customers, covariates);
    checkTime(fn, 't', t, g.spec.discrete);
    return byGroup(c.n, g.groups, [c.frequency, c.recency, c.T], (p, [X, TX, TT]) => conditionalMany(g.spec, p, X!, TX!, TT!, t));
  }
  const { spec, p } = purchaseModelOf(fn, model);
  checkTime(fn, 't', t, spec.discrete);
  const c = customersOf(fn, customers, false, spec);
  return conditionalMany(spec, p, c.frequency, c.recency, c.T, t);
}
