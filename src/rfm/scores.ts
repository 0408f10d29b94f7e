/**
 * Quantile and threshold scores.
 * @internal
 */

/** First index in sorted `a` with a[i] >= v. */
function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in sorted `a` with a[i] > v. */
function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Quantile scores 1..bins, higher is better. A customer's score is
 * 1 + floor(bins · w / n), w = the number of customers with a strictly worse value: ties
 * share a score (the best one their position allows), scores never decrease as the value
 * improves, and with distinct values every bin holds n/bins customers (±1).
 * `higherIsBetter` false for recency in days.
 */
export function quantileScores(values: Float64Array, bins: number, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const worse = higherIsBetter ? lowerBound(sorted, v) : n - upperBound(sorted, v);
    out[i] = 1 + Math.floor((bins * worse) / n);
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
