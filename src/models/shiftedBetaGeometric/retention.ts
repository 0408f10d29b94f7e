import { optionError, optionsObject } from '../../errors.js';
import { retentionModelOf } from '../registry.js';
import type { RetentionModel } from '../types.js';

function checkCount(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1_000_000) {
    optionError(fn, name, 'must be a whole number from 0 to 1,000,000', v);
  }
  return v;
}

/**
 * Survival curve S(0), S(1), ..., S(periods) of a retention model: the share of a cohort
 * still customers after t periods, S(t) = B(α, β+t)/B(α, β) for the sBG (Fader & Hardie
 * 2007, eq. 5) and B(α, β+t^c)/B(α, β) for the beta-discrete-Weibull (Fader et al. 2018).
 *
 * @example
 * ```ts
 * survivalCurve({ kind: 'sbg', params: { alpha: 0.704, beta: 1.182 } }, 12); // Float64Array(13)
 * ```
 */
export function survivalCurve(model: RetentionModel, periods: number): Float64Array {
  const { spec, p } = retentionModelOf('survivalCurve', model);
  const n = checkCount('survivalCurve', 'periods', periods);
  return Float64Array.from({ length: n + 1 }, (_, t) => Math.exp(spec.logSurvival(p, t)));
}

/**
 * Retention rates r_1, ..., r_periods of the sBG model, r_t = S(t)/S(t-1) =
 * (β+t-1)/(α+β+t-1) (Fader & Hardie 2007, eq. 6): increasing in t, as the customers likely
 * to churn leave first.
 *
 * @example
 * ```ts
 * retentionCurve(model, 5);
 * ```
 */
export function retentionCurve(model: RetentionModel, periods: number): Float64Array {
  const { spec, p } = retentionModelOf('retentionCurve', model);
  const n = checkCount('retentionCurve', 'periods', periods);
  return Float64Array.from({ length: n }, (_, i) => spec.retention(p, i + 1));
}

/** Options of {@link expectedLifetime}. */
export interface ExpectedLifetimeOptions {
  /** Discount rate per period (0.1 = 10 %). Default 0; without discounting the expectation is finite only when α > 1. */
  discountRate?: number | undefined;
  /** Renewals the customer has already made (0: a new customer). Default 0. */
  renewals?: number | undefined;
}

/**
 * Expected (discounted) number of periods a customer stays, counting the current one,
 * under the sBG model.
 *
 * For a new customer this is the discounted expected lifetime
 * DEL = Σ_{t>=0} S(t)/(1+d)^t = 2F1(1, β; α+β; 1/(1+d)) (Fader & Hardie 2010, eq. 5); for a
 * customer who has made n renewals, the discounted expected residual lifetime
 * DERL = Σ_{t>=n} S(t)/S(n)/(1+d)^(t-n) = 2F1(1, β+n; α+β+n; 1/(1+d)). Multiply by the
 * margin per period for the customer's (residual) value. With d = 0 it is (α+β+n-1)/(α-1)
 * when α > 1 and Infinity otherwise.
 *
 * @example
 * ```ts
 * expectedLifetime(model, { discountRate: 0.1 });
 * ```
 * @see Fader, P. S., & Hardie, B. G. S. (2010). Customer-Base Valuation in a Contractual
 * Setting: The Perils of Ignoring Heterogeneity. Marketing Science, 29(1), 85-93.
 */
export function expectedLifetime(model: RetentionModel, options: ExpectedLifetimeOptions = {}): number {
  const fn = 'expectedLifetime';
  const { spec, p } = retentionModelOf(fn, model);
  options = optionsObject(fn, options);
  const d = options.discountRate ?? 0;
  if (typeof d !== 'number' || !(d >= 0) || !Number.isFinite(d)) {
    optionError(fn, 'discountRate', 'must be a finite number >= 0', d);
  }
  const n = checkCount(fn, 'renewals', options.renewals ?? 0);
  return d === 0 ? spec.expectedLifetime(p, n) : spec.discountedLifetime(p, d, n);
}

/** Options of {@link retentionElasticity}. */
export interface RetentionElasticityOptions {
  /** Discount rate per period, > 0 (the lifetime sum diverges without it when retention reaches 1). */
  discountRate: number;
  /** Renewals the customers have made: 0 for a new cohort. Default 0. */
  renewals?: number | undefined;
  /** The relative rise in retention the elasticity is measured over. Default 0.01 (1 %). */
  change?: number | undefined;
}

/** The retention elasticity and the lifetimes it compares. */
export interface RetentionElasticity {
  /** % change in the discounted expected residual lifetime per 1 % rise in every customer's retention. */
  readonly elasticity: number;
  /** DERL as it is, and with retention raised by `change`. */
  readonly lifetime: number;
  readonly raisedLifetime: number;
  readonly change: number;
}

/**
 * The retention elasticity of customer value: the percentage change in the discounted
 * expected residual lifetime (DERL, hence in residual value at a constant margin) when every
 * customer's per-period retention probability rises by 1 % (`change`), capped at 1:
 * ε = (DERL' / DERL - 1) / change. The rise is applied to each customer's own retention,
 * under the model's heterogeneity (for the sBG each customer keeps 1 - θ, θ ~ Beta(α, β+n);
 * for the beta-discrete-Weibull (1-θ)^(t^c - (t-1)^c) per period), as Fader & Hardie (2010)
 * do for the sBG: ignoring heterogeneity (one retention rate r for all) gives
 * r / (1 + d - r) (Gupta, Lehmann & Stuart 2004) and misstates it.
 *
 * @example
 * ```ts
 * retentionElasticity({ kind: 'sbg', params: { alpha: 0.704, beta: 1.182 } }, { discountRate: 0.1 }).elasticity;
 * ```
 * @see Fader, P. S., & Hardie, B. G. S. (2010). Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity. Marketing Science, 29(1), 85-93.
 * @see Gupta, S., Lehmann, D. R., & Stuart, J. A. (2004). Valuing Customers. Journal of Marketing Research, 41(1), 7-18.
 */
export function retentionElasticity(model: RetentionModel, options: RetentionElasticityOptions): RetentionElasticity {
  const fn = 'retentionElasticity';
  const { spec, p } = retentionModelOf(fn, model);
  const o = optionsObject(fn, options);
  const d = o.discountRate;
  if (typeof d !== 'number' || !(d > 0) || !Number.isFinite(d)) optionError(fn, 'discountRate', 'must be a finite number > 0', d);
  const n = checkCount(fn, 'renewals', o.renewals ?? 0);
  const change = o.change ?? 0.01;
  if (typeof change !== 'number' || !(change > 0) || !(change <= 1)) optionError(fn, 'change', 'must be a number in (0, 1]', change);
  const lifetime = spec.liftedLifetime(p, d, n, 0);
  const raisedLifetime = spec.liftedLifetime(p, d, n, change);
  return { elasticity: (raisedLifetime / lifetime - 1) / change, lifetime, raisedLifetime, change };
}
