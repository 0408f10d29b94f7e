import type { SummaryInput } from '../../summary/readSummary.js';
import { compressHistories } from '../../data/histories.js';
import { historyData, requireRows, weightedMean } from '../data.js';
import { fitLikelihood } from '../fit.js';
import { logLik } from './likelihood.js';
import type { FitOptions, FittedModel } from '../types.js';

/**
 * Fit the NBD model by maximum likelihood: purchases are Poisson(λ) with no dropout,
 * λ ~ Gamma(r, α). The likelihood of x repeat purchases in (0, T] is
 *
 * L = Γ(r+x) α^r / (Γ(r) (α+T)^(r+x)),
 *
 * maximized in log space with analytic gradients on the compressed histories. The baseline
 * of every dropout model (BG/NBD and Pareto/NBD nest it as the dropout vanishes).
 *
 * @example
 * ```ts
 * const nbd = fitNbd(summarize(transactions, { unit: 'week' }));
 * nbd.params; // { r, alpha }
 * ```
 * @see Morrison, D. G., & Schmittlein, D. C. (1988). Generalizing the NBD Model for Customer
 * Purchases: What Are the Implications and Is It Worth the Effort? Journal of Business &
 * Economic Statistics, 6(2), 145-159.
 */
export function fitNbd(summary: SummaryInput, options: FitOptions = {}): FittedModel<'nbd'> {
  const fn = 'fitNbd';
  const data = compressHistories(historyData(fn, summary, options));
  requireRows(fn, data.x.length);
  const meanX = weightedMean(data.x, data.w);
  const meanT = weightedMean(data.T, data.w);
  return fitLikelihood(
    {
      kind: 'nbd',
      fn,
      names: ['r', 'alpha'],
      start: [1, Math.max(1e-3, meanT / Math.max(meanX, 0.1))],
      n: data.n,
      unit: data.unit,
      analyticGradient: true,
      logLik: (theta, grad) => logLik(data, theta, grad),
    },
    options,
  );
}
