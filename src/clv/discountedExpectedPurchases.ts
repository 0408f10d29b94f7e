import { CustomerValueError, optionError } from '../errors.js';
import { kindsOf, registry } from '../models/registry.js';
import { type PredictionCovariates, byGroup, customerGroups } from '../models/covariates/resolve.js';
import type { PurchaseModel } from '../models/types.js';
import type { SummaryInput } from '../summary/readSummary.js';

/**
 * Discounted expected residual transactions (DERT) of each customer under the Pareto/NBD
 * model, in closed form (Fader, Hardie & Lee 2005b, eq. 2): with continuous discount rate
 * δ = ln(1 + d) per model time unit,
 *
 * DERT = P(alive) · (r+x)/(α+T) · (β+T) · e^z z^(s-1) Γ(1-s, z), z = δ (β+T)
 *
 * (their Ψ(s, s; z) = e^z Γ(1-s, z)). Multiply by the expected margin per transaction for
 * the residual lifetime value. The Pareto/NBD (and the NBD, (r+x)/((α+T) δ)) have this closed form; for the other
 * models use {@link customerLifetimeValue} with a long horizon. `discountedExpectedTransactions`
 * is the same function under its first name. For a model fitted with covariates,
 * `options.covariates` gives the customers' covariates (`{ data, customerId? }`).
 *
 * @example
 * ```ts
 * discountedExpectedPurchases(paretoModel, summary, { discountRate: 0.0027 }); // weekly 15 %/year
 * ```
 * @see Fader, P. S., Hardie, B. G. S., & Lee, K. L. (2005). RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis. Journal of Marketing Research, 42(4), 415-430.
 */
export function discountedExpectedPurchases(model: PurchaseModel, customers: SummaryInput, options: { discountRate: number; covariates?: PredictionCovariates | undefined }): Float64Array {
  const fn = 'discountedExpectedPurchases';
  const covariates = options?.covariates;
  const { c, kind, spec, groups } = customerGroups(fn, model, customers, covariates);
  const closedForm = spec.discountedPurchases;
  if (!closedForm) {
    const have = kindsOf('purchase').filter((k) => registry[k].discountedPurchases !== undefined);
    const message = `a closed form exists for ${have.map((k) => `'${k}'`).join(' and ')} only, got '${kind}'; use customerLifetimeValue with a long horizon`;
    throw new CustomerValueError('invalid_model', `${fn}: ${message}`, [{ code: 'invalid_model', path: ['model', 'kind'], message, value: kind }]);
  }
  const d = options?.discountRate;
  if (typeof d !== 'number' || !(d > 0) || !Number.isFinite(d)) {
    optionError(fn, 'discountRate', 'must be a finite number > 0', d);
  }
  const delta = Math.log1p(d);
  return byGroup(c.n, groups, [c.frequency, c.recency, c.T], (p, [X, TX, TT]) => {
    const out = new Float64Array(X!.length);
    for (let i = 0; i < out.length; i++) out[i] = closedForm(p, X![i] as number, TX![i] as number, TT![i] as number, delta);
    return out;
  });
}

/** The first name of {@link discountedExpectedPurchases}, kept as an alias. */
export const discountedExpectedTransactions = discountedExpectedPurchases;
