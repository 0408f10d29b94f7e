import * as z from 'zod/mini';
import { compressHistories, type HistoryData } from '../../data/histories.js';
import { parseOptions, wholeOption } from '../../data/options.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import { historyData, requireRows, weightedMean } from '../data.js';
import { fitLikelihood } from '../fit.js';
import type { FitOptions, FittedModel } from '../types.js';
import { logLik, prepare, timingConstant, type CnbdParams, type CnbdVariant } from './likelihood.js';

/** The greatest Erlang order k a model record may have (the predictions sum over k phases). */
export const MAX_K = 50;
/** The orders tried when k is chosen by likelihood. */
export const K_GRID = 12;

/** Options of {@link fitBgCnbd} and {@link fitModifiedBgCnbd}. */
export interface CnbdFitOptions extends FitOptions {
  /**
   * The Erlang order of the inter-purchase times (1 = Poisson purchases, as BG/NBD; larger =
   * more regular). Default: chosen by likelihood over 1..12 (stopping once it has fallen at
   * two k in a row), which needs the summary's
   * `logIntervalSum` column (so does any fixed k > 1).
   */
  k?: number | undefined;
}

/** A fitted (M)BG/CNBD-k model: `params.k` is held fixed, so its standard error is 0. */
export type CnbdFit<K extends 'bg-cnbd-k' | 'mbg-cnbd-k'> = FittedModel<K> & {
  /** When k was chosen: the log-likelihood at each k tried, in order (NaN where that fit failed). */
  readonly kLogLikelihoods?: ReadonlyArray<{ readonly k: number; readonly logLikelihood: number }>;
};

const kSchema = z.looseObject({ k: z.optional(wholeOption(1, MAX_K)) });

/** Fit one k: the four continuous parameters, then k and the timing constant added to the record. */
function fitAtK<K extends 'bg-cnbd-k' | 'mbg-cnbd-k'>(fn: string, kind: K, variant: CnbdVariant, data: HistoryData, k: number, start: number[], options: FitOptions, maximumOnly = false): FittedModel<K> {
  const prep = prepare(data, k, variant);
  const fit = fitLikelihood(
    {
      kind,
      fn,
      names: ['r', 'alpha', 'a', 'b'],
      start,
      n: data.n,
      unit: data.unit,
      analyticGradient: true,
      logLik: (theta, grad) => logLik(prep, theta, grad),
      maximumOnly,
    },
    options,
  );
  const ll = fit.logLikelihood + timingConstant(data, k, fn);
  const cov = fit.covariance;
  return {
    ...fit,
    // k first, as in the kind's `params` order (the covariance's row order)
    params: { k, ...(fit.params as Omit<CnbdParams, 'k'>) },
    standardErrors: { k: 0, ...(fit.standardErrors as Omit<CnbdParams, 'k'>) } as FittedModel<K>['standardErrors'],
    covariance: [[0, 0, 0, 0, 0], ...cov.map((row) => [0, ...row])],
    logLikelihood: ll,
    aic: fit.aic - 2 * (ll - fit.logLikelihood),
    bic: fit.bic - 2 * (ll - fit.logLikelihood),
  };
}

/**
 * BG/CNBD-k and MBG/CNBD-k share everything but the dropout at time 0: read the histories
 * (with logIntervalSum when k is chosen or > 1), compress them, fit at the given k or at
 * each k in 1..12 (each fit starting from the previous one's estimate) and keep the best.
 * A chosen k counts as a fifth parameter in AIC and BIC.
 * @internal
 */
