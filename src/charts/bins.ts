/**
 * Histograms computed here rather than by Vega: a chart of a million customers inlines a
 * few dozen bins, not a million values.
 * @internal
 */

/** One bin, [bin0, bin1), the last one closed; its count of values. */
export interface Bin {
  bin0: number;
  bin1: number;
  count: number;
}

/**
 * Equal-width bins over the finite values with a "nice" step (1, 2 or 5 times a power of
 * ten, at least 1 when every value is a whole number, never finer than the values'
 * precision), as few as cover the range in at most `maxBins`; non-finite values are left
 * out. A value on an edge goes to the bin it starts. When no such grid fits (a range across
 * zero in one bin, or one too wide for floating point, beyond about 1e307) there is one bin,
 * [min, max].
 */
export function niceBins(values: ArrayLike<number>, maxBins: number): Bin[] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let n = 0;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    n++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  if (n === 0) return [];
  const grid = binGrid(lo, hi, Math.max(1, Math.floor(maxBins)), whole);
  if (!grid) return [{ bin0: lo, bin1: hi, count: n }];
  const { start, step, count } = grid;
  // the outer edges hold min and max even where start + k step rounds (ranges near 1e300)
  const edge = (k: number): number => (k === 0 ? Math.min(start, lo) : k === count ? Math.max(start + k * step, hi) : start + k * step);
  const counts = new Float64Array(count);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    let k = Math.min(count - 1, Math.max(0, Math.floor((v - start) / step)));
    // the edges as written decide, not the rounding of the division
    while (k + 1 < count && v >= edge(k + 1)) k++;
    while (k > 0 && v < edge(k)) k--;
    counts[k]! += 1;
  }
  return Array.from(counts, (c, k) => ({ bin0: edge(k), bin1: edge(k + 1), count: c }));
}

/** The first edge, step and bin count covering [lo, hi] in at most maxBins; undefined when floating point cannot. */
function binGrid(lo: number, hi: number, maxBins: number, whole: boolean): { start: number; step: number; count: number } | undefined {
  const scale = Math.max(Math.abs(lo), Math.abs(hi));
  // a zero range gets a tenth of its magnitude; no step finer than the values' precision
  let raw = hi > lo ? (hi - lo) / maxBins : scale / 10;
  raw = Math.max(raw, scale * 1e-12);
  if (!(raw >= 1e-300)) raw = 1;
  if (!Number.isFinite(raw) || !Number.isFinite(hi - lo)) return undefined;
  let step = niceStep(raw, whole);
  // the range starts at a multiple of the step, which can take one bin more: then the next nice step
  for (let tries = 0; tries < 4; tries++) {
    const start = Math.floor(lo / step) * step;
    let count = Math.max(1, Math.floor((hi - start) / step) + 1);
    while (count > 1 && start + (count - 1) * step > hi) count--;
    while (start + count * step < hi) count++;
    if (!Number.isFinite(start + count * step) || !(count >= 1)) return undefined;
    if (count <= maxBins) return { start, step, count };
    step = niceStep(step * 1.000001, whole);
  }
  return undefined;
}

/** The smallest of 1, 2, 5 × 10^k at least `raw` (at least 1 for whole numbers). */
function niceStep(raw: number, whole: boolean): number {
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = 10 * mag;
  for (const m of [1, 2, 5]) {
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  }
  return whole ? Math.max(1, Math.ceil(step)) : step;
}
