/**
 * Summary totals in one pass over rows that are in date order within each customer (as a
 * log sorted by date is), with one cache line of state per customer.
 * @internal
 */
import { MAX_MS, MS_PER_DAY } from '../data/days.js';
import type { EncodedTransactions } from '../data/encodeTransactions.js';
import { roundoff } from '../math/sum.js';
import { compactIdRange } from '../data/idIndex.js';
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
  const out = slotTotals(nc);
  closeRecords(f, g, nc, 0, out);
  return { ...out, used: n, afterObservationEnd: tx.afterObservationEnd };
}



/** What {@link directTotals} returns. @internal */
export interface DirectTotals {
  /** Customer ids in order of first appearance. */
  readonly customerIds: number[];
  readonly totals: CustomerTotals;
  /** Last day of the rows kept, NaN when none. */
  readonly maxDay: number;
}

/** Customers per partition: their records (64 bytes each) fit in a core's L2 cache. */
const PART_BITS = 15;
const PART = 1 << PART_BITS;

/** Rows of a log split by customer partition, each partition's rows in input order. */
interface Partitioned {
  /** Partition p's rows are start[p] .. start[p+1]-1. */
  readonly start: Uint32Array;
  /** Per row: the customer's index within its partition, and the day. */
  readonly slotDay: Int32Array;
  readonly amount: Float64Array;
  /** Customers (slots) in order of their first row. */
  readonly order: Int32Array;
  readonly seen: number;
  readonly afterEnd: number;
  readonly maxDay: number;
}

/**
 * Validate the rows, turn dates into days, leave out rows after `end`, note each customer's
 * first appearance, and scatter the rows by partition (a counting sort on the slot's high
 * bits, stable). Undefined when a date or amount is not valid.
 */
function partitionRows(ids: ArrayLike<number>, dates: ArrayLike<number>, amounts: ArrayLike<number>, lo: number, slots: number, end: number): Partitioned | undefined {
  const n = ids.length;
  const parts = Math.ceil(slots / PART);
  const start = new Uint32Array(parts + 1);
  for (let i = 0; i < n; i++) (start[(((ids[i] as number) - lo) >> PART_BITS) + 1] as number)++;
  for (let p = 0; p < parts; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const next = start.slice(0, parts);
  const slotDay = new Int32Array(2 * n);
  const amount = new Float64Array(n);
  const seenBits = new Uint8Array((slots >> 3) + 1);
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
    const bit = 1 << (c & 7);
    if (((seenBits[c >> 3] as number) & bit) === 0) {
      seenBits[c >> 3] = (seenBits[c >> 3] as number) | bit;
      order[seen++] = c;
    }
    const j = next[c >> PART_BITS] as number;
    next[c >> PART_BITS] = j + 1;
    slotDay[2 * j] = c & (PART - 1);
    slotDay[2 * j + 1] = d;
    amount[j] = x;
  }
  // rows left out by date leave gaps at the end of their partitions: close them up
  if (afterEnd > 0) compactPartitions(start, next, slotDay, amount);
  return { start, slotDay, amount, order, seen, afterEnd, maxDay };
}

/** Move partition rows together after rows were left out (next[p] is where partition p's rows end). */
function compactPartitions(start: Uint32Array, next: Uint32Array, slotDay: Int32Array, amount: Float64Array): void {
  let w = 0;
  for (let p = 0; p < next.length; p++) {
    const from = start[p] as number;
    const to = next[p] as number;
    start[p] = w;
    slotDay.copyWithin(2 * w, 2 * from, 2 * to);
    amount.copyWithin(w, from, to);
    w += to - from;
  }
  start[next.length] = w;
}

/** The per-slot totals arrays the partitions write into. */
function slotTotals(slots: number) {
  return {
    days: new Int32Array(slots),
    first: new Int32Array(slots),
    last: new Int32Array(slots),
    repeat: new Float64Array(slots),
    total: new Float64Array(slots),
    hasRows: new Uint8Array(slots),
  };
}

