import { gammaGompertzNbdFitSpec } from './fitSpec.js';
import { compressHistories } from '../../data/histories.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import { historyData, requireRows, weightedMean } from '../data.js';
import { fitLikelihood } from '../fit.js';
import { logLik as paretoLogLik } from '../paretoNbd/likelihood.js';
import type { FitOptions, FittedModel } from '../types.js';
import type { HistoryData } from '../../data/histories.js';
import { CustomerValueError } from '../../errors.js';
import { logLik } from './likelihood.js';
import { fitWithCovariates } from '../covariates/fit.js';
import { fitParetoNbd } from '../paretoNbd/fit.js';

/**
 * Fit the Gamma-Gompertz/NBD model of Bemmaor & Glady (2012) by maximum likelihood. While
 * alive a customer buys at Poisson rate λ ~ Gamma(r, α); lifetimes have the Gompertz hazard
 * η b e^(bτ), η ~ Gamma(s, β), so S(τ) = (β/(β + e^(bτ) - 1))^s and the likelihood (eq. 6) is
 *
 * L = Γ(r+x) α^r / Γ(r) · [ S(T) / (α+T)^(r+x) + ∫_{t_x}^T f(τ) / (α+τ)^(r+x) dτ ],
 *
 * f = -S' the lifetime density. The integral is evaluated after a change of variable that
 * takes the factor (α+τ)^(-(r+x)) out exactly, leaving a smooth integrand for adaptive
 * Gauss-Legendre (1e-10), so it stays accurate for any frequency. Parameters in CLVTools'
 * parameterization; gradients by central differences. b -> 0 with β/b fixed is Pareto/NBD
 * (s, β/b): the fit starts from the Pareto/NBD optimum mapped there, so it reaches at least
 * the Pareto/NBD likelihood. Where the likelihood rises all the way to b = 0 (CDNOW, as in
 * CLVTools' and the paper's fits, whose b is 1e-6 and 2e-4 with LL -9594.98 against
 * Pareto/NBD's -9594.97) the record is that limit: b with e^(bT) - 1 = bT to 1e-10,
 * β = b · β_Pareto, `converged: false` and a warning that only β/b is identified.
 *
 * @example
 * ```ts
 * const model = fitGammaGompertzNbd(summarize(transactions, { unit: 'week' }));
 * model.params; // { r, alpha, b, s, beta }
 * ```
 * @see Bemmaor, A. C., & Glady, N. (2012). Modeling Purchasing Behavior with Sudden "Death":
 * A Flexible Customer Lifetime Model. Management Science, 58(5), 1012-1021.
 */
export function fitGammaGompertzNbd(summary: SummaryInput, options: FitOptions = {}): FittedModel<'ggom-nbd'> {
  const fn = 'fitGammaGompertzNbd';
  if (options?.covariates !== undefined) return fitCovariates(fn, summary, options);
  const data = compressHistories(historyData(fn, summary, options));
  requireRows(fn, data.x.length);
  const pareto = paretoMaximum(data);
  const meanT = weightedMean(data.T, data.w);
  const b0 = 0.01 / Math.max(meanT, 1e-9);
  // without a Pareto/NBD maximum (its β runs off: the dropout looks homogeneous, which a
  // rising Gompertz hazard produces) start from a hazard that doubles over the mean T
  const start = pareto ? [pareto.params.r, pareto.params.alpha, b0, pareto.params.s, b0 * pareto.params.beta] : defaultStart(data, Math.LN2 / Math.max(meanT, 1e-9));
  try {
    return fitLikelihood(
      { kind: 'ggom-nbd', fn, names: ['r', 'alpha', 'b', 's', 'beta'], start, n: data.n, unit: data.unit, analyticGradient: true, logLik: (theta, grad) => logLik(data, theta, grad), simplexIterations: pareto ? 10 : undefined },
      options,
    );
  } catch (error) {
    // b running off to 0 is the Pareto/NBD limit: the likelihood's supremum is Pareto/NBD's
    if (!pareto || !(error instanceof CustomerValueError) || !/: b ran off to [0-9.]+e-/.test(error.message)) throw error;
    return paretoLimit(fn, data, pareto, options);
  }
}

/** Pareto/NBD's maximum on the same histories (undefined when that fit fails). */
function paretoMaximum(data: HistoryData): FittedModel<'pareto-nbd'> | undefined {
  const meanX = weightedMean(data.x, data.w);
  const meanT = weightedMean(data.T, data.w);
  const alpha0 = Math.max(1e-3, meanT / Math.max(meanX, 0.1));
  try {
    return fitLikelihood({ kind: 'pareto-nbd', fn: 'fitGammaGompertzNbd', names: ['r', 'alpha', 's', 'beta'], start: [1, alpha0, 1, alpha0], n: data.n, unit: data.unit, analyticGradient: false, logLik: (theta) => paretoLogLik(data, theta) }, {});
  } catch {
    return undefined;
  }
}

