import { dayToIso, type TimeUnit } from '../data/days.js';
import { withMeta } from '../data/columns.js';
import type { CustomerId } from '../data/types.js';
import type { SummaryReport } from './partial.js';
import type { CustomerSummary, SummaryOrder } from './types.js';
import { unitDays } from '../data/options.js';
import { markValidated } from './readSummary.js';
import { CustomerValueError } from '../errors.js';

/**
 * Per-customer totals from which a summary is built, whichever way they were computed.
 * Values are compensated sums, added day by day in day order, so both routes give the
 * same bits.
 * @internal
 */
export interface CustomerTotals {
  /** Purchase days (0: the customer has rows but no purchase). */
  readonly days: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Net value of the repeat purchase days. */
  readonly repeat: Float64Array;
  /** Net value of all days. */
  readonly total: Float64Array;
  /** 1 when the customer has a row up to the end. */
  readonly hasRows: Uint8Array;
  readonly used: number;
  readonly afterObservationEnd: number;
}

/** Compare customer ids: numbers ascending, then strings in code-unit order. @internal */
export function compareIds(a: CustomerId, b: CustomerId): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Customer order for a summary: identity or by id. @internal */
export function customerOrder(ids: readonly CustomerId[], order: SummaryOrder | undefined): Uint32Array | undefined {
  if (order !== 'customerId') return undefined;
  const idx = new Uint32Array(ids.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  let allNumbers = true;
  for (let i = 0; i < ids.length && allNumbers; i++) allNumbers = typeof ids[i] === 'number';
  if (allNumbers) {
    const v = ids as readonly number[];
    return idx.sort((x, y) => (v[x] as number) - (v[y] as number));
  }
  return idx.sort((x, y) => compareIds(ids[x] as CustomerId, ids[y] as CustomerId));
}

/** Cache of `YYYY-MM-DD` strings by day, so a million customers cost a few thousand strings. @internal */
export class IsoDayCache {
  private readonly cache = new Map<number, string>();
  get(day: number): string {
    let s = this.cache.get(day);
    if (s === undefined) {
      s = dayToIso(day);
      this.cache.set(day, s);
    }
    return s;
  }
}

/** A customer whose amounts add up beyond the largest double: an error, not an Infinity or NaN in the summary. */
function overflow(fn: string, id: CustomerId): never {
  const message = `the amounts of customer ${JSON.stringify(id)} add up to more than the largest number (about 1.8e308)`;
  throw new CustomerValueError('invalid_input', `${fn}: ${message}; scale the amounts down`, [{ code: 'overflow', path: ['transactions', 'amount'], message, value: id }]);
}

/** Row counts that the totals do not know. @internal */
export interface ReportCounts {
  readonly rows: number;
  readonly duplicateOrders: number;
  readonly returnsIgnored: number;
}

/**
 * The summary columns from per-customer totals; also, per summary row, the customer index
 * it came from.
 * @internal
 */
export function buildSummary(
  customerIds: readonly CustomerId[],
  totals: CustomerTotals,
  end: number,
  unit: TimeUnit,
  orderOpt: SummaryOrder | undefined,
  counts: ReportCounts,
  fn = 'summarize',
): { summary: CustomerSummary; source: Uint32Array } {
  const per = unitDays(unit);
  const nc = customerIds.length;
  const order = customerOrder(customerIds, orderOpt);
  const source = new Uint32Array(nc);
  const customerId: CustomerId[] = [];
  const frequency = new Int32Array(nc);
  const recency = new Float64Array(nc);
  const T = new Float64Array(nc);
  const monetaryValue = new Float64Array(nc);
  const totalValue = new Float64Array(nc);
  const firstPurchase: string[] = [];
  const lastPurchase: string[] = [];
  const iso = new IsoDayCache();
  const { days, first, last, repeat, total, hasRows } = totals;
  let k = 0;
  let withoutPurchases = 0;
  for (let j = 0; j < nc; j++) {
    const c = order ? (order[j] as number) : j;
    const dc = days[c] as number;
    if (dc === 0) {
      if (hasRows[c]) withoutPurchases++;
      continue;
    }
    const f = first[c] as number;
    const l = last[c] as number;
    source[k] = c;
    customerId.push(customerIds[c] as CustomerId);
    frequency[k] = dc - 1;
    recency[k] = (l - f) / per;
    T[k] = (end - f) / per;
    monetaryValue[k] = dc > 1 ? (repeat[c] as number) / (dc - 1) : 0;
    totalValue[k] = total[c] as number;
    if (!Number.isFinite(totalValue[k] as number) || !Number.isFinite(monetaryValue[k] as number)) overflow(fn, customerIds[c] as CustomerId);
    firstPurchase.push(iso.get(f));
    lastPurchase.push(iso.get(l));
    k++;
  }
  const report: SummaryReport = {
    rows: counts.rows,
    used: totals.used,
    afterObservationEnd: totals.afterObservationEnd,
    duplicateOrders: counts.duplicateOrders,
    returnsIgnored: counts.returnsIgnored,
    customersWithoutPurchases: withoutPurchases,
  };
  const summary = markValidated(withMeta(
    {
      customerId,
      frequency: frequency.subarray(0, k),
      recency: recency.subarray(0, k),
      T: T.subarray(0, k),
      monetaryValue: monetaryValue.subarray(0, k),
      totalValue: totalValue.subarray(0, k),
      firstPurchase,
      lastPurchase,
    },
    { length: k, unit, observationEnd: Number.isFinite(end) ? dayToIso(end) : '', report },
  ), unit);
  return { summary, source: source.subarray(0, k) };
}
