/**
 * BG/BB predictions (Fader, Hardie & Shang 2010), t in whole opportunities.
 * @internal
 */
import { bridgeAtOne } from '../../math/limits.js';
import { logAddExp, logBeta, logChoose, logGamma } from '../../math/special.js';
import { logLikOne, type BgBbParams } from './likelihood.js';

/** P(alive at opportunity n+1 | x, t_x, n) = B(α+x, β+n-x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L, FHS (2010) eq. (11). */
export function alive(p: BgBbParams, x: number, tx: number, n: number): number {
  const num = logBeta(p.alpha + x, p.beta + n - x) - logBeta(p.alpha, p.beta) + logBeta(p.gamma, p.delta + n + 1) - logBeta(p.gamma, p.delta);
  return Math.exp(num - logLikOne(p, x, tx, n));
}

/** P(alive at opportunity n + 1 + k | alive at n + 1) = E[(1-θ)^k], θ ~ Beta(γ, δ+n+1): B(γ, δ+n+1+k)/B(γ, δ+n+1). */
export function survivalAhead(p: BgBbParams, _x: number, n: number, k: number): number {
  if (k <= 0) return 1;
  return Math.exp(logBeta(p.gamma, p.delta + n + 1 + k) - logBeta(p.gamma, p.delta + n + 1));
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
 * E[X(n, n+n*) | alive at n+1, x, n]: FHS (2010) eq. (13) divided by P(alive), eq. (11).
 * An alive customer's transaction probability has the posterior mean (α+x)/(α+β+n), and it
 * survives k more opportunities with E[(1-θ)^k] over θ ~ Beta(γ, δ+n+1); summing k = 0..n*-1,
 *
 * (α+x)/(α+β+n) · [c - Γ(c+1) Γ(1+δ+n+n*) / (Γ(1+δ+n) Γ(c+n*))] / (γ-1), c = γ+δ+n,
 *
 * which depends on (x, n) only; γ = 1 is a removable singularity.
 */
export function bracket(p: BgBbParams, x: number, n: number, nStar: number): number {
  if (nStar <= 0) return 0;
  const mean = (p.alpha + x) / (p.alpha + p.beta + n);
  return bridgeAtOne(p.gamma, (gamma) => {
    const c = gamma + p.delta + n;
    const ratio = Math.exp(logGamma(c + 1) - logGamma(c + nStar) + logGamma(1 + p.delta + n + nStar) - logGamma(1 + p.delta + n));
    return (mean * (c - ratio)) / (gamma - 1);
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
