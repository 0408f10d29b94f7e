/**
 * Heterogeneity and distributions: the mixing densities of the purchase and dropout
 * processes (lifetimes' plot_transaction_rate_heterogeneity and
 * plot_dropout_rate_heterogeneity), the spend-level density against the customers' mean
 * spends (CLVTools' plot of a spending model) and a new customer's purchase pmf.
 */
import { CustomerValueError } from '../errors.js';
import { logGamma } from '../math/special.js';
import { probabilityOfPurchases } from '../models/predictions/probabilityOfPurchases.js';
import { purchaseModelOf, spendModelOf } from '../models/registry.js';
import type { MixingDistribution } from '../models/spec.js';
import type { PurchaseModel, SpendModel } from '../models/types.js';
import { chartOptions, expectColumns, label, numberIn, top, unitLabel, type ChartOptions, type VegaLiteSpec } from './vegaLite.js';

/** The density of a mixing distribution at x. */
export function mixingDensity(m: MixingDistribution, x: number): number {
  if (m.family === 'gamma') return Math.exp(m.shape * Math.log(m.rate) + (m.shape - 1) * Math.log(x) - m.rate * x - logGamma(m.shape));
  return Math.exp((m.a - 1) * Math.log(x) + (m.b - 1) * Math.log1p(-x) + logGamma(m.a + m.b) - logGamma(m.a) - logGamma(m.b));
}

/** Points where a density is drawn: (0, 1) for a beta; (0, mean + 4 sd) for a gamma. */
function support(m: MixingDistribution, n: number): number[] {
  const hi = m.family === 'beta' ? 1 : m.shape / m.rate + 4 * Math.sqrt(m.shape) / m.rate;
  return Array.from({ length: n }, (_, i) => (hi * (i + 0.5)) / n);
}

/**
 * The density across customers of the purchase rate (default) or of the dropout process
 * (`process: 'dropout'`) at the model's parameters, e.g. Gamma(r, α) of λ and Beta(a, b) of
 * p for BG/NBD, as the model's registry entry describes it.
 *
 * @example
 * ```ts
 * heterogeneityChart(fitBgNbd(summary), { process: 'dropout' });
 * ```
 */
export function heterogeneityChart(model: PurchaseModel, opts?: ChartOptions & { process?: 'purchase' | 'dropout' | undefined; points?: number | undefined }): VegaLiteSpec {
  const fn = 'heterogeneityChart';
  const options = chartOptions(fn, opts);
  const { spec, p } = purchaseModelOf(fn, model);
  const process = options.process ?? 'purchase';
  const m = spec.mixing?.(p as never).find((d) => d.process === process);
  if (!m) throw new CustomerValueError('invalid_input', `${fn}: ${spec.title} has no ${process} mixing distribution to draw`, [{ code: 'invalid_input', path: ['model'], message: `no ${process} mixing distribution`, value: model.kind }]);
  const n = Math.floor(numberIn(fn, 'points', options.points, 200, 10, 10_000));
  const values = support(m, n).map((x) => ({ x, density: mixingDensity(m, x) })).filter((r) => Number.isFinite(r.density));
  const family = m.family === 'gamma' ? `Gamma(${m.shape.toPrecision(3)}, ${m.rate.toPrecision(3)})` : `Beta(${m.a.toPrecision(3)}, ${m.b.toPrecision(3)})`;
  return top(options, process === 'purchase' ? 'Purchase rate heterogeneity' : 'Dropout heterogeneity', {
    data: { values },
    mark: { type: 'area', line: true, opacity: 0.4, tooltip: true },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: `${m.variable} ~ ${family}` },
      y: { field: 'density', type: 'quantitative', title: label(options, 'density') },
    },
  });
}

/**
 * The spend model's density of a customer's spend level (the mean value of their
 * purchases) against a histogram of the repeat customers' observed mean spends
 * (`monetaryValue` of the customers with frequency > 0), both as densities.
 *
 * @example
 * ```ts
 * spendingChart(fitGammaGamma(summary), summary);
 * ```
 */
