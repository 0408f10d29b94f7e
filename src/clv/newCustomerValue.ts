import * as z from 'zod/mini';
import { DAYS_PER_UNIT, type TimeUnit } from '../data/days.js';
import { finiteOption, parseOptions, unitOption } from '../data/options.js';
import { optionError } from '../errors.js';
import { profileParams } from '../models/covariates/resolve.js';
import { spendModelOf } from '../models/registry.js';
import type { PurchaseModel, SpendModel } from '../models/types.js';
import { customerLifetimeValue, discountGrid, MAX_HORIZON_PERIODS, type CustomerLifetimeValueOptions } from './customerLifetimeValue.js';

/** Options of {@link newCustomerValue}. */
export interface NewCustomerValueOptions {
  purchaseModel: PurchaseModel;
  /** A spend model: a new customer spends its population mean per purchase (Gamma-Gamma: p v / (q - 1)). */
  spendModel?: SpendModel | undefined;
  /** Expected value per purchase instead of a spend model. */
  spend?: number | undefined;
  /** Horizon in `unit` periods. */
  horizon: number;
  /** Length of a period. Default: the purchase model's unit, else 'month'. */
  unit?: TimeUnit | undefined;
  /** The purchase model's time unit. Default: its `unit`, else `unit`. */
  modelUnit?: TimeUnit | undefined;
  /** Discount rate per period. Default 0. */
  discountRate?: number | undefined;
  /** Share of revenue that is profit. Default 1. */
  margin?: number | undefined;
  /** Also count the acquisition purchase itself (at time 0, undiscounted). Default false: repeat purchases only, as the CLV of existing customers. */
  firstPurchase?: boolean | undefined;
  /** For a model fitted with covariates: the new customer's covariate values. */
  profile?: Readonly<Record<string, number>> | undefined;
}

const schema = z.looseObject({
  horizon: finiteOption.check(z.minimum(0, { error: 'must be a finite number >= 0' })).check(z.maximum(MAX_HORIZON_PERIODS, { error: `must be at most ${MAX_HORIZON_PERIODS.toLocaleString('en-US')} periods` })),
  discountRate: z.optional(finiteOption.check(z.gt(-1, { error: 'must be a finite number > -1' }))),
  margin: z.optional(finiteOption),
  spend: z.optional(finiteOption.check(z.minimum(0, { error: 'must be a finite number >= 0' }))),
  unit: z.optional(unitOption),
  modelUnit: z.optional(unitOption),
  firstPurchase: z.optional(z.boolean({ error: 'must be true or false' })),
});

/**
 * The expected discounted value of a newly acquired customer (one who has just made a first
 * purchase), as Gupta, Lehmann & Stuart (2004, "Valuing Customers", Journal of Marketing
 * Research 41(1)) value a customer at acquisition, with the purchase model's
 * new-customer expectations in place of their constant retention:
 *
 * value = margin · E[spend] · ([firstPurchase] + Σ_{k=1}^{K} (E[X(t_k)] - E[X(t_{k-1})]) / (1 + d)^k),
 *
 * E[X(t)] the expected repeat purchases of a new customer (prior mixture for correlated
 * rates; at `profile` for a model with covariates), E[spend] the spend model's population
 * mean or `spend`. Periods and discounting as {@link customerLifetimeValue}.
 *
 * @example
 * ```ts
 * newCustomerValue({ purchaseModel: bgnbd, spendModel: gg, horizon: 36, unit: 'month', discountRate: 0.01, margin: 0.3 });
 * ```
 * @see Gupta, S., Lehmann, D. R., & Stuart, J. A. (2004). Valuing Customers. Journal of Marketing Research, 41(1), 7-18.
 */
export function newCustomerValue(options: NewCustomerValueOptions): number {
  return newCustomerPlan('newCustomerValue', options).value(options.horizon);
}

