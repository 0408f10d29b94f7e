import { withMeta } from '../../data/columns.js';
import { resolveColumns } from '../../data/input.js';
import { CustomerValueError, optionsObject } from '../../errors.js';
import { type PredictionCovariates, byGroup, customerGroups } from '../covariates/resolve.js';
import type { PurchaseModelSpec } from '../spec.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import { conditionalMany } from '../predictions/shared.js';
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
 * MAE, RMSE and bias over customers and the aggregate totals. For a model fitted with
 * covariates, `options.covariates` gives the customers' covariates (`{ data, customerId? }`).
 *
 * @example
 * ```ts
 * const split = splitCalibrationHoldout(tx, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' });
 * const v = holdoutComparison(fitBgNbd(split), split);
 * v.mae; v.customers.predicted;
 * ```
 */
export function holdoutComparison(model: PurchaseModel, split: SummaryInput, options: { covariates?: PredictionCovariates | undefined } = {}): HoldoutComparison {
  const fn = 'holdoutComparison';
  const covariates = optionsObject(fn, options).covariates;
  const { c, spec, groups } = customerGroups(fn, model, split, covariates);
  const raw = resolveColumns(split, fn, 'customers', ['frequencyHoldout', 'durationHoldout', 'customerId'], undefined);
  const fh = raw.cols.frequencyHoldout;
  const dh = raw.cols.durationHoldout;
  if (!fh || !dh) throw new CustomerValueError('invalid_input', `${fn}: the customers need frequencyHoldout and durationHoldout columns (from splitCalibrationHoldout)`);
  const n = c.n;
  const actual = new Float64Array(n);
  const error = new Float64Array(n);
  const durations = Float64Array.from({ length: n }, (_, i) => {
    const d = Number(dh[i]);
    if (!(d >= 0)) throw new CustomerValueError('invalid_input', `${fn}: row ${i}: durationHoldout must be >= 0, got ${String(dh[i])}`);
    return d;
  });
  const predicted = byGroup(n, groups, [c.frequency, c.recency, c.T, durations], (p, [X, TX, TT, D]) => predictHoldout(spec, p, X!, TX!, TT!, D!));
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

/** Each customer's conditional expectation over their own holdout duration, computed once per distinct duration (usually one). */
function predictHoldout(spec: PurchaseModelSpec<Record<string, number>>, p: Record<string, number>, X: ArrayLike<number>, TX: ArrayLike<number>, TT: ArrayLike<number>, D: ArrayLike<number>): Float64Array {
  const predicted = new Float64Array(X.length);
  const byDuration = new Map<number, number[]>();
  for (let i = 0; i < X.length; i++) {
    const d = D[i] as number;
    let list = byDuration.get(d);
    if (!list) byDuration.set(d, (list = []));
    list.push(i);
  }
  for (const [d, rows] of byDuration) {
    const pick = (col: ArrayLike<number>): Float64Array => Float64Array.from(rows, (i) => col[i] as number);
    const pred = conditionalMany(spec, p, pick(X), pick(TX), pick(TT), d);
    rows.forEach((i, k) => (predicted[i] = pred[k] as number));
  }
  return predicted;
}