export function spendingChart(model: SpendModel, customers: { frequency: ArrayLike<number>; monetaryValue: ArrayLike<number> }, opts?: ChartOptions & { bins?: number | undefined }): VegaLiteSpec {
  const fn = 'spendingChart';
  const options = chartOptions(fn, opts);
  const { spec, p } = spendModelOf(fn, model);
  const c = expectColumns(fn, customers, 'a summary with frequency and monetaryValue', ['frequency', 'monetaryValue']) as unknown as typeof customers;
  if (!spec.spendLevelDensity) throw new CustomerValueError('invalid_input', `${fn}: ${spec.title} has no spend-level density`);
  const spends: number[] = [];
  for (let i = 0; i < c.frequency.length; i++) if ((c.frequency[i] as number) > 0 && (c.monetaryValue[i] as number) > 0) spends.push(c.monetaryValue[i] as number);
  spends.sort((a, b) => a - b);
  const hi = spends.length ? (spends[Math.floor(0.99 * (spends.length - 1))] as number) : 1;
  const bins = Math.floor(numberIn(fn, 'bins', options.bins, 40, 2, 1000));
  const width = hi / bins;
  const counts = new Float64Array(bins);
  for (const s of spends) if (s <= hi) counts[Math.min(bins - 1, Math.floor(s / width))]! += 1;
  const customersLabel = label(options, 'actual');
  const modelLabel = label(options, 'model');
  const observed = Array.from(counts, (k, j) => ({ spend: (j + 0.5) * width, density: k / (spends.length * width), source: customersLabel }));
  const density = Array.from({ length: 200 }, (_, j) => (hi * (j + 0.5)) / 200).map((z) => ({ spend: z, density: (spec.spendLevelDensity as (q: unknown, z: number) => number)(p, z), source: modelLabel }));
  const x = { field: 'spend', type: 'quantitative', title: label(options, 'mean spend per purchase') };
  const y = { field: 'density', type: 'quantitative', title: label(options, 'density') };
  return top(options, 'Spend level: customers and model', {
    layer: [
      { data: { values: observed }, mark: { type: 'bar', opacity: 0.5, tooltip: true }, encoding: { x, y, color: { field: 'source', type: 'nominal', title: null } } },
      { data: { values: density }, mark: { type: 'line', tooltip: true }, encoding: { x, y, color: { field: 'source', type: 'nominal', title: null } } },
    ],
  });
}

/**
 * P(X(t) = n) of a newly acquired customer for n = 0..maxPurchases (default 10) over the
 * next t (default 52), from `probabilityOfPurchases` (CLVTools' pmf plot), as bars.
 *
 * @example
 * ```ts
 * purchasesPmfChart(fitBgNbd(summary), { t: 52 });
 * ```
 */
export function purchasesPmfChart(model: PurchaseModel, opts?: ChartOptions & { t?: number | undefined; maxPurchases?: number | undefined; unit?: string | undefined }): VegaLiteSpec {
  const fn = 'purchasesPmfChart';
  const options = chartOptions(fn, opts);
  purchaseModelOf(fn, model);
  const t = numberIn(fn, 't', options.t, 52, 0, 1e6);
  const max = Math.floor(numberIn(fn, 'maxPurchases', options.maxPurchases, 10, 1, 1000));
  const values = Array.from({ length: max + 1 }, (_, n) => ({ purchases: n, probability: probabilityOfPurchases(model, n, t) }));
  return top(options, 'Purchases in the period: model', {
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'purchases', type: 'ordinal', title: `${label(options, 'purchases')} (${label(options, 'next')} ${t} ${unitLabel(options, options.unit ?? (model as { unit?: string }).unit)})`, axis: { labelAngle: 0 } },
      y: { field: 'probability', type: 'quantitative', title: label(options, 'P(exactly n purchases)') },
    },
  });
}
