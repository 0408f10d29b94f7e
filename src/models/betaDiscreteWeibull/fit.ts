import { fitLikelihood } from '../fit.js';
import { readCohort, type RetentionInput } from '../shiftedBetaGeometric/fit.js';
import type { FitOptions, FittedModel } from '../types.js';
import { logChurnAt, logSurvival } from './likelihood.js';

/**
 * Fit the beta-discrete-Weibull model of contractual retention (Fader, Hardie, Liu, Davin &
 * Steenburgh 2018) by maximum likelihood, from the same inputs as
 * {@link fitShiftedBetaGeometric}: P(T > t | θ) = (1-θ)^(t^c), θ ~ Beta(α, β), so
 * S(t) = B(α, β + t^c)/B(α, β) and P(T = t) = S(t-1) - S(t); the log-likelihood is
 * Σ_t (n_{t-1} - n_t) ln P(T = t) + n_k ln S(k). It nests the sBG at c = 1, so
 * `likelihoodRatioTest(sbg, bdw)` (df 1) asks whether individual churn changes with tenure
 * (c < 1: falls, as for most subscriptions). Starts at the sBG fit with c = 1.
 *
 * @example
 * ```ts
 * const model = fitBetaDiscreteWeibull([1000, 869, 743, 653, 593, 551, 517, 491]);
 * model.params; // { alpha, beta, c }
 * ```
 * @see Fader, P. S., Hardie, B. G. S., Liu, Y., Davin, J., & Steenburgh, T. (2018). "How to
 * Project Customer Retention" Revisited: The Role of Duration Dependence. Journal of
 * Interactive Marketing, 43, 1-16.
 */
export function fitBetaDiscreteWeibull(cohort: RetentionInput, options: Omit<FitOptions, 'weights' | 'fields'> = {}): FittedModel<'bdw'> {
  const fn = 'fitBetaDiscreteWeibull';
  const { churnEntries, censEntries, n } = readCohort(fn, cohort);
  return fitLikelihood(
    {
      kind: 'bdw',
      fn,
      names: ['alpha', 'beta', 'c'],
      start: [1, 1, 1],
      n,
      analyticGradient: false,
      logLik: (theta) => {
        const p = { alpha: theta[0] as number, beta: theta[1] as number, c: theta[2] as number };
        let ll = 0;
        for (const [t, k] of churnEntries) ll += k * logChurnAt(p, t);
        for (const [t, k] of censEntries) ll += k * logSurvival(p, t);
        return ll;
      },
    },
    options,
  );
}
