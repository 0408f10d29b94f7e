import { IssueCollector, optionError } from '../errors.js';
import { parseIsoDay, toDay } from './days.js';
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

function isValidId(id: unknown): id is CustomerId {
  return typeof id === 'string' ? id.length > 0 : typeof id === 'number' && Number.isFinite(id);
}

/**
 * Validate transactions and encode them as typed columns in one pass. Every bad row is
 * reported (up to 100) with row index, field and value; nothing is dropped except by
 * `returns: 'ignore'`, `dropDuplicateOrders` or `lastDay`, each counted.
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
  const customer = new Uint32Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const keptCategory: unknown[] | undefined = categories ? [] : undefined;
  const index = new Map<CustomerId, number>();
  const customerIds: CustomerId[] = [];
  const seenOrders = orders ? new Set<unknown>() : undefined;
  const typedAmounts = ArrayBuffer.isView(amounts);
  let prevId: unknown = NO_ID;
  let prevIndex = -1;
  let prevDateString = '';
  let prevDateDay = Number.NaN;
  let k = 0;
  let afterEnd = 0;
  let duplicates = 0;
  let returnsIgnored = 0;
  let maxDay = Number.NEGATIVE_INFINITY;

  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (id !== prevId && !isValidId(id)) {
      issues.row(i, 'customerId', id === undefined || id === '' ? 'missing_id' : 'invalid_id',
        id === undefined || id === '' ? 'is missing' : 'must be a non-empty string or a finite number', id);
      if (issues.full) break;
      continue;
    }
    const dv = dates[i];
    let d: number;
    if (typeof dv === 'string') {
      if (dv === prevDateString) d = prevDateDay;
      else {
        d = parseIsoDay(dv);
        prevDateString = dv;
        prevDateDay = d;
      }
    } else d = toDay(dv);
    if (d !== d) {
      issues.row(i, 'date', dv === undefined ? 'missing_date' : 'invalid_date',
        dv === undefined ? 'is missing' : 'must be a valid Date, ISO 8601 date string or epoch milliseconds', dv);
      if (issues.full) break;
      continue;
    }
    const av = amounts[i];
    if (typedAmounts ? !Number.isFinite(av) : typeof av !== 'number' || !Number.isFinite(av)) {
      issues.row(i, 'amount', av === undefined ? 'missing_amount' : 'invalid_amount',
        av === undefined ? 'is missing' : 'must be a finite number', av);
      if (issues.full) break;
      continue;
    }
    const a = av as number;
    if (a < 0) {
      if (returns === 'error') {
        issues.row(i, 'amount', 'negative_amount', "must not be negative with returns: 'error'", a);
        if (issues.full) break;
        continue;
      }
      if (returns === 'ignore') {
        returnsIgnored++;
        continue;
      }
    }
    // customers are numbered in order of their first row, even a row later left out by date
    let c: number;
    if (id === prevId) c = prevIndex;
    else {
      const found = index.get(id as CustomerId);
      if (found === undefined) {
        c = customerIds.length;
        index.set(id as CustomerId, c);
        customerIds.push(id as CustomerId);
      } else c = found;
      prevId = id;
      prevIndex = c;
    }
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
    customer[k] = c;
    day[k] = d;
    amount[k] = a;
    if (keptCategory) keptCategory.push((categories as ArrayLike<unknown>)[i]);
    if (d > maxDay) maxDay = d;
    k++;
  }
  issues.throwIfAny();
  return {
    customerIds,
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
