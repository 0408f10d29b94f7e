import { CustomerValueError } from '../errors.js';
import type { SummaryInput } from '../summary/readSummary.js';
import { historyData, requireRows } from './data.js';
import { fitLikelihood, strideSubsample } from './fit.js';
import { logLik, spendData } from './gammaGamma.js';
import type { FitOptions, FittedModel } from './types.js';

/**
 * Fit the Gamma-Gamma model of monetary value (Fader, Hardie & Lee 2005b; Fader & Hardie
 * 2013) by maximum likelihood on the repeat customers (`frequency` > 0) of a summary, using
 * their mean repeat-transaction value `monetaryValue`.
 *
 * Each transaction's value is Gamma(p, ν) for a customer, ν ~ Gamma(q, v) across
 * customers; the likelihood of a customer's mean m of x transactions is
 *
 * f(m | p, q, v, x) = Γ(px+q) / (Γ(px) Γ(q)) · v^q m^(px-1) x^(px) / (v + x m)^(px+q),
 *
 * maximized in log space with analytic gradients. Customers with frequency 0 are skipped;
 * a repeat customer with `monetaryValue` <= 0 is an error (the model is for positive
 * spend).
 *
 * On the 946 repeat customers of the CDNOW sample it gives p = 6.25, q = 3.74, v = 15.44.
 *
 * @example
 * ```ts
 * const spend = fitGammaGamma(summarize(transactions, { unit: 'week' }));
 * conditionalExpectedSpend(spend, summary);
 * ```
 * @see Fader, P. S., Hardie, B. G. S., & Lee, K. L. (2005). RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis. Journal of Marketing Research, 42(4), 415-430.
 * @see Fader, P. S., & Hardie, B. G. S. (2013). The Gamma-Gamma Model of Monetary Value.
 * http://brucehardie.com/notes/025/
 */
export function fitGammaGamma(summary: SummaryInput, options: FitOptions = {}): FittedModel<'gamma-gamma'> {
  const fn = 'fitGammaGamma';
  const data = historyData(fn, summary, options, true);
  const m = data.m as Float64Array;
  const keep: number[] = [];
  let n = 0;
  for (let i = 0; i < data.x.length; i++) {
    if ((data.x[i] as number) > 0) {
      const mi = m[i] as number;
      if (!(mi > 0)) {
        const message = `a repeat customer's monetaryValue must be > 0, got ${mi}`;
        throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [{ code: 'invalid_monetary', path: ['customers', i, 'monetaryValue'], message, value: mi }]);
      }
      keep.push(i);
      n += data.w[i] as number;
    }
  }
  requireRows(fn, keep.length, 'repeat customers', 2);
  // grouped by frequency (stable, in order of the distinct values) so the log-gamma terms
  // are computed once per distinct x
  const groups = new Map<number, number[]>();
  for (const i of keep) {
    const xi = data.x[i] as number;
    let g = groups.get(xi);
    if (!g) groups.set(xi, (g = []));
    g.push(i);
  }
  keep.length = 0;
  for (const xi of [...groups.keys()].sort((a, b) => a - b)) for (const i of groups.get(xi) as number[]) keep.push(i);
  const x = Float64Array.from(keep, (i) => data.x[i] as number);
  const mm = Float64Array.from(keep, (i) => m[i] as number);
  const w = Float64Array.from(keep, (i) => data.w[i] as number);
  const data3 = spendData(x, mm, w);
  const idx = strideSubsample(x.length);
  const scale = idx ? x.length / idx.length : 1;
  const sub = idx
    ? spendData(
        Float64Array.from(idx, (i) => x[i] as number),
        Float64Array.from(idx, (i) => mm[i] as number),
        Float64Array.from(idx, (i) => (w[i] as number) * scale),
      )
    : undefined;
  let mean = 0;
  for (let i = 0; i < mm.length; i++) mean += (mm[i] as number) * (w[i] as number);
  mean /= n;
  return fitLikelihood(
    {
      kind: 'gamma-gamma',
      fn,
      names: ['p', 'q', 'v'],
      start: [1, 2, Math.max(1e-6, mean)],
      n,
      unit: data.unit,
      analyticGradient: true,
      logLik: (theta, grad) => logLik(data3, theta, grad),
      subsampleLogLik: sub ? (theta) => logLik(sub, theta) : undefined,
    },
    options,
  );
}
