/**
 * Shifted-beta-geometric (sBG) contractual retention: Fader & Hardie (2007), "How to
 * Project Customer Retention", Journal of Interactive Marketing 21(1), 76-90. Each customer
 * renews each period with probability 1 - θ, θ ~ Beta(α, β).
 * @internal
 */
import { logHyp2f1 } from '../../math/hyp2f1.js';
import { logBetaRatio } from '../../math/special.js';

export interface SbgParams {
  alpha: number;
  beta: number;
}

/** ln P(T = t) = ln B(α+1, β+t-1) - ln B(α, β), t = 1, 2, ... (eq. 4). */
export function logChurnAt(p: SbgParams, t: number): number {
  return logBetaRatio(p.alpha, p.beta, 1, t - 1);
}

/** ln S(t) = ln B(α, β+t) - ln B(α, β), t = 0, 1, ... (eq. 5). */
export function logSurvival(p: SbgParams, t: number): number {
  return logBetaRatio(p.alpha, p.beta, 0, t);
}

/** Retention rate r_t = S(t)/S(t-1) = (β+t-1)/(α+β+t-1), t >= 1 (eq. 6). */
export function retention(p: SbgParams, t: number): number {
  return (p.beta + t - 1) / (p.alpha + p.beta + t - 1);
}

/**
 * Discounted expected lifetime of a new customer: Σ_{t>=0} S(t)/(1+d)^t = 2F1(1, β; α+β; 1/(1+d))
 * (Fader & Hardie 2010, eq. 5). For large α + β (where the 2F1 series lose accuracy) and
 * whenever 2F1 is not finite, the sum itself: its terms fall by (β+t)/(α+β+t)/(1+d) < 1/(1+d),
 * so it stops once the geometric bound on the rest is below 1e-16 of the sum.
 */
export function del(p: SbgParams, d: number): number {
  if (p.alpha + p.beta <= 1e4) {
    const v = Math.exp(logHyp2f1(1, p.beta, p.alpha + p.beta, 1 / (1 + d)).log);
    if (Number.isFinite(v)) return v;
  }
  return delBySum(p, d);
}

/** Σ_{t>=0} S(t)/(1+d)^t summed term by term (d > 0), at most 1e7 terms. */
function delBySum(p: SbgParams, d: number): number {
  let term = 1;
  let sum = 1;
  const tail = (1 + d) / d;
  for (let t = 0; t < 1e7; t++) {
    term *= (p.beta + t) / (p.alpha + p.beta + t) / (1 + d);
    sum += term;
    if (term * tail < 1e-16 * sum) break;
  }
  return sum;
}
