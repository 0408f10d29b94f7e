/**
 * BG/NBD: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way: An Alternative
 * to the Pareto/NBD Model", Marketing Science 24(2), 275-284. Individual purchases are
 * Poisson(λ) while alive; after each purchase the customer drops out with probability p;
 * λ ~ Gamma(r, α), p ~ Beta(a, b).
 * @internal
 */
import { digamma, logBetaRatio, logGammaRatio } from '../../math/special.js';
import { indexDistinct } from '../fit.js';
import type { HistoryData } from '../../data/histories.js';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Per-fit precomputation: distinct frequencies, T and t_x values; one-time buyers pooled by T. */
export interface BgNbdPrepared {
  data: HistoryData;
  xs: { values: Float64Array; index: Uint32Array };
  Ts: { values: Float64Array; index: Uint32Array };
  txs: { values: Float64Array; index: Uint32Array };
  /** Rows with x > 0. */
  repeat: Uint32Array;
  /** Total weight of the x = 0 rows per distinct T (their likelihood depends on T only). */
  zeroWeight: Float64Array;
}

export function prepare(data: HistoryData): BgNbdPrepared {
  const Ts = indexDistinct(data.T);
  const zeroWeight = new Float64Array(Ts.values.length);
  const repeat: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    if ((data.x[i] as number) === 0) {
      const j = Ts.index[i] as number;
      zeroWeight[j] = (zeroWeight[j] as number) + (data.w[i] as number);
    } else repeat.push(i);
  }
  return { data, xs: indexDistinct(data.x), Ts, txs: indexDistinct(data.tx), repeat: Uint32Array.from(repeat), zeroWeight };
}

/**
 * Weighted log-likelihood, FHL (2005) eq. (6) in log form:
 * ln L = lnΓ(r+x) - lnΓ(r) + r ln α + ln B(a, b+x) - ln B(a, b) - (r+x) ln(α+T)
 *        + ln(1 + [x>0] a/(b+x-1) ((α+T)/(α+t_x))^(r+x)),
 * with its gradient (digamma terms per distinct x, logs per distinct T and t_x).
 * Optional `variant = 'mbg'` gives the MBG/NBD likelihood of Batislam et al. (2007):
 * B(a, b+x+1) in the first term and a/(b+x) without the [x>0] indicator.
 */
