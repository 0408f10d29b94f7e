import { CustomerValueError, optionError, optionsObject } from '../../errors.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import { type PredictionCovariates, byGroup, customerGroups } from '../covariates/resolve.js';
import { kindsOf, registry } from '../registry.js';
import type { PurchaseModel } from '../types.js';
import { checkTime } from './shared.js';

/**
 * The probability that each customer makes exactly n purchases in the next t, given their
 * history (x, t_x, T): P(Y(t) = n | x, t_x, T) = P(alive) · P_new(n; t | θ') + [n = 0] ·
 * (1 - P(alive)), where θ' are the parameters of the rates given alive at T, so the future
 * of a customer alive at T is that of a new customer at θ' (derived here from the
 * posterior of the rates; each model's new-customer pmf is its paper's):
 *
 * - Pareto/NBD: Pareto/NBD's pmf at (r+x, α+T, s, β+T);
 * - BG/NBD: BG/NBD's pmf at (r+x, α+T, a, b+x); MBG/NBD the same with b+x+1 (its dropout at
 *   time 0 survived too; later dropouts follow purchases as in BG/NBD);
 * - NBD: NBD's pmf at (r+x, α+T);
 * - Gamma-Gompertz/NBD: its pmf at (r+x, α+T, b, s, β e^(-bT) + 1 - e^(-bT)) (the Gompertz
 *   lifetime from T on, η e^(bT) ~ Gamma(s, β + e^(bT) - 1) scaled).
 *
 * Over n these sum to 1, with mean {@link conditionalExpectedPurchases}. For a model with
 * covariates, `options.covariates` gives the customers' covariates; for correlated rates
 * the posterior mixture of the components. BG/BB and the CNBD-k models have no such form
 * here yet and are refused.
 *
 * @example
 * ```ts
 * conditionalProbabilityOfPurchases(bgnbd, summary, 0, 39); // P(no purchase in the next 39 weeks), per customer
 * ```
 * @see Fader, P. S., Hardie, B. G. S., & Lee, K. L. (2005). "Counting Your Customers" the Easy Way: An Alternative to the Pareto/NBD Model. Marketing Science, 24(2), 275-284.
 */
export function conditionalProbabilityOfPurchases(model: PurchaseModel, customers: SummaryInput, n: number, t: number, options: { covariates?: PredictionCovariates | undefined } = {}): Float64Array {
  const fn = 'conditionalProbabilityOfPurchases';
  const covariates = optionsObject(fn, options).covariates;
  const { c, kind, spec, groups } = customerGroups(fn, model, customers, covariates);
  const cond = spec.conditionalPmf;
  if (!cond) {
    const have = kindsOf('purchase').filter((k) => registry[k].role === 'purchase' && (registry[k] as { conditionalPmf?: unknown }).conditionalPmf !== undefined);
    const message = `is available for ${have.map((k) => `'${k}'`).join(', ')}; not yet for '${kind}'`;
    throw new CustomerValueError('invalid_model', `${fn} ${message}`, [{ code: 'invalid_model', path: ['model', 'kind'], message, value: kind }]);
  }
  checkTime(fn, 't', t, spec.discrete);
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) optionError(fn, 'n', 'must be a whole number from 0 to 2^53 - 1', n);
  return byGroup(c.n, groups, [c.frequency, c.recency, c.T], (p, [X, TX, TT]) => {
    const out = new Float64Array(X!.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, cond(p, n, X![i] as number, TX![i] as number, TT![i] as number, t)));
    return out;
  });
}
