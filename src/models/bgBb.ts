/**
 * BG/BB: Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", Marketing Science 29(6), 1086-1108. At each of n discrete
 * opportunities a living customer first drops out with probability θ, then transacts with
 * probability p; p ~ Beta(α, β), θ ~ Beta(γ, δ).
 * @internal
 */
import { bridgeAtOne } from '../math/limits.js';
import { logAddExp, logBeta, logChoose, logGamma } from '../math/special.js';
import type { HistoryData } from './data.js';

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
  const lab = logBeta(alpha, beta);
  const lgd = logBeta(gamma, delta);
  let l = logBeta(alpha + x, beta + n - x) - lab + logBeta(gamma, delta + n) - lgd;
  for (let i = 0; i <= n - tx - 1; i++) {
    l = logAddExp(l, logBeta(alpha + x, beta + tx - x + i) - lab + logBeta(gamma + 1, delta + tx + i) - lgd);
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

/** P(alive at opportunity n+1 | x, t_x, n) = B(α+x, β+n-x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L, FHS (2010) eq. (11). */
export function alive(p: BgBbParams, x: number, tx: number, n: number): number {
  const num = logBeta(p.alpha + x, p.beta + n - x) - logBeta(p.alpha, p.beta) + logBeta(p.gamma, p.delta + n + 1) - logBeta(p.gamma, p.delta);
  return Math.exp(num - logLikOne(p, x, tx, n));
}

/** P(alive at opportunity n + 1 + k): alive now, then survives k more opportunities. */
export function aliveAhead(p: BgBbParams, x: number, tx: number, n: number, k: number): number {
  const num =
    logBeta(p.alpha + x, p.beta + n - x) - logBeta(p.alpha, p.beta) + logBeta(p.gamma, p.delta + n + 1 + Math.max(0, k)) - logBeta(p.gamma, p.delta);
  return Math.exp(num - logLikOne(p, x, tx, n));
}

/** Γ(1+δ+m)/Γ(γ+δ+m) in log space. */
function g(p: BgBbParams, m: number): number {
  return logGamma(1 + p.delta + m) - logGamma(p.gamma + p.delta + m);
}

/** E[X(n)] = α/(α+β) · δ/(γ-1) · [1 - Γ(γ+δ)Γ(1+δ+n) / (Γ(γ+δ+n)Γ(1+δ))], FHS (2010) eq. (7). */
export function expected(p: BgBbParams, n: number): number {
  if (n <= 0) return 0;
  return bridgeAtOne(p.gamma, (gamma) => {
    const q = { ...p, gamma };
    const ratio = Math.exp(logGamma(gamma + p.delta) - logGamma(1 + p.delta) + g(q, n));
    return (p.alpha / (p.alpha + p.beta)) * (p.delta / (gamma - 1)) * (1 - ratio);
  });
}

/**
 * E[X(n, n+n*) | x, t_x, n] = 1/L · B(α+x+1, β+n-x)/B(α,β) · δ/(γ-1) · Γ(γ+δ)/Γ(1+δ)
 *   · [Γ(1+δ+n)/Γ(γ+δ+n) - Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)], FHS (2010) eq. (13).
 */
export function conditional(p: BgBbParams, x: number, tx: number, n: number, nStar: number): number {
  if (nStar <= 0) return 0;
  const lL = logLikOne(p, x, tx, n);
  return bridgeAtOne(p.gamma, (gamma) => {
    const q = { ...p, gamma };
    const lead = logBeta(p.alpha + x + 1, p.beta + n - x) - logBeta(p.alpha, p.beta) + logGamma(gamma + p.delta) - logGamma(1 + p.delta) - lL;
    const lg = logBeta(gamma, p.delta) - logBeta(p.gamma, p.delta); // L used the model's γ
    const diff = Math.exp(g(q, n)) - Math.exp(g(q, n + nStar));
    return Math.exp(lead + lg) * (p.delta / (gamma - 1)) * diff;
  });
}

/**
 * P(X(n) = x), FHS (2010) eq. (8):
 * C(n,x) B(α+x, β+n-x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *   + Σ_{i=x}^{n-1} C(i,x) B(α+x, β+i-x)/B(α,β) · B(γ+1, δ+i)/B(γ,δ).
 */
export function pmf(p: BgBbParams, x: number, n: number): number {
  if (x < 0 || x > n || x !== Math.floor(x)) return 0;
  const lab = logBeta(p.alpha, p.beta);
  const lgd = logBeta(p.gamma, p.delta);
  let l = logChoose(n, x) + logBeta(p.alpha + x, p.beta + n - x) - lab + logBeta(p.gamma, p.delta + n) - lgd;
  for (let i = x; i <= n - 1; i++) {
    l = logAddExp(l, logChoose(i, x) + logBeta(p.alpha + x, p.beta + i - x) - lab + logBeta(p.gamma + 1, p.delta + i) - lgd);
  }
  return Math.exp(l);
}
