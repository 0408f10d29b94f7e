/**
 * BG/BB: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", Marketing Science 29(6), 1086-1108. At each of n discrete
 * opportunities a living customer first drops out with probability θ, then transacts with
 * probability p; p ~ Beta(α, β), θ ~ Beta(γ, δ).
 * @internal
 */
import { logAddExp, logBetaRatio } from '../../math/special.js';
import type { HistoryData } from '../../data/histories.js';

export interface BgBbParams {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

/**
 * ln L(α, β, γ, δ | x, t_x, n), FHS (2010) eq. (5):
 * L = B(α+x, β+n-x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *   + Σ_{i=0}^{n-t_x-1} B(α+x, β+t_x-x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ).
 */
export function logLikOne(p: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  // Beta-function ratios without cancellation, so that large parameters keep their digits
  let l = logBetaRatio(alpha, beta, x, n - x) + logBetaRatio(gamma, delta, 0, n);
  for (let i = 0; i <= n - tx - 1; i++) {
    l = logAddExp(l, logBetaRatio(alpha, beta, x, tx - x + i) + logBetaRatio(gamma, delta, 1, tx + i));
  }
  return l;
}

export function logLik(data: HistoryData, theta: Float64Array): number {
  const p = { alpha: theta[0] as number, beta: theta[1] as number, gamma: theta[2] as number, delta: theta[3] as number };
  let ll = 0;
  for (let i = 0; i < data.x.length; i++) {
    ll += (data.w[i] as number) * logLikOne(p, data.x[i] as number, data.tx[i] as number, data.T[i] as number);
  }
  return ll;
}

/** Weighted log-likelihood at natural parameters. */
export function logLikelihood(p: BgBbParams, data: HistoryData): number {
  return logLik(data, Float64Array.of(p.alpha, p.beta, p.gamma, p.delta));
}
