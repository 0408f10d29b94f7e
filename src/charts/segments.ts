/**
 * RFM and ABC as charts: R `rfm`'s heat map, segment bars, R/F/M histograms and scatter
 * plots, and the ABC Pareto chart and Lorenz curve with the 80/20 marks.
 */
import { optionError } from '../errors.js';
import { niceBins } from './bins.js';
import { chartOptions, expectColumns, expectResult, label, pointRows, rowsOf, spec, top, type ChartOptions, type VegaLiteSpec } from './vegaLite.js';

interface RfmLike {
  customers: { recency: ArrayLike<number>; frequency: ArrayLike<number>; monetary: ArrayLike<number>; rScore: ArrayLike<number>; fScore: ArrayLike<number>; mScore: ArrayLike<number> };
  segments: { segment: readonly string[]; count: ArrayLike<number>; shareOfCustomers: ArrayLike<number>; shareOfRevenue: ArrayLike<number> };
}
const rfmOf = (fn: string, x: unknown): RfmLike => {
  const r = expectResult(fn, x, 'the result of rfm', (v) => typeof v.customers === 'object' && typeof v.segments === 'object');
  return {
    customers: expectColumns(fn, r.customers, 'the result of rfm (its customers)', ['recency', 'frequency', 'monetary', 'rScore', 'fScore', 'mScore']),
    segments: expectColumns(fn, r.segments, 'the result of rfm (its segments)', ['segment', 'count', 'shareOfCustomers', 'shareOfRevenue']),
  } as unknown as RfmLike;
};

/**
 * Mean monetary value by R and F score, one cell per (R, F) pair present (R `rfm`'s
 * rfm_heatmap), with the customers of each cell.
 *
 * @example
 * ```ts
 * rfmHeatmapChart(rfm(transactions, { asOf: '1998-06-30' }));
 * ```
 */
export function rfmHeatmapChart(result: unknown, opts?: ChartOptions): VegaLiteSpec {
  const options = chartOptions('rfmHeatmapChart', opts);
  const c = rfmOf('rfmHeatmapChart', result).customers;
  const cells = new Map<string, { r: number; f: number; n: number; m: number }>();
  for (let i = 0; i < c.rScore.length; i++) {
    const key = `${c.rScore[i]},${c.fScore[i]}`;
    const cell = cells.get(key) ?? { r: c.rScore[i] as number, f: c.fScore[i] as number, n: 0, m: 0 };
    cell.n++;
    cell.m += c.monetary[i] as number;
    cells.set(key, cell);
  }
  const values = [...cells.values()].map((x) => ({ rScore: x.r, fScore: x.f, customers: x.n, monetary: x.m / x.n }));
  return top(options, 'RFM heat map', {
    data: { values },
    mark: { type: 'rect', tooltip: true },
    encoding: {
      x: { field: 'fScore', type: 'ordinal', title: label(options, 'F score') },
      y: { field: 'rScore', type: 'ordinal', title: label(options, 'R score'), sort: 'descending' },
      color: { field: 'monetary', type: 'quantitative', title: label(options, 'mean monetary value'), scale: { scheme: 'blues' } },
      tooltip: [{ field: 'rScore' }, { field: 'fScore' }, { field: 'customers' }, { field: 'monetary', format: ',.2f' }],
    },
  });
}

/**
 * Each segment's share of customers and share of revenue side by side (R `rfm`'s segment
 * bars), segments with customers only, largest first.
 *
 * @example
 * ```ts
 * rfmSegmentsChart(rfm(transactions));
 * ```
 */
export function rfmSegmentsChart(result: unknown, opts?: ChartOptions): VegaLiteSpec {
  const options = chartOptions('rfmSegmentsChart', opts);
  const s = rfmOf('rfmSegmentsChart', result).segments;
  const [customers, revenue] = [label(options, 'share of customers'), label(options, 'share of revenue')];
  const values = rowsOf(s as never)
    .filter((r) => (r.count as number) > 0)
    .flatMap((r) => [
      { segment: r.segment, measure: customers, share: r.shareOfCustomers, customers: r.count },
      { segment: r.segment, measure: revenue, share: r.shareOfRevenue, customers: r.count },
    ]);
  return top(options, 'RFM segments', {
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'segment', type: 'nominal', title: label(options, 'segment'), sort: { op: 'max', field: 'customers', order: 'descending' } },
      yOffset: { field: 'measure' },
      x: { field: 'share', type: 'quantitative', title: null, axis: { format: '%' } },
      color: { field: 'measure', type: 'nominal', title: null },
    },
  });
}

