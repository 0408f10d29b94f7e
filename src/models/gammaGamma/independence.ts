import { readSummary, type SummaryInput } from '../../summary/readSummary.js';
import { regularizedBeta } from '../../math/special.js';
import { requireRows } from '../data.js';

/** Result of {@link spendFrequencyIndependence}. */
export interface SpendFrequencyIndependence {
  /** Repeat customers used (frequency > 0, finite monetary value). */
  customers: number;
  /** Pearson correlation of frequency and mean spend, its t statistic (n - 2 df) and two-sided p-value. */
  pearson: { r: number; t: number; pValue: number };
  /** Spearman rank correlation (ties averaged) with the same t approximation. */
  spearman: { rho: number; t: number; pValue: number };
}

/**
 * Check the Gamma-Gamma model's assumption that a customer's spend per transaction does not
 * depend on how often they buy (Fader & Hardie 2013, §2; lifetimes #269): the Pearson and
 * Spearman correlations of `frequency` and `monetaryValue` over the repeat customers, each
 * with the two-sided p-value of t = r √((n-2)/(1-r²)) on n - 2 degrees of freedom,
 * P(|T| > t) = I_{(n-2)/(n-2+t²)}((n-2)/2, 1/2). A small p-value with a sizeable correlation
 * (Fader & Hardie report 0.11 on CDNOW and call it weak) says the spend model should be
 * used with care; the test does not tell how much the CLV is off.
 *
 * @example
 * ```ts
 * spendFrequencyIndependence(summary); // { customers: 946, pearson: { r: 0.11, ... }, spearman: { ... } }
 * ```
 */
export function spendFrequencyIndependence(summary: SummaryInput, options: { fields?: { readonly [field: string]: string } | undefined } = {}): SpendFrequencyIndependence {
  const fn = 'spendFrequencyIndependence';
  const s = readSummary(summary, fn, { fields: options?.fields, needMonetary: true });
  const x: number[] = [];
  const m: number[] = [];
  const M = s.monetaryValue as Float64Array;
  for (let i = 0; i < s.n; i++) {
    if ((s.frequency[i] as number) > 0) {
      x.push(s.frequency[i] as number);
      m.push(M[i] as number);
    }
  }
  requireRows(fn, x.length, 'repeat customers', 3);
  const test = (r: number): { t: number; pValue: number } => {
    const df = x.length - 2;
    if (!(Math.abs(r) < 1)) return { t: r > 0 ? Infinity : -Infinity, pValue: 0 };
    const t = r * Math.sqrt(df / (1 - r * r));
    return { t, pValue: regularizedBeta(df / (df + t * t), df / 2, 0.5) };
  };
  const r = pearson(x, m);
  const rho = pearson(ranks(x), ranks(m));
  return { customers: x.length, pearson: { r, ...test(r) }, spearman: { rho, ...test(rho) } };
}

/** Pearson correlation (0 when a column is constant). */
function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Ranks 1..n with ties given their average rank. */
function ranks(v: readonly number[]): Float64Array {
  const order = Array.from(v.keys()).sort((i, j) => (v[i] as number) - (v[j] as number));
  const out = new Float64Array(v.length);
  for (let k = 0; k < order.length; ) {
    let e = k;
    while (e + 1 < order.length && v[order[e + 1] as number] === v[order[k] as number]) e++;
    for (let j = k; j <= e; j++) out[order[j] as number] = (k + e) / 2 + 1;
    k = e + 1;
  }
  return out;
}
