import * as z from 'zod/mini';
import { withMeta } from '../data/columns.js';
import { dayToIso } from '../data/days.js';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import type { InteractionReadOptions } from '../data/encodeInteractions.js';
import { dateOption, finiteOption, historyOptionsShape, optionDay, parseOptions } from '../data/options.js';
import type { CustomerId, InteractionInput, TransactionInput } from '../data/types.js';
import { historyAsOf, purchaseDaysBetween } from '../summary/historyAsOf.js';
import { customerHistory, historyEnd, type CustomerHistory } from './customerHistory.js';
import { periodTable, type ProfitPeriods } from './profitPeriods.js';
import { profitTiers, whaleCurve, type ProfitTier, type ProfitTierSummary, type WhaleCurve } from './profitTiers.js';
import { calendarOptionsShape, type PeriodKind } from './periods.js';
import type { ValueClass } from './customerClasses.js';

/** Unit costs of serving a customer, added to the interactions' own `cost`. */
export interface ServingCosts {
  /** Cost of each interaction on a channel, e.g. `{ 'call-center': 4, email: 0.05 }`. */
  byChannel?: { readonly [channel: string]: number } | undefined;
  /** Cost of each interaction of a kind, e.g. `{ complaint: 12 }`. */
  byKind?: { readonly [kind: string]: number } | undefined;
  /** Cost of each transaction row (fulfilment, payment). */
  perTransaction?: number | undefined;
}

/** Options of {@link customerProfitability}. */
export interface CustomerProfitabilityOptions extends TransactionReadOptions, InteractionReadOptions {
  /** Gross margin: the share of net revenue that is profit before the cost to serve. Default 1. */
  margin?: number | undefined;
  /** Unit costs of serving, on top of each interaction's `cost`. */
  costs?: ServingCosts | undefined;
  /** Analysis date (inclusive). Default: the last transaction or interaction day. */
  asOf?: Date | string | number | undefined;
  /** Calendar periods of the `periods` table (UTC). Default 'month'. */
  period?: PeriodKind | undefined;
  /** The month (1-12) quarters and years start in (4: April to March, labelled 'FY2025'). Default 1. */
  fiscalYearStart?: number | undefined;
  /** Cumulative-profit thresholds of the A and B tiers. Default [0.8, 0.95]. */
  tierThresholds?: readonly [number, number] | undefined;
}

/** Per customer (with a purchase or an interaction up to `asOf`), in order of first appearance. */
export interface CustomerProfitability {
  customerId: CustomerId[];
  /** Net revenue up to asOf (returns netted as the read options say). */
  revenue: Float64Array;
  /** margin × revenue. */
  grossMargin: Float64Array;
  /** Σ over interactions (cost + byChannel[channel] + byKind[kind]) + perTransaction × transaction rows. */
  costToServe: Float64Array;
  /** grossMargin - costToServe. */
  profit: Float64Array;
  /** Profit per 30.44 days of tenure (first activity to asOf, at least one day). */
  profitPerMonth: Float64Array;
  /** 'A', 'B', 'C' by cumulative share of the positive profit; 'loss' for profit < 0. */
  tier: ProfitTier[];
  /** lowYield (profit < 0), cashFlow (repeat, tier A), quasiCashFlow (repeat, tier B or growing), other. */
  valueClass: ValueClass[];
  /** The cost to serve split by channel and by interaction kind (the per-transaction cost under 'transactions'). */
  costByChannel: Record<string, Float64Array>;
  costByKind: Record<string, Float64Array>;
  readonly length: number;
  /** Customers, profit and their shares per tier, the loss tail included. */
  readonly tiers: ProfitTierSummary[];
  /** Kaplan's whale curve of cumulative profit. */
  readonly whale: WhaleCurve;
  /** Revenue, margin, cost to serve and profit per calendar period, as flat columns. */
  readonly periods: ProfitPeriods;
  readonly totals: { readonly revenue: number; readonly grossMargin: number; readonly costToServe: number; readonly profit: number; readonly customers: number; readonly lossCustomers: number; readonly loss: number };
}

