/**
 * The BTYD diagnostics as charts: the repeat-purchase histogram, calibration against holdout,
 * tracking, a new customer's expected purchases and one customer's P(alive) path (the
 * figures lifetimes and CLVTools draw).
 */
import { expectedPurchases } from '../models/predictions/expectedPurchases.js';
import { purchaseModelOf } from '../models/registry.js';
import type { PurchaseModel } from '../models/types.js';
import { chartOptions, expectColumns, expectResult, label, numberIn, rowsOf, top, unitLabel, type ChartOptions, type VegaLiteSpec } from './vegaLite.js';

/**
 * Customers by number of repeat purchases, actual against the model's expectation, from
 * `repeatPurchaseHistogram(model, summary)` (lifetimes' plot_period_transactions): grouped bars.
 *
 * @example
 * ```ts
 * const spec = periodTransactionsChart(repeatPurchaseHistogram(fitBgNbd(summary), summary));
 * ```
 */
export function periodTransactionsChart(histogram: { label: readonly string[]; actual: ArrayLike<number>; expected: ArrayLike<number> }, opts?: ChartOptions): VegaLiteSpec {
  const options = chartOptions('periodTransactionsChart', opts);
  const h = expectColumns('periodTransactionsChart', histogram, 'the result of repeatPurchaseHistogram', ['label', 'actual', 'expected']) as unknown as typeof histogram;
  const [actual, model] = [label(options, 'actual'), label(options, 'model')];
  const values = Array.from(h.label, (l, i) => [
    { bucket: l, order: i, source: actual, customers: h.actual[i] },
    { bucket: l, order: i, source: model, customers: h.expected[i] },
  ]).flat();
  return top(options, 'Purchase frequency: actual and model', {
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'bucket', type: 'ordinal', sort: { field: 'order' }, title: label(options, 'repeat purchases'), axis: { labelAngle: 0 } },
      xOffset: { field: 'source' },
      y: { field: 'customers', type: 'quantitative', title: label(options, 'customers') },
      color: { field: 'source', type: 'nominal', title: null, sort: [actual, model] },
    },
  });
}

/**
 * Mean holdout purchases by calibration purchases, actual and predicted (lifetimes'
 * plot_calibration_purchases_vs_holdout_purchases), from `holdoutComparison(model, split)`
 * and the split's calibration `frequency`; frequencies above `maxFrequency` (default 7) pooled.
 *
 * @example
 * ```ts
 * calibrationHoldoutChart(holdoutComparison(model, split), split);
 * ```
 */
export function calibrationHoldoutChart(comparison: { customers: { predicted: ArrayLike<number>; actual: ArrayLike<number> } }, customers: { frequency: ArrayLike<number> }, opts?: ChartOptions & { maxFrequency?: number | undefined }): VegaLiteSpec {
  const fn = 'calibrationHoldoutChart';
  const options = chartOptions(fn, opts);
  const given = expectResult(fn, comparison, 'the result of holdoutComparison', () => true).customers;
  const summary = expectResult(fn, customers, 'the calibration summary (with frequency)', () => true);
  // one check of all three columns: present, and as many calibration frequencies as comparisons
  const cols = expectColumns(fn, { ...(given as object), frequency: summary.frequency }, 'the result of holdoutComparison and the summary of the same customers', ['predicted', 'actual', 'frequency']);
  const f = cols.frequency as ArrayLike<number>;
  const actual = cols.actual as ArrayLike<number>;
  const predicted = cols.predicted as ArrayLike<number>;
  const max = numberIn(fn, 'maxFrequency', options.maxFrequency, 7, 1, 1000);
  const sums = new Map<number, { n: number; actual: number; predicted: number }>();
  for (let i = 0; i < f.length; i++) {
    const k = Math.min(max, f[i] as number);
    const s = sums.get(k) ?? { n: 0, actual: 0, predicted: 0 };
    s.n++;
    s.actual += actual[i] as number;
    s.predicted += predicted[i] as number;
    sums.set(k, s);
  }
  const values = [...sums.entries()].sort((a, b) => a[0] - b[0]).flatMap(([k, s]) => [
    { frequency: k, bucket: k === max ? `${k}+` : String(k), source: label(options, 'actual'), purchases: s.actual / s.n, customers: s.n },
    { frequency: k, bucket: k === max ? `${k}+` : String(k), source: label(options, 'predicted'), purchases: s.predicted / s.n, customers: s.n },
  ]);
  return top(options, 'Holdout purchases by calibration purchases', {
    data: { values },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'bucket', type: 'ordinal', sort: { field: 'frequency' }, title: label(options, 'calibration purchases'), axis: { labelAngle: 0 } },
      y: { field: 'purchases', type: 'quantitative', title: label(options, 'holdout purchases per customer') },
      color: { field: 'source', type: 'nominal', title: null },
    },
  });
}

/**
 * Repeat purchases of a cohort over time, actual against the model, from `trackingCurve`:
 * cumulative (default) or per period (`incremental: true`), with an optional rule at
 * `calibrationEnd` (lifetimes' plot_cumulative_transactions and plot_incremental_transactions).
 *
 * @example
 * ```ts
 * trackingChart(trackingCurve(model, transactions, { calibrationEnd: '1997-09-30' }), { calibrationEnd: '1997-09-30' });
 * ```
 */
