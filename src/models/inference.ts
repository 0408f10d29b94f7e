import { CustomerValueError, optionError, optionsObject } from '../errors.js';
import { normalQuantile } from '../math/normal.js';
import { logGamma, logUpperGamma } from '../math/special.js';
import { paramNames } from './registry.js';
import { parameterCount } from './covariates/design.js';
import type { FittedModel, ModelKind } from './types.js';

/** The result of {@link likelihoodRatioTest}. */
export interface LikelihoodRatioTest {
  /** 2 (LL_general - LL_restricted). */
  readonly statistic: number;
  /** Degrees of freedom: the difference in parameter counts (or the `df` option). */
  readonly df: number;
  /** P(χ²_df > statistic). */
  readonly pValue: number;
  readonly restricted: ModelKind;
  readonly general: ModelKind;
}

function fitted(fn: string, name: string, m: unknown): FittedModel {
  const f = m as Partial<FittedModel> | null;
  if (typeof f !== 'object' || f === null || typeof f.kind !== 'string' || !Number.isFinite(f.logLikelihood) || !(Number(f.n) > 0)) {
    optionError(fn, name, 'must be a fitted model (with a finite logLikelihood and n)', m);
  }
  return f as FittedModel;
}

/**
 * Likelihood-ratio test of a restricted model against a more general one fitted on the same
 * data: statistic 2 (LL_general - LL_restricted), compared with χ² on df = the difference in
 * parameter counts, p = Q(df/2, statistic/2) (the regularized upper incomplete gamma). For
 * example NBD inside BG/NBD or Pareto/NBD (df 2), BG/NBD inside BG/CNBD-k with k chosen,
 * Pareto/NBD inside Gamma-Gompertz/NBD (df 1). Where the restriction is a boundary of the
 * general model (NBD: no dropout; Pareto/NBD: Gompertz b = 0) the χ² p-value is
 * conservative: the null distribution is a mixture with fewer degrees of freedom (Self &
 * Liang 1987). Throws when the two were fitted on different numbers of customers, or when
 * the general model fits worse (not nested, or a fit that did not converge).
 *
 * @example
 * ```ts
 * likelihoodRatioTest(fitNbd(summary), fitBgNbd(summary)); // { statistic, df: 2, pValue, ... }
 * ```
 */
export function likelihoodRatioTest(restricted: FittedModel, general: FittedModel, options: { df?: number | undefined } = {}): LikelihoodRatioTest {
  const fn = 'likelihoodRatioTest';
  const r = fitted(fn, 'restricted', restricted);
  const g = fitted(fn, 'general', general);
  const o = optionsObject(fn, options);
  if (Math.abs(r.n - g.n) > 1e-9 * Math.max(r.n, g.n)) optionError(fn, 'general', `must be fitted on the same customers as the restricted model (n = ${r.n}), got n = ${g.n}`, g.n);
  const count = (m: FittedModel): number => parameterCount(m, paramNames(m.kind).length);
  const df = o.df ?? count(g) - count(r);
  if (!(Number.isInteger(df) && df >= 1)) optionError(fn, 'df', 'must be a whole number >= 1 (the general model needs more parameters)', df);
  const diff = g.logLikelihood - r.logLikelihood;
  if (diff < -1e-6 * Math.max(1, Math.abs(g.logLikelihood))) {
    const message = `the general model (${g.kind}, LL ${g.logLikelihood}) fits worse than the restricted one (${r.kind}, LL ${r.logLikelihood}): they are not nested, or the general fit did not reach its maximum`;
    throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [{ code: 'invalid_option', path: ['general'], message, value: g.logLikelihood }]);
  }
  const statistic = Math.max(0, 2 * diff);
  const pValue = statistic === 0 ? 1 : Math.min(1, Math.exp(logUpperGamma(df / 2, statistic / 2) - logGamma(df / 2)));
  return { statistic, df, pValue, restricted: r.kind, general: g.kind };
}

/** One parameter's Wald interval. */
export interface ParameterInterval {
  readonly estimate: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wald confidence intervals of a fitted model's parameters on the log scale the fit works
 * in: exp(ln θ ± z · se(θ)/θ), z = Φ^(-1)((1 + level)/2), so they stay positive and
 * match the Hessian's curvature in log θ. NaN bounds where the standard error is NaN (a
 * parameter the data do not identify); fixed parameters (CNBD-k's k, standard error 0) get
 * lower = upper = the estimate. For a fit with covariates, each coefficient gets an entry
 * 'purchase.<name>' / 'dropout.<name>' with the interval γ ± z · se(γ) on its own scale.
 *
 * @example
 * ```ts
 * parameterIntervals(fitBgNbd(summary), { level: 0.9 }).r; // { estimate, standardError, lower, upper }
 * ```
 */
export function parameterIntervals(model: FittedModel, options: { level?: number | undefined } = {}): Record<string, ParameterInterval> {
  const fn = 'parameterIntervals';
  const m = fitted(fn, 'model', model);
  const level = optionsObject(fn, options).level ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) optionError(fn, 'level', 'must be a number between 0 and 1', level);
  const z = normalQuantile((1 + level) / 2);
  const out: Record<string, ParameterInterval> = {};
  for (const name of paramNames(m.kind)) {
    const estimate = (m.params as unknown as Record<string, number>)[name] as number;
    const se = (m.standardErrors as unknown as Record<string, number> | undefined)?.[name] ?? Number.NaN;
    const f = Math.exp((z * se) / estimate);
    out[name] = { estimate, standardError: se, lower: estimate / f, upper: estimate * f };
  }
  // coefficients of covariates: any sign, so on their own scale, γ ± z · se(γ)
  for (const process of ['purchase', 'dropout'] as const) {
    for (const [name, estimate] of Object.entries(m.coefficients?.[process] ?? {})) {
      const se = m.coefficientStandardErrors?.[process]?.[name] ?? Number.NaN;
      out[`${process}.${name}`] = { estimate, standardError: se, lower: estimate - z * se, upper: estimate + z * se };
    }
  }
  return out;
}
