import { hasColumn, resolveColumns } from '../data/input.js';
import { DAYS_PER_UNIT, parseIsoDay, toDay } from '../data/days.js';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import type { CustomerId } from '../data/types.js';
import { CustomerValueError, IssueCollector, optionError } from '../errors.js';
import { summarize } from '../summary/summarize.js';

/** Per-customer RFM raw values. @internal */
export interface RfmRaw {
  customerId: CustomerId[];
  /** Days from the last purchase to asOf. */
  recencyDays: Float64Array;
  /** Purchase days (BTYD frequency + 1). */
  purchaseDays: Float64Array;
  /** Total value. */
  total: Float64Array;
  asOf: number;
  n: number;
}

/** True when the input looks like a summary (has a `frequency` field). @internal */
export function looksLikeSummary(input: unknown, fields?: Readonly<Record<string, string | undefined>>): boolean {
  return hasColumn(input, fields?.frequency ?? 'frequency');
}

/**
 * R, F and total M per customer from transactions (summarized up to `asOf`) or from a
 * summary (with `lastPurchase` or recency/T, and `totalValue`).
 * @internal
 */
export function rfmRaw(
  fn: string,
  input: unknown,
  options: TransactionReadOptions & { asOf?: Date | string | number | undefined; input?: 'transactions' | 'summary' | undefined },
): RfmRaw {
  const fields = options.fields as Record<string, string | undefined> | undefined;
  const isSummary = options.input ? options.input === 'summary' : looksLikeSummary(input, fields);
  const asOfOpt = options.asOf === undefined ? undefined : toDay(options.asOf);
  if (asOfOpt !== undefined && Number.isNaN(asOfOpt)) {
    optionError(fn, 'asOf', 'must be a valid Date, ISO 8601 date string or epoch milliseconds', options.asOf);
  }
  if (!isSummary) {
    const s = summarize(input as never, {
      observationEnd: options.asOf,
      fields: options.fields,
      returns: options.returns,
      dropDuplicateOrders: options.dropDuplicateOrders,
      numericDates: options.numericDates,
    });
    const n = s.length;
    const asOf = s.observationEnd ? parseIsoDay(s.observationEnd) : 0;
    const recencyDays = new Float64Array(n);
    for (let i = 0; i < n; i++) recencyDays[i] = (s.T[i] as number) - (s.recency[i] as number);
    return {
      customerId: s.customerId,
      recencyDays,
      purchaseDays: Float64Array.from(s.frequency, (f) => f + 1),
      total: s.totalValue,
      asOf,
      n,
    };
  }
  const raw = resolveColumns(input, fn, 'customers', ['customerId', 'frequency', 'recency', 'T', 'totalValue', 'lastPurchase'], fields, ['frequency', 'totalValue']);
  const n = raw.n;
  const issues = new IssueCollector(fn, 'customers');
  const num = (field: string, i: number): number => {
    const v = raw.cols[field]?.[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      issues.row(i, field, v === undefined ? 'missing_value' : 'invalid_value', v === undefined ? 'is missing' : 'must be a finite number', v);
      return Number.NaN;
    }
    return v;
  };
  const unit = (input as { unit?: keyof typeof DAYS_PER_UNIT }).unit;
  const per = unit && unit in DAYS_PER_UNIT ? DAYS_PER_UNIT[unit] : undefined;
  const summaryEnd = (input as { observationEnd?: string }).observationEnd;
  const endDay = summaryEnd ? parseIsoDay(summaryEnd) : Number.NaN;
  const last = raw.cols.lastPurchase;
  let asOf = asOfOpt ?? endDay;
  if (Number.isNaN(asOf) && last) {
    asOf = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) asOf = Math.max(asOf, toDay(last[i]));
  }
  const recencyDays = new Float64Array(n);
  const purchaseDays = new Float64Array(n);
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    purchaseDays[i] = num('frequency', i) + 1;
    total[i] = num('totalValue', i);
    if (last) {
      const d = toDay(last[i]);
      if (Number.isNaN(d)) issues.row(i, 'lastPurchase', 'invalid_date', 'must be a valid date', last[i]);
      recencyDays[i] = asOf - d;
    } else if (per !== undefined && (asOfOpt === undefined || asOfOpt === endDay)) {
      recencyDays[i] = Math.round((num('T', i) - num('recency', i)) * per);
    } else {
      throw new CustomerValueError('invalid_input', `${fn}: a summary needs a lastPurchase column (or recency and T from summarize, with asOf at its observationEnd)`);
    }
  }
  issues.throwIfAny();
  const ids = raw.cols.customerId ? (Array.from(raw.cols.customerId) as CustomerId[]) : Array.from({ length: n }, (_, i) => i);
  return { customerId: ids, recencyDays, purchaseDays, total, asOf, n };
}