export function trackingChart(
  tracking: { date: readonly string[]; actualCumulative: ArrayLike<number>; expectedCumulative: ArrayLike<number>; actualIncremental: ArrayLike<number>; expectedIncremental: ArrayLike<number> },
  opts?: ChartOptions & { incremental?: boolean | undefined; calibrationEnd?: string | undefined },
): VegaLiteSpec {
  const options = chartOptions('trackingChart', opts);
  const t = expectColumns('trackingChart', tracking, 'the result of trackingCurve', ['date', 'actualCumulative', 'expectedCumulative', 'actualIncremental', 'expectedIncremental']) as unknown as typeof tracking;
  const inc = options.incremental === true;
  const [a, m] = inc ? [t.actualIncremental, t.expectedIncremental] : [t.actualCumulative, t.expectedCumulative];
  const values = t.date.flatMap((date, i) => [
    { date, source: label(options, 'actual'), purchases: a[i] },
    { date, source: label(options, 'model'), purchases: m[i] },
  ]);
  const lines = {
    mark: { type: 'line', tooltip: true },
    encoding: {
      x: { field: 'date', type: 'temporal', title: label(options, 'date') },
      y: { field: 'purchases', type: 'quantitative', title: label(options, inc ? 'repeat purchases per period' : 'cumulative repeat purchases') },
      color: { field: 'source', type: 'nominal', title: null },
      strokeDash: { field: 'source', type: 'nominal', legend: null },
    },
  };
  const layers: unknown[] = [lines];
  if (options.calibrationEnd) layers.push({ data: { values: [{ date: options.calibrationEnd }] }, mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' }, encoding: { x: { field: 'date', type: 'temporal' } } });
  return top(options, 'Tracking repeat purchases', { data: { values }, layer: layers });
}

/**
 * E[X(t)] of a newly acquired customer for t from 0 to `horizon` (lifetimes'
 * plot_expected_repeat_purchases), from the model's `expectedPurchases`; `steps` points
 * (default 100; whole opportunities for discrete models).
 *
 * @example
 * ```ts
 * expectedPurchasesChart(fitBgNbd(summary), { horizon: 78, unit: 'week' });
 * ```
 */
export function expectedPurchasesChart(model: PurchaseModel, opts?: ChartOptions & { horizon?: number | undefined; steps?: number | undefined; unit?: string | undefined }): VegaLiteSpec {
  const fn = 'expectedPurchasesChart';
  const options = chartOptions(fn, opts);
  const { spec } = purchaseModelOf(fn, model);
  const horizon = numberIn(fn, 'horizon', options.horizon, 52, 0, 1e6);
  const steps = numberIn(fn, 'steps', options.steps, 100, 1, 10_000);
  const ts = spec.discrete
    ? Array.from({ length: Math.floor(horizon) + 1 }, (_, i) => i)
    : Array.from({ length: steps + 1 }, (_, i) => (horizon * i) / steps);
  const values = ts.map((t) => ({ t, purchases: expectedPurchases(model, t) }));
  const unit = options.unit ?? (model as { unit?: string }).unit;
  return top(options, 'Expected purchases of a new customer', {
    data: { values },
    mark: { type: 'line', tooltip: true },
    encoding: {
      x: { field: 't', type: 'quantitative', title: `${label(options, 'next')} (${unitLabel(options, unit)})` },
      y: { field: 'purchases', type: 'quantitative', title: label(options, 'expected purchases') },
    },
  });
}

/**
 * One customer's P(alive) through their history, from `probabilityAliveHistory` (lifetimes'
 * plot_history_alive), with a point on each day their frequency rises (a purchase).
 *
 * @example
 * ```ts
 * probabilityAliveHistoryChart(probabilityAliveHistory(model, transactions, { customerId: '00004', unit: 'week' }));
 * ```
 */
export function probabilityAliveHistoryChart(history: { date: readonly string[]; frequency: ArrayLike<number>; probabilityAlive: ArrayLike<number> }, opts?: ChartOptions): VegaLiteSpec {
  const options = chartOptions('probabilityAliveHistoryChart', opts);
  const h = expectColumns('probabilityAliveHistoryChart', history, 'the result of probabilityAliveHistory', ['date', 'frequency', 'probabilityAlive']) as unknown as typeof history;
  const values = rowsOf({ date: h.date, frequency: h.frequency, probabilityAlive: h.probabilityAlive }).map((r, i) => ({ ...r, purchase: i > 0 && (h.frequency[i] as number) > (h.frequency[i - 1] as number) }));
  const x = { field: 'date', type: 'temporal', title: label(options, 'date') };
  return top(options, 'P(alive) over the history', {
    data: { values },
    layer: [
      { mark: { type: 'line', interpolate: 'step-after', tooltip: true }, encoding: { x, y: { field: 'probabilityAlive', type: 'quantitative', title: label(options, 'P(alive)'), scale: { domain: [0, 1] } } } },
      { transform: [{ filter: 'datum.purchase' }], mark: { type: 'point', filled: true, color: 'firebrick' }, encoding: { x, y: { field: 'probabilityAlive', type: 'quantitative' } } },
    ],
  });
}
