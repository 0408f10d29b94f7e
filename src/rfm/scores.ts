/**
 * Quantile, threshold and natural-breaks scores.
 * @internal
 */
import { ckmeans } from 'simple-statistics';
import { argsort } from '../math/sort.js';

/**
 * Quantile scores 1..bins, higher is better. A customer's score is
 * 1 + floor(bins · w / n), w = the number of customers with a strictly worse value: ties
 * share a score (the best one their position allows), scores never decrease as the value
 * improves, and with distinct values every bin holds n/bins customers (±1).
 * `higherIsBetter` false for recency in days.
 */
export function quantileScores(values: Float64Array, bins: number, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const order = argsort(values);
  const out = new Uint8Array(n);
  // walk the tie groups of the ascending order
  for (let s = 0; s < n; ) {
    const v = values[order[s] as number] as number;
    let e = s + 1;
    while (e < n && values[order[e] as number] === v) e++;
    const worse = higherIsBetter ? s : n - e;
    const score = 1 + Math.floor((bins * worse) / n);
    for (let k = s; k < e; k++) out[order[k] as number] = score;
    s = e;
  }
  return out;
}

/**
 * Threshold scores: thresholds ascending; for "higher is better" values the score is
 * 1 + the number of thresholds <= value; for recency days 1 + the number of thresholds >= days.
 */
export function thresholdScores(values: Float64Array, thresholds: readonly number[], higherIsBetter: boolean): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let s = 1;
    for (const t of thresholds) if (higherIsBetter ? v >= t : v <= t) s++;
    out[i] = s;
  }
  return out;
}

/**
 * Natural-breaks scores 1..k, higher is better: the values clustered by Ckmeans (Wang & Song
 * 2011, optimal one-dimensional k-means, through simple-statistics' `ckmeans`), k = bins or
 * the number of distinct values if fewer, each customer scored by their cluster's rank. Ties
 * share a cluster; a better value never gets a lower score.
 */
export function naturalBreaksScores(values: Float64Array, bins: number, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const distinct = new Set(values).size;
  const k = Math.max(1, Math.min(bins, distinct));
  const clusters = k === 1 ? [Array.from(values)] : ckmeans(Array.from(values), k);
  // clusters come sorted, each ascending: their last values are the breaks; a value belongs to the first cluster whose top is >= it
  const tops = clusters.map((c) => c[c.length - 1] as number);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = tops.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tops[mid] as number) >= v) hi = mid;
      else lo = mid + 1;
    }
    out[i] = higherIsBetter ? lo + 1 : tops.length - lo;
  }
  return out;
}
