import { readSummary, type SummaryInput } from '../summary/readSummary.js';
import type { TimeUnit } from '../data/days.js';
import { CustomerValueError } from '../errors.js';
import type { FitOptions } from './types.js';

/** Summary columns prepared for a likelihood: rows with weight 0 removed. @internal */
export interface HistoryData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  w: Float64Array;
  /** Sum of the weights. */
  n: number;
  m: Float64Array | undefined;
  unit: TimeUnit | undefined;
}

/** @internal */
export function historyData(fn: string, summary: SummaryInput, options: FitOptions, needMonetary = false): HistoryData {
  const s = readSummary(summary, fn, { fields: options.fields, weights: options.weights, needMonetary });
  const keep: number[] = [];
  let n = 0;
  for (let i = 0; i < s.n; i++) {
    const w = s.weight ? (s.weight[i] as number) : 1;
    if (w > 0) {
      keep.push(i);
      n += w;
    }
  }
  const pick = (col: Float64Array): Float64Array => (keep.length === s.n ? col : Float64Array.from(keep, (i) => col[i] as number));
  const unit = (summary as { unit?: unknown }).unit;
  return {
    x: pick(s.frequency),
    tx: pick(s.recency),
    T: pick(s.T),
    w: s.weight ? pick(s.weight) : new Float64Array(keep.length).fill(1),
    n,
    m: s.monetaryValue ? pick(s.monetaryValue) : undefined,
    unit: unit === 'day' || unit === 'week' || unit === 'month' || unit === 'year' ? unit : undefined,
  };
}

/** Throw when a fit has nothing to fit on. @internal */
export function requireRows(fn: string, n: number, what = 'customers', min = 1): void {
  if (n < min) {
    throw new CustomerValueError('invalid_input', `${fn} requires at least ${min} ${what}, got ${n}`);
  }
}

/** The rows `idx` of a history, weights scaled by `n / idx.length`. @internal */
export function subsetHistory(d: HistoryData, idx: Uint32Array): HistoryData {
  const pick = (col: Float64Array): Float64Array => Float64Array.from(idx, (i) => col[i] as number);
  const scale = d.x.length / idx.length;
  return { x: pick(d.x), tx: pick(d.tx), T: pick(d.T), w: Float64Array.from(idx, (i) => (d.w[i] as number) * scale), n: d.n, m: d.m ? pick(d.m) : undefined, unit: d.unit };
}
