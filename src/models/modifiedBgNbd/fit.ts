import type { SummaryInput } from '../../summary/readSummary.js';
import { fitBgFamily } from '../bgNbd/fit.js';
import type { FitOptions, FittedModel } from '../types.js';

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
  return fitBgFamily('fitModifiedBgNbd', 'mbg-nbd', summary, options);
}
