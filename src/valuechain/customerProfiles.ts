import * as z from 'zod/mini';
import { withMeta } from '../data/columns.js';
import { indexOf } from '../data/idIndex.js';
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
import { summaryFromEncoded } from '../summary/summarize.js';
import { classesFromHistory } from './customerClasses.js';
import { customerHistory, historyEnd } from './customerHistory.js';
import { checkThresholds, stagesAt, thresholdsOption, type LifecycleStage, type LifecycleThresholds } from './lifecycle.js';
import { costsOption, marginOption, profitabilityFromHistory, type CustomerProfitability, type ServingCosts } from './profitability.js';
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
  margin: z.optional(marginOption),
  costs: z.optional(costsOption),
  lifecycle: z.optional(thresholdsOption),
  rfm: z.optional(z.looseObject({})),
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
  if (o.lifecycle) checkThresholds(fn, o.lifecycle);
  // the input is read once; every part below works on this history
  const asOfOpt = optionDay(o.asOf, o.numericDates);
  const h = customerHistory(fn, transactions, interactions ?? undefined, o, asOfOpt);
  const end = asOfOpt ?? historyEnd(h);
  const asOf = dayToIso(end);
  const profit = profitabilityFromHistory(h, end, { margin: o.margin, costs: o.costs });
  const n = profit.length;
  const row = indexOf(profit.customerId);
  const out = emptyProfiles(profit);
  // -1 for a customer the other parts see but the view does not (none, as every view row is a customer active up to asOf)
  const at = (id: CustomerId): number => row.get(id);
  const unit = o.unit ?? o.purchaseModel?.unit ?? 'week';
  const summary = summaryFromEncoded(h.tx, h.partial, end, unit);
  const buyers = summary.customerId.map(at);
  for (const col of ['frequency', 'recency', 'T', 'monetaryValue', 'totalValue'] as const) put(out[col], summary[col], buyers);
  for (const col of ['firstPurchase', 'lastPurchase'] as const) put(out[col], summary[col], buyers);
  // rfm of the summary (its lastPurchase column gives the recency in days) equals rfm of the transactions
  const r = rfm(summary, { ...o.rfm, input: 'summary', asOf });
  const rfmRows = r.customers.customerId.map(at);
  put(out.rfmCell, r.customers.cell, rfmRows);
  put(out.rfmSegment, r.customers.segment, rfmRows);
  const tiers = abc({ customerId: summary.customerId, value: summary.totalValue }, { input: 'customers' }).customers;
  put(out.abcTier, tiers.tier, tiers.customerId.map(at));
  const classes = classesFromHistory(h, end, {});
  const classRows = classes.customerId.map(at);
  put(out.relationship, classes.relationship, classRows);
  put(out.valueClass, classes.valueClass, classRows);
  const stages = stagesAt(h, end, o.lifecycle ?? {});
  put(out.lifecycleStage, stages.stage, stages.customerId.map(at));
  if (h.interactions) {
    const rowOf = Int32Array.from(h.index.ids, at);
    const sc = scoresByRow(h.interactions, n, (c) => rowOf[c], end);
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

/** Writes `values[j]` to `col[rows[j]]` (a row of -1 is skipped). */
function put<T>(col: { [k: number]: T }, values: ArrayLike<T>, rows: readonly number[]): void {
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j] as number;
    if (r >= 0) col[r] = values[j] as T;
  }
}

/** The view's columns before the parts fill them: NaN, null or 'prospect', and profitability's own columns. */
function emptyProfiles(profit: CustomerProfitability) {
  const n = profit.length;
  const nan = (): Float64Array => new Float64Array(n).fill(Number.NaN);
  const nulls = <T>(): Array<T | null> => new Array<T | null>(n).fill(null);
  return {
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
}
