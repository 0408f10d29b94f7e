/**
 * The frequency-recency matrices (lifetimes' plot_frequency_recency_matrix and
 * plot_probability_alive_matrix): a heat map over frequency x and recency t_x for customers
 * of age T, computed with the model's predictions.
 */
import { conditionalExpectedPurchases } from '../models/predictions/conditionalExpectedPurchases.js';
import { probabilityAlive } from '../models/predictions/probabilityAlive.js';
import { purchaseModelOf } from '../models/registry.js';
import type { PurchaseModel } from '../models/types.js';
import { chartOptions, label, numberIn, top, unitLabel, type ChartOptions, type VegaLiteSpec } from './vegaLite.js';

/** Options of the matrices. */
export interface MatrixChartOptions extends ChartOptions {
  /** The customers' age T (in the model's unit). Default 52. */
  T?: number | undefined;
  /** Frequencies 0..maxFrequency. Default 30. */
  maxFrequency?: number | undefined;
  /** Recency cells from 0 to T. Default 26. */
  recencySteps?: number | undefined;
  /** The unit's name for the axis. Default: the model's unit, else 'week'. */
  unit?: string | undefined;
}

/** The (x, t_x) grid of a matrix; frequency 0 only at recency 0. */
function grid(fn: string, model: PurchaseModel, o: MatrixChartOptions): { frequency: number[]; recency: number[]; T: number[] } {
  const { spec } = purchaseModelOf(fn, model);
  const T = numberIn(fn, 'T', o.T, 52, 1e-9, 1e6);
  const maxF = Math.floor(numberIn(fn, 'maxFrequency', o.maxFrequency, 30, 1, 500));
  const steps = Math.floor(numberIn(fn, 'recencySteps', o.recencySteps, 26, 1, 500));
  const out = { frequency: [] as number[], recency: [] as number[], T: [] as number[] };
  for (let x = 0; x <= maxF; x++) {
    for (let k = 0; k <= steps; k++) {
      const tx = spec.discrete ? Math.round((T * k) / steps) : (T * k) / steps;
      if ((x === 0) !== (tx === 0)) continue; // no purchase: recency 0; a purchase: after the first
      if (spec.discrete && x > tx) continue; // at most one purchase per opportunity
      out.frequency.push(x);
      out.recency.push(tx);
      out.T.push(T);
    }
  }
  return out;
}

function matrix(title: string, valueTitle: string, model: PurchaseModel, o: MatrixChartOptions, values: (g: ReturnType<typeof grid>) => Float64Array, fn: string): VegaLiteSpec {
  const g = grid(fn, model, o);
  const v = values(g);
  const unit = o.unit ?? (model as { unit?: string }).unit;
  // each cell spans half a step either side of its (x, t_x), so the cells tile the plane
  const step = g.recency.length > 1 ? Math.max(...g.recency) / Math.max(1, new Set(g.recency).size - 1) : 1;
  const rows = g.frequency.map((x, i) => ({ frequency: x, recency: g.recency[i], value: v[i], x0: (g.recency[i] as number) - step / 2, x1: (g.recency[i] as number) + step / 2, y0: x - 0.5, y1: x + 0.5 }));
  return top(o, title, {
    data: { values: rows },
    mark: { type: 'rect', tooltip: true },
    encoding: {
      x: { field: 'x0', type: 'quantitative', title: `${label(o, 'recency')} (${unitLabel(o, unit)})`, scale: { nice: false } },
      x2: { field: 'x1' },
      y: { field: 'y0', type: 'quantitative', title: label(o, 'frequency'), scale: { nice: false, reverse: true } },
      y2: { field: 'y1' },
      color: { field: 'value', type: 'quantitative', title: valueTitle, scale: { scheme: 'viridis' } },
      tooltip: [{ field: 'frequency', type: 'quantitative' }, { field: 'recency', type: 'quantitative', format: '.2f' }, { field: 'value', type: 'quantitative', format: '.3f' }],
    },
  });
}

/**
 * Expected purchases in the next `horizon` (default 1 unit) of a customer of age T, by
 * frequency and recency: `conditionalExpectedPurchases` on a grid.
 *
 * @example
 * ```ts
 * frequencyRecencyChart(fitBgNbd(summary), { T: 39, horizon: 1 });
 * ```
 */
export function frequencyRecencyChart(model: PurchaseModel, opts?: MatrixChartOptions & { horizon?: number | undefined }): VegaLiteSpec {
  const fn = 'frequencyRecencyChart';
  const options = chartOptions(fn, opts);
  const horizon = numberIn(fn, 'horizon', options.horizon, 1, 0, 1e6);
  return matrix('Expected purchases by frequency and recency', label(options, 'expected purchases'), model, options, (g) => conditionalExpectedPurchases(model, g, horizon), fn);
}

/**
 * P(alive) of a customer of age T, by frequency and recency: `probabilityAlive` on a grid.
 *
 * @example
 * ```ts
 * probabilityAliveMatrixChart(fitBgNbd(summary), { T: 39 });
 * ```
 */
export function probabilityAliveMatrixChart(model: PurchaseModel, opts?: MatrixChartOptions): VegaLiteSpec {
  const options = chartOptions('probabilityAliveMatrixChart', opts);
  return matrix('P(alive) by frequency and recency', label(options, 'P(alive)'), model, options, (g) => probabilityAlive(model, g), 'probabilityAliveMatrixChart');
}