/**
 * The summary totals of a log whose customer ids are whole numbers in a compact range (a
 * typed array), with typed epoch-millisecond dates and typed amounts, rows in date order
 * within each customer: each id addresses its customer's record directly (no dictionary),
 * and the rows are first split into partitions of 32,768 customers so that a partition's
 * records stay in cache while its rows are added (a random memory access per row costs more
 * than the two sequential passes). Returns undefined when this route does not apply (a date
 * or amount that is not valid, a customer's rows going back in time); the caller then takes
 * the general route, which reports every bad row. Rows after `end` are left out and counted.
 * @internal
 */
export function directTotals(ids: ArrayLike<number>, dates: ArrayLike<number>, amounts: ArrayLike<number>, end: number): DirectTotals | undefined {
  const range = compactIdRange(ids);
  if (!range) return undefined;
  const { lo } = range;
  const slots = range.hi - lo + 1;
  const rows = partitionRows(ids, dates, amounts, lo, slots, end);
  if (!rows) return undefined;
  const { start, slotDay, amount } = rows;
  const out = slotTotals(slots);
  const g = new Int32Array(Math.min(slots, PART) * 16);
  const f = new Float64Array(g.buffer);
  for (let p = 0; p + 1 < start.length; p++) {
    const base = p * PART;
    const size = Math.min(PART, slots - base);
    g.fill(0);
    for (let c = 0; c < size; c++) g[c * 16 + I_CUR_DAY] = UNSEEN;
    for (let j = start[p] as number; j < (start[p + 1] as number); j++) {
      if (addRow(f, g, slotDay[2 * j] as number, slotDay[2 * j + 1] as number, amount[j] as number) === BACK_IN_TIME) return undefined;
    }
    closeRecords(f, g, size, base, out);
  }
  const customerIds = new Array<number>(rows.seen);
  for (let k = 0; k < rows.seen; k++) customerIds[k] = (rows.order[k] as number) + lo;
  const used = ids.length - rows.afterEnd;
  return { customerIds, totals: gather(out, rows.order, rows.seen, used, rows.afterEnd), maxDay: rows.seen > 0 ? rows.maxDay : Number.NaN };
}

/** Close a partition's records and write its customers' totals at `base + c`. */
function closeRecords(f: Float64Array, g: Int32Array, size: number, base: number, out: ReturnType<typeof slotTotals>): void {
  for (let c = 0; c < size; c++) {
    const o = c * 8;
    const q = c * 16;
    if (g[q + I_CUR_DAY] === UNSEEN) continue;
    closeDay(f, g, c);
    const k = base + c;
    out.hasRows[k] = 1;
    out.days[k] = (g[q + I_DAYS] as number) >> 1;
    out.first[k] = g[q + I_FIRST] as number;
    out.last[k] = g[q + I_LAST] as number;
    out.repeat[k] = (f[o + F_REP_HI] as number) + (f[o + F_REP_LO] as number);
    out.total[k] = (f[o + F_TOT_HI] as number) + (f[o + F_TOT_LO] as number);
  }
}

/** Per-slot totals gathered into the customers' first-seen order. */
function gather(t: ReturnType<typeof slotTotals>, order: Int32Array, count: number, used: number, afterEnd: number): CustomerTotals {
  const pick = <A extends Int32Array | Float64Array | Uint8Array>(a: A, into: A): A => {
    for (let k = 0; k < count; k++) into[k] = a[order[k] as number] as number;
    return into;
  };
  return {
    days: pick(t.days, new Int32Array(count)),
    first: pick(t.first, new Int32Array(count)),
    last: pick(t.last, new Int32Array(count)),
    repeat: pick(t.repeat, new Float64Array(count)),
    total: pick(t.total, new Float64Array(count)),
    hasRows: pick(t.hasRows, new Uint8Array(count)),
    used,
    afterObservationEnd: afterEnd,
  };
}
