import * as z from 'zod/mini';
import { withMeta } from '../data/columns.js';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import type { InteractionReadOptions } from '../data/encodeInteractions.js';
import { dateOption, historyOptionsShape, optionDay, parseOptions } from '../data/options.js';
import type { CustomerId, InteractionInput, TransactionInput } from '../data/types.js';
import { abc } from '../abc/abc.js';
import { historyAsOf, purchaseDaysBetween } from '../summary/historyAsOf.js';
import { customerHistory, type CustomerHistory } from './customerHistory.js';

/** Options of {@link customerClasses}. */
export interface CustomerClassesOptions extends TransactionReadOptions, InteractionReadOptions {
  /** Interactions, for the cost of serving each customer. */
  interactions?: InteractionInput | undefined;
  /** Analysis date (inclusive). Default: the last transaction day. */
  asOf?: Date | string | number | undefined;
  /** Cumulative-value thresholds of the A and B tiers. Default [0.8, 0.95]. */
  tierThresholds?: readonly [number, number] | undefined;
  /** A customer whose interaction cost / revenue exceeds this is low-yield. Default 1 (costs more than it brings). */
  lowYieldRatio?: number | undefined;
}

export type ValueClass = 'cashFlow' | 'quasiCashFlow' | 'lowYield' | 'other';

export interface CustomerClasses {
  customerId: CustomerId[];
  /** 'relationship' (two or more purchase days) or 'transactional' (one). */
  relationship: Array<'relationship' | 'transactional'>;
  valueClass: ValueClass[];
  tier: Array<'A' | 'B' | 'C'>;
  /** Net revenue up to asOf. */
  value: Float64Array;
  /** Interaction cost up to asOf. */
  cost: Float64Array;
  /** cost / value (Infinity when value <= 0 and cost > 0; 0 without cost). */
  costRatio: Float64Array;
  /** 1 when the customer bought on more days in the later half of its tenure than in the earlier half (first purchase excluded). */
  growing: Uint8Array;
  readonly length: number;
  /** Customers with interactions but no purchase (not classified). */
  readonly prospects: number;
}

const schema = z.looseObject({
  ...historyOptionsShape,
  asOf: z.optional(dateOption),
  tierThresholds: z.optional(z.tuple([z.number().check(z.gt(0)).check(z.lte(1)), z.number().check(z.gt(0)).check(z.lte(1))])),
  lowYieldRatio: z.optional(z.number().check(z.minimum(0, { error: 'must be >= 0' }))),
});

/**
 * Customer classes of CRM practice, per customer who bought up to `asOf`:
 *
 * - relationship (repeat: two or more purchase days) or transactional (one-time) customer;
 * - value class, in this order: `lowYield` when serving the customer costs more than
 *   `lowYieldRatio` times what it brings (interaction cost / net revenue); `cashFlow` for
 *   repeat customers in ABC tier A (by value, thresholds `tierThresholds`); `quasiCashFlow`
 *   for repeat customers in tier B or whose purchase frequency is growing (more purchase
 *   days in the later half of their tenure than in the earlier half); `other` otherwise.
 *
 * @example
 * ```ts
 * const c = customerClasses(transactions, { interactions, asOf: '2024-12-31' });
 * c.valueClass[0]; // 'cashFlow'
 * ```
 */
export function customerClasses(transactions: TransactionInput, options: CustomerClassesOptions = {}): CustomerClasses {
  const fn = 'customerClasses';
  const o = parseOptions(fn, schema, options) as CustomerClassesOptions;
  const end0 = optionDay(o.asOf, o.numericDates);
  const h = customerHistory(fn, transactions, o.interactions, o, end0);
  return classesFromHistory(h, end0 ?? h.tx.maxDay, o);
}

/** {@link customerClasses} on an already built history. @internal */
export function classesFromHistory(h: CustomerHistory, end: number, o: Pick<CustomerClassesOptions, 'tierThresholds' | 'lowYieldRatio'>): CustomerClasses {
  const { partial, nTx } = h;
  const asOf = historyAsOf(partial, end);
  const keep: number[] = [];
  const value: number[] = [];
  const days: number[] = [];
  const growing: number[] = [];
  for (let c = 0; c < nTx; c++) {
    const count = asOf.days[c] as number;
    if (count === 0) continue;
    const total = asOf.total[c] as number;
    // repeat purchase days in the later half of the tenure against the earlier half
    const mid = ((asOf.first[c] as number) + end) / 2;
    const late = purchaseDaysBetween(partial, c, mid, end);
    const early = count - 1 - late;
    keep.push(c);
    value.push(total);
    days.push(count);
    growing.push(late > early ? 1 : 0);
  }
  const n = keep.length;
  const costAll = new Float64Array(h.index.size);
  const hasTouch = new Uint8Array(h.index.size);
  if (h.interactions) {
    const it = h.interactions;
    for (let i = 0; i < it.length; i++) {
      if ((it.day[i] as number) > end) continue;
      const c = it.customer[i] as number;
      costAll[c] = (costAll[c] as number) + (it.cost[i] as number);
      hasTouch[c] = 1;
    }
  }
  const bought = new Uint8Array(h.index.size);
  for (const c of keep) bought[c] = 1;
  let prospects = 0;
  for (let c = 0; c < h.index.size; c++) if (hasTouch[c] && !bought[c]) prospects++;
  const ids = keep.map((c) => h.index.ids[c] as CustomerId);
  const valueArr = Float64Array.from(value);
  const tiers = abc({ customerId: ids, value: valueArr }, { input: 'customers', thresholds: o.tierThresholds }).customers.tier;
  const ratio = o.lowYieldRatio ?? 1;
  const relationship: Array<'relationship' | 'transactional'> = new Array(n);
  const valueClass: ValueClass[] = new Array(n);
  const cost = new Float64Array(n);
  const costRatio = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = keep[k] as number;
    const repeat = (days[k] as number) >= 2;
    relationship[k] = repeat ? 'relationship' : 'transactional';
    cost[k] = costAll[c] as number;
    const v = value[k] as number;
    costRatio[k] = cost[k] === 0 ? 0 : v > 0 ? (cost[k] as number) / v : Number.POSITIVE_INFINITY;
    const t = tiers[k];
    valueClass[k] =
      (costRatio[k] as number) > ratio
        ? 'lowYield'
        : repeat && t === 'A'
          ? 'cashFlow'
          : repeat && (t === 'B' || growing[k] === 1)
            ? 'quasiCashFlow'
            : 'other';
  }
  return withMeta(
    { customerId: ids, relationship, valueClass, tier: tiers, value: valueArr, cost, costRatio, growing: Uint8Array.from(growing) },
    { length: n, prospects },
  );
}
