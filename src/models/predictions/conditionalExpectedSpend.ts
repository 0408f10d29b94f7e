import type { SummaryInput } from '../../summary/readSummary.js';
import { spendModelOf } from '../registry.js';
import type { SpendModelSpec } from '../spec.js';
import type { SpendModel } from '../types.js';
import { customersOf } from './shared.js';

/**
 * Expected mean value of a customer's future transactions under the Gamma-Gamma model,
 * given x repeat transactions with mean value m (Fader, Hardie & Lee 2005b, eq. 5):
 *
 * E[M | p, q, v, m, x] = p (v + x m) / (p x + q - 1)
 *   = (q - 1)/(p x + q - 1) · p v/(q - 1) + p x/(p x + q - 1) · m,
 *
 * a weighted mean of the population mean and the customer's own mean. Customers with
 * frequency 0 get the population mean p v / (q - 1) (Infinity when q <= 1).
 *
 * @example
 * ```ts
 * conditionalExpectedSpend(spendModel, [{ frequency: 2, recency: 30, T: 39, monetaryValue: 22.35 }]);
 * ```
 */
export function conditionalExpectedSpend(model: SpendModel, customers: SummaryInput): Float64Array {
  const fn = 'conditionalExpectedSpend';
  const { spec, p } = spendModelOf(fn, model);
  const c = customersOf(fn, customers, true);
  return spendMany(spec, p, c.frequency, c.monetaryValue as Float64Array);
}

/** Conditional expected spend per customer, without validation. @internal */
export function spendMany(spec: SpendModelSpec<Record<string, number>>, p: Record<string, number>, X: ArrayLike<number>, M: ArrayLike<number>): Float64Array {
  const out = new Float64Array(X.length);
  for (let i = 0; i < out.length; i++) out[i] = spec.conditionalSpend(p, X[i] as number, M[i] as number);
  return out;
}