export function logLik(prep: BgNbdPrepared, theta: Float64Array, grad?: Float64Array, variant: 'bg' | 'mbg' = 'bg'): number {
  const r = theta[0] as number;
  const alpha = theta[1] as number;
  const a = theta[2] as number;
  const b = theta[3] as number;
  const { data, xs, Ts, txs } = prep;
  const mbg = variant === 'mbg' ? 1 : 0;
  const nx = xs.values.length;
  // per distinct x
  const cx = new Float64Array(nx); // lnΓ(r+x) - lnΓ(r) + ln B(a, b+x+mbg) - ln B(a,b) + ln(a/(b+x-1+mbg))
  const lnRatio = new Float64Array(nx); // ln(a / (b + x - 1 + mbg))
  const dxr = new Float64Array(nx);
  const dxa = new Float64Array(nx);
  const dxb = new Float64Array(nx);
  const psiR = grad ? digamma(r) : 0;
  const psiAB = grad ? digamma(a + b) : 0;
  const psiB = grad ? digamma(b) : 0;
  for (let j = 0; j < nx; j++) {
    const x = xs.values[j] as number;
    cx[j] = logGammaRatio(r, x) + logBetaRatio(a, b, 0, x + mbg);
    lnRatio[j] = x > 0 || mbg ? Math.log(a / (b + x - 1 + mbg)) : Number.NEGATIVE_INFINITY;
    if (grad) {
      dxr[j] = digamma(r + x) - psiR;
      const psiABX = digamma(a + b + x + mbg);
      dxa[j] = psiAB - psiABX;
      dxb[j] = digamma(b + x + mbg) - psiABX - psiB + psiAB;
    }
  }
  const nT = Ts.values.length;
  const lnAT = new Float64Array(nT);
  const invAT = new Float64Array(nT);
  for (let j = 0; j < nT; j++) {
    const v = alpha + (Ts.values[j] as number);
    lnAT[j] = Math.log(v);
    invAT[j] = 1 / v;
  }
  const ntx = txs.values.length;
  const lnAtx = new Float64Array(ntx);
  const invAtx = new Float64Array(ntx);
  for (let j = 0; j < ntx; j++) {
    const v = alpha + (txs.values[j] as number);
    lnAtx[j] = Math.log(v);
    invAtx[j] = 1 / v;
  }
  const lnAlpha = Math.log(alpha);
  const { x: X, w: W } = data;
  const xi = xs.index;
  const Ti = Ts.index;
  const ti = txs.index;
  let ll = 0;
  let gr = 0;
  let gal = 0;
  let ga = 0;
  let gb = 0;
  // one-time buyers, pooled by T: t_x = 0, so only T matters
  const lr0 = mbg ? Math.log(a / b) : Number.NEGATIVE_INFINITY;
  for (let j = 0; j < nT; j++) {
    const w = prep.zeroWeight[j] as number;
    if (w === 0) continue;
    const lT = lnAT[j] as number;
    let li = r * (lnAlpha - lT) + (mbg ? logBetaRatio(a, b, 0, 1) : 0);
    let sig = 0;
    if (mbg) {
      const D = lr0 + r * (lT - lnAlpha);
      const sp = D > 0 ? D + Math.log1p(Math.exp(-D)) : Math.log1p(Math.exp(D));
      sig = D > 0 ? 1 / (1 + Math.exp(-D)) : Math.exp(D) / (1 + Math.exp(D));
      li += sp;
    }
    ll += w * li;
    if (grad) {
      gr += w * (lnAlpha - lT + sig * (lT - lnAlpha));
      gal += w * (r / alpha - r * (invAT[j] as number) + sig * r * ((invAT[j] as number) - 1 / alpha));
      if (mbg) {
        const psiAB1 = digamma(a + b + 1);
        ga += w * (psiAB - psiAB1 + sig / a);
        gb += w * (digamma(b + 1) - psiAB1 - psiB + psiAB - sig / b);
      }
    }
  }
  const rows = prep.repeat;
  const n = rows.length;
  for (let k = 0; k < n; k++) {
    const i = rows[k] as number;
    const w = W[i] as number;
    const j = xi[i] as number;
    const x = X[i] as number;
    const Tj = Ti[i] as number;
    const lT = lnAT[Tj] as number;
    const rx = r + x;
    let li = (cx[j] as number) + r * lnAlpha - rx * lT;
    const tj = ti[i] as number;
    const lt = lnAtx[tj] as number;
    const D = (lnRatio[j] as number) + rx * (lT - lt);
    // softplus(D) and sigmoid(D), stable both ways
    let sig: number;
    if (D > 0) {
      const e = Math.exp(-D);
      li += D + Math.log1p(e);
      sig = 1 / (1 + e);
    } else {
      const e = Math.exp(D);
      li += Math.log1p(e);
      sig = e / (1 + e);
    }
    ll += w * li;
    if (grad) {
      gr += w * ((dxr[j] as number) + lnAlpha - lT + sig * (lT - lt));
      gal += w * (r / alpha - rx * (invAT[Tj] as number) + sig * rx * ((invAT[Tj] as number) - (invAtx[tj] as number)));
      ga += w * ((dxa[j] as number) + sig / a);
      gb += w * ((dxb[j] as number) - sig / (b + x - 1 + mbg));
    }
  }
  if (grad) {
    grad[0] = gr;
    grad[1] = gal;
    grad[2] = ga;
    grad[3] = gb;
  }
  return ll;
}

/** Weighted log-likelihood at natural parameters, for callers without a prepared fit. */
export function logLikelihood(p: BgNbdParams, data: HistoryData, variant: 'bg' | 'mbg' = 'bg'): number {
  return logLik(prepare(data), Float64Array.of(p.r, p.alpha, p.a, p.b), undefined, variant);
}
