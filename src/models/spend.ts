import type { SummaryInput } from '../summary/readSummary.js';
import { checkModel } from './fit.js';
import { conditionalSpend } from './gammaGamma.js';
import { customersOf, PARAM_NAMES } from './predictions.js';
import type { GammaGammaModel } from './types.js';

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
export function conditionalExpectedSpend(model: GammaGammaModel, customers: SummaryInput): Float64Array {
  const fn = 'conditionalExpectedSpend';
  const { p } = checkModel(fn, model, ['gamma-gamma'], PARAM_NAMES);
  const c = customersOf(fn, customers, true);
  const out = new Float64Array(c.n);
  const g = { p: p.p as number, q: p.q as number, v: p.v as number };
  for (let i = 0; i < c.n; i++) out[i] = conditionalSpend(g, c.frequency[i] as number, (c.monetaryValue as Float64Array)[i] as number);
  return out;
}
