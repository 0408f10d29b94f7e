import { customerIdsOf } from '../data/customerIds.js';
import type { CustomerId } from '../data/types.js';
import { withMeta } from '../data/columns.js';
import { CustomerValueError, optionError } from '../errors.js';
import { choleskyLower } from '../math/linalg.js';
import { drawnParameterSets, isDrawsRecord } from '../models/drawnParameters.js';
import { Random } from '../math/random.js';
import { spendMany } from '../models/predictions/conditionalExpectedSpend.js';
import { checkTime, conditionalMany } from '../models/predictions/shared.js';
import { paramNames } from '../models/registry.js';
import { type ParamGroup, type PredictionCovariates, byGroup, customerGroups } from '../models/covariates/resolve.js';
import type { FittedModel, Model, PurchaseModel } from '../models/types.js';
import type { SummaryInput } from '../summary/readSummary.js';
import { clvFromPlan, planClv, type CustomerLifetimeValueOptions } from './customerLifetimeValue.js';

/** Options of the parametric-bootstrap intervals. */
export interface IntervalOptions {
  /** Central coverage of the interval. Default 0.9 (5th to 95th percentile). */
  level?: number | undefined;
  /** Parameter draws. Default 200. Cost and memory grow with draws × customers. */
  draws?: number | undefined;
  /** Seed of the draws. Default 1. */
  seed?: number | undefined;
  /** For a model fitted with covariates: the customers' covariates, `{ data, customerId? }` (conditionalExpectedPurchasesIntervals; the CLV intervals take the CLV option). */
  covariates?: PredictionCovariates | undefined;
}

/** Per-customer interval columns. */
export interface Intervals {
  /** The customers' ids (row positions when the input has none), in input order. */
  customerId: readonly CustomerId[];
  /** The point prediction at the fitted parameters. */
  estimate: Float64Array;
  lower: Float64Array;
  median: Float64Array;
  upper: Float64Array;
  readonly length: number;
  readonly level: number;
  readonly draws: number;
}

/**
 * A sampler of parameter vectors from the fit's approximate sampling distribution:
 * log θ ~ Normal(log θ̂, Cov(log θ)), Cov(log θ)_ij = Cov(θ)_ij / (θ_i θ_j).
 * @internal
 */
export function parameterSampler(fn: string, model: Model, rng: Random): () => Record<string, number> {
  const draw = recordSampler(fn, model, rng);
  return () => draw().params as unknown as Record<string, number>;
}

/**
 * A sampler of whole model records: a draw picked at random from a posterior or bootstrap
 * record; else the parameters as above, and for a fit with covariates
 * or correlated rates its coefficients and ω too, jointly normal on their own scale, from
 * the covariance over `covarianceNames`.
 * @internal
 */
export function recordSampler(fn: string, model: Model, rng: Random): () => Model {
  if (isDrawsRecord(model)) {
    const { kind, sets } = drawnParameterSets(fn, model, [model.estimate.kind]);
    return () => ({ kind, params: sets[Math.floor(rng.uniform() * sets.length)] }) as Model;
  }
  const base = paramNames(model.kind);
  const names = ((model as FittedModel).covarianceNames ?? base) as readonly string[];
  const cov = (model as { covariance?: number[][] }).covariance;
  const k = names.length;
  if (!cov || cov.length !== k || cov.some((row) => row.length !== k || row.some((v) => !Number.isFinite(v)))) {
    throw new CustomerValueError('invalid_model', `${fn}: the ${model.kind} model has no finite covariance of ${names.join(', ')}; intervals need a model fitted by this library`);
  }
  const m = model as FittedModel;
  const value = (name: string): number => {
    if (base.includes(name)) return (m.params as unknown as Record<string, number>)[name] as number;
    if (name === 'omega') return m.correlation?.omega as number;
    const [process, covariate] = name.split(/\.(.*)/s) as [string, string];
    return (m.coefficients?.[process === 'dropout' ? 'dropout' : 'purchase'] as Record<string, number> | undefined)?.[covariate] as number;
  };
  const center = names.map(value);
  // log scale for the positive parameters, their own scale for coefficients and ω
  const scale = names.map((n, i) => (base.includes(n) ? (center[i] as number) : 1));
  const L = cholesky(fn, model.kind, cov, scale);
  const z = new Float64Array(k);
  return () => {
    for (let i = 0; i < k; i++) z[i] = rng.normal();
    const drawn = names.map((n, i) => {
      let s = 0;
      for (let j = 0; j <= i; j++) s += (L[i * k + j] as number) * (z[j] as number);
      return base.includes(n) ? (center[i] as number) * Math.exp(s) : (center[i] as number) + s;
    });
    return recordOf(m, names, drawn, base);
  };
}

