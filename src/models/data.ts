import { readSummary, summaryUnit, type SummaryInput } from '../summary/readSummary.js';
import { CustomerValueError } from '../errors.js';
import type { FitOptions } from './types.js';
import { checkFitOptions } from './fit.js';
import type { HistoryData } from '../data/histories.js';

export type { HistoryData };

/** @internal */
export function historyData(fn: string, summary: SummaryInput, rawOptions: FitOptions, needMonetary = false): HistoryData {
  const options = checkFitOptions(fn, rawOptions);
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
  const pick = (col: ArrayLike<number>): Float64Array =>
    keep.length === s.n ? (col instanceof Float64Array ? col : Float64Array.from(col)) : Float64Array.from(keep, (i) => col[i] as number);
  return {
    x: pick(s.frequency),
    tx: pick(s.recency),
    T: pick(s.T),
    w: s.weight ? pick(s.weight) : new Float64Array(keep.length).fill(1),
    n,
    m: s.monetaryValue ? pick(s.monetaryValue) : undefined,
    unit: summaryUnit(summary),
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

/** Weighted mean of a column. @internal */
export function weightedMean(v: Float64Array, w: Float64Array): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < v.length; i++) {
    s += (v[i] as number) * (w[i] as number);
    sw += w[i] as number;
  }
  return sw > 0 ? s / sw : 0;
}
