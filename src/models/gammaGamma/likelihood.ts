/**
 * Gamma-Gamma spend model: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves
 * for Customer Base Analysis", JMR 42(4); Fader & Hardie (2013), "The Gamma-Gamma Model of
 * Monetary Value". Transaction values z ~ Gamma(p, ν) per customer, ν ~ Gamma(q, v).
 * @internal
 */
import type { HistoryData } from '../../data/histories.js';
import { digamma, logGamma, logGammaRatio } from '../../math/special.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** Data of a Gamma-Gamma fit, sorted by frequency, with the parameter-free logs precomputed. */
export interface SpendData {
  x: Float64Array;
  m: Float64Array;
  w: Float64Array;
  /** Distinct frequencies and where each run starts in the sorted rows. */
  xs: Float64Array;
  runStart: Uint32Array;
  /** Per distinct x: Σ w, Σ w ln m, Σ w ln x. */
  sw: Float64Array;
  swLnM: Float64Array;
  swLnX: Float64Array;
}

export function spendData(x: Float64Array, m: Float64Array, w: Float64Array): SpendData {
  const xs: number[] = [];
  const runStart: number[] = [];
  const sw: number[] = [];
  const swLnM: number[] = [];
  const swLnX: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    if (i === 0 || xi !== x[i - 1]) {
      xs.push(xi);
      runStart.push(i);
      sw.push(0);
      swLnM.push(0);
      swLnX.push(0);
    }
    const j = xs.length - 1;
    const wi = w[i] as number;
    sw[j] = (sw[j] as number) + wi;
    swLnM[j] = (swLnM[j] as number) + wi * Math.log(m[i] as number);
    swLnX[j] = (swLnX[j] as number) + wi * Math.log(xi);
  }
  runStart.push(x.length);
  return {
    x, m, w,
    xs: Float64Array.from(xs),
    runStart: Uint32Array.from(runStart),
    sw: Float64Array.from(sw),
    swLnM: Float64Array.from(swLnM),
    swLnX: Float64Array.from(swLnX),
  };
}

/**
 * Weighted log-likelihood of the mean spend m of x transactions, Fader & Hardie (2013) eq. (5):
 * ln f = lnΓ(px+q) - lnΓ(px) - lnΓ(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(v + x m),
 * with its gradient. Everything but ln(v + x m) is summed per distinct x from precomputed
 * sums, so a row costs one logarithm.
 */
export function logLik(d: SpendData, theta: Float64Array, grad?: Float64Array): number {
  const p = theta[0] as number;
  const q = theta[1] as number;
  const v = theta[2] as number;
  const lnv = Math.log(v);
  const psiQ = grad ? digamma(q) : 0;
  const { m, w, xs, runStart, sw, swLnM, swLnX } = d;
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gv = 0;
  for (let j = 0; j < xs.length; j++) {
    const xi = xs[j] as number;
    const px = p * xi;
    const W = sw[j] as number;
    // Σ w ln(v + x m) and Σ w / (v + x m) over the run
    let sLn = 0;
    let sInv = 0;
    const end = runStart[j + 1] as number;
    for (let i = runStart[j] as number; i < end; i++) {
      const u = v + xi * (m[i] as number);
      sLn += (w[i] as number) * Math.log(u);
      if (grad) sInv += (w[i] as number) / u;
    }
    // lnΓ(px+q) - lnΓ(q) without cancellation, and q (ln v - ln(v + x m)) as one term, so
    // that large q gives -Infinity at worst, never Infinity - Infinity
    const lg12 = logGammaRatio(q, px) - logGamma(px);
    ll += W * lg12 + q * (W * lnv - sLn) + (px - 1) * (swLnM[j] as number) + px * (swLnX[j] as number) - px * sLn;
    if (grad) {
      const d1 = digamma(px + q);
      const d2 = digamma(px);
      gp += xi * (W * (d1 - d2) + (swLnM[j] as number) + (swLnX[j] as number) - sLn);
      gq += W * (d1 - psiQ + lnv) - sLn;
      gv += (W * q) / v - (px + q) * sInv;
    }
  }
  if (grad) {
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gv;
  }
  return ll;
}

/**
 * The repeat customers (x > 0) of histories, grouped by frequency (stable, in order of the
 * distinct values) so the log-gamma terms are computed once per distinct x. Repeat
 * customers whose mean spend is not > 0 (all their repeat purchases free or refunded) have
 * no Gamma-Gamma likelihood: they are left out and counted (weighted) in `excluded`.
 */
export function repeatSpendData(data: HistoryData): SpendData & { excluded: number } {
  const m = data.m as Float64Array;
  const groups = new Map<number, number[]>();
  let excluded = 0;
  for (let i = 0; i < data.x.length; i++) {
    const xi = data.x[i] as number;
    if (!(xi > 0)) continue;
    if (!((m[i] as number) > 0)) {
      excluded += data.w[i] as number;
      continue;
    }
    let g = groups.get(xi);
    if (!g) groups.set(xi, (g = []));
    g.push(i);
  }
  const keep: number[] = [];
  for (const xi of [...groups.keys()].sort((a, b) => a - b)) for (const i of groups.get(xi) as number[]) keep.push(i);
  const d = spendData(
    Float64Array.from(keep, (i) => data.x[i] as number),
    Float64Array.from(keep, (i) => m[i] as number),
    Float64Array.from(keep, (i) => data.w[i] as number),
  );
  return { ...d, excluded };
}

/** Weighted log-likelihood of the repeat customers' mean spend at natural parameters. */
export function logLikelihood(p: GammaGammaParams, data: HistoryData): number {
  return logLik(repeatSpendData(data), Float64Array.of(p.p, p.q, p.v));
}
