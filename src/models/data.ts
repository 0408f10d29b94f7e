import { readSummary, summaryUnit, type SummaryInput, type SummaryNeeds } from '../summary/readSummary.js';
import { CustomerValueError } from '../errors.js';
import type { FitOptions } from './types.js';
import { checkFitOptions } from './fit.js';
import type { HistoryData } from '../data/histories.js';

export type { HistoryData };

/**
 * A summary's histories as a likelihood reads them (rows of weight 0 left out), with the
 * columns `needs` requires. @internal
 */
export function historyData(fn: string, summary: SummaryInput, rawOptions: FitOptions, needs: SummaryNeeds = {}): HistoryData {
  const options = checkFitOptions(fn, rawOptions);
  const s = readSummary(summary, fn, { fields: options.fields, weights: options.weights, ...needs });
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
    litt: needs.needRegularity && s.logIntervalSum ? pick(s.logIntervalSum) : undefined,
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
  const w = Float64Array.from(idx, (i) => (d.w[i] as number) * scale);
  return { x: pick(d.x), tx: pick(d.tx), T: pick(d.T), w, n: d.n, m: d.m ? pick(d.m) : undefined, unit: d.unit, litt: d.litt ? pick(d.litt) : undefined };
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