/** A new customer's value over any horizon up to the one given, for the equity's cohorts. */
function newCustomerPlan(fn: string, options: NewCustomerValueOptions) {
  const o = parseOptions(fn, schema, options) as unknown as NewCustomerValueOptions;
  const { spec, components } = profileParams(fn, o.purchaseModel, o.profile);
  const modelRecordUnit = Object.hasOwn(DAYS_PER_UNIT, String(o.purchaseModel?.unit)) ? o.purchaseModel.unit : undefined;
  const unit = o.unit ?? modelRecordUnit ?? 'month';
  const modelUnit = o.modelUnit ?? modelRecordUnit ?? unit;
  const factor = spec.discrete ? 1 : DAYS_PER_UNIT[unit] / DAYS_PER_UNIT[modelUnit];
  let spend: number;
  if (o.spendModel !== undefined) {
    if (o.spend !== undefined) optionError(fn, 'spend', 'cannot be given together with spendModel', o.spend);
    const s = spendModelOf(fn, o.spendModel);
    spend = s.spec.conditionalSpend(s.p, 0, 0);
  } else if (o.spend !== undefined) spend = o.spend;
  else optionError(fn, 'spendModel', 'or spend is needed', undefined);
  const margin = o.margin ?? 1;
  const d = o.discountRate ?? 0;
  const expected = (t: number): number => components.reduce((s, c) => s + c.w * spec.expected(c.p, t), 0);
  return {
    spend,
    margin,
    /** The value over `horizon` periods. */
    value(horizon: number): number {
      const { times, weights } = discountGrid(spec.discrete, horizon, factor, d);
      let sum = 0;
      let prev = 0;
      times.forEach((t, k) => {
        const e = expected(t);
        sum += (weights[k] as number) * (e - prev);
        prev = e;
      });
      // nothing spent is worth nothing, even where the expected purchases overflow
      const scale = margin * spend;
      return scale === 0 ? 0 : scale * ((o.firstPurchase ? 1 : 0) + sum);
    },
  };
}

/** Options of {@link customerEquity}. */
export interface CustomerEquityOptions extends CustomerLifetimeValueOptions {
  /**
   * New customers acquired at the start of each period 1..horizon: one number for every
   * period, or one per period. Default 0 (the existing base only).
   */
  acquisitions?: number | readonly number[] | undefined;
  /** Cost of acquiring one customer, charged in the period of acquisition (discounted like revenue). Default 0. */
  acquisitionCost?: number | undefined;
  /** Count the acquisition purchase of each new customer. Default false. */
  firstPurchase?: boolean | undefined;
  /** For a model with covariates: the new customers' covariate values. */
  profile?: Readonly<Record<string, number>> | undefined;
}

/** Result of {@link customerEquity}. */
export interface CustomerEquity {
  /** Σ of the existing customers' CLV over the horizon. */
  existing: number;
  /** Σ over future cohorts of their discounted value net of acquisition cost. */
  acquired: number;
  total: number;
  /** Per acquisition period k = 1..horizon: the cohort's contribution, discounted to today. */
  cohorts: Float64Array;
}

/**
 * Customer equity over a horizon (Gupta, Lehmann & Stuart 2004): the CLV of the existing
 * customers ({@link customerLifetimeValue}) plus, for each future period k, the n_k
 * customers acquired at its start, each worth {@link newCustomerValue} over the periods
 * left, less the acquisition cost, discounted by (1 + d)^-(k-1):
 *
 * equity = Σ_i CLV_i + Σ_{k=1}^{K} n_k (V_new(K - k + 1) - cost) / (1 + d)^(k-1).
 *
 * @example
 * ```ts
 * customerEquity({ purchaseModel: bgnbd, spendModel: gg, customers: summary, horizon: 24, unit: 'month', discountRate: 0.01, margin: 0.3, acquisitions: 500, acquisitionCost: 20 });
 * ```
 * @see Gupta, S., Lehmann, D. R., & Stuart, J. A. (2004). Valuing Customers. Journal of Marketing Research, 41(1), 7-18.
 */
export function customerEquity(options: CustomerEquityOptions): CustomerEquity {
  const fn = 'customerEquity';
  const clv = customerLifetimeValue(options);
  let existing = 0;
  for (const v of clv) existing += v;
  const horizon = options.horizon;
  const periods = Math.ceil(horizon - 1e-12);
  const acq = options.acquisitions ?? 0;
  const counts = typeof acq === 'number' ? Array.from({ length: periods }, () => acq) : Array.from(acq);
  if (counts.length !== periods || counts.some((v) => typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v))) {
    optionError(fn, 'acquisitions', `must be a number >= 0 or one per period (${periods})`, options.acquisitions);
  }
  const cost = options.acquisitionCost ?? 0;
  if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0) optionError(fn, 'acquisitionCost', 'must be a finite number >= 0', cost);
  const cohorts = new Float64Array(periods);
  let acquired = 0;
  if (counts.some((v) => v > 0)) {
    const plan = newCustomerPlan(fn, { ...options, spendModel: options.spendModel, spend: typeof options.spend === 'number' ? options.spend : undefined } as NewCustomerValueOptions);
    const d = options.discountRate ?? 0;
    counts.forEach((count, k) => {
      const v = count * (plan.value(horizon - k) - cost) * (1 + d) ** -k;
      cohorts[k] = v;
      acquired += v;
    });
  }
  return { existing, acquired, total: existing + acquired, cohorts };
}

