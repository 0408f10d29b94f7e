import { z } from 'zod';
import { withMeta } from '../data/columns.js';
import { dayToIso, DAYS_PER_UNIT, type TimeUnit } from '../data/days.js';
import { encodeTransactions, type TransactionReadOptions } from '../data/encodeTransactions.js';
import { dateOption, optionDay, parseOptions, unitOption } from '../data/options.js';
import type { CustomerId, TransactionInput } from '../data/types.js';
import { CustomerValueError } from '../errors.js';
import { conditionalMany, customersOf, pmfOf, purchaseModel } from '../models/predictions.js';
import type { PurchaseModel } from '../models/types.js';
import { partialFromEncoded } from '../summary/partial.js';
import { readOptionsShape } from '../summary/summarizePartial.js';
import type { SummaryInput } from '../summary/readSummary.js';
import { resolveColumns } from '../data/input.js';
import { expectedPurchases } from '../models/predictions.js';

/** Result of {@link holdoutComparison}. */
export interface HoldoutComparison {
  /** Per customer, in input order. */
  customers: {
    customerId: unknown[];
    predicted: Float64Array;
    actual: Float64Array;
    /** predicted - actual. */
    error: Float64Array;
    readonly length: number;
  };
  /** Mean absolute error per customer. */
  mae: number;
  /** Root mean squared error per customer. */
  rmse: number;
  /** Mean of predicted - actual (positive: over-prediction). */
  bias: number;
  predictedTotal: number;
  actualTotal: number;
}

/**
 * Compare each customer's predicted purchases in the holdout period with what happened, as
 * data ready to plot: per customer predicted (the conditional expectation over the
 * customer's `durationHoldout`), actual (`frequencyHoldout`) and their difference, with
 * MAE, RMSE and bias over customers and the aggregate totals.
 *
 * @example
 * ```ts
 * const split = splitCalibrationHoldout(tx, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' });
 * const v = holdoutComparison(fitBgNbd(split), split);
 * v.mae; v.customers.predicted;
 * ```
 */
export function holdoutComparison(model: PurchaseModel, split: SummaryInput): HoldoutComparison {
  const fn = 'holdoutComparison';
  const { kind, p } = purchaseModel(fn, model);
  const c = customersOf(fn, split);
  const raw = resolveColumns(split, fn, 'customers', ['frequencyHoldout', 'durationHoldout', 'customerId'], undefined);
  const fh = raw.cols.frequencyHoldout;
  const dh = raw.cols.durationHoldout;
  if (!fh || !dh) throw new CustomerValueError('invalid_input', `${fn}: the customers need frequencyHoldout and durationHoldout columns (from splitCalibrationHoldout)`);
  const n = c.n;
  const predicted = new Float64Array(n);
  const actual = new Float64Array(n);
  const error = new Float64Array(n);
  // group by holdout duration (usually one value)
  const byDuration = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const d = Number(dh[i]);
    if (!(d >= 0)) throw new CustomerValueError('invalid_input', `${fn}: row ${i}: durationHoldout must be >= 0, got ${String(dh[i])}`);
    let list = byDuration.get(d);
    if (!list) byDuration.set(d, (list = []));
    list.push(i);
  }
  for (const [d, rows] of byDuration) {
    const pick = (col: Float64Array): Float64Array => Float64Array.from(rows, (i) => col[i] as number);
    const pred = conditionalMany(kind, p, pick(c.frequency), pick(c.recency), pick(c.T), d);
    rows.forEach((i, k) => (predicted[i] = pred[k] as number));
  }
  let abs = 0;
  let sq = 0;
  let sum = 0;
  let pt = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const a = Number(fh[i]);
    actual[i] = a;
    const e = (predicted[i] as number) - a;
    error[i] = e;
    abs += Math.abs(e);
    sq += e * e;
    sum += e;
    pt += predicted[i] as number;
    at += a;
  }
  const ids = raw.cols.customerId ? Array.from(raw.cols.customerId) : Array.from({ length: n }, (_, i) => i);
  return {
    customers: withMeta({ customerId: ids, predicted, actual, error }, { length: n }),
    mae: n ? abs / n : Number.NaN,
    rmse: n ? Math.sqrt(sq / n) : Number.NaN,
    bias: n ? sum / n : Number.NaN,
    predictedTotal: pt,
    actualTotal: at,
  };
}

/**
 * Actual versus expected number of customers by number of repeat transactions in the
 * calibration period (the classic fit check of Fader, Hardie & Lee 2005, Figure 2): for
 * n = 0 .. maxFrequency - 1 and a last bucket "maxFrequency or more", the count of
 * customers with that frequency and the model's expectation Σ_i P(X(T_i) = n), using each
 * customer's own T.
 *
 * @example
 * ```ts
 * repeatTransactionHistogram(model, summary, { maxFrequency: 7 });
 * // { frequency: [0..7], label: ['0', ..., '7+'], actual, expected }
 * ```
 */
