import type { CustomerId } from '../data/types.js';
import type { EncodedTransactions } from '../data/encodeTransactions.js';
import { roundoff } from '../math/sum.js';

/** Counts of what happened to the input rows. */
export interface SummaryReport {
  /** Input rows read. */
  readonly rows: number;
  /** Rows that went into the summary. */
  readonly used: number;
  /** Rows dated after `observationEnd`, left out. */
  readonly afterObservationEnd: number;
  /** Rows dropped as a repeated `orderId` (`dropDuplicateOrders: true`). */
  readonly duplicateOrders: number;
  /** Negative-amount rows dropped under `returns: 'ignore'`. */
  readonly returnsIgnored: number;
  /** Customers whose rows up to `observationEnd` are all returns: they have no purchase day and are not in the summary. */
  readonly customersWithoutPurchases: number;
}

/**
 * A mergeable summary state: every customer's purchase days with the day's net value.
 * Build one per chunk with {@link summarizePartial}, combine with {@link mergePartials} and
 * turn into a summary with {@link finalizeSummary}. Its size grows with the number of
 * (customer, day) pairs, not with the number of rows.
 */
export interface SummaryPartial {
  readonly kind: 'summary-partial';
  /** Distinct customers in order of first appearance. */
  readonly customerIds: CustomerId[];
  /** Customer `c` owns days `dayStart[c]` to `dayStart[c + 1] - 1`, ascending. */
  readonly dayStart: Uint32Array;
  /** UTC epoch day of each (customer, day). */
  readonly day: Int32Array;
  /** Compensated net value of each (customer, day): `valueHi + valueLo`. */
  readonly valueHi: Float64Array;
  readonly valueLo: Float64Array;
  /** Input rows merged into each (customer, day). */
  readonly rows: Uint32Array;
  /** Rows with a non-negative amount (purchases) in each (customer, day). */
  readonly purchaseRows: Uint32Array;
  /** Last day over all rows kept, NaN when none. */
  readonly maxDay: number;
  /** Row counts (rows, afterObservationEnd, duplicateOrders, returnsIgnored) so far. */
  readonly counts: {
    readonly rows: number;
    readonly afterObservationEnd: number;
    readonly duplicateOrders: number;
    readonly returnsIgnored: number;
  };
}

/**
 * Whether p is a partial made by summarizePartial or mergePartials: the kind, and the
 * columns with the lengths they must have (a hand-made look-alike is rejected rather than
 * failing later with a TypeError). @internal
 */
export function isSummaryPartial(p: unknown): p is SummaryPartial {
  if (p === null || typeof p !== 'object' || (p as SummaryPartial).kind !== 'summary-partial') return false;
  const q = p as SummaryPartial;
  const nc = Array.isArray(q.customerIds) ? q.customerIds.length : -1;
  if (nc < 0 || !(q.dayStart instanceof Uint32Array) || q.dayStart.length !== nc + 1) return false;
  const m = q.dayStart[nc] as number;
  const columns = [q.day instanceof Int32Array, q.valueHi instanceof Float64Array, q.valueLo instanceof Float64Array, q.rows instanceof Uint32Array, q.purchaseRows instanceof Uint32Array];
  if (!columns.every(Boolean) || [q.day, q.valueHi, q.valueLo, q.rows, q.purchaseRows].some((c) => c.length !== m)) return false;
  const c = q.counts as unknown as Record<string, unknown> | undefined;
  return typeof c === 'object' && c !== null && ['rows', 'afterObservationEnd', 'duplicateOrders', 'returnsIgnored'].every((k) => typeof c[k] === 'number');
}

/** Insertion-sort a short run of (day, amount) pairs, stored interleaved, by day; stable. */
function insertionSort(pairs: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const d = pairs[2 * i] as number;
    const a = pairs[2 * i + 1] as number;
    let j = i - 1;
    while (j >= from && (pairs[2 * j] as number) > d) {
      pairs[2 * j + 2] = pairs[2 * j] as number;
      pairs[2 * j + 3] = pairs[2 * j + 1] as number;
      j--;
    }
    pairs[2 * j + 2] = d;
    pairs[2 * j + 3] = a;
  }
}

/** Stable sort of a long run of interleaved (day, amount) pairs by day. */
function indexSort(pairs: Float64Array, from: number, to: number): void {
  const len = to - from;
  const order = new Uint32Array(len);
  for (let i = 0; i < len; i++) order[i] = i;
  const copy = pairs.slice(2 * from, 2 * to);
  order.sort((x, y) => (copy[2 * x] as number) - (copy[2 * y] as number) || x - y);
  for (let i = 0; i < len; i++) {
    const o = order[i] as number;
    pairs[2 * (from + i)] = copy[2 * o] as number;
    pairs[2 * (from + i) + 1] = copy[2 * o + 1] as number;
  }
}

/**
 * Group encoded rows by customer (a counting sort), sort each customer's rows by day and
 * merge each (customer, day) into one compensated value.
 * @internal
 */
export function partialFromEncoded(tx: EncodedTransactions): SummaryPartial {
  const n = tx.length;
  const nc = tx.customerIds.length;
  const start = new Uint32Array(nc + 1);
  const { customer, day, amount } = tx;
  for (let i = 0; i < n; i++) (start[(customer[i] as number) + 1] as number)++;
  for (let c = 0; c < nc; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const next = start.slice(0, nc);
  // scatter (day, amount) pairs side by side: one cache line per row
  const pairs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    const j = next[c] as number;
    next[c] = j + 1;
    pairs[2 * j] = day[i] as number;
    pairs[2 * j + 1] = amount[i] as number;
  }
  const sDay = new Int32Array(n);
  const sHi = new Float64Array(n);
  const lo = new Float64Array(n);
  const rows = new Uint32Array(n);
  const purchaseRows = new Uint32Array(n);
  const dayStart = new Uint32Array(nc + 1);
  let w = 0;
  for (let c = 0; c < nc; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    let sorted = true;
    for (let i = from + 1; i < to && sorted; i++) sorted = (pairs[2 * i - 2] as number) <= (pairs[2 * i] as number);
    if (!sorted) {
      if (to - from <= 48) insertionSort(pairs, from, to);
      else indexSort(pairs, from, to);
    }
    dayStart[c] = w;
    let i = from;
    while (i < to) {
      const d = pairs[2 * i] as number;
      let hi = 0;
      let err = 0;
      let r = 0;
      let p = 0;
      for (; i < to && pairs[2 * i] === d; i++) {
        const x = pairs[2 * i + 1] as number;
        const t = hi + x;
        err += roundoff(hi, x, t);
        hi = t;
        r++;
        if (x >= 0) p++;
      }
      sDay[w] = d;
      sHi[w] = hi;
      lo[w] = err;
      rows[w] = r;
      purchaseRows[w] = p;
      w++;
    }
  }
  dayStart[nc] = w;
  return {
    kind: 'summary-partial',
    customerIds: tx.customerIds,
    dayStart,
    day: sDay.subarray(0, w),
    valueHi: sHi.subarray(0, w),
    valueLo: lo.subarray(0, w),
    rows: rows.subarray(0, w),
    purchaseRows: purchaseRows.subarray(0, w),
    maxDay: tx.maxDay,
    counts: {
      rows: tx.rows,
      afterObservationEnd: tx.afterObservationEnd,
      duplicateOrders: tx.duplicateOrders,
      returnsIgnored: tx.returnsIgnored,
    },
  };
}
