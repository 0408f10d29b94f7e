/**
 * Gamma-Gamma spend model: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves
 * for Customer Base Analysis", JMR 42(4); Fader & Hardie (2013), "The Gamma-Gamma Model of
 * Monetary Value". Transaction values z ~ Gamma(p, ν) per customer, ν ~ Gamma(q, v).
 * @internal
 */
import { digamma, logGamma } from '../math/special.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/**
 * Weighted log-likelihood of the mean spend m of x transactions, Fader & Hardie (2013) eq. (5):
 * ln f = lnΓ(px+q) - lnΓ(px) - lnΓ(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(v + x m),
 * with its gradient.
 */
export function logLik(x: Float64Array, m: Float64Array, w: Float64Array, theta: Float64Array, grad?: Float64Array): number {
  const p = theta[0] as number;
  const q = theta[1] as number;
  const v = theta[2] as number;
  const lgq = logGamma(q);
  const lnv = Math.log(v);
  const psiQ = grad ? digamma(q) : 0;
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gv = 0;
  let prevX = Number.NaN;
  let lg1 = 0;
  let lg2 = 0;
  let d1 = 0;
  let d2 = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const mi = m[i] as number;
    const wi = w[i] as number;
    const px = p * xi;
    if (xi !== prevX) {
      prevX = xi;
      lg1 = logGamma(px + q);
      lg2 = logGamma(px);
      if (grad) {
        d1 = digamma(px + q);
        d2 = digamma(px);
      }
    }
    const lnm = Math.log(mi);
    const lnx = Math.log(xi);
    const lnvx = Math.log(v + xi * mi);
    ll += wi * (lg1 - lg2 - lgq + q * lnv + (px - 1) * lnm + px * lnx - (px + q) * lnvx);
    if (grad) {
      gp += wi * xi * (d1 - d2 + lnm + lnx - lnvx);
      gq += wi * (d1 - psiQ + lnv - lnvx);
      gv += wi * (q / v - (px + q) / (v + xi * mi));
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
 * E[M | p, q, v, m, x] = p (v + x m) / (p x + q - 1), Fader, Hardie & Lee (2005b) eq. (5):
 * a weighted mean of the population mean p v / (q - 1) and the observed mean m. For x = 0
 * the population mean (finite when q > 1).
 */
export function conditionalSpend(g: GammaGammaParams, x: number, m: number): number {
  if (x === 0) return g.q > 1 ? (g.p * g.v) / (g.q - 1) : Number.POSITIVE_INFINITY;
  return (g.p * (g.v + x * m)) / (g.p * x + g.q - 1);
}
