import { customerIdsOf, withCustomerIds } from '../data/customerIds.js';
import type { CustomerId } from '../data/types.js';
import * as z from 'zod/mini';
import { DAYS_PER_UNIT, type TimeUnit } from '../data/days.js';
import { finiteOption, parseOptions, unitOption } from '../data/options.js';
import { optionError } from '../errors.js';
import { spendMany } from '../models/predictions/conditionalExpectedSpend.js';
import { weightedConditional } from '../models/predictions/shared.js';
import { spendModelOf } from '../models/registry.js';
import { type ParamGroup, type PredictionCovariates, byGroup, customerGroups } from '../models/covariates/resolve.js';
import type { PurchaseModelSpec, SpendModelSpec } from '../models/spec.js';
import type { PurchaseModel, SpendModel } from '../models/types.js';
import { summaryUnit, type NumberColumn, type SummaryInput } from '../summary/readSummary.js';

/** Options of {@link customerLifetimeValue}. */
export interface CustomerLifetimeValueOptions {
  /** A fitted (or hand-written) BG/NBD, Pareto/NBD, MBG/NBD or BG/BB model. */
  purchaseModel: PurchaseModel;
  /** A spend model (Gamma-Gamma) for the expected value per purchase (needs `monetaryValue` on the customers). */
  spendModel?: SpendModel | undefined;
  /** Expected value per purchase instead of a spend model: one number for all, or one per customer. */
  spend?: number | ArrayLike<number> | undefined;
  /** Customers: a summary (frequency, recency, T and, with a spend model, monetaryValue). */
  customers: SummaryInput;
  /** Horizon in `unit` periods (BG/BB: opportunities), e.g. 12 with unit 'month'. */
  horizon: number;
  /** Length of a period: the horizon's and the discount rate's unit. Default: the purchase model's unit, else 'month'. */
  unit?: TimeUnit | undefined;
  /** Time unit of the purchase model (and of the customers' recency and T). Default: `purchaseModel.unit`, else the `unit` of a summary from `summarize`, else `unit`. */
  modelUnit?: TimeUnit | undefined;
  /** Discount rate per period (0.01 = 1 % a month with unit 'month'). Default 0. */
  discountRate?: number | undefined;
  /** Share of revenue that is profit. Default 1. */
  margin?: number | undefined;
  /** For a purchase model fitted with covariates: the customers' covariates, `{ data, customerId? }`, joined by customerId. */
  covariates?: PredictionCovariates | undefined;
}

/** Resolved periods and weights of a CLV computation. @internal */
export interface ClvPlan {
  spec: PurchaseModelSpec<Record<string, number>>;
  p: Record<string, number>;
  /** Customers that share purchase-model parameters (one group of everyone without covariates). */
  groups: readonly ParamGroup[];
  /** The groups for another record of the same purchase model (a parameter draw). */
  regroup(model: unknown): readonly ParamGroup[];
  /** The spend model's spec, when there is one. */
  spendSpec: SpendModelSpec<Record<string, number>> | undefined;
  times: number[];
  weights: number[];
  spend: Float64Array;
  margin: number;
  X: NumberColumn;
  TX: NumberColumn;
  TT: NumberColumn;
  M: Float64Array | undefined;
}


/**
 * The period ends t_k (in the model's unit: `factor` model units a period) and discount
 * weights (1 + d)^-k of a horizon of `horizon` periods, the last one partial when the
 * horizon is fractional; whole opportunities for a discrete-time model. @internal
 */
export function discountGrid(discrete: boolean, horizon: number, factor: number, d: number): { times: number[]; weights: number[] } {
  const times: number[] = [];
  const weights: number[] = [];
  const steps = Math.ceil(horizon - 1e-12);
  for (let k = 1; k <= steps; k++) {
    const end = Math.min(k, horizon);
    times.push((discrete ? Math.round(end) : end) * factor);
    weights.push((1 + d) ** -end);
  }
  return { times, weights };
}

/** Periods a CLV horizon may have (each period costs a pass over the distinct histories). @internal */
export const MAX_HORIZON_PERIODS = 100_000;

const clvSchema = z.looseObject({
  horizon: finiteOption.check(z.minimum(0, { error: 'must be a finite number >= 0' })).check(z.maximum(MAX_HORIZON_PERIODS, { error: `must be at most ${MAX_HORIZON_PERIODS.toLocaleString('en-US')} periods (use a longer unit)` })),
  discountRate: z.optional(finiteOption.check(z.gt(-1, { error: 'must be a finite number > -1' }))),
  margin: z.optional(finiteOption),
  unit: z.optional(unitOption),
  modelUnit: z.optional(unitOption),
  spend: z.optional(
    z.union([finiteOption, z.custom<ArrayLike<number>>((v) => (Array.isArray(v) || ArrayBuffer.isView(v)) && Array.prototype.every.call(v, (x: unknown) => typeof x === 'number' && Number.isFinite(x)), { error: 'must be a finite number or one finite number per customer' })])),
});

