/**
 * Value as charts: the CLV distribution, the historical / current / potential split and the
 * holdout's predicted against actual purchases per customer.
 */
import { isColumn } from '../data/input.js';
import { niceBins } from './bins.js';
import { chartOptions, expectColumns, expectResult, label, numberIn, pointRows, refuse, top, type ChartOptions, type VegaLiteSpec } from './vegaLite.js';

/**
 * A histogram of customer lifetime values (`customerLifetimeValue`'s result, or any
 * per-customer values), at most `bins` (default 40) bins of a nice width computed here, with
 * a rule at the mean of the finite values.
 *
 * @example
 * ```ts
 * clvDistributionChart(customerLifetimeValue({ purchaseModel, spendModel, customers, horizon: 52, discountRate: 0.01 }));
 * ```
 */
export function clvDistributionChart(clv: ArrayLike<number>, opts?: ChartOptions & { bins?: number | undefined }): VegaLiteSpec {
  const fn = 'clvDistributionChart';
  const options = chartOptions(fn, opts);
  if (!isColumn(clv)) refuse(fn, 'per-customer values (the result of customerLifetimeValue)', clv);
  const bins = Math.floor(numberIn(fn, 'bins', options.bins, 40, 2, 1000));
  const values = Float64Array.from(clv as ArrayLike<unknown>, (v) => (typeof v === 'number' ? v : Number.NaN));
  let sum = 0;
  let finite = 0;
  for (const v of values) if (Number.isFinite(v)) (sum += v, finite++);
  const title = label(options, 'customer lifetime value');
  return top(options, 'CLV distribution', {
    layer: [
      { data: { values: niceBins(values, bins) }, mark: { type: 'bar', tooltip: true }, encoding: { x: { field: 'bin0', bin: 'binned', type: 'quantitative', title }, x2: { field: 'bin1' }, y: { field: 'count', type: 'quantitative', title: label(options, 'customers') } } },
      { data: { values: [{ clv: sum / Math.max(1, finite) }] }, mark: { type: 'rule', color: 'firebrick', strokeDash: [4, 4] }, encoding: { x: { field: 'clv', type: 'quantitative', title } } },
    ],
  });
}

/**
 * The historical, current and potential value of the `top` (default 20) customers by
 * lifetime value, stacked (`valueDecomposition`'s result; ids from its `customerId`).
 *
 * @example
 * ```ts
 * valueDecompositionChart(valueDecomposition({ purchaseModel, spendModel, customers, horizon: 52, discountRate: 0.01 }));
 * ```
 */
export function valueDecompositionChart(decomposition: { historical: ArrayLike<number>; current: ArrayLike<number>; potential: ArrayLike<number>; lifetime: ArrayLike<number>; customerId?: ArrayLike<unknown> }, opts?: ChartOptions & { top?: number | undefined }): VegaLiteSpec {
  const fn = 'valueDecompositionChart';
  const options = chartOptions(fn, opts);
  const d = expectColumns(fn, decomposition, 'the result of valueDecomposition', ['historical', 'current', 'potential', 'lifetime']) as unknown as typeof decomposition;
  const n = d.lifetime.length;
  const k = Math.floor(numberIn(fn, 'top', options.top, 20, 1, 10_000));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (d.lifetime[b] as number) - (d.lifetime[a] as number)).slice(0, k);
  const parts = [['historical', d.historical], ['current', d.current], ['potential', d.potential]] as const;
  const values = order.flatMap((i, rank) => parts.map(([name, col], j) => ({ customerId: String(d.customerId?.[i] ?? i), rank, component: label(options, name), order: j, value: col[i] })));
  return top(options, 'Value decomposition', {
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'customerId', type: 'nominal', sort: { field: 'rank' }, title: null },
      x: { field: 'value', type: 'quantitative', stack: 'zero', title: label(options, 'value') },
      color: { field: 'component', type: 'nominal', title: label(options, 'component'), sort: parts.map(([name]) => label(options, name)) },
      order: { field: 'order' },
    },
  });
}

/**
 * Each customer's predicted against actual holdout purchases (`holdoutComparison`), as
 * points with the diagonal; points are jittered by nothing, so ties overlap (opacity shows them).
 * At most `maxPoints` customers (default 5,000) are drawn, spread evenly over them, and the
 * subtitle says how many of how many; the diagonal spans all of them.
 *
 * @example
 * ```ts
 * holdoutScatterChart(holdoutComparison(model, split));
 * ```
 */
export function holdoutScatterChart(comparison: { customers: { predicted: ArrayLike<number>; actual: ArrayLike<number>; customerId?: ArrayLike<unknown> } }, opts?: ChartOptions & { maxPoints?: number | undefined }): VegaLiteSpec {
  const fn = 'holdoutScatterChart';
  const options = chartOptions(fn, opts);
  const c = expectColumns(fn, expectResult(fn, comparison, 'the result of holdoutComparison', () => true).customers, 'the result of holdoutComparison (its customers)', ['predicted', 'actual']) as unknown as typeof comparison.customers;
  let max = 0;
  for (let i = 0; i < c.predicted.length; i++) max = Math.max(max, finiteOr0(c.predicted[i]), finiteOr0(c.actual[i]));
  const { rows, subtitle } = pointRows(fn, options, c.predicted.length);
  const values = Array.from(rows, (i) => ({ customerId: c.customerId?.[i], predicted: c.predicted[i], actual: c.actual[i] }));
  const x = { field: 'predicted', type: 'quantitative', title: label(options, 'predicted') };
  const y = { field: 'actual', type: 'quantitative', title: label(options, 'actual') };
  return top(options, 'Holdout: predicted and actual purchases', {
    layer: [
      { data: { values }, mark: { type: 'point', opacity: 0.3, tooltip: true }, encoding: { x, y } },
      { data: { values: [{ predicted: 0, actual: 0 }, { predicted: max, actual: max }] }, mark: { type: 'line', color: 'gray', strokeDash: [4, 4] }, encoding: { x, y } },
    ],
  }, subtitle);
}

const finiteOr0 = (v: number | undefined): number => (v !== undefined && Number.isFinite(v) ? v : 0);
