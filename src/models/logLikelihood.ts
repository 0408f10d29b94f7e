import { CustomerValueError } from '../errors.js';
import { readSummary, type SummaryInput } from '../summary/readSummary.js';
import { historyData } from './data.js';
import { checkModel, kindsOf, registry } from './registry.js';
import type { PurchaseModelSpec, SpendModelSpec } from './spec.js';
import type { FitOptions, Model } from './types.js';
import { covariateLogLikelihood } from './covariates/logLikelihood.js';
import { perCustomerModel, type PredictionCovariates } from './covariates/resolve.js';
import { refuseVariants } from './covariates/design.js';

/** Options of {@link logLikelihood}. */
export interface LogLikelihoodOptions extends Pick<FitOptions, 'weights' | 'fields'> {
  /** One value per summary row (unweighted) instead of the weighted total. Default false. */
  perCustomer?: boolean | undefined;
  /** For a purchase model fitted with covariates: the customers' covariates, `{ data, customerId? }`, joined by customerId. */
  covariates?: PredictionCovariates | undefined;
}

/**
 * The log-likelihood of a purchase or spend model at its parameters on a summary: the
 * quantity every fitter maximizes (the same function, without any penalty), so a fit's
 * `logLikelihood` equals `logLikelihood(fit, summary)`. Weighted by `count` or `weights`
 * like the fitters; for a spend model, over the repeat customers. With `perCustomer: true`,
 * one value per row in input order (a spend model gives 0 to rows without repeat purchases).
 *
 * Cost: one pass over the rows (`perCustomer`: one likelihood evaluation per row). For a
 * purchase model fitted with covariates, `covariates` gives the customers' covariates and
 * each customer's likelihood is taken at their scaled parameters.
 *
 * @example
 * ```ts
 * logLikelihood({ kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, cdnowSummary); // ≈ -9582.4
 * ```
 */
export function logLikelihood(model: Model, summary: SummaryInput, options: LogLikelihoodOptions = {}): number | Float64Array {
  const fn = 'logLikelihood';
  if (typeof options !== 'object' || options === null) {
    throw new CustomerValueError('invalid_options', `${fn}: options must be an object, got ${String(options)}`, [{ code: 'invalid_option', path: ['options'], message: 'options must be an object', value: options }]);
  }
  const { kind, p } = checkModel(fn, model, [...kindsOf('purchase'), ...kindsOf('spend')]);
  if (registry[kind].role === 'purchase' && perCustomerModel(model, options.covariates)) return covariateLogLikelihood(fn, model, summary, options);
  // a spend model takes no covariates
  refuseVariants(fn, model);
  const spec = registry[kind] as unknown as PurchaseModelSpec<Record<string, number>> | SpendModelSpec<Record<string, number>>;
  const spend = spec.role === 'spend';
  const needs = { needMonetary: spend, needRegularity: spec.role === 'purchase' && spec.needsRegularity?.(p) === true };
  if (!options.perCustomer) return spec.logLikelihood(p, historyData(fn, summary, { weights: options.weights, fields: options.fields }, needs));
  // per row: unweighted, every row kept (a count column is not applied), read once
  const s = readSummary(summary, fn, { fields: options.fields, ...needs });
  const f64 = (c: ArrayLike<number>): Float64Array => (c instanceof Float64Array ? c : Float64Array.from(c));
  const data = { x: f64(s.frequency), tx: f64(s.recency), T: f64(s.T), m: s.monetaryValue, litt: needs.needRegularity ? s.logIntervalSum : undefined };
  const out = new Float64Array(data.x.length);
  const one = (c: Float64Array | undefined, i: number): Float64Array | undefined => c?.subarray(i, i + 1);
  for (let i = 0; i < out.length; i++) {
    if (spend && !((data.x[i] as number) > 0)) continue;
    const row = { x: one(data.x, i)!, tx: one(data.tx, i)!, T: one(data.T, i)!, w: Float64Array.of(1), n: 1, m: one(data.m, i), unit: undefined, litt: one(data.litt, i) };
    out[i] = spec.logLikelihood(p, row);
  }
  return out;
}