/** Validate the options and build the time grid, discount weights and per-customer spend. @internal */
export function planClv(fn: string, options: CustomerLifetimeValueOptions): ClvPlan {
  const o = parseOptions(fn, clvSchema, options) as unknown as CustomerLifetimeValueOptions;
  const { c, spec, p, groups, regroup } = customerGroups(fn, o.purchaseModel, o.customers, o.covariates, o.spendModel !== undefined);
  const horizon = o.horizon;
  const d = o.discountRate ?? 0;
  const margin = o.margin ?? 1;
  const modelRecordUnit = Object.hasOwn(DAYS_PER_UNIT, String(o.purchaseModel.unit)) ? o.purchaseModel.unit : undefined;
  const unit = o.unit ?? modelRecordUnit ?? 'month';
  // the customers' recency and T are in the model's unit: a summary from summarize says which
  const modelUnit = o.modelUnit ?? modelRecordUnit ?? summaryUnit(o.customers) ?? unit;
  // a discrete-time model counts opportunities: one per period, no unit conversion
  const factor = spec.discrete ? 1 : DAYS_PER_UNIT[unit] / DAYS_PER_UNIT[modelUnit];
  const { times, weights } = discountGrid(spec.discrete, horizon, factor, d);
  let spend: Float64Array;
  let spendSpec: SpendModelSpec<Record<string, number>> | undefined;
  if (o.spendModel !== undefined) {
    if (o.spend !== undefined) optionError(fn, 'spend', 'cannot be given together with spendModel', o.spend);
    const s = spendModelOf(fn, o.spendModel);
    spendSpec = s.spec;
    spend = spendMany(s.spec, s.p, c.frequency, c.monetaryValue as Float64Array);
  } else if (typeof o.spend === 'number') {
    spend = new Float64Array(c.n).fill(o.spend);
  } else if (o.spend !== undefined) {
    if (o.spend.length !== c.n) optionError(fn, 'spend', `must have one value per customer (${c.n})`, o.spend);
    spend = Float64Array.from(o.spend);
  } else if (c.monetaryValue) {
    spend = c.monetaryValue;
  } else optionError(fn, 'spendModel', 'or spend is needed (or a monetaryValue column on the customers)', undefined);
  return { spec, p, groups, regroup, spendSpec, times, weights, spend, margin, X: c.frequency, TX: c.recency, TT: c.T, M: c.monetaryValue };
}

/**
 * Discounted customer lifetime value over a finite horizon, one value per customer in
 * input order:
 *
 * CLV_i = margin · E[spend_i] · Σ_{k=1}^{K} (E[Y_i(t_k)] - E[Y_i(t_{k-1})]) / (1 + d)^k,
 *
 * where E[Y_i(t)] is the purchase model's conditional expectation of purchases in the next
 * t (see {@link conditionalExpectedPurchases}), t_k the end of period k (periods of one
 * `unit`, the last one partial when the horizon is fractional), d the discount rate per
 * period, and E[spend_i] the Gamma-Gamma conditional expected spend (Fader, Hardie & Lee
 * 2005b) or the `spend` given. Purchases expected in a period are discounted from the
 * period's end.
 *
 * Cost: the 2F1 terms depend only on (frequency, T), so they are computed once per
 * distinct pair and period; the rest is one pass over the customers.
 *
 * @example
 * ```ts
 * const clv = customerLifetimeValue({
 *   purchaseModel: fitBgNbd(summary), spendModel: fitGammaGamma(summary),
 *   customers: summary, horizon: 12, unit: 'month', discountRate: 0.01, margin: 0.3,
 * });
 * ```
 * @see Fader, P. S., Hardie, B. G. S., & Lee, K. L. (2005). RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis. Journal of Marketing Research, 42(4), 415-430.
 */
export function customerLifetimeValue(options: CustomerLifetimeValueOptions): Float64Array & { readonly customerId: readonly CustomerId[] } {
  const plan = planClv('customerLifetimeValue', options);
  const clv = clvFromPlan(plan, plan.groups);
  return withCustomerIds(clv, customerIdsOf(options.customers, clv.length, 'customerLifetimeValue'));
}

/** CLV for a plan with (possibly other) purchase-model parameters, per group of customers that share them. @internal */
export function clvFromPlan(plan: ClvPlan, groups: readonly ParamGroup[]): Float64Array {
  return byGroup(plan.X.length, groups, [plan.X, plan.TX, plan.TT, plan.spend], (p, [X, TX, TT, S]) => {
    const out = weightedConditional(plan.spec, p, X!, TX!, TT!, plan.times, plan.weights);
    for (let i = 0; i < out.length; i++) out[i] = plan.margin * (S![i] as number) * (out[i] as number);
    return out;
  });
}
