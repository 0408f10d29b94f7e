/**
 * Summary totals in one pass over rows that are in date order within each customer (as a
 * log sorted by date is), with one cache line of state per customer.
 * @internal
 */
import { MS_PER_DAY } from '../data/days.js';
import type { EncodedTransactions } from '../data/encodeTransactions.js';
import { roundoff } from '../math/sum.js';
import type { CustomerTotals } from './totals.js';

// One 64-byte record (a cache line) per customer: six compensated sums as doubles, then four
// 32-bit integers: the current day (INT32_MIN until the first row), the first and last
// purchase days, and 2 x purchase days + (1 when the current day has a purchase row).
const F_CUR_HI = 0, F_CUR_LO = 1, F_TOT_HI = 2, F_TOT_LO = 3, F_REP_HI = 4, F_REP_LO = 5;
const I_CUR_DAY = 12, I_FIRST = 13, I_LAST = 14, I_DAYS = 15;
const UNSEEN = -2147483648;

function closeDay(f: Float64Array, g: Int32Array, c: number): void {
  const o = c * 8;
  const q = c * 16;
  const v = (f[o + F_CUR_HI] as number) + (f[o + F_CUR_LO] as number);
  const totHi = f[o + F_TOT_HI] as number;
  let t = totHi + v;
  f[o + F_TOT_LO] = (f[o + F_TOT_LO] as number) + roundoff(totHi, v, t);
  f[o + F_TOT_HI] = t;
  const daysFlag = g[q + I_DAYS] as number;
  if (daysFlag & 1) {
    const d = g[q + I_CUR_DAY] as number;
    if (daysFlag >> 1 === 0) g[q + I_FIRST] = d;
    else {
      const repHi = f[o + F_REP_HI] as number;
      t = repHi + v;
      f[o + F_REP_LO] = (f[o + F_REP_LO] as number) + roundoff(repHi, v, t);
      f[o + F_REP_HI] = t;
    }
    g[q + I_LAST] = d;
    g[q + I_DAYS] = ((daysFlag >> 1) + 1) * 2;
  } else g[q + I_DAYS] = daysFlag & ~1;
}

const ADDED = 0;
const FIRST_ROW = 1;
const BACK_IN_TIME = 2;

/**
 * Add a row (customer c, day d, amount x) to the customer's record; rows of a customer
 * must come in day order. Returns FIRST_ROW for the customer's first row, BACK_IN_TIME
 * (and changes nothing) when d is before the customer's current day, else ADDED.
 */
function addRow(f: Float64Array, g: Int32Array, c: number, d: number, x: number): number {
  const o = c * 8;
  const q = c * 16;
  const cur = g[q + I_CUR_DAY] as number;
  let result = ADDED;
  if (cur !== d) {
    if (cur === UNSEEN) result = FIRST_ROW;
    else {
      if (d < cur) return BACK_IN_TIME;
      closeDay(f, g, c);
      f[o + F_CUR_HI] = 0;
      f[o + F_CUR_LO] = 0;
    }
    g[q + I_CUR_DAY] = d;
  }
  const hi = f[o + F_CUR_HI] as number;
  const t = hi + x;
  f[o + F_CUR_LO] = (f[o + F_CUR_LO] as number) + roundoff(hi, x, t);
  f[o + F_CUR_HI] = t;
  if (x >= 0) g[q + I_DAYS] = (g[q + I_DAYS] as number) | 1;
  return result;
}

/**
 * Totals in one pass over rows that are in date order within each customer (as a log
 * sorted by date is), with one cache line of state per customer. Returns undefined as soon
 * as a customer's rows go back in time; the caller then groups the rows first.
 * @internal
 */
export function totalsFromSortedRows(tx: EncodedTransactions): CustomerTotals | undefined {
  const nc = tx.customerIds.length;
  const n = tx.length;
  const { customer, day, amount } = tx;
  const buffer = new ArrayBuffer(nc * 64);
  const f = new Float64Array(buffer);
  const g = new Int32Array(buffer);
  for (let c = 0; c < nc; c++) g[c * 16 + I_CUR_DAY] = UNSEEN;
  for (let i = 0; i < n; i++) {
    if (addRow(f, g, customer[i] as number, day[i] as number, amount[i] as number) === BACK_IN_TIME) return undefined;
  }
  return totalsOfRecords(f, g, nc, undefined, nc, n, tx.afterObservationEnd);
}

/**
 * The totals from the per-customer records, in record order (a streaming pass), then, when
 * `order` is given, gathered into that order (first `count` entries).
 */