/** Cholesky factor of Cov / (scale_i scale_j). */
function cholesky(fn: string, kind: string, cov: number[][], scale: readonly number[]): Float64Array {
  const k = scale.length;
  const scaled = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) scaled[i * k + j] = (cov[i]![j]! as number) / ((scale[i] as number) * (scale[j] as number));
  const L = choleskyLower(scaled, k);
  if (!L) throw new CustomerValueError('invalid_model', `${fn}: the ${kind} model's covariance is not positive definite`);
  return L;
}

/** A record like `m` with the drawn values in place of its parameters, coefficients and ω. */
function recordOf(m: FittedModel, names: readonly string[], values: readonly number[], base: readonly string[]): Model {
  const params: Record<string, number> = {};
  const purchase: Record<string, number> = { ...m.coefficients?.purchase };
  const dropout: Record<string, number> = { ...m.coefficients?.dropout };
  let omega = m.correlation?.omega;
  names.forEach((n, i) => {
    const v = values[i] as number;
    if (base.includes(n)) params[n] = v;
    else if (n === 'omega') omega = v;
    else {
      const [process, covariate] = n.split(/\.(.*)/s) as [string, string];
      if (process !== 'dropout') purchase[covariate] = v;
      if (process !== 'purchase') dropout[covariate] = v;
    }
  });
  return { kind: m.kind, params: params as never, ...(m.coefficients ? { coefficients: { purchase, dropout } } : {}), ...(omega === undefined ? {} : { correlation: { omega } }) } as Model;
}

/**
 * Draws of the customers' parameter groups: a record drawn from the fit's sampling
 * distribution, regrouped; a draw whose ω leaves the bounds of the Sarmanov density is
 * redrawn (the sampling distribution truncated to valid models), at most 1,000 times.
 */
function groupSampler(fn: string, model: Model, rng: Random, regroup: (m: unknown) => readonly ParamGroup[]): () => readonly ParamGroup[] {
  const draw = recordSampler(fn, model, rng);
  return () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return regroup(draw());
      } catch (error) {
        const bound = error instanceof CustomerValueError && error.issues.some((i) => i.path.join('.') === 'model.correlation.omega');
        if (!bound || attempt >= 1000) throw error;
      }
    }
  };
}

function options(fn: string, o: IntervalOptions): { level: number; draws: number; seed: number } {
  if (typeof o !== 'object' || o === null) optionError(fn, 'options', 'must be an object', o);
  const level = o.level ?? 0.9;
  const draws = o.draws ?? 200;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) optionError(fn, 'level', 'must be between 0 and 1', level);
  if (!Number.isInteger(draws) || draws < 2 || draws > 100_000) optionError(fn, 'draws', 'must be a whole number from 2 to 100,000', draws);
  if (typeof o.seed !== 'undefined' && !(typeof o.seed === 'number' && Number.isFinite(o.seed))) optionError(fn, 'seed', 'must be a finite number', o.seed);
  return { level, draws, seed: o.seed ?? 1 };
}

