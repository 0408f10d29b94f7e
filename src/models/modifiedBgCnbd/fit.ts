import type { SummaryInput } from '../../summary/readSummary.js';
import { fitCnbdFamily, type CnbdFit, type CnbdFitOptions } from '../bgCnbd/fit.js';

/**
 * Fit the MBG/CNBD-k model of Platzer & Reutterer (2016) by maximum likelihood: MBG/NBD
 * (Batislam et al. 2007: a dropout chance also at the first purchase, so one-time buyers
 * can be dead) with Erlang-k inter-purchase times. With s = r + kx and Δ = T - t_x,
 *
 * L = e^((k-1) litt) / ((k-1)!)^x · Γ(s) α^r / (Γ(r) B(a,b))
 *     · ( B(a+1, b+x) (α+t_x)^(-s) + B(a, b+x+1) Σ_{j<k} Γ(s+j)/Γ(s) Δ^j/j! (α+T)^(-(s+j)) ),
 *
 * maximized in log space with analytic gradients; k = 1 is exactly MBG/NBD. `k` is fixed
 * when given, else chosen by likelihood over 1..12 (needs `logIntervalSum`, from
 * `summarize(tx, { regularity: true })`).
 *
 * @example
 * ```ts
 * const model = fitModifiedBgCnbd(summarize(transactions, { unit: 'week', regularity: true }));
 * model.params; // { k, r, alpha, a, b }
 * ```
 * @see Platzer, M., & Reutterer, T. (2016). Ticking Away the Moments: Timing Regularity
 * Helps to Better Predict Customer Activity. Marketing Science, 35(5), 779-799.
 */
export function fitModifiedBgCnbd(summary: SummaryInput, options: CnbdFitOptions = {}): CnbdFit<'mbg-cnbd-k'> {
  return fitCnbdFamily('fitModifiedBgCnbd', 'mbg-cnbd-k', 'mbg', summary, options);
}