const costMap = z.record(z.string(), finiteOption.check(z.minimum(0, { error: 'must be a finite number >= 0' })));
/** zod schema of {@link ServingCosts}. @internal */
export const costsOption = z.looseObject({ byChannel: z.optional(costMap), byKind: z.optional(costMap), perTransaction: z.optional(finiteOption.check(z.minimum(0, { error: 'must be a finite number >= 0' }))) });
/** zod schema of the margin option: a share of revenue in [0, 1]. @internal */
export const marginOption = finiteOption.check(z.minimum(0, { error: 'must be between 0 and 1' })).check(z.maximum(1, { error: 'must be between 0 and 1' }));
const schema = z.looseObject({
  ...historyOptionsShape,
  margin: z.optional(marginOption),
  costs: z.optional(costsOption),
  asOf: z.optional(dateOption),
  ...calendarOptionsShape,
  tierThresholds: z.optional(z.tuple([z.number().check(z.gt(0)).check(z.lte(1)), z.number().check(z.gt(0)).check(z.lte(1))])),
});

/**
 * Customer profitability: what each customer brings against what serving them costs, the
 * measure CRM practice assesses customers by (Kaplan & Narayanan 2001; Reinartz & Kumar 2000).
 *
 * Per customer with any purchase or interaction up to `asOf` (prospects with only
 * interactions included: they cost and bring nothing): revenue (net), gross margin =
 * margin × revenue, cost to serve = Σ over their interactions of (cost + byChannel[channel]
 * + byKind[kind]) + perTransaction × their transaction rows, profit = gross margin - cost to
 * serve, and profit per month of tenure. Tiers rank the customers by profit: A and B hold the
 * first 80 % and 95 % of the positive profit (as {@link abc} ranks value), C the rest, and
 * 'loss' the customers who cost more than they bring. Classes: lowYield for a loss,
 * cashFlow for a repeat customer (two or more purchase days) in tier A, quasiCashFlow for a
 * repeat customer in tier B or whose purchase days grow (more in the later half of the
 * tenure), other otherwise. The whale curve (cumulative profit of the customers ranked by
 * profit, as a share of the total) peaks above 100 % when the loss tail is real. `periods`
 * sums the same quantities per calendar period.
 *
 * @example
 * ```ts
 * const p = customerProfitability(transactions, interactions, { margin: 0.3, costs: { byChannel: { 'call-center': 4 } } });
 * p.tiers.find((t) => t.tier === 'loss')?.customers; p.whale.peakProfitShare;
 * ```
 * @see Kaplan, R. S., & Narayanan, V. G. (2001). Measuring and managing customer profitability. Journal of Cost Management, 15(5), 5-15.
 */
export function customerProfitability(transactions: TransactionInput, interactions: InteractionInput | null | undefined, options: CustomerProfitabilityOptions = {}): CustomerProfitability {
  const fn = 'customerProfitability';
  const o = parseOptions(fn, schema, options) as CustomerProfitabilityOptions;
  const asOf0 = optionDay(o.asOf, o.numericDates);
  const h = customerHistory(fn, transactions, interactions ?? undefined, o, asOf0);
  return profitabilityFromHistory(h, asOf0 ?? historyEnd(h), o);
}

/** Options {@link profitabilityFromHistory} reads. @internal */
export type ProfitabilityParts = Pick<CustomerProfitabilityOptions, 'margin' | 'costs' | 'period' | 'fiscalYearStart' | 'tierThresholds'>;

