import * as z from 'zod/mini';
import { fieldsOption, finiteOption, parseOptions, wholeOption } from '../data/options.js';
import { CustomerValueError, optionError } from '../errors.js';
import { invertSpd, minimize, numericGradient, type Objective } from '../math/optimize.js';
import { richardsonHessian } from '../math/hessian.js';
import { identification } from './identification.js';
import type { FitOptions, FittedModel, ModelKind, ModelParams } from './types.js';
import type { TimeUnit } from '../data/days.js';

/**
 * An internal fit option: only the maximum is wanted (the start of a larger fit, e.g. the
 * model without covariates before the covariate fit), so the Hessian and the standard
 * errors are skipped. A symbol, so no user option can set it. @internal
 */
export const START_ONLY: unique symbol = Symbol('customer-value.startOnly');

/** What a model contributes to the generic maximum-likelihood fit. @internal */
export interface LikelihoodSpec<K extends ModelKind> {
  kind: K;
  fn: string;
  names: ReadonlyArray<keyof ModelParams[K] & string>;
  /** Default start (natural scale). */
  start: number[];
  /** Sum of weights (for BIC). */
  n: number;
  /** Weighted log-likelihood at natural parameters; fills d LL / d param when `grad` is given and `analyticGradient` is true. */
  logLik(theta: Float64Array, grad?: Float64Array): number;
  /** Whether `logLik` fills the gradient; otherwise it is taken by finite differences. */
  analyticGradient: boolean;
  /** Optional log-likelihood of a weighted subsample, used for the simplex stage on large data. */
  subsampleLogLik?: ((theta: Float64Array) => number) | undefined;
  unit?: TimeUnit | undefined;
  /**
   * Only the maximum: no Hessian, standard errors or identification check (NaN standard
   * errors, `converged` from the optimizer alone), for a profile over a discrete parameter
   * whose best point is then refitted in full.
   */
  maximumOnly?: boolean | undefined;
  /** Nelder-Mead iterations before BFGS (default 15 per parameter); fewer when the start is already close. */
  simplexIterations?: number | undefined;
  /**
   * Parameters from this index on are free (any sign: covariate coefficients), fitted on
   * their own scale; the others are > 0 and fitted in log space. Default: none free. With
   * free parameters the L2 penalty applies to them only (as CLVTools' `reg.lambdas`).
   */
  freeFrom?: number | undefined;
  /** The parameters the L2 penalty applies to, [from, to) (default: the free ones, or all when none is free). */
  penalized?: readonly [number, number] | undefined;
  /** True for the correlated Pareto/NBD fit: the one fit that takes `correlation: true`. */
  correlated?: boolean | undefined;
}

const fitOptionsSchema = z.looseObject({
  // the sign is checked per parameter by the fit (coefficients of covariates may be negative)
  initialParams: z.optional(z.record(z.string(), finiteOption)),
  l2: z.optional(finiteOption.check(z.minimum(0, { error: 'must be a finite number >= 0' }))),
  weights: z.optional(z.custom<ArrayLike<number>>((v) => Array.isArray(v) || ArrayBuffer.isView(v), { error: 'must be an array or typed array of weights' })),
  maxIterations: z.optional(wholeOption(0, 100_000)),
  fields: z.optional(fieldsOption),
});

/** Validate a fitter's options (every fitter calls this first). @internal */
export function checkFitOptions(fn: string, options: unknown): FitOptions {
  return parseOptions(fn, fitOptionsSchema, options) as FitOptions;
}

/**
 * Maximum likelihood in log-parameter space: Nelder-Mead start, BFGS finish (analytic
 * gradients when the spec gives them), standard errors from the Hessian by the delta
 * method. Throws when the optimum is not finite.
 * @internal
 */
