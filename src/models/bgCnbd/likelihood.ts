/**
 * BG/CNBD-k and MBG/CNBD-k (Platzer & Reutterer 2016; Reutterer, Platzer & Schröder 2021):
 * BG/NBD and MBG/NBD with Erlang-k instead of exponential inter-purchase times. While alive
 * a customer's inter-purchase times are Erlang(k, λ) (k = 1: Poisson purchases); after each
 * purchase (MBG: also at time 0) the customer drops out with probability p;
 * λ ~ Gamma(r, α), p ~ Beta(a, b).
 * @internal
 */
import type { HistoryData } from '../../data/histories.js';
import { CustomerValueError } from '../../errors.js';
import { digamma, logBetaRatio, logGamma, logGammaRatio } from '../../math/special.js';
import { indexDistinct } from '../fit.js';

export interface CnbdParams {
  k: number;
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** 'bg': dropout after each repeat purchase; 'mbg': also at time 0. */
export type CnbdVariant = 'bg' | 'mbg';

/**
 * The part of the log-likelihood that depends on the data only (not on r, α, a, b):
 * Σ_i w_i [(k-1) litt_i - x_i ln (k-1)!], litt_i = Σ ln(inter-purchase times), the
 * Erlang density's λ-free factor. 0 for k = 1; for k > 1 it needs the `litt` column.
 */
export function timingConstant(data: HistoryData, k: number, fn = 'logLikelihood'): number {
  if (k === 1) return 0;
  const L = data.litt;
  if (!L) {
    throw new CustomerValueError('invalid_input', `${fn}: k = ${k} needs the summary's logIntervalSum column (summarize(transactions, { regularity: true }) adds it)`, [
      { code: 'missing_column', path: ['customers', 'logIntervalSum'], message: 'column "logIntervalSum" is missing' },
    ]);
  }
  const lnFact = logGamma(k);
  let c = 0;
  for (let i = 0; i < L.length; i++) c += (data.w[i] as number) * ((k - 1) * (L[i] as number) - (data.x[i] as number) * lnFact);
  return c;
}

/** Per-fit precomputation: distinct frequencies and ages, and ln Δ per row (data only). */
export interface CnbdPrepared {
  data: HistoryData;
  k: number;
  variant: CnbdVariant;
  xs: { values: Float64Array; index: Uint32Array };
  Ts: { values: Float64Array; index: Uint32Array };
  /** ln(T - t_x), -Infinity when the last purchase was at T. */
  lnDelta: Float64Array;
  /** Scratch per distinct x: ln Γ(s+j)/Γ(s) - ln j! (k per x), and the x-only terms. */
  lnG: Float64Array;
  base: Float64Array;
  psiS: Float64Array;
  dA: Float64Array;
  dB: Float64Array;
  lnAT: Float64Array;
}

export function prepare(data: HistoryData, k: number, variant: CnbdVariant): CnbdPrepared {
  const xs = indexDistinct(data.x);
  const Ts = indexDistinct(data.T);
  const lnDelta = Float64Array.from(data.T, (T, i) => {
    const d = T - (data.tx[i] as number);
    return d > 0 ? Math.log(d) : Number.NEGATIVE_INFINITY;
  });
  const nx = xs.values.length;
  const f = (m: number): Float64Array => new Float64Array(m);
  return { data, k, variant, xs, Ts, lnDelta, lnG: f(nx * k), base: f(nx), psiS: f(nx), dA: f(nx), dB: f(nx), lnAT: f(Ts.values.length) };
}

/** The per-x tables at (r, α, a, b): what depends on the frequency only, computed once per distinct x. */
function perFrequency(prep: CnbdPrepared, r: number, alpha: number, a: number, b: number, grad: boolean): void {
  const { k, xs, lnG, base, psiS, dA, dB } = prep;
  const v = prep.variant === 'mbg' ? 1 : 0;
  const lnAlpha = Math.log(alpha);
  const psiAB = grad ? digamma(a + b) : 0;
  const psiB = grad ? digamma(b) : 0;
  for (let u = 0; u < xs.values.length; u++) {
    const x = xs.values[u] as number;
    const s = r + k * x;
    base[u] = logGammaRatio(r, k * x) + r * lnAlpha + logBetaRatio(a, b, 0, x + v);
    let g = 0;
    for (let j = 0; j < k; j++) {
      if (j > 0) g += Math.log((s + j - 1) / j);
      lnG[u * k + j] = g;
    }
    if (!grad) continue;
    psiS[u] = digamma(s);
    const psiABX = digamma(a + b + x + v);
    dA[u] = psiAB - psiABX;
    dB[u] = digamma(b + x + v) - psiB + psiAB - psiABX;
  }
}

/**
 * Weighted log-likelihood without the timing constant, with its gradient in (r, α, a, b).
 * Given λ and p a history's likelihood is the Erlang density of the x intervals,
 * λ^(kx) e^(-λ t_x) Π τ^(k-1)/(k-1)!, times [dropped at the last purchase] or [alive and
 * no purchase since: P(Erlang-k > T - t_x) = Σ_{j<k} e^(-λΔ) (λΔ)^j / j!]. Integrated over
 * λ and p, with s = r + kx, Δ = T - t_x and v = 1 for MBG (0 for BG):
 *
 * L / const = Γ(s) α^r / (Γ(r) B(a,b)) · ( [x+v > 0] B(a+1, b+x+v-1) (α+t_x)^(-s)
 *           + B(a, b+x+v) Σ_{j<k} Γ(s+j)/Γ(s) Δ^j / j! (α+T)^(-(s+j)) ),
 *
 * summed in log space (log-sum-exp over the k + 1 terms), finite for any frequency; the
 * Γ and B ratios per distinct frequency. At k = 1 this is the BG/NBD likelihood, FHL (2005)
 * eq. (6) (MBG/NBD: Batislam et al. 2007).
 */
export function logLik(prep: CnbdPrepared, theta: Float64Array, grad?: Float64Array): number {
  const r = theta[0] as number;
  const alpha = theta[1] as number;
  const a = theta[2] as number;
  const b = theta[3] as number;
  const { k, data, xs, Ts, lnDelta, lnG, base, psiS, dA, dB, lnAT: lnATs } = prep;
  const v = prep.variant === 'mbg' ? 1 : 0;
  perFrequency(prep, r, alpha, a, b, grad !== undefined);
  for (let u = 0; u < Ts.values.length; u++) lnATs[u] = Math.log(alpha + (Ts.values[u] as number));
  const psiR = grad ? digamma(r) : 0;
  const lnAlpha = Math.log(alpha);
  const terms = new Float64Array(k + 1);
  let ll = 0;
  let gr = 0;
  let ga = 0;
  let gA = 0;
  let gB = 0;
  const { x: X, tx: TX, T: TT, w: W } = data;
  for (let i = 0; i < X.length; i++) {
    const x = X[i] as number;
    const u = xs.index[i] as number;
    const s = r + k * x;
    const bx = b + x + v;
    const lnAT = lnATs[Ts.index[i] as number] as number;
    const lnAtx = Math.log(alpha + (TX[i] as number));
    const lnD = lnDelta[i] as number;
    // terms[0]: dropped at t_x; terms[1 + j]: alive with j phases done (relative to B(a, b+x+v))
    terms[0] = x + v > 0 ? Math.log(a / (bx - 1)) - s * lnAtx : Number.NEGATIVE_INFINITY;
    let max = terms[0] as number;
    const jMax = lnD === Number.NEGATIVE_INFINITY ? 1 : k;
    for (let j = 0; j < jMax; j++) {
      const t = j === 0 ? -s * lnAT : (lnG[u * k + j] as number) + j * lnD - (s + j) * lnAT;
      terms[1 + j] = t;
      if (t > max) max = t;
    }
    let sum = 0;
    for (let j = 0; j <= jMax; j++) sum += terms[j] = Math.exp((terms[j] as number) - max);
    const w = W[i] as number;
    ll += w * ((base[u] as number) + max + Math.log(sum));
    if (!grad) continue;
    // each term's share of the sum weights its derivative
    const dead = (terms[0] as number) / sum;
    const ps = psiS[u] as number;
    let dr = dead * -lnAtx;
    let da = dead * (-s / (alpha + (TX[i] as number)));
    let psiSj = ps;
    for (let j = 0; j < jMax; j++) {
      if (j > 0) psiSj += 1 / (s + j - 1);
      const share = (terms[1 + j] as number) / sum;
      dr += share * (psiSj - ps - lnAT);
      da += share * (-(s + j) / (alpha + (TT[i] as number)));
    }
    gr += w * (ps - psiR + lnAlpha + dr);
    ga += w * (r / alpha + da);
    // d/da, d/db of ln B(a, b+x+v) - ln B(a, b), plus ln(a/(b+x+v-1)) in the dead term
    gA += w * ((dA[u] as number) + dead / a);
    gB += w * ((dB[u] as number) - (x + v > 0 ? dead / (bx - 1) : 0));
  }
  if (grad) {
    grad[0] = gr;
    grad[1] = ga;
    grad[2] = gA;
    grad[3] = gB;
  }
  return ll;
}

/** Weighted log-likelihood at natural parameters, timing constant included. */
export function logLikelihood(p: CnbdParams, data: HistoryData, variant: CnbdVariant): number {
  return timingConstant(data, p.k) + logLik(prepare(data, p.k, variant), Float64Array.of(p.r, p.alpha, p.a, p.b));
}