/** Quantiles per customer over draws stored draw-major. */
function summarizeDraws(customerId: readonly CustomerId[], estimate: Float64Array, samples: Float64Array, draws: number, level: number): Intervals {
  const n = estimate.length;
  const lower = new Float64Array(n);
  const median = new Float64Array(n);
  const upper = new Float64Array(n);
  const col = new Float64Array(draws);
  const q = (p: number): number => {
    const h = (draws - 1) * p;
    const lo = Math.floor(h);
    return (col[lo] as number) + (h - lo) * ((col[Math.min(lo + 1, draws - 1)] as number) - (col[lo] as number));
  };
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < draws; d++) col[d] = samples[d * n + i] as number;
    col.sort();
    lower[i] = q((1 - level) / 2);
    median[i] = q(0.5);
    upper[i] = q(1 - (1 - level) / 2);
  }
  return withMeta({ customerId, estimate, lower, median, upper }, { length: n, level, draws });
}

/**
 * Intervals for each customer's CLV that reflect the uncertainty of the fitted parameters:
 * a parametric bootstrap that draws the purchase model's (and the spend model's)
 * parameters from their asymptotic normal distribution in log space (the inverse Hessian
 * of the fit) and recomputes {@link customerLifetimeValue} per draw. Seeded, reproducible.
 * It does not include the customer's own purchase randomness (the CLV is an expectation).
 * For a fit with covariates or correlated rates, the coefficients and ω are drawn jointly
 * with the parameters (normal on their own scale, from the covariance over
 * `covarianceNames`), and the customers' covariates come from the `covariates` option.
 *
 * @example
 * ```ts
 * const iv = customerLifetimeValueIntervals({ ...clvOptions, level: 0.9, draws: 200, seed: 1 });
 * iv.lower[0], iv.upper[0];
 * ```
 */
export function customerLifetimeValueIntervals(o: CustomerLifetimeValueOptions & IntervalOptions): Intervals {
  const fn = 'customerLifetimeValueIntervals';
  const { level, draws, seed } = options(fn, o);
  const plan = planClv(fn, o);
  const estimate = clvFromPlan(plan, plan.groups);
  const rng = new Random(seed);
  const drawPurchase = groupSampler(fn, o.purchaseModel, rng, plan.regroup);
  const drawSpend = o.spendModel ? parameterSampler(fn, o.spendModel, rng) : undefined;
  const n = estimate.length;
  const samples = new Float64Array(draws * n);
  const baseSpend = plan.spend;
  for (let d = 0; d < draws; d++) {
    const groups = drawPurchase();
    let spend = baseSpend;
    if (drawSpend && plan.spendSpec) spend = spendMany(plan.spendSpec, drawSpend(), plan.X, plan.M as Float64Array);
    samples.set(clvFromPlan({ ...plan, spend }, groups), d * n);
  }
  return summarizeDraws(customerIdsOf(o.customers, n, fn), estimate, samples, draws, level);
}

/**
 * Intervals for each customer's expected purchases in the next t, from the same parametric
 * bootstrap over the purchase model's parameters as {@link customerLifetimeValueIntervals}.
 *
 * @example
 * ```ts
 * conditionalExpectedPurchasesIntervals(model, summary, 39, { level: 0.95, draws: 500 });
 * ```
 */
export function conditionalExpectedPurchasesIntervals(
  model: PurchaseModel,
  customers: SummaryInput,
  t: number,
  o: IntervalOptions = {},
): Intervals {
  const fn = 'conditionalExpectedPurchasesIntervals';
  const { level, draws, seed } = options(fn, o);
  const { c, ...g } = customerGroups(fn, model, customers, o.covariates);
  checkTime(fn, 't', t, g.spec.discrete);
  const cols = [c.frequency, c.recency, c.T];
  const at = (groups: readonly ParamGroup[]): Float64Array => byGroup(c.n, groups, cols, (p, [X, TX, TT]) => conditionalMany(g.spec, p, X!, TX!, TT!, t));
  const estimate = at(g.groups);
  const draw = groupSampler(fn, model, new Random(seed), g.regroup);
  const n = c.n;
  const samples = new Float64Array(draws * n);
  for (let d = 0; d < draws; d++) samples.set(at(draw()), d * n);
  return summarizeDraws(customerIdsOf(customers, estimate.length, fn), estimate, samples, draws, level);
}