export function fitLikelihood<K extends ModelKind>(spec: LikelihoodSpec<K>, rawOptions: FitOptions): FittedModel<K> {
  const { fn, names } = spec;
  const options = checkFitOptions(fn, rawOptions);
  // covariates reach here only through the covariate fit, which frees the coefficients
  if (options.covariates !== undefined && spec.freeFrom === undefined) optionError(fn, 'covariates', 'are not supported by this model (Pareto/NBD, BG/NBD and Gamma-Gompertz/NBD take static covariates)', options.covariates);
  if (options.correlation === true && !spec.correlated) optionError(fn, 'correlation', 'is fitted for Pareto/NBD only (fitParetoNbd)', true);
  const k = names.length;
  const free = Math.min(spec.freeFrom ?? k, k);
  const [penalized, penalizedEnd] = spec.penalized ?? [free < k ? free : 0, k];
  const l2 = options.l2 ?? 0;
  const x0 = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const name = names[i] as string;
    const v = options.initialParams?.[name] ?? (spec.start[i] as number);
    if (i < free ? !(v > 0) || !Number.isFinite(v) : !Number.isFinite(v)) {
      optionError(fn, `initialParams.${name}`, i < free ? 'must be a finite number > 0' : 'must be a finite number', v);
    }
    x0[i] = i < free ? Math.log(v) : v;
  }
  const theta = new Float64Array(k);
  const gTheta = new Float64Array(k);
  const toTheta = (x: Float64Array): void => {
    for (let i = 0; i < k; i++) theta[i] = i < free ? Math.exp(x[i] as number) : (x[i] as number);
  };
  const penalty = (): number => {
    let s = 0;
    for (let i = penalized; i < penalizedEnd; i++) s += (theta[i] as number) ** 2;
    return l2 * s;
  };
  const obj: Objective = {
    f: (x) => {
      toTheta(x);
      return -spec.logLik(theta) + penalty();
    },
    fg: !spec.analyticGradient ? undefined : (x, g) => {
      toTheta(x);
      const ll = spec.logLik(theta, gTheta);
      for (let i = 0; i < k; i++) {
        const t = theta[i] as number;
        const d = -(gTheta[i] as number) + (i >= penalized && i < penalizedEnd ? 2 * l2 * t : 0);
        g[i] = i < free ? d * t : d;
      }
      return -ll + penalty();
    },
  };
  const start = obj.f(x0);
  if (!Number.isFinite(start)) {
    throw new CustomerValueError('fit_failed', `${fn}: the log-likelihood is not finite at the starting values ${names.map((n, i) => `${n} = ${i < free ? Math.exp(x0[i] as number) : x0[i]}`).join(', ')}`);
  }
  const sub = spec.subsampleLogLik;
  const simplexObjective = sub
    ? (x: Float64Array): number => {
        toTheta(x);
        return -sub(theta) + penalty();
      }
    : undefined;
  const result = minimize(obj, x0, { maxIterations: options.maxIterations ?? 500, simplexObjective, ...(spec.simplexIterations === undefined ? {} : { simplexIterations: spec.simplexIterations }) });
  toTheta(result.x);
  const params = {} as Record<string, number>;
  for (let i = 0; i < k; i++) params[names[i] as string] = theta[i] as number;
  const ll = spec.logLik(theta);
  if (!Number.isFinite(ll) || names.some((n, i) => !Number.isFinite(params[n]) || (i < free && !(params[n]! > 0)))) {
    throw new CustomerValueError('fit_failed', `${fn}: the optimizer ended at a non-finite point (${result.message}); params ${JSON.stringify(params)}`);
  }
  // a parameter running off towards 0 or infinity (beyond e^±20) means the likelihood has no
  // interior maximum for these data (e.g. nobody bought twice): an error, naming what is
  // identified when it runs along a two-parameter ridge
  const runOff = names.findIndex((_, i) => i < free && Math.abs(result.x[i] as number) > 20);
  if (spec.maximumOnly || (rawOptions as { [START_ONLY]?: boolean } | undefined)?.[START_ONLY] === true) {
    if (runOff >= 0) throw new CustomerValueError('fit_failed', `${fn}: the likelihood has no maximum inside the parameter space for these data: ${names[runOff]} ran off to ${Math.exp(result.x[runOff] as number).toExponential(2)}`);
    return maximumOnly(spec, params, ll, result, l2);
  }
  // the Hessian's evaluations reuse `theta`: keep the estimate apart
  const estimate = Float64Array.from(theta);
  const H = richardsonHessian(obj, result.x);
  const id = identification(fn, H, names, estimate);
  if (runOff >= 0) {
    const xi = result.x[runOff] as number;
    const ridge = id.ridge.includes(runOff) ? `; ${id.warnings.map((w) => w.replace(/^[A-Za-z]+: /, '').replace(/; the fit does not.*$/, '')).join('; ')}` : '';
    throw new CustomerValueError(
      'fit_failed',
      `${fn}: the likelihood has no maximum inside the parameter space for these data: ${names[runOff]} ran off to ${Math.exp(xi).toExponential(2)}${ridge}; ` +
        `the data cannot identify the model (too few customers, no repeat purchases or no variation)${xi > 0 ? '; an l2 penalty bounds large parameters' : ''}`,
    );
  }
  if (id.flat) throw new CustomerValueError('fit_failed', id.warnings[0] as string);
  const { standardErrors, covariance } = uncertainty(obj, result.x, H, estimate, names, free);
  const model = {
    kind: spec.kind,
    params: params as unknown as ModelParams[K],
    logLikelihood: ll,
    standardErrors: standardErrors as unknown as FittedModel<K>['standardErrors'],
    covariance,
    converged: result.converged && id.identified,
    iterations: result.iterations,
    message: id.identified ? result.message : `not identified: ${id.warnings.join('; ')}`,
    warnings: id.warnings,
    n: spec.n,
    aic: -2 * ll + 2 * k,
    bic: -2 * ll + k * Math.log(Math.max(spec.n, 1)),
    l2,
  };
  return (spec.unit ? { ...model, unit: spec.unit } : model) as FittedModel<K>;
}

