import { compressHistories } from '../../data/histories.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import { historyData, requireRows } from '../data.js';
import { fitLikelihood } from '../fit.js';
import { numericGradient } from '../../math/optimize.js';
import type { FitOptions, FittedModel } from '../types.js';
import { atOmegaBound, omegaBounds, rateCorrelation, sarmanovComponents } from './correlation.js';
import { rowLogLik, type ParetoNbdParams } from './likelihood.js';
import type { HistoryData } from '../../data/histories.js';
import { mixtureLogLik } from '../covariates/mixture.js';

/**
 * ω from the fitted coordinate z: ω = lo + (hi - lo) / (1 + e^-z) with [lo, hi] the bounds at
 * these parameters, so every (r, α, s, β, z) is a valid density (the bounds move with α and
 * β, and the Hessian's steps would otherwise leave them).
 */
export function omegaOf(v: ArrayLike<number>): number {
  const [lo, hi] = omegaBounds(paramsOf(v));
  return lo + (hi - lo) / (1 + Math.exp(-(v[4] as number)));
}

function paramsOf(v: ArrayLike<number>): ParetoNbdParams {
  return { r: v[0] as number, alpha: v[1] as number, s: v[2] as number, beta: v[3] as number };
}

/** Weighted log-likelihood of the correlated model at θ = [r, α, s, β, z]: per history, log Σ_c w_c L_c. */
export function correlatedLogLik(data: HistoryData, theta: Float64Array): number {
  const p = paramsOf(theta);
  const omega = omegaOf(theta);
  const mix = { components: sarmanovComponents(p, omega) as never, rowLogLik: rowLogLik as never };
  let ll = 0;
  for (let i = 0; i < data.x.length; i++) ll += (data.w[i] as number) * mixtureLogLik(mix, data.x[i] as number, data.tx[i] as number, data.T[i] as number);
  return ll;
}

/**
 * Pareto/NBD with correlated purchase and dropout rates (see `correlation.ts`): ω fitted
 * with the four parameters from the uncorrelated optimum and ω = 0; the record gains
 * `correlation: { omega, rho, omegaStandardError, rhoStandardError }` (rho's by the delta
 * method through the covariance), and `covariance` covers [r, α, s, β, ω].
 */
export function fitParetoNbdCorrelated(fn: string, summary: SummaryInput, options: FitOptions, plain: FittedModel<'pareto-nbd'>): FittedModel<'pareto-nbd'> {
  const data = compressHistories(historyData(fn, summary, { ...options, correlation: undefined } as FitOptions));
  requireRows(fn, data.x.length);
  const { r, alpha, s, beta } = plain.params;
  const [lo, hi] = omegaBounds(plain.params);
  const share = ((options.initialParams?.omega ?? 0) - lo) / (hi - lo);
  const z0 = Math.log(Math.min(Math.max(share, 1e-6), 1 - 1e-6) / (1 - Math.min(Math.max(share, 1e-6), 1 - 1e-6)));
  const { omega: _omega, ...initialParams } = options.initialParams ?? {};
  const fit = fitLikelihood(
    { kind: 'pareto-nbd', fn, names: ['r', 'alpha', 's', 'beta', 'z'] as never, start: [r, alpha, s, beta, z0], n: data.n, unit: data.unit, analyticGradient: false, logLik: (theta) => correlatedLogLik(data, theta), freeFrom: 4, correlated: true, penalized: [0, 4] },
    { ...options, initialParams },
  );
  const all = fit.params as unknown as Record<string, number>;
  const se = fit.standardErrors as unknown as Record<string, number>;
  const v = [all.r, all.alpha, all.s, all.beta, all.z] as number[];
  const p = paramsOf(v);
  const omega = omegaOf(v);
  // the covariance of [r, α, s, β, ω] = J Σ J', J the identity with ∇ω as its last row
  const gOmega = gradient(omegaOf, v);
  const J: number[][] = [...[0, 1, 2, 3].map((i) => v.map((_, j): number => (i === j ? 1 : 0))), gOmega];
  const covariance = J.map((a) => J.map((b) => quad(a, fit.covariance, b)));
  const gRho = gradient((u) => rateCorrelation(paramsOf(u), omegaOf(u)), v);
  const sd = (x: number): number => (x > 0 ? Math.sqrt(x) : Number.NaN);
  return atOmegaBound(fn, {
    ...fit,
    params: p,
    standardErrors: { r: se.r as number, alpha: se.alpha as number, s: se.s as number, beta: se.beta as number },
    covariance,
    covarianceNames: ['r', 'alpha', 's', 'beta', 'omega'],
    correlation: { omega, rho: rateCorrelation(p, omega), omegaStandardError: sd(quad(gOmega, fit.covariance, gOmega)), rhoStandardError: sd(quad(gRho, fit.covariance, gRho)) },
  }, all.z as number);
}

/** a' M b. */
function quad(a: readonly number[], M: number[][], b: readonly number[]): number {
  let v = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) v += (a[i] as number) * (M[i]?.[j] as number) * (b[j] as number);
  return v;
}

/** Central-difference gradient of f at v. */
function gradient(f: (v: number[]) => number, v: readonly number[]): number[] {
  const g = new Float64Array(v.length);
  numericGradient((x) => f(Array.from(x)), Float64Array.from(v), g);
  return Array.from(g);
}
