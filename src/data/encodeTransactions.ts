import { IssueCollector, optionError } from '../errors.js';
import { MAX_MS, MS_PER_DAY, numericDay, parseIsoDay, toDay } from './days.js';
import { compactIdRange, IdIndex } from './idIndex.js';
import { requireColumn, resolveColumns } from './input.js';
import type { CustomerId, FieldMap, Transaction } from './types.js';

/** How negative amounts (returns, refunds) are treated. */
export type ReturnsPolicy = 'net' | 'ignore' | 'error';

/** Options shared by every function that reads transactions. */
export interface TransactionReadOptions {
  /** Our field name -> the caller's column/property name, e.g. `{ customerId: 'id' }`. Default: identity. */
  fields?: FieldMap<Transaction> | undefined;
  /**
   * Negative amounts: `'net'` (default) nets them into that customer's day (a day that has only
   * returns is not a purchase day, but its value counts in `totalValue`); `'ignore'` drops them
   * and reports how many; `'error'` rejects them.
   */
  returns?: ReturnsPolicy | undefined;
  /**
   * Drop rows whose `orderId` was already seen (the first row of an order is kept) and report
   * how many were dropped. Rows without an `orderId` are always kept. Default `false`.
   */
  dropDuplicateOrders?: boolean | undefined;
  /**
   * How numeric dates are read: `'epoch-ms'` (default, as `Date` does), `'epoch-s'` (Unix
   * seconds), `'epoch-day'` (whole days since 1970-01-01) or `'yyyymmdd'` (the number 19970101).
   * Strings and Date objects are not affected.
   */
  numericDates?: NumericDates | undefined;
}

/** Transactions as dense columns: customer index, UTC day, amount. @internal */
export interface EncodedTransactions {
  /** Distinct customer ids in order of first appearance; `customer[i]` indexes it. */
  readonly customerIds: CustomerId[];
  readonly customer: Uint32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  /** Optional category per kept row (undefined when the input has none). */
  readonly category: ArrayLike<unknown> | undefined;
  /** Number of kept rows (the arrays may be longer). */
  readonly length: number;
  readonly rows: number;
  readonly afterObservationEnd: number;
  readonly duplicateOrders: number;
  readonly returnsIgnored: number;
  /** Last day over kept rows, NaN when there are none. */
  readonly maxDay: number;
}

/** Sentinel that equals no id, so the first row is always validated. */
const NO_ID = Symbol('none');

const TX_FIELDS = ['customerId', 'date', 'amount', 'orderId', 'category'] as const;

/** @internal */
export function checkReadOptions(fn: string, options: TransactionReadOptions): void {
  const r = options.returns;
  const nd = options.numericDates;
  if (nd !== undefined && nd !== 'epoch-ms' && nd !== 'epoch-s' && nd !== 'epoch-day' && nd !== 'yyyymmdd') {
    optionError(fn, 'numericDates', "must be 'epoch-ms', 'epoch-s', 'epoch-day' or 'yyyymmdd'", nd);
  }
  if (r !== undefined && r !== 'net' && r !== 'ignore' && r !== 'error') {
    optionError(fn, 'returns', "must be 'net', 'ignore' or 'error'", r);
  }
  const f = options.fields;
  if (f !== undefined) {
    if (typeof f !== 'object' || f === null) optionError(fn, 'fields', 'must be an object', f);
    for (const [k, v] of Object.entries(f)) {
      if (v !== undefined && typeof v !== 'string') optionError(fn, `fields.${k}`, 'must be a string', v);
    }
  }
}

/** A customer id is a non-empty string or a finite number. @internal */
export function isValidId(id: unknown): id is CustomerId {
  return typeof id === 'string' ? id.length > 0 : typeof id === 'number' && Number.isFinite(id);
}

const DATE_EXPECTATION = 'must be a valid Date, ISO 8601 date string or epoch milliseconds';

/**
 * A date column as UTC epoch days, with one loop per column kind so that no number is
 * boxed: typed arrays of epoch ms, or plain arrays of strings, numbers and Dates.
 * @internal
 */