/**
 * Histograms of recency (days since the last purchase), frequency (purchase days) and
 * monetary value, side by side (R `rfm`'s rfm_histograms), at most 30 bins each, binned
 * here (the spec holds the bins, not the customers).
 *
 * @example
 * ```ts
 * rfmHistogramsChart(rfm(transactions));
 * ```
 */
export function rfmHistogramsChart(result: unknown, opts?: ChartOptions): VegaLiteSpec {
  const options = chartOptions('rfmHistogramsChart', opts);
  const c = rfmOf('rfmHistogramsChart', result).customers;
  const view = (values: ArrayLike<number>, title: string): unknown => ({
    width: Math.round((options.width ?? 480) / 2),
    height: options.height ?? 220,
    data: { values: niceBins(values, 30) },
    mark: { type: 'bar', tooltip: true },
    encoding: { x: { field: 'bin0', bin: 'binned', type: 'quantitative', title }, x2: { field: 'bin1' }, y: { field: 'count', type: 'quantitative', title: label(options, 'customers') } },
  });
  return spec({
    title: options.title ?? label(options, 'RFM distributions'),
    hconcat: [view(c.recency, label(options, 'days since last purchase')), view(c.frequency, label(options, 'purchase days')), view(c.monetary, label(options, 'monetary'))],
  });
}

/**
 * Customers as points on two of recency, frequency and monetary value (R `rfm`'s
 * rfm_fm_plot, rfm_rf_plot and rfm_rm_plot): `pair` 'fm' (default), 'rf' or 'rm'. At most
 * `maxPoints` customers (default 5,000) are drawn, spread evenly over them, and the subtitle
 * says how many of how many.
 *
 * @example
 * ```ts
 * rfmScatterChart(rfm(transactions), { pair: 'rm' });
 * ```
 */
export function rfmScatterChart(result: unknown, opts?: ChartOptions & { pair?: 'fm' | 'rf' | 'rm' | undefined; maxPoints?: number | undefined }): VegaLiteSpec {
  const options = chartOptions('rfmScatterChart', opts);
  if (options.pair !== undefined && !['fm', 'rf', 'rm'].includes(options.pair)) optionError('rfmScatterChart', 'pair', "must be 'fm', 'rf' or 'rm'", options.pair);
  const c = rfmOf('rfmScatterChart', result).customers;
  const axis = { r: ['recency', 'days since last purchase'], f: ['frequency', 'purchase days'], m: ['monetary', 'monetary'] } as const;
  const pair = options.pair ?? 'fm';
  const [a, b] = [axis[pair[0] as 'r' | 'f' | 'm'], axis[pair[1] as 'r' | 'f' | 'm']];
  const { rows, subtitle } = pointRows('rfmScatterChart', options, c.recency.length);
  const values = Array.from(rows, (i) => ({ recency: c.recency[i], frequency: c.frequency[i], monetary: c.monetary[i] }));
  return top(options, `RFM: ${label(options, a[1])} / ${label(options, b[1])}`, {
    data: { values },
    mark: { type: 'point', opacity: 0.4, tooltip: true },
    encoding: { x: { field: a[0], type: 'quantitative', title: label(options, a[1]) }, y: { field: b[0], type: 'quantitative', title: label(options, b[1]) } },
  }, subtitle);
}

interface AbcLike {
  customers: { value: ArrayLike<number>; rank: ArrayLike<number>; cumulativeShare: ArrayLike<number>; tier: readonly string[] };
  pareto: { lorenz: { customers: ArrayLike<number>; value: ArrayLike<number> }; top20Share: number; customersFor80: number; gini: number };
}
const abcOf = (fn: string, x: unknown): AbcLike => {
  const a = expectResult(fn, x, 'the result of abc', (v) => typeof v.customers === 'object' && typeof v.pareto === 'object' && v.pareto !== null);
  const pareto = a.pareto as AbcLike['pareto'];
  expectResult(fn, pareto, 'the result of abc (Gini, top-20 % share and customers for 80 % as numbers)', (p) => ['gini', 'top20Share', 'customersFor80'].every((k) => typeof p[k] === 'number'));
  return {
    customers: expectColumns(fn, a.customers, 'the result of abc (its customers)', ['value', 'rank', 'cumulativeShare', 'tier']),
    pareto: { ...pareto, lorenz: expectColumns(fn, pareto.lorenz, 'the result of abc (its Lorenz curve)', ['customers', 'value']) },
  } as unknown as AbcLike;
};