export function fitCnbdFamily<K extends 'bg-cnbd-k' | 'mbg-cnbd-k'>(fn: string, kind: K, variant: CnbdVariant, summary: SummaryInput, options: CnbdFitOptions): CnbdFit<K> {
  const { k } = parseOptions(fn, kSchema, options);
  const data = compressHistories(historyData(fn, summary, options, { needRegularity: k !== 1 }));
  requireRows(fn, data.x.length);
  const meanX = weightedMean(data.x, data.w);
  const meanT = weightedMean(data.T, data.w);
  const startAt = (kk: number): number[] => [1, Math.max(1e-3, meanT / (kk * Math.max(meanX, 0.1))), 1, 1];
  if (k !== undefined) return fitAtK(fn, kind, variant, data, k, startAt(k), options);
  // the profile over k: maxima only, stopping once the likelihood has fallen at two k in a
  // row past the best (as BTYDplus, the profile is unimodal in every case we have seen)
  let best: FittedModel<K> | undefined;
  let firstError: unknown;
  const profile: Array<{ k: number; logLikelihood: number }> = [];
  let start = startAt(1);
  let falls = 0;
  for (let kk = 1; kk <= K_GRID && falls < 2; kk++) {
    try {
      const fit = fitAtK(fn, kind, variant, data, kk, start, options, true);
      profile.push({ k: kk, logLikelihood: fit.logLikelihood });
      const p = fit.params as unknown as Record<string, number>;
      if (!best || fit.logLikelihood > best.logLikelihood) {
        best = fit;
        falls = 0;
      } else falls++;
      // the next order: about the same purchase rate r/α per purchase, so α scales with 1/k
      start = [p.r as number, ((p.alpha as number) * kk) / (kk + 1), p.a as number, p.b as number];
    } catch (error) {
      firstError ??= error;
      profile.push({ k: kk, logLikelihood: Number.NaN });
      start = startAt(kk + 1);
    }
  }
  if (!best) throw firstError;
  // the chosen k in full (standard errors, identification), from its maximum
  const k0 = (best.params as unknown as Record<string, number>).k as number;
  const p0 = best.params as unknown as Record<string, number>;
  const full = fitAtK(fn, kind, variant, data, k0, [p0.r as number, p0.alpha as number, p0.a as number, p0.b as number], options);
  return { ...full, aic: full.aic + 2, bic: full.bic + Math.log(Math.max(full.n, 1)), kLogLikelihoods: profile };
}

/**
 * Fit the BG/CNBD-k model of Platzer & Reutterer (2016) by maximum likelihood: BG/NBD with
 * Erlang-k inter-purchase times, so regular buyers (k > 1) are told apart from lapsed ones
 * by how overdue their next purchase is. Individual inter-purchase times are Erlang(k, λ);
 * after each purchase the customer drops out with probability p; λ ~ Gamma(r, α),
 * p ~ Beta(a, b). With s = r + kx and Δ = T - t_x the likelihood is
 *
 * L = e^((k-1) litt) / ((k-1)!)^x · Γ(s) α^r / (Γ(r) B(a,b))
 *     · ( [x > 0] B(a+1, b+x-1) (α+t_x)^(-s) + B(a, b+x) Σ_{j<k} Γ(s+j)/Γ(s) Δ^j/j! (α+T)^(-(s+j)) ),
 *
 * litt = Σ ln(inter-purchase times) (`logIntervalSum`, from `summarize(tx, { regularity: true })`).
 * It is maximized in log space with analytic gradients; k = 1 is exactly BG/NBD (FHL 2005
 * eq. 6). `k` is fixed when given, else chosen by likelihood over 1..12
 * (`kLogLikelihoods` lists each k tried: the scan stops once the likelihood has fallen at two
k in a row past the best, as BTYDplus stops its grid early).
 *
 * @example
 * ```ts
 * const summary = summarize(transactions, { unit: 'week', regularity: true });
 * const model = fitBgCnbd(summary); // k chosen by likelihood
 * const fixed = fitBgCnbd(summary, { k: 2 });
 * ```
 * @see Platzer, M., & Reutterer, T. (2016). Ticking Away the Moments: Timing Regularity
 * Helps to Better Predict Customer Activity. Marketing Science, 35(5), 779-799.
 * @see Reutterer, T., Platzer, M., & Schröder, N. (2021). Leveraging purchase regularity for
 * predicting customer behavior the easy way. International Journal of Research in
 * Marketing, 38(1), 194-215.
 */
export function fitBgCnbd(summary: SummaryInput, options: CnbdFitOptions = {}): CnbdFit<'bg-cnbd-k'> {
  return fitCnbdFamily('fitBgCnbd', 'bg-cnbd-k', 'bg', summary, options);
}
