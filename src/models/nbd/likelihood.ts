/**
 * NBD: purchases are Poisson(λ) forever (no dropout), λ ~ Gamma(r, α) across customers
 * (Ehrenberg 1959; Morrison & Schmittlein 1988): the baseline every dropout model is
 * compared with.
 * @internal
 */
import type { HistoryData } from '../../data/histories.js';
import { digamma, logGammaRatio } from '../../math/special.js';

export interface NbdParams {
  r: number;
  alpha: number;
}

/**
 * Weighted log-likelihood of x repeat purchases in (0, T] (the purchase times enter only
 * through λ^x e^(-λT), so t_x drops out): ln L = lnΓ(r+x) - lnΓ(r) + r ln α - (r+x) ln(α+T),
 * with its gradient.
 */
export function logLik(data: HistoryData, theta: Float64Array, grad?: Float64Array): number {
  const r = theta[0] as number;
  const alpha = theta[1] as number;
  const lnAlpha = Math.log(alpha);
  const psiR = grad ? digamma(r) : 0;
  let ll = 0;
  let gr = 0;
  let ga = 0;
  const { x: X, T: TT, w: W } = data;
  for (let i = 0; i < X.length; i++) {
    const x = X[i] as number;
    const w = W[i] as number;
    const aT = alpha + (TT[i] as number);
    const lnAT = Math.log(aT);
    ll += w * (logGammaRatio(r, x) + r * lnAlpha - (r + x) * lnAT);
    if (grad) {
      gr += w * (digamma(r + x) - psiR + lnAlpha - lnAT);
      ga += w * (r / alpha - (r + x) / aT);
    }
  }
  if (grad) {
    grad[0] = gr;
    grad[1] = ga;
  }
  return ll;
}

/** Weighted log-likelihood at natural parameters. */
export function logLikelihood(p: NbdParams, data: HistoryData): number {
  return logLik(data, Float64Array.of(p.r, p.alpha));
}
