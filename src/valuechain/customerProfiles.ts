import * as z from 'zod/mini';
import { withMeta } from '../data/columns.js';
import { dayToIso, type TimeUnit } from '../data/days.js';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import type { InteractionReadOptions } from '../data/encodeInteractions.js';
import { dateOption, finiteOption, historyOptionsShape, optionDay, parseOptions, unitOption } from '../data/options.js';
import type { CustomerId, InteractionInput, TransactionInput } from '../data/types.js';
import { abc } from '../abc/abc.js';
import { customerLifetimeValue } from '../clv/customerLifetimeValue.js';
import { probabilityAlive } from '../models/predictions/probabilityAlive.js';
import type { PurchaseModel, SpendModel } from '../models/types.js';
import { rfm, type RfmOptions } from '../rfm/rfm.js';
import { summarize } from '../summary/summarize.js';
import { customerClasses } from './customerClasses.js';
import { customerHistory } from './customerHistory.js';
import { lifecycleStages, type LifecycleStage, type LifecycleThresholds } from './lifecycle.js';
import { customerProfitability, type ServingCosts } from './profitability.js';
import type { ProfitTier } from './profitTiers.js';
import type { ValueClass } from './customerClasses.js';
import { scoresByRow } from './scores.js';

/** Options of {@link customerProfiles}. */
export interface CustomerProfilesOptions extends TransactionReadOptions, InteractionReadOptions {
  /** The date of the view (inclusive). Default: the last transaction or interaction day. */
  asOf?: Date | string | number | undefined;
  /** Unit of the summary columns (recency, T) and of the model. Default: the purchase model's unit, else 'week'. */
  unit?: TimeUnit | undefined;
  /** Gross margin of revenue, for profit and CLV. Default 1. */
  margin?: number | undefined;
  /** Unit costs of serving (see {@link customerProfitability}). */
  costs?: ServingCosts | undefined;
  /** RFM scheme, bins and locale (see {@link rfm}). */
  rfm?: Pick<RfmOptions, 'scheme' | 'bins' | 'locale' | 'monetary'> | undefined;
  /** Lifecycle thresholds (see {@link lifecycleStages}). */
  lifecycle?: LifecycleThresholds | undefined;
  /** A fitted purchase model for P(alive) and, with `horizon`, CLV. */
  purchaseModel?: PurchaseModel | undefined;
  /** A spend model for CLV (else each purchase is worth the customer's mean repeat value). */
  spendModel?: SpendModel | undefined;
  /** CLV horizon in `clvUnit` periods. Default 12. */
  horizon?: number | undefined;
  /** CLV's period and discount unit. Default 'month'. */
  clvUnit?: TimeUnit | undefined;
  /** Discount rate per CLV period. Default 0. */
  discountRate?: number | undefined;
}

/** One row per customer (buyers, then contacts without a purchase), as columns `aq.table()` takes. */
export interface CustomerProfiles {
  customerId: CustomerId[];
  /** Repeat purchases, recency and age in `unit` (NaN for prospects), mean repeat value, net value. */
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetaryValue: Float64Array;
  totalValue: Float64Array;
  /** First and last purchase day, 'YYYY-MM-DD' (null for prospects). */
  firstPurchase: Array<string | null>;
  lastPurchase: Array<string | null>;
  /** RFM cell ('545') and segment (null for prospects). */
  rfmCell: Array<string | null>;
  rfmSegment: Array<string | null>;
  /** ABC tier by value (null for prospects). */
  abcTier: Array<'A' | 'B' | 'C' | null>;
  /** Relationship or transactional, and the value class (null for prospects). */
  relationship: Array<'relationship' | 'transactional' | null>;
  valueClass: Array<ValueClass | null>;
  lifecycleStage: LifecycleStage[];
  /** Survey responses, their mean normalized score ((score - min)/(max - min); NaN without) and the last one's. */
  responses: Float64Array;
  meanNormalizedScore: Float64Array;
  lastNormalizedScore: Float64Array;
  /** From {@link customerProfitability}. */
  revenue: Float64Array;
  costToServe: Float64Array;
  profit: Float64Array;
  profitTier: ProfitTier[];
  /** With a purchase model: P(alive) and CLV (NaN for prospects, and without a model). */
  probabilityAlive: Float64Array;
  clv: Float64Array;
  readonly length: number;
  readonly asOf: string;
}

const schema = z.looseObject({
  ...historyOptionsShape,
  asOf: z.optional(dateOption),
  unit: z.optional(unitOption),
  clvUnit: z.optional(unitOption),
  margin: z.optional(finiteOption.check(z.minimum(0, { error: 'must be between 0 and 1' })).check(z.maximum(1, { error: 'must be between 0 and 1' }))),
  horizon: z.optional(finiteOption.check(z.gt(0, { error: 'must be a finite number > 0' }))),
  discountRate: z.optional(finiteOption.check(z.gt(-1, { error: 'must be a finite number > -1' }))),
});

/**
 * The single view of each customer CRM systems keep: one row per customer with their
 * summary (`summarize`), RFM cell and segment (`rfm`), ABC tier (`abc` on net value), value
 * class (`customerClasses`), lifecycle stage (`lifecycleStages`), satisfaction (survey
 * responses, mean and last normalized score), profitability (`customerProfitability`) and,
 * with a fitted purchase model, P(alive) and CLV (`customerLifetimeValue`), all as of `asOf`.
 * Customers known only from interactions (prospects) have a row too, with NaN or null where
 * a purchase is needed. Every column is computed by the function named, so each is defined
 * (and tested) there; this one joins them by customer id.
 *
 * @example
 * ```ts
 * const view = customerProfiles(transactions, interactions, { purchaseModel: fitBgNbd(summary), margin: 0.3 });
 * aq.table(view).orderby(aq.desc('clv')).print();
 * ```
 */