function defaultStart(data: HistoryData, b0: number): number[] {
  const alpha0 = Math.max(1e-3, weightedMean(data.T, data.w) / Math.max(weightedMean(data.x, data.w), 0.1));
  return [1, alpha0, b0, 1, 1];
}

/**
 * The record at the Pareto/NBD limit: b so small that e^(b T) - 1 = bT to 1e-10 over the
 * data, β = b · β_Pareto, r, α, s from Pareto/NBD with their standard errors; b and β have
 * none (only β/b is identified), `converged: false`, and a warning that says so.
 */
function paretoLimit(fn: string, data: HistoryData, pareto: FittedModel<'pareto-nbd'>, options: FitOptions): FittedModel<'ggom-nbd'> {
  const b = limitB(data.T);
  const { r, alpha, s, beta: scale } = pareto.params;
  return limitRecord(fn, b, pareto, logLik(data, Float64Array.of(r, alpha, b, s, b * scale)), options);
}

/** A b so small that e^(b T) - 1 = bT to 1e-10 for every T. */
function limitB(T: ArrayLike<number>): number {
  let maxT = 0;
  for (let i = 0; i < T.length; i++) maxT = Math.max(maxT, T[i] as number);
  return 1e-10 / Math.max(maxT, 1e-9);
}

/**
 * With covariates: the joint fit, or, when b runs off to 0, the Pareto/NBD limit of the
 * same covariate model (Pareto/NBD's β_i = β e^(-γ'z) is the limit of β_i / b, so the
 * coefficients carry over unchanged).
 */
function fitCovariates(fn: string, summary: SummaryInput, options: FitOptions): FittedModel<'ggom-nbd'> {
  try {
    return fitWithCovariates(fn, gammaGompertzNbdFitSpec, summary, options);
  } catch (error) {
    if (!(error instanceof CustomerValueError) || !/: b ran off to [0-9.]+e-/.test(error.message)) throw error;
    const pareto = fitParetoNbd(summary, options);
    const b = limitB(historyData(fn, summary, { ...options, covariates: undefined }).T);
    const at = [0, 1, -1, 2, -1, ...(pareto.covarianceNames ?? []).slice(4).map((_, i) => 4 + i)];
    return { ...limitRecord(fn, b, pareto, pareto.logLikelihood, options, at), coefficients: pareto.coefficients, coefficientStandardErrors: pareto.coefficientStandardErrors, constrained: pareto.constrained, covarianceNames: ['r', 'alpha', 'b', 's', 'beta', ...(pareto.covarianceNames ?? []).slice(4)] };
  }
}

/** The limit record from a Pareto/NBD fit: `at` maps each row of the record's covariance to the Pareto fit's (-1: none). */
function limitRecord(fn: string, b: number, pareto: FittedModel<'pareto-nbd'>, ll: number, options: FitOptions, at = [0, 1, -1, 2, -1]): FittedModel<'ggom-nbd'> {
  const { r, alpha, s, beta: scale } = pareto.params;
  const params = { r, alpha, b, s, beta: b * scale };
  const se = pareto.standardErrors;
  const warning = `${fn}: the likelihood rises towards b = 0, the Pareto/NBD limit (the Gompertz lifetime becomes exponential with a Gamma(s, β/b) rate): these data do not identify a Gompertz b > 0, only β/b = ${scale.toPrecision(6)}; the record is that limit (fitParetoNbd is the model they identify)`;
  const idx = (i: number, j: number): number => (pareto.covariance[i]?.[j] as number) ?? Number.NaN;
  // GG parameter -> Pareto row (b and β have none)
  const covariance = at.map((i) => at.map((j) => (i >= 0 && j >= 0 ? idx(i, j) : Number.NaN)));
  const k = at.length;
  return {
    kind: 'ggom-nbd',
    params,
    logLikelihood: ll,
    standardErrors: { r: se.r, alpha: se.alpha, b: Number.NaN, s: se.s, beta: Number.NaN },
    covariance,
    converged: false,
    iterations: pareto.iterations,
    message: `not identified: ${warning}`,
    warnings: [warning],
    n: pareto.n,
    aic: -2 * ll + 2 * k,
    bic: -2 * ll + k * Math.log(Math.max(pareto.n, 1)),
    l2: options.l2 ?? 0,
    ...(pareto.unit ? { unit: pareto.unit } : {}),
  };
}