export function dayColumn(
  dates: ArrayLike<unknown>,
  n: number,
  issues: IssueCollector,
  field = 'date',
  numeric: NumericDates = 'epoch-ms',
): Int32Array {
  const out = new Int32Array(n);
  const fromNumber = numericDay(numeric);
  if (ArrayBuffer.isView(dates)) {
    const ms = dates as unknown as ArrayLike<number>;
    for (let i = 0; i < n; i++) {
      const v = ms[i] as number;
      const d = numeric === 'epoch-ms' ? (v >= -MAX_MS && v <= MAX_MS ? Math.floor(v / MS_PER_DAY) : Number.NaN) : fromNumber(v);
      if (d === d) out[i] = d;
      else {
        issues.row(i, field, 'invalid_date', numberExpectation(numeric), v);
        if (issues.full(field)) break;
      }
    }
    return out;
  }
  let prevString = '';
  let prevDay = Number.NaN;
  for (let i = 0; i < n; i++) {
    const v = dates[i];
    let d: number;
    if (typeof v === 'string') {
      if (v !== prevString) {
        prevString = v;
        prevDay = parseIsoDay(v);
      }
      d = prevDay;
    } else if (typeof v === 'number') {
      d = numeric === 'epoch-ms' ? (v >= -MAX_MS && v <= MAX_MS ? Math.floor(v / MS_PER_DAY) : Number.NaN) : fromNumber(v);
    } else d = toDay(v);
    if (d === d) out[i] = d;
    else {
      issues.row(i, field, v === undefined ? 'missing_value' : 'invalid_date', v === undefined ? 'is missing' : typeof v === 'number' ? numberExpectation(numeric) : DATE_EXPECTATION, v);
      if (issues.full(field)) break;
    }
  }
  return out;
}

/** How numeric dates are read. */
export type NumericDates = 'epoch-ms' | 'epoch-s' | 'epoch-day' | 'yyyymmdd';

function numberExpectation(numeric: NumericDates): string {
  return numeric === 'yyyymmdd'
    ? 'must be a valid date written as the number YYYYMMDD'
    : `must be a finite number of ${numeric === 'epoch-s' ? 'seconds' : numeric === 'epoch-day' ? 'whole days' : 'milliseconds'} since 1970-01-01`;
}


/** An amount column as a Float64Array (the input itself when it already is one), validated. @internal */
export function numberColumn(
  values: ArrayLike<unknown>,
  n: number,
  issues: IssueCollector,
  field: string,
  negative: 'allow' | 'error' = 'allow',
): Float64Array {
  const typed = values instanceof Float64Array;
  const out = typed ? values : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || v - v !== 0) {
      issues.row(i, field, v === undefined ? 'missing_value' : 'invalid_value', v === undefined ? 'is missing' : 'must be a finite number', v);
      if (issues.full(field)) break;
      continue;
    }
    if (negative === 'error' && v < 0) {
      issues.row(i, field, 'negative_value', "must not be negative with returns: 'error'", v);
      if (issues.full(field)) break;
      continue;
    }
    if (!typed) out[i] = v;
  }
  return out;
}

/** For whole-number ids in a typed array over a compact range: a table id - minId -> customer index (-1: unseen). */
function directIdTable(ids: ArrayLike<unknown>): { slots: Int32Array; minId: number } | undefined {
  const range = compactIdRange(ids);
  return range ? { slots: new Int32Array(range.hi - range.lo + 1).fill(-1), minId: range.lo } : undefined;
}

/**
 * Validate transactions and encode them as typed columns: one vectorized pass per column
 * (dates to UTC days, amounts to Float64Array), then one pass that dictionary-encodes the
 * ids and applies the filters. Every bad row is reported (up to 100 per field) with row
 * index, field and value; nothing is dropped except by `returns: 'ignore'`,
 * `dropDuplicateOrders` or `lastDay`, each counted.
 * @internal
 */