function totalsOfRecords(f: Float64Array, g: Int32Array, records: number, order: Int32Array | undefined, count: number, used: number, afterEnd: number): CustomerTotals {
  const days = new Int32Array(records);
  const first = new Int32Array(records);
  const last = new Int32Array(records);
  const repeat = new Float64Array(records);
  const total = new Float64Array(records);
  const hasRows = new Uint8Array(records);
  for (let c = 0; c < records; c++) {
    const o = c * 8;
    const q = c * 16;
    if (g[q + I_CUR_DAY] === UNSEEN) continue;
    closeDay(f, g, c);
    hasRows[c] = 1;
    days[c] = (g[q + I_DAYS] as number) >> 1;
    first[c] = g[q + I_FIRST] as number;
    last[c] = g[q + I_LAST] as number;
    repeat[c] = (f[o + F_REP_HI] as number) + (f[o + F_REP_LO] as number);
    total[c] = (f[o + F_TOT_HI] as number) + (f[o + F_TOT_LO] as number);
  }
  if (!order) return { days, first, last, repeat, total, hasRows, used, afterObservationEnd: afterEnd };
  const pick = <A extends Int32Array | Float64Array | Uint8Array>(a: A, out: A): A => {
    for (let k = 0; k < count; k++) out[k] = a[order[k] as number] as number;
    return out;
  };
  return {
    days: pick(days, new Int32Array(count)),
    first: pick(first, new Int32Array(count)),
    last: pick(last, new Int32Array(count)),
    repeat: pick(repeat, new Float64Array(count)),
    total: pick(total, new Float64Array(count)),
    hasRows: pick(hasRows, new Uint8Array(count)),
    used,
    afterObservationEnd: afterEnd,
  };
}

/** The compact range [lo, hi] of whole-number ids in a typed array, or undefined. */
function compactIdRange(ids: ArrayLike<number>): { lo: number; hi: number } | undefined {
  const n = ids.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = ids[i] as number;
    if (x !== Math.floor(x)) return undefined;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return n > 0 && hi - lo < 4 * n + 1024 ? { lo, hi } : undefined;
}

const MAX_MS = 8.64e15;

/** What {@link directTotals} returns. @internal */
export interface DirectTotals {
  /** Customer ids in order of first appearance. */
  readonly customerIds: number[];
  readonly totals: CustomerTotals;
  /** Last day of the rows kept, NaN when none. */
  readonly maxDay: number;
}

/**
 * The one-pass summary of a log whose customer ids are whole numbers in a compact range
 * (a typed array), with typed epoch-millisecond dates and typed amounts: each id addresses
 * its customer's record directly (no dictionary), dates become days in the same pass and
 * nothing is stored per row. Returns undefined when this route does not apply (a date or
 * amount that is not valid, a customer's rows going back in time); the caller then takes
 * the general route, which reports every bad row. Rows after `end` are left out and counted.
 * @internal
 */
export function directTotals(ids: ArrayLike<number>, dates: ArrayLike<number>, amounts: ArrayLike<number>, end: number): DirectTotals | undefined {
  const range = compactIdRange(ids);
  if (!range) return undefined;
  const n = ids.length;
  const { lo } = range;
  const slots = range.hi - lo + 1;
  const buffer = new ArrayBuffer(slots * 64);
  const f = new Float64Array(buffer);
  const g = new Int32Array(buffer);
  for (let c = 0; c < slots; c++) g[c * 16 + I_CUR_DAY] = UNSEEN;
  const order = new Int32Array(slots);
  let seen = 0;
  let afterEnd = 0;
  let maxDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const ms = dates[i] as number;
    const x = amounts[i] as number;
    if (!(ms >= -MAX_MS && ms <= MAX_MS) || x - x !== 0) return undefined;
    const d = Math.floor(ms / MS_PER_DAY);
    if (d > end) {
      afterEnd++;
      continue;
    }
    if (d > maxDay) maxDay = d;
    const c = (ids[i] as number) - lo;
    const r = addRow(f, g, c, d, x);
    if (r === FIRST_ROW) order[seen++] = c;
    else if (r === BACK_IN_TIME) return undefined;
  }
  const customerIds = new Array<number>(seen);
  for (let k = 0; k < seen; k++) customerIds[k] = (order[k] as number) + lo;
  return { customerIds, totals: totalsOfRecords(f, g, slots, order, seen, n - afterEnd, afterEnd), maxDay: seen > 0 ? maxDay : Number.NaN };
}