/** The record of a fit without its uncertainty (see `LikelihoodSpec.maximumOnly`). */
function maximumOnly<K extends ModelKind>(spec: LikelihoodSpec<K>, params: Record<string, number>, ll: number, result: { converged: boolean; iterations: number; message: string }, l2: number): FittedModel<K> {
  const k = spec.names.length;
  const nan = Object.fromEntries(spec.names.map((n) => [n, Number.NaN]));
  return {
    kind: spec.kind,
    params: params as unknown as ModelParams[K],
    logLikelihood: ll,
    standardErrors: nan as unknown as FittedModel<K>['standardErrors'],
    covariance: spec.names.map(() => spec.names.map(() => Number.NaN)),
    converged: result.converged,
    iterations: result.iterations,
    message: result.message,
    warnings: [],
    n: spec.n,
    aic: -2 * ll + 2 * k,
    bic: -2 * ll + k * Math.log(Math.max(spec.n, 1)),
    l2,
    ...(spec.unit ? { unit: spec.unit } : {}),
  };
}

/**
 * Standard errors and covariance of the parameters from the log-space Hessian H of the
 * objective at x: the curvature in the natural parameters, which the delta method assumes,
 * is D H_θ D = H - diag(∂f/∂log θ), so the gradient term is taken out (it is not zero where
 * the optimizer stopped, and on flat optima it is 1e-3 of the curvature). NaN where the
 * Hessian is not positive definite.
 */
function uncertainty(obj: Objective, x: Float64Array, H: Float64Array, estimate: Float64Array, names: readonly string[], free: number) {
  const k = names.length;
  const g = new Float64Array(k);
  if (obj.fg) obj.fg(x, g);
  else numericGradient(obj.f, x, g);
  const Hn = Float64Array.from(H);
  // the gradient term of the log transform (free parameters have none)
  for (let i = 0; i < free; i++) Hn[i * k + i] = (Hn[i * k + i] as number) - (g[i] as number);
  const cov = invertSpd(Hn, k);
  // dθ/dx: θ for a log-space parameter, 1 for a free one
  const jac = (i: number): number => (i < free ? (estimate[i] as number) : 1);
  const standardErrors: Record<string, number> = {};
  for (let i = 0; i < k; i++) {
    const v = cov ? (cov[i * k + i] as number) : Number.NaN;
    standardErrors[names[i] as string] = v > 0 ? Math.abs(jac(i)) * Math.sqrt(v) : Number.NaN;
  }
  // covariance of θ = J Cov(x) J
  const covariance = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => (cov ? jac(i) * (cov[i * k + j] as number) * jac(j) : Number.NaN)),
  );
  return { standardErrors, covariance };
}

/** Distinct values of a column and each row's index into them. @internal */
export function indexDistinct(values: Float64Array): { values: Float64Array; index: Uint32Array } {
  const map = new Map<number, number>();
  const index = new Uint32Array(values.length);
  const distinct: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let j = map.get(v);
    if (j === undefined) {
      j = distinct.length;
      map.set(v, j);
      distinct.push(v);
    }
    index[i] = j;
  }
  return { values: Float64Array.from(distinct), index };
}

/** Rows above which the simplex stage runs on a subsample. @internal */
export const SUBSAMPLE_ABOVE = 50_000;

/**
 * A deterministic stride subsample of about `size` rows with weights scaled so that the
 * weighted total is unchanged: for the simplex stage of large fits. @internal
 */
export function strideSubsample(n: number, size = 20_000): Uint32Array | undefined {
  if (n <= SUBSAMPLE_ABOVE) return undefined;
  const step = n / size;
  return Uint32Array.from({ length: size }, (_, i) => Math.floor(i * step));
}
