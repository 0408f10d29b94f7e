import type { SummaryInput } from '../summary/readSummary.js';
import { logLik, prepare } from './bgNbd.js';
import { historyData, requireRows, subsetHistory } from './data.js';
import { fitLikelihood, strideSubsample } from './fit.js';
import { weightedMean } from './fitBgNbd.js';
import type { FitOptions, FittedModel } from './types.js';

/**
 * Fit the MBG/NBD model of Batislam, Denizel & Filiztekin (2007) by maximum likelihood.
 *
 * As BG/NBD, but a customer may also drop out right after the first purchase (at time 0),
 * so one-time buyers can be dead. The likelihood is
 *
 * L = B(a, b+x+1)/B(a,b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *   + B(a+1, b+x)/B(a,b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)),
 *
 * maximized in log space with analytic gradients.
 *
 * @example
 * ```ts
 * const model = fitModifiedBgNbd(summarize(transactions, { unit: 'week' }));
 * ```
 * @see Batislam, E. P., Denizel, M., & Filiztekin, A. (2007). Empirical validation and
 * comparison of models for customer base analysis. International Journal of Research in
 * Marketing, 24(3), 201-209.
 */
export function fitModifiedBgNbd(summary: SummaryInput, options: FitOptions = {}): FittedModel<'mbg-nbd'> {
  const fn = 'fitModifiedBgNbd';
  const data = historyData(fn, summary, options);
  requireRows(fn, data.x.length);
  const prep = prepare(data);
  const idx = strideSubsample(data.x.length);
  const subPrep = idx ? prepare(subsetHistory(data, idx)) : undefined;
  const meanX = weightedMean(data.x, data.w);
  const meanT = weightedMean(data.T, data.w);
  return fitLikelihood(
    {
      kind: 'mbg-nbd',
      fn,
      names: ['r', 'alpha', 'a', 'b'],
      start: [1, Math.max(1e-3, meanT / Math.max(meanX, 0.1)), 1, 1],
      n: data.n,
      unit: data.unit,
      analyticGradient: true,
      logLik: (theta, grad) => logLik(prep, theta, grad, 'mbg'),
      subsampleLogLik: subPrep ? (theta) => logLik(subPrep, theta, undefined, 'mbg') : undefined,
    },
    options,
  );
}
