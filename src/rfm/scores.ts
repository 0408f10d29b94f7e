/**
 * Quantile and threshold scores.
 * @internal
 */
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
