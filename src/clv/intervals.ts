import { withMeta } from '../data/columns.js';
import { CustomerValueError, optionError } from '../errors.js';
import { Random } from '../math/random.js';
import { spendMany } from '../models/predictions/conditionalExpectedSpend.js';
import { checkTime, conditionalMany, customersOf } from '../models/predictions/shared.js';
import { paramNames, purchaseModelOf } from '../models/registry.js';
import { refuseCovariates } from '../models/covariates/design.js';
import type { Model, PurchaseModel } from '../models/types.js';
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
}

/** Per-customer interval columns. */
export interface Intervals {
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
  const names = paramNames(model.kind);
  const cov = (model as { covariance?: number[][] }).covariance;
  const k = names.length;
  if (!cov || cov.length !== k || cov.some((row) => row.length !== k || row.some((v) => !Number.isFinite(v)))) {
    throw new CustomerValueError('invalid_model', `${fn}: the ${model.kind} model has no finite covariance; intervals need a model fitted by this library`);
  }
  const theta = names.map((n) => (model.params as unknown as Record<string, number>)[n] as number);
  // Cholesky of the covariance of log θ
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = (cov[i]![j]! as number) / ((theta[i] as number) * (theta[j] as number));
      for (let m = 0; m < j; m++) s -= (L[i * k + m] as number) * (L[j * k + m] as number);
      if (i === j) {
        if (!(s > 0)) throw new CustomerValueError('invalid_model', `${fn}: the ${model.kind} model's covariance is not positive definite`);
        L[i * k + i] = Math.sqrt(s);
      } else L[i * k + j] = s / (L[j * k + j] as number);
    }
  }
  const z = new Float64Array(k);
  return () => {
    for (let i = 0; i < k; i++) z[i] = rng.normal();
    const out: Record<string, number> = {};
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += (L[i * k + j] as number) * (z[j] as number);
      out[names[i] as string] = (theta[i] as number) * Math.exp(s);
    }
    return out;
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
function summarizeDraws(estimate: Float64Array, samples: Float64Array, draws: number, level: number): Intervals {
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
  return withMeta({ estimate, lower, median, upper }, { length: n, level, draws });
}

/**
 * Intervals for each customer's CLV that reflect the uncertainty of the fitted parameters:
 * a parametric bootstrap that draws the purchase model's (and the spend model's)
 * parameters from their asymptotic normal distribution in log space (the inverse Hessian
 * of the fit) and recomputes {@link customerLifetimeValue} per draw. Seeded, reproducible.
 * It does not include the customer's own purchase randomness (the CLV is an expectation).
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
  // the sampler draws the base parameters only
  refuseCovariates(fn, o.purchaseModel);
  const plan = planClv(fn, o);
  const estimate = clvFromPlan(plan, plan.groups);
  const rng = new Random(seed);
  const drawPurchase = parameterSampler(fn, o.purchaseModel, rng);
  const drawSpend = o.spendModel ? parameterSampler(fn, o.spendModel, rng) : undefined;
  const n = estimate.length;
  const samples = new Float64Array(draws * n);
  const baseSpend = plan.spend;
  for (let d = 0; d < draws; d++) {
    const p = drawPurchase();
    let spend = baseSpend;
    if (drawSpend && plan.spendSpec) spend = spendMany(plan.spendSpec, drawSpend(), plan.X, plan.M as Float64Array);
    samples.set(clvFromPlan({ ...plan, spend }, [{ p, rows: undefined }]), d * n);
  }
  return summarizeDraws(estimate, samples, draws, level);
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
  const { spec, p } = purchaseModelOf(fn, model);
  checkTime(fn, 't', t, spec.discrete);
  const c = customersOf(fn, customers, false, spec);
  const estimate = conditionalMany(spec, p, c.frequency, c.recency, c.T, t);
  const draw = parameterSampler(fn, model, new Random(seed));
  const n = c.n;
  const samples = new Float64Array(draws * n);
  for (let d = 0; d < draws; d++) samples.set(conditionalMany(spec, draw(), c.frequency, c.recency, c.T, t), d * n);
  return summarizeDraws(estimate, samples, draws, level);
}