export function repeatTransactionHistogram(
  model: PurchaseModel,
  summary: SummaryInput,
  options: { maxFrequency?: number | undefined } = {},
): { frequency: Int32Array; label: string[]; actual: Float64Array; expected: Float64Array; readonly length: number } {
  const fn = 'repeatTransactionHistogram';
  const { kind, p } = purchaseModel(fn, model);
  const max = options.maxFrequency ?? 7;
  if (!Number.isInteger(max) || max < 1) throw new CustomerValueError('invalid_options', `${fn}: maxFrequency must be a whole number >= 1, got ${String(max)}`);
  const c = customersOf(fn, summary);
  const actual = new Float64Array(max + 1);
  const expected = new Float64Array(max + 1);
  const byT = new Map<number, number>();
  for (let i = 0; i < c.n; i++) {
    const w = c.weight ? (c.weight[i] as number) : 1;
    actual[Math.min(max, c.frequency[i] as number)] = (actual[Math.min(max, c.frequency[i] as number)] as number) + w;
    byT.set(c.T[i] as number, (byT.get(c.T[i] as number) ?? 0) + w);
  }
  for (const [T, w] of byT) {
    let head = 0;
    for (let n = 0; n < max; n++) {
      const pn = pmfOf(kind, p, n, T);
      head += pn;
      expected[n] = (expected[n] as number) + w * pn;
    }
    expected[max] = (expected[max] as number) + w * Math.max(0, 1 - head);
  }
  const frequency = Int32Array.from({ length: max + 1 }, (_, i) => i);
  const label = Array.from(frequency, (n) => (n === max ? `${n}+` : String(n)));
  return withMeta({ frequency, label, actual, expected }, { length: max + 1 });
}

const trackingSchema = z.looseObject({
  ...readOptionsShape,
  unit: unitOption.optional(),
  observationEnd: dateOption.optional(),
  calibrationEnd: dateOption.optional(),
});

/** Options of {@link trackingCurve}. */
export interface TrackingCurveOptions extends TransactionReadOptions {
  /** Time unit of the model and the length of a step of the curve. Default: the model's unit, else 'week'. */
  unit?: TimeUnit | undefined;
  /** Last day of the curve. Default: the last transaction day. */
  observationEnd?: Date | string | number | undefined;
  /** Only customers whose first purchase is on or before this day form the cohort (the calibration cohort). Default: all. */
  calibrationEnd?: Date | string | number | undefined;
}

/**
 * Cumulative and incremental tracking of repeat transactions for a cohort, actual versus
 * expected, as in Fader, Hardie & Lee (2005, Figures 3-4): at the end of each step (one
 * `unit`) from the first first-purchase day to `observationEnd`, the repeat purchase days
 * made so far by the cohort, and Σ_i E[X(t - t0_i)] with t0_i each customer's first
 * purchase day.
 *
 * @example
 * ```ts
 * trackingCurve(bgnbd, transactions, { unit: 'week', calibrationEnd: '1997-03-31', observationEnd: '1998-06-30' });
 * // { date: ['1997-01-08', ...], actualCumulative, expectedCumulative, actualIncremental, expectedIncremental }
 * ```
 */
export function trackingCurve(model: PurchaseModel, transactions: TransactionInput, options: TrackingCurveOptions = {}) {
  const fn = 'trackingCurve';
  const { kind } = purchaseModel(fn, model);
  if (kind === 'bg-bb') throw new CustomerValueError('invalid_model', `${fn}: needs a continuous-time model, got 'bg-bb'`);
  const o = parseOptions(fn, trackingSchema, options);
  const unit = (o.unit ?? model.unit ?? 'week') as TimeUnit;
  const step = DAYS_PER_UNIT[unit];
  const end = optionDay(o.observationEnd);
  const tx = encodeTransactions(transactions, fn, o as TransactionReadOptions, end);
  const partial = partialFromEncoded(tx);
  const last = end ?? partial.maxDay;
  const cohortEnd = optionDay(o.calibrationEnd) ?? Number.POSITIVE_INFINITY;
  const { dayStart, day, purchaseRows } = partial;
  const firsts = new Map<number, number>();
  let start = Number.POSITIVE_INFINITY;
  const repeatDays: number[] = [];
  for (let c = 0; c < partial.customerIds.length; c++) {
    let first = Number.NaN;
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
      if ((purchaseRows[i] as number) === 0) continue;
      const d = day[i] as number;
      if (first !== first) {
        first = d;
        if (first > cohortEnd) break;
        firsts.set(first, (firsts.get(first) ?? 0) + 1);
        start = Math.min(start, first);
      } else repeatDays.push(d);
    }
  }
  // step k covers days up to D_k = ceil(start + (k + 1) step) - 1 (the last one clipped to the end)
  const steps = Number.isFinite(start) && last >= start ? Math.max(1, Math.ceil((last - start + 1) / step - 1e-9)) : 0;
  const D = Float64Array.from({ length: steps }, (_, k) => Math.min(last, Math.ceil(start + (k + 1) * step - 1e-9) - 1));
  const date: string[] = Array.from(D, (d) => dayToIso(d));
  const actualCumulative = new Float64Array(steps);
  const expectedCumulative = new Float64Array(steps);
  const actualIncremental = new Float64Array(steps);
  const expectedIncremental = new Float64Array(steps);
  for (const d of repeatDays) {
    if (d > last) continue;
    let lo = 0;
    let hi = steps - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((D[mid] as number) >= d) hi = mid;
      else lo = mid + 1;
    }
    actualIncremental[lo] = (actualIncremental[lo] as number) + 1;
  }
  let acc = 0;
  for (let k = 0; k < steps; k++) {
    acc += actualIncremental[k] as number;
    actualCumulative[k] = acc;
    let e = 0;
    for (const [d0, count] of firsts) {
      const t = ((D[k] as number) - d0) / step;
      if (t > 0) e += count * expectedPurchases(model, t);
    }
    expectedCumulative[k] = e;
    expectedIncremental[k] = e - (k > 0 ? (expectedCumulative[k - 1] as number) : 0);
  }
  return withMeta({ date, actualCumulative, expectedCumulative, actualIncremental, expectedIncremental }, { length: steps, unit, cohort: [...firsts.values()].reduce((a, b) => a + b, 0) });
}

export type { CustomerId };
