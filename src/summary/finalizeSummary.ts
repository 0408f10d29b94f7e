import { z } from 'zod';
import { dayToIso, type TimeUnit } from '../data/days.js';
import { withMeta } from '../data/columns.js';
import { dateOption, optionDay, parseOptions, unitDays, unitOption } from '../data/options.js';
import type { CustomerId } from '../data/types.js';
import { CustomerValueError } from '../errors.js';
import type { SummaryPartial } from './partial.js';
import type { CustomerSummary, FinalizeSummaryOptions, SummaryOrder } from './types.js';

/** @internal */
export const finalizeShape = {
  observationEnd: dateOption.optional(),
  unit: unitOption.optional(),
  order: z.enum(['first-seen', 'customerId'], { error: "must be 'first-seen' or 'customerId'" }).optional(),
};
const schema = z.looseObject(finalizeShape);

/** Compare customer ids: numbers ascending, then strings in code-unit order. @internal */
export function compareIds(a: CustomerId, b: CustomerId): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Customer order for a summary: identity or by id. @internal */
export function customerOrder(ids: readonly CustomerId[], order: string | undefined): Uint32Array | undefined {
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

/**
 * Turn a partial state into the per-customer summary (see {@link summarize} for the
 * definitions). With the same options, `finalizeSummary(mergePartials(...chunks))` equals
 * `summarize(allRows)`; with `order: 'customerId'` the row order does not depend on how the
 * rows were chunked or in which order the chunks were merged.
 *
 * @example
 * ```ts
 * const summary = finalizeSummary(summarizePartial(rows), { observationEnd: '1997-09-30', unit: 'week' });
 * ```
 */
export function finalizeSummary(partial: SummaryPartial, options: FinalizeSummaryOptions = {}): CustomerSummary {
  const o = parseOptions('finalizeSummary', schema, options);
  return finalizeWithSource(partial, o.observationEnd, o.unit, o.order).summary;
}

/**
 * {@link finalizeSummary} after option parsing; also returns, per summary row, the
 * partial's customer index it came from.
 * @internal
 */
export function finalizeWithSource(
  partial: SummaryPartial,
  observationEnd: Date | string | number | undefined,
  unitOpt: TimeUnit | undefined,
  orderOpt: SummaryOrder | undefined,
): { summary: CustomerSummary; source: Uint32Array } {
  if (partial === null || typeof partial !== 'object' || partial.kind !== 'summary-partial') {
    throw new CustomerValueError('invalid_input', 'finalizeSummary: expected a partial made by summarizePartial or mergePartials', [
      { code: 'invalid_partial', path: ['partial'], message: 'expected a summary partial', value: partial },
    ]);
  }
  const unit = unitOpt ?? 'day';
  const per = unitDays(unit);
  const end = optionDay(observationEnd) ?? partial.maxDay;
  const { customerIds, dayStart, day, valueHi, valueLo, rows, purchaseRows } = partial;
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
  let k = 0;
  let used = 0;
  let afterEnd = partial.counts.afterObservationEnd;
  let withoutPurchases = 0;

  for (let j = 0; j < nc; j++) {
    const c = order ? (order[j] as number) : j;
    const from = dayStart[c] as number;
    const to = dayStart[c + 1] as number;
    let first = 0;
    let last = 0;
    let days = 0;
    let totHi = 0;
    let totLo = 0;
    let repHi = 0;
    let repLo = 0;
    let i = from;
    for (; i < to; i++) {
      const d = day[i] as number;
      if (d > end) break;
      used += rows[i] as number;
      const v = (valueHi[i] as number) + (valueLo[i] as number);
      let t = totHi + v;
      totLo += Math.abs(totHi) >= Math.abs(v) ? totHi - t + v : v - t + totHi;
      totHi = t;
      if ((purchaseRows[i] as number) > 0) {
        if (days === 0) first = d;
        else {
          t = repHi + v;
          repLo += Math.abs(repHi) >= Math.abs(v) ? repHi - t + v : v - t + repHi;
          repHi = t;
        }
        last = d;
        days++;
      }
    }
    for (; i < to; i++) afterEnd += rows[i] as number;
    if (days === 0) {
      if (to > from && (day[from] as number) <= end) withoutPurchases++;
      continue;
    }
    source[k] = c;
    customerId.push(customerIds[c] as CustomerId);
    frequency[k] = days - 1;
    recency[k] = (last - first) / per;
    T[k] = (end - first) / per;
    monetaryValue[k] = days > 1 ? (repHi + repLo) / (days - 1) : 0;
    totalValue[k] = totHi + totLo;
    firstPurchase.push(iso.get(first));
    lastPurchase.push(iso.get(last));
    k++;
  }
  const columns = {
    customerId,
    frequency: frequency.subarray(0, k),
    recency: recency.subarray(0, k),
    T: T.subarray(0, k),
    monetaryValue: monetaryValue.subarray(0, k),
    totalValue: totalValue.subarray(0, k),
    firstPurchase,
    lastPurchase,
  };
  const summary = withMeta(columns, {
    length: k,
    unit,
    observationEnd: Number.isFinite(end) ? dayToIso(end) : '',
    report: {
      rows: partial.counts.rows,
      used,
      afterObservationEnd: afterEnd,
      duplicateOrders: partial.counts.duplicateOrders,
      returnsIgnored: partial.counts.returnsIgnored,
      customersWithoutPurchases: withoutPurchases,
    },
  });
  return { summary, source: source.subarray(0, k) };
}