/** {@link customerProfitability} on an already built history at day `end`. @internal */
export function profitabilityFromHistory(h: CustomerHistory, end: number, o: ProfitabilityParts): CustomerProfitability {
  const it = h.interactions;
  const N = h.index.size;
  const margin = o.margin ?? 1;
  const asOf = historyAsOf(h.partial, end);
  const revenue = new Float64Array(N);
  const cost = new Float64Array(N);
  const firstDay = new Float64Array(N).fill(Number.NaN);
  // Maps, not objects: a channel or kind may be any string, '__proto__' included
  const byChannel = new Map<string, Float64Array>();
  const byKind = new Map<string, Float64Array>();
  const add = (table: Map<string, Float64Array>, key: string, c: number, v: number): void => {
    let col = table.get(key);
    if (!col) table.set(key, (col = new Float64Array(N)));
    col[c] = (col[c] as number) + v;
  };
  const perTx = o.costs?.perTransaction ?? 0;
  const { dayStart, day } = h.partial;
  for (let c = 0; c < h.nTx; c++) {
    // the customer's first row (a purchase or a return) up to asOf
    const d0 = day[dayStart[c] as number] as number;
    if (!(d0 <= end)) continue;
    revenue[c] = asOf.total[c] as number;
    firstDay[c] = d0;
  }
  if (perTx > 0) for (let i = 0; i < h.tx.length; i++) {
    if ((h.tx.day[i] as number) > end) continue;
    const c = h.tx.customer[i] as number;
    cost[c] = (cost[c] as number) + perTx;
    add(byChannel, 'transactions', c, perTx);
    add(byKind, 'transactions', c, perTx);
  }
  if (it) for (let i = 0; i < it.length; i++) {
    const d = it.day[i] as number;
    if (d > end) continue;
    const c = it.customer[i] as number;
    const channel = it.channel[i] as string;
    const kind = it.kind[i] as string;
    const v = (it.cost[i] as number) + unitCost(o.costs?.byChannel, channel) + unitCost(o.costs?.byKind, kind);
    cost[c] = (cost[c] as number) + v;
    add(byChannel, channel, c, v);
    add(byKind, kind, c, v);
    if (!(firstDay[c]! <= d)) firstDay[c] = d;
  }
  // the customers active up to asOf, in order of first appearance
  const keep: number[] = [];
  for (let c = 0; c < N; c++) if (Number.isFinite(firstDay[c] as number)) keep.push(c);
  const n = keep.length;
  const pick = (col: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = col[keep[k] as number] as number;
    return out;
  };
  const rev = pick(revenue);
  const costCol = pick(cost);
  const grossMargin = rev.map((v) => margin * v);
  const profit = grossMargin.map((g, k) => g - (costCol[k] as number));
  const profitPerMonth = new Float64Array(n);
  for (let k = 0; k < n; k++) profitPerMonth[k] = (profit[k] as number) / (Math.max(1, end - (firstDay[keep[k] as number] as number) + 1) / 30.436875);
  const ids = keep.map((c) => h.index.ids[c] as CustomerId);
  const tier = profitTiers(ids, profit, o.tierThresholds);
  const valueClass = keep.map((c, k): ValueClass => {
    const t = tier[k];
    if (t === 'loss') return 'lowYield';
    const days = c < h.nTx ? (asOf.days[c] as number) : 0;
    if (days < 2) return 'other';
    if (t === 'A') return 'cashFlow';
    const late = purchaseDaysBetween(h.partial, c, ((asOf.first[c] as number) + end) / 2, end);
    return t === 'B' || late > days - 1 - late ? 'quasiCashFlow' : 'other';
  });
  const split = (table: Map<string, Float64Array>): Record<string, Float64Array> => Object.fromEntries([...table].map(([key, col]) => [key, pick(col)]));
  const table = periodTable(h, end, o.period ?? 'month', margin, o.costs, o.fiscalYearStart ?? 1);
  const sum = (v: Float64Array): number => v.reduce((a, b) => a + b, 0);
  let lossCustomers = 0;
  let loss = 0;
  for (let k = 0; k < n; k++) if ((profit[k] as number) < 0) (lossCustomers++, (loss += profit[k] as number));
  const totals = { revenue: sum(rev), grossMargin: sum(grossMargin), costToServe: sum(costCol), profit: sum(profit), customers: n, lossCustomers, loss };
  return withMeta(
    { customerId: ids, revenue: rev, grossMargin, costToServe: costCol, profit, profitPerMonth, tier, valueClass, costByChannel: split(byChannel), costByKind: split(byKind) },
    { length: n, tiers: summarizeTiers(tier, profit), whale: whaleCurve(profit), periods: table, totals, asOf: dayToIso(end) },
  );
}

/** A unit cost by name, own properties only (a channel named 'constructor' has no inherited cost). */
export function unitCost(table: { readonly [name: string]: number } | undefined, name: string): number {
  return table !== undefined && Object.prototype.hasOwnProperty.call(table, name) ? (table[name] as number) : 0;
}

function summarizeTiers(tier: ProfitTier[], profit: Float64Array): ProfitTierSummary[] {
  const n = tier.length;
  let positive = 0;
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += profit[k] as number;
    if ((profit[k] as number) > 0) positive += profit[k] as number;
  }
  return (['A', 'B', 'C', 'loss'] as const).map((t) => {
    let customers = 0;
    let p = 0;
    for (let k = 0; k < n; k++) if (tier[k] === t) (customers++, (p += profit[k] as number));
    return { tier: t, customers, profit: p, customerShare: n > 0 ? customers / n : null, profitShare: total !== 0 ? p / total : null, shareOfPositive: positive > 0 && t !== 'loss' ? p / positive : null };
  });
}
