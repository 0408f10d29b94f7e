/**
 * Shifted-beta-geometric (sBG) contractual retention: Fader & Hardie (2007), "How to
 * Project Customer Retention", Journal of Interactive Marketing 21(1), 76-90. Each customer
 * renews each period with probability 1 - θ, θ ~ Beta(α, β).
 * @internal
 */
import { logHyp2f1 } from '../../math/hyp2f1.js';
import { logBeta } from '../../math/special.js';

export interface SbgParams {
  alpha: number;
  beta: number;
}

/** ln P(T = t) = ln B(α+1, β+t-1) - ln B(α, β), t = 1, 2, ... (eq. 4). */
export function logChurnAt(p: SbgParams, t: number): number {
  return logBeta(p.alpha + 1, p.beta + t - 1) - logBeta(p.alpha, p.beta);
}

/** ln S(t) = ln B(α, β+t) - ln B(α, β), t = 0, 1, ... (eq. 5). */
export function logSurvival(p: SbgParams, t: number): number {
  return logBeta(p.alpha, p.beta + t) - logBeta(p.alpha, p.beta);
}

/** Retention rate r_t = S(t)/S(t-1) = (β+t-1)/(α+β+t-1), t >= 1 (eq. 6). */
export function retention(p: SbgParams, t: number): number {
  return (p.beta + t - 1) / (p.alpha + p.beta + t - 1);
}

/** Discounted expected lifetime of a new customer: Σ_{t>=0} S(t)/(1+d)^t = 2F1(1, β; α+β; 1/(1+d)) (Fader & Hardie 2010, eq. 5). */
export function del(p: SbgParams, d: number): number {
  return Math.exp(logHyp2f1(1, p.beta, p.alpha + p.beta, 1 / (1 + d)).log);
}
