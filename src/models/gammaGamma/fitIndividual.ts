import * as z from 'zod/mini';
import { dateOption, fieldsOption, parseOptions, wholeOption } from '../../data/options.js';
import type { TransactionInput } from '../../data/types.js';
import { finalizeWithSource } from '../../summary/finalizeSummary.js';
import { summarizePartial } from '../../summary/summarizePartial.js';
import { digamma, logGamma } from '../../math/special.js';
import { requireRows } from '../data.js';
import { fitLikelihood } from '../fit.js';
import type { FittedModel } from '../types.js';

/** Options of {@link fitGammaGammaIndividual}. */
export interface FitGammaGammaIndividualOptions {
  /** Last day of the data used (inclusive). Default: the last transaction. */
  observationEnd?: Date | string | number | undefined;
  /** Also use each customer's first purchase (default false: the repeat purchases, as `monetaryValue` of a summary). */
  includeFirst?: boolean | undefined;
  /** Field names of the transactions. */
  fields?: { readonly [field: string]: string } | undefined;
  maxIterations?: number | undefined;
}

/** Per customer: the number of purchase values, their sum and the sum of their logs. */
interface IndividualSpend {
  x: Float64Array;
  sum: Float64Array;
  sumLog: Float64Array;
}

const schema = z.looseObject({ observationEnd: z.optional(dateOption), includeFirst: z.optional(z.boolean({ error: 'must be true or false' })), fields: z.optional(fieldsOption), maxIterations: z.optional(wholeOption(0, 100_000)) });

/**
 * Log-likelihood of individual values, z_ij ~ Gamma(p, ν_i), ν_i ~ Gamma(q, v), ν integrated out:
 * ℓ_i = (p-1) Σ_j ln z_ij - x_i lnΓ(p) + lnΓ(p x_i + q) - lnΓ(q) + q ln v - (p x_i + q) ln(v + Σ_j z_ij),
 * with its analytic gradient.
 */
export function individualLogLik(d: IndividualSpend, theta: Float64Array, grad?: Float64Array): number {
  const p = theta[0] as number;
  const q = theta[1] as number;
  const v = theta[2] as number;
  const lgp = logGamma(p);
  const base = -logGamma(q) + q * Math.log(v);
  const psiP = grad ? digamma(p) : 0;
  const psiQ = grad ? digamma(q) : 0;
  if (grad) grad.fill(0);
  let ll = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i] as number;
    const S = d.sum[i] as number;
    const a = p * x + q;
    const lvS = Math.log(v + S);
    ll += (p - 1) * (d.sumLog[i] as number) - x * lgp + logGamma(a) + base - a * lvS;
    if (grad) {
      const psiA = digamma(a);
      grad[0] = (grad[0] as number) + (d.sumLog[i] as number) - x * psiP + x * psiA - x * lvS;
      grad[1] = (grad[1] as number) + psiA - psiQ + Math.log(v) - lvS;
      grad[2] = (grad[2] as number) + q / v - a / (v + S);
    }
  }
  return ll;
}

/**
 * Fit the Gamma-Gamma spend model on individual transaction values rather than on each
 * customer's mean (pymc-marketing's `GammaGammaModelIndividual`): each value z_ij is
 * Gamma(p, ν_i), ν_i ~ Gamma(q, v), so the likelihood (see `individualLogLik`) uses the spread
 * of a customer's own values, which the mean discards; p is then identified from within
 * customers. Values are purchase days as `summarize` makes them (same-day purchases merged,
 * returns netted) up to `observationEnd`; by default the repeat purchases only, so the
 * record predicts with `conditionalExpectedSpend(model, summary)` on the same summary (the
 * posterior E[value] = p (v + Σz)/(p x + q - 1) depends on the values through their mean
 * only). Customers with a purchase-day value <= 0 are left out and counted in
 * `excludedNonPositiveSpend`. The record is an ordinary `gamma-gamma` model; its
 * `logLikelihood` is that of the individual values (not the mean-spend likelihood that
 * `logLikelihood(model, summary)` evaluates).
 *
 * @example
 * ```ts
 * const spend = fitGammaGammaIndividual(transactions, { observationEnd: '1997-09-30' });
 * conditionalExpectedSpend(spend, summarize(transactions, { observationEnd: '1997-09-30' }));
 * ```
 * @see Fader, P. S., & Hardie, B. G. S. (2013). The Gamma-Gamma Model of Monetary Value. http://brucehardie.com/notes/025/
 */
export function fitGammaGammaIndividual(transactions: TransactionInput, options: FitGammaGammaIndividualOptions = {}): FittedModel<'gamma-gamma'> & { readonly excludedNonPositiveSpend: number } {
  const fn = 'fitGammaGammaIndividual';
  const o = parseOptions(fn, schema, options) as FitGammaGammaIndividualOptions;
  const partial = summarizePartial(transactions, { fields: o.fields, observationEnd: o.observationEnd });
  const { source, end } = finalizeWithSource(partial, undefined, undefined, undefined, fn);
  const x: number[] = [];
  const sum: number[] = [];
  const sumLog: number[] = [];
  let excluded = 0;
  for (const c of source) {
    let k = 0;
    let s = 0;
    let sl = 0;
    let positive = true;
    let seen = 0;
    for (let i = partial.dayStart[c] as number; i < (partial.dayStart[c + 1] as number); i++) {
      if ((partial.purchaseRows[i] as number) === 0 || (partial.day[i] as number) > end) continue;
      if (seen++ === 0 && !o.includeFirst) continue;
      const value = (partial.valueHi[i] as number) + (partial.valueLo[i] as number);
      if (!(value > 0)) positive = false;
      k++;
      s += value;
      sl += Math.log(value);
    }
    if (k === 0) continue;
    if (!positive) {
      excluded++;
      continue;
    }
    x.push(k);
    sum.push(s);
    sumLog.push(sl);
  }
  requireRows(fn, x.length, 'customers with purchase values', 2);
  const d: IndividualSpend = { x: Float64Array.from(x), sum: Float64Array.from(sum), sumLog: Float64Array.from(sumLog) };
  const mean = sum.reduce((a, b) => a + b, 0) / x.reduce((a, b) => a + b, 0);
  const fit = fitLikelihood({ kind: 'gamma-gamma', fn, names: ['p', 'q', 'v'], start: [1, 2, Math.max(1e-6, mean)], n: x.length, analyticGradient: true, logLik: (theta, grad) => individualLogLik(d, theta, grad) }, { maxIterations: o.maxIterations });
  return { ...fit, excludedNonPositiveSpend: excluded };
}