export function customerProfiles(transactions: TransactionInput, interactions: InteractionInput | null | undefined, options: CustomerProfilesOptions = {}): CustomerProfiles {
  const fn = 'customerProfiles';
  const o = parseOptions(fn, schema, options) as CustomerProfilesOptions;
  const read = { fields: o.fields, returns: o.returns, dropDuplicateOrders: o.dropDuplicateOrders, numericDates: o.numericDates, interactionFields: o.interactionFields, scoreScale: o.scoreScale } as TransactionReadOptions & InteractionReadOptions;
  const h = customerHistory(fn, transactions, interactions ?? undefined, read, optionDay(o.asOf, o.numericDates));
  let end = optionDay(o.asOf, o.numericDates) ?? h.tx.maxDay;
  const it = h.interactions;
  if (o.asOf === undefined && it) for (let i = 0; i < it.length; i++) if (!(end >= (it.day[i] as number))) end = it.day[i] as number;
  const asOf = dayToIso(end);
  const profit = customerProfitability(transactions, interactions, { ...read, asOf, margin: o.margin, costs: o.costs });
  const n = profit.length;
  const row = new Map<CustomerId, number>(profit.customerId.map((id, k) => [id, k]));
  const nan = (): Float64Array => new Float64Array(n).fill(Number.NaN);
  const nulls = <T>(): Array<T | null> => new Array<T | null>(n).fill(null);
  const out = {
    customerId: profit.customerId,
    frequency: nan(), recency: nan(), T: nan(), monetaryValue: nan(), totalValue: nan(),
    firstPurchase: nulls<string>(), lastPurchase: nulls<string>(),
    rfmCell: nulls<string>(), rfmSegment: nulls<string>(), abcTier: nulls<'A' | 'B' | 'C'>(),
    relationship: nulls<'relationship' | 'transactional'>(), valueClass: nulls<ValueClass>(),
    lifecycleStage: new Array<LifecycleStage>(n).fill('prospect'),
    responses: new Float64Array(n), meanNormalizedScore: nan(), lastNormalizedScore: nan(),
    revenue: profit.revenue, costToServe: profit.costToServe, profit: profit.profit, profitTier: profit.tier,
    probabilityAlive: nan(), clv: nan(),
  };
  // -1 for a customer the other functions see but the view does not (none, as every view row is a customer active up to asOf)
  const at = (id: CustomerId): number => row.get(id) ?? -1;
  const unit = o.unit ?? o.purchaseModel?.unit ?? 'week';
  const summary = summarize(transactions, { ...read, observationEnd: asOf, unit });
  const buyers = summary.customerId.map(at);
  const put = <T>(col: { [k: number]: T }, values: ArrayLike<T>, rows: number[]): void => rows.forEach((r, j) => void (r >= 0 && (col[r] = values[j] as T)));
  put(out.frequency, summary.frequency, buyers);
  put(out.recency, summary.recency, buyers);
  put(out.T, summary.T, buyers);
  put(out.monetaryValue, summary.monetaryValue, buyers);
  put(out.totalValue, summary.totalValue, buyers);
  put(out.firstPurchase, summary.firstPurchase, buyers);
  put(out.lastPurchase, summary.lastPurchase, buyers);
  const r = rfm(transactions, { ...read, ...o.rfm, asOf });
  const rfmRows = r.customers.customerId.map(at);
  put(out.rfmCell, r.customers.cell, rfmRows);
  put(out.rfmSegment, r.customers.segment, rfmRows);
  const tiers = abc({ customerId: summary.customerId, value: summary.totalValue }, { input: 'customers' }).customers;
  put(out.abcTier, tiers.tier, tiers.customerId.map(at));
  const classes = customerClasses(transactions, { ...read, interactions: interactions ?? undefined, asOf });
  const classRows = classes.customerId.map(at);
  put(out.relationship, classes.relationship, classRows);
  put(out.valueClass, classes.valueClass, classRows);
  const stages = lifecycleStages(transactions, { ...read, ...o.lifecycle, interactions: interactions ?? undefined, asOf });
  put(out.lifecycleStage, stages.stage, stages.customerId.map(at));
  if (it) {
    const sc = scoresByRow(it, n, (c) => at(h.index.ids[c] as CustomerId), end);
    out.responses.set(sc.count);
    out.meanNormalizedScore.set(sc.mean);
    out.lastNormalizedScore.set(sc.last);
  }
  if (o.purchaseModel) {
    put(out.probabilityAlive, probabilityAlive(o.purchaseModel, summary), buyers);
    const clv = customerLifetimeValue({ purchaseModel: o.purchaseModel, spendModel: o.spendModel, customers: summary, horizon: o.horizon ?? 12, unit: o.clvUnit ?? 'month', modelUnit: unit, discountRate: o.discountRate, margin: o.margin, ...(o.spendModel ? {} : { spend: summary.monetaryValue }) });
    put(out.clv, clv, buyers);
  }
  return withMeta(out, { length: n, asOf });
}