/**
 * The ABC Pareto chart: customers ranked by value, the value as an area coloured by tier (at
 * most `maxBars`, default 500, points spread evenly over the ranks), the cumulative share of
 * value as a line, and a mark at 80 % of value over the share of customers that holds it.
 *
 * @example
 * ```ts
 * paretoChart(abc(transactions));
 * ```
 */
export function paretoChart(result: unknown, opts?: ChartOptions & { maxBars?: number | undefined }): VegaLiteSpec {
  const options = chartOptions('paretoChart', opts);
  const a = abcOf('paretoChart', result);
  const n = a.customers.rank.length;
  const byRank = new Int32Array(n);
  for (let i = 0; i < n; i++) byRank[(a.customers.rank[i] as number) - 1] = i;
  const bars = Math.min(n, Math.max(1, Math.floor(options.maxBars ?? 500)));
  const values = Array.from({ length: bars }, (_, j) => {
    const k = Math.floor((j * n) / bars);
    const i = byRank[k] as number;
    return { share: (k + 1) / n, value: a.customers.value[i], cumulative: a.customers.cumulativeShare[i], tier: a.customers.tier[i] };
  });
  const x = { field: 'share', type: 'quantitative', title: label(options, 'customers ranked by value'), axis: { format: '%' }, scale: { domain: [0, 1], nice: false } };
  const cumulative = { field: 'cumulative', type: 'quantitative', title: label(options, 'cumulative share of value'), axis: { format: '%' }, scale: { domain: [0, 1] } };
  const mark80 = [{ share: a.pareto.customersFor80, cumulative: 0.8 }];
  return top(options, 'ABC Pareto chart', {
    data: { values },
    layer: [
      { mark: { type: 'area', tooltip: true, interpolate: 'step-after' }, encoding: { x, y: { field: 'value', type: 'quantitative', title: label(options, 'value'), stack: null }, color: { field: 'tier', type: 'nominal', title: label(options, 'tier') } } },
      {
        layer: [
          { mark: { type: 'line', color: 'black' }, encoding: { x, y: cumulative } },
          { data: { values: mark80 }, mark: { type: 'rule', strokeDash: [4, 4], color: 'firebrick' }, encoding: { x, y: cumulative, y2: { datum: 0 } } },
          { data: { values: mark80 }, mark: { type: 'point', filled: true, color: 'firebrick', size: 60, tooltip: true }, encoding: { x, y: cumulative } },
        ],
      },
    ],
    resolve: { scale: { y: 'independent' } },
  });
}

/**
 * The Lorenz curve of customer value (`abc().pareto.lorenz`: share of customers, ascending
 * value, against the share of value they hold) with the line of equality, the Gini in the
 * title and a point at the top 20 %.
 *
 * @example
 * ```ts
 * lorenzChart(abc(transactions));
 * ```
 */
export function lorenzChart(result: unknown, opts?: ChartOptions): VegaLiteSpec {
  const options = chartOptions('lorenzChart', opts);
  const a = abcOf('lorenzChart', result);
  const curve = label(options, 'Lorenz curve');
  const values = rowsOf({ customers: a.pareto.lorenz.customers, value: a.pareto.lorenz.value });
  const x = { field: 'customers', type: 'quantitative', title: label(options, 'cumulative share of customers'), axis: { format: '%' } };
  const y = { field: 'value', type: 'quantitative', title: label(options, 'cumulative share of value'), axis: { format: '%' } };
  return top(options, `${curve} (Gini ${a.pareto.gini.toFixed(3)})`, {
    layer: [
      { data: { values }, mark: { type: 'line', tooltip: true }, encoding: { x, y } },
      { data: { values: [{ customers: 0, value: 0 }, { customers: 1, value: 1 }] }, mark: { type: 'line', strokeDash: [4, 4], color: 'gray' }, encoding: { x, y } },
      { data: { values: [{ customers: 0.8, value: 1 - a.pareto.top20Share }] }, mark: { type: 'point', filled: true, color: 'firebrick', size: 60 }, encoding: { x, y } },
    ],
  });
}
