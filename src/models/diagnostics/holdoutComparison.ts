import { withMeta } from '../../data/columns.js';
import { resolveColumns } from '../../data/input.js';
import { CustomerValueError } from '../../errors.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import { conditionalMany, customersOf } from '../predictions/shared.js';
import { purchaseModelOf } from '../registry.js';
import type { PurchaseModel } from '../types.js';

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
  /** Mean absolute error per customer (NaN, like rmse and bias, when there are no customers). */
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
  const { spec, p } = purchaseModelOf(fn, model);
  const c = customersOf(fn, split, false, spec);
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
    const pick = (col: ArrayLike<number>): Float64Array => Float64Array.from(rows, (i) => col[i] as number);
    const pred = conditionalMany(spec, p, pick(c.frequency), pick(c.recency), pick(c.T), d);
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
