import type { CustomerId } from '../data/types.js';
import { CustomerValueError } from '../errors.js';
import { isSummaryPartial, type SummaryPartial } from './partial.js';
import { roundoff } from '../math/sum.js';

function check(p: unknown, name: string): asserts p is SummaryPartial {
  if (!isSummaryPartial(p)) {
    throw new CustomerValueError('invalid_input', `mergePartials: ${name} must be a partial made by summarizePartial or mergePartials`, [
      { code: 'invalid_partial', path: [name], message: 'expected a summary partial', value: p },
    ]);
  }
}

/**
 * Merge two partial summary states into one. Customers are matched by id; a day present in
 * both is combined (values added with compensation, row counts added). Customers keep the
 * order of `a`, then the new ones of `b`. Cost: linear in the (customer, day) pairs of both.
 *
 * @example
 * ```ts
 * const merged = [p1, p2, p3].reduce(mergePartials);
 * ```
 */
export function mergePartials(a: SummaryPartial, b: SummaryPartial): SummaryPartial {
  check(a, 'a');
  check(b, 'b');
  const index = new Map<CustomerId, number>();
  const customerIds = a.customerIds.slice();
  for (let c = 0; c < customerIds.length; c++) index.set(customerIds[c] as CustomerId, c);
  const bTo = new Uint32Array(b.customerIds.length);
  for (let c = 0; c < b.customerIds.length; c++) {
    const id = b.customerIds[c] as CustomerId;
    let m = index.get(id);
    if (m === undefined) {
      m = customerIds.length;
      index.set(id, m);
      customerIds.push(id);
    }
    bTo[c] = m;
  }
  const nc = customerIds.length;
  const na = a.customerIds.length;
  // where each merged customer's days are in b
  const bFrom = new Int32Array(nc).fill(-1);
  for (let c = 0; c < bTo.length; c++) bFrom[bTo[c] as number] = c;

  const cap = a.day.length + b.day.length;
  const day = new Int32Array(cap);
  const hi = new Float64Array(cap);
  const lo = new Float64Array(cap);
  const rows = new Uint32Array(cap);
  const pr = new Uint32Array(cap);
  const dayStart = new Uint32Array(nc + 1);
  let w = 0;
  const put = (src: SummaryPartial, i: number): void => {
    day[w] = src.day[i] as number;
    hi[w] = src.valueHi[i] as number;
    lo[w] = src.valueLo[i] as number;
    rows[w] = src.rows[i] as number;
    pr[w] = src.purchaseRows[i] as number;
    w++;
  };
  for (let c = 0; c < nc; c++) {
    dayStart[c] = w;
    let i = c < na ? (a.dayStart[c] as number) : 0;
    const iEnd = c < na ? (a.dayStart[c + 1] as number) : 0;
    const cb = bFrom[c] as number;
    let j = cb >= 0 ? (b.dayStart[cb] as number) : 0;
    const jEnd = cb >= 0 ? (b.dayStart[cb + 1] as number) : 0;
    while (i < iEnd && j < jEnd) {
      const da = a.day[i] as number;
      const db = b.day[j] as number;
      if (da < db) put(a, i++);
      else if (db < da) put(b, j++);
      else {
        const x = a.valueHi[i] as number;
        const y = b.valueHi[j] as number;
        const t = x + y;
        const e = roundoff(x, y, t);
        day[w] = da;
        hi[w] = t;
        lo[w] = (a.valueLo[i] as number) + (b.valueLo[j] as number) + e;
        rows[w] = (a.rows[i] as number) + (b.rows[j] as number);
        pr[w] = (a.purchaseRows[i] as number) + (b.purchaseRows[j] as number);
        w++;
        i++;
        j++;
      }
    }
    while (i < iEnd) put(a, i++);
    while (j < jEnd) put(b, j++);
  }
  dayStart[nc] = w;
  const maxDay = Number.isNaN(a.maxDay) ? b.maxDay : Number.isNaN(b.maxDay) ? a.maxDay : Math.max(a.maxDay, b.maxDay);
  return {
    kind: 'summary-partial',
    customerIds,
    dayStart,
    day: day.subarray(0, w),
    valueHi: hi.subarray(0, w),
    valueLo: lo.subarray(0, w),
    rows: rows.subarray(0, w),
    purchaseRows: pr.subarray(0, w),
    maxDay,
    counts: {
      rows: a.counts.rows + b.counts.rows,
      afterObservationEnd: a.counts.afterObservationEnd + b.counts.afterObservationEnd,
      duplicateOrders: a.counts.duplicateOrders + b.counts.duplicateOrders,
      returnsIgnored: a.counts.returnsIgnored + b.counts.returnsIgnored,
    },
  };
}