export function encodeTransactions(
  input: unknown,
  fn: string,
  options: TransactionReadOptions,
  lastDay?: number,
): EncodedTransactions {
  checkReadOptions(fn, options);
  const fields = options.fields as Record<string, string | undefined> | undefined;
  const raw = resolveColumns(input, fn, 'transactions', TX_FIELDS, fields, ['customerId', 'date', 'amount']);
  const n = raw.n;
  const ids = requireColumn(raw, 'customerId', fn, 'transactions', fields);
  const dates = requireColumn(raw, 'date', fn, 'transactions', fields);
  const amounts = requireColumn(raw, 'amount', fn, 'transactions', fields);
  const orders = options.dropDuplicateOrders ? raw.cols.orderId : undefined;
  const categories = raw.cols.category;
  const returns = options.returns ?? 'net';
  const end = lastDay ?? Number.POSITIVE_INFINITY;

  const issues = new IssueCollector(fn, 'transactions');
  const badId = (i: number, id: unknown): void => {
    const missing = id === undefined || id === '';
    issues.row(i, 'customerId', missing ? 'missing_id' : 'invalid_id', missing ? 'is missing' : 'must be a non-empty string or a finite number', id);
  };
  const dayIn = dayColumn(dates, n, issues, 'date', options.numericDates ?? 'epoch-ms');
  const amountIn = numberColumn(amounts, n, issues, 'amount', returns === 'error' ? 'error' : 'allow');
  if (issues.count > 0) {
    // the rows will be rejected: report bad ids too, then throw
    for (let i = 0; i < n; i++) {
      if (!isValidId(ids[i])) {
        badId(i, ids[i]);
        if (issues.full('customerId')) break;
      }
    }
    issues.throwIfAny();
  }
  // ids are validated in the main loop, which reads each id once (a random memory access
  // per row for string ids: a separate validation pass would double it)

  const filterReturns = returns === 'ignore';
  const filtering = filterReturns || orders !== undefined || end !== Number.POSITIVE_INFINITY || categories !== undefined;
  const customer = new Uint32Array(n);
  const day = filtering ? new Int32Array(n) : dayIn;
  const amount = filtering ? new Float64Array(n) : amountIn;
  const keptCategory: unknown[] | undefined = categories ? [] : undefined;
  const index = new IdIndex();
  // integer ids in a typed array over a compact range: a direct-address table instead of hashing
  const table = directIdTable(ids);
  const direct = table?.slots;
  const minId = table?.minId ?? 0;
  const seenOrders = orders ? new Set<unknown>() : undefined;
  let prevId: unknown = NO_ID;
  let c = -1;
  let k = 0;
  let afterEnd = 0;
  let duplicates = 0;
  let returnsIgnored = 0;
  let maxDay = Number.NEGATIVE_INFINITY;

  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (id !== prevId && (typeof id === 'string' ? id.length === 0 : !(typeof id === 'number' && id - id === 0))) {
      badId(i, id);
      if (issues.full('customerId')) break;
      continue;
    }
    const a = amountIn[i] as number;
    if (filterReturns && a < 0) {
      returnsIgnored++;
      continue;
    }
    // customers are numbered in order of their first row, even a row later left out by date
    if (direct) {
      const slot = (id as number) - minId;
      c = direct[slot] as number;
      if (c < 0) {
        c = index.add(id as CustomerId);
        direct[slot] = c;
      }
    } else if (id !== prevId) {
      c = index.add(id as CustomerId);
      prevId = id;
    }
    const d = dayIn[i] as number;
    if (filtering) {
      if (d > end) {
        afterEnd++;
        continue;
      }
      if (seenOrders) {
        const o = (orders as ArrayLike<unknown>)[i];
        if (o !== undefined && o !== null) {
          if (seenOrders.has(o)) {
            duplicates++;
            continue;
          }
          seenOrders.add(o);
        }
      }
      day[k] = d;
      amount[k] = a;
      if (keptCategory) keptCategory.push((categories as ArrayLike<unknown>)[i]);
    }
    customer[k] = c;
    if (d > maxDay) maxDay = d;
    k++;
  }
  issues.throwIfAny();
  return {
    customerIds: index.ids,
    customer,
    day,
    amount,
    category: keptCategory,
    length: k,
    rows: n,
    afterObservationEnd: afterEnd,
    duplicateOrders: duplicates,
    returnsIgnored,
    maxDay: k > 0 ? maxDay : Number.NaN,
  };
}
