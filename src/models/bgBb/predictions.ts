/**
 * BG/BB predictions (Fader, Hardie & Shang 2010), t in whole opportunities.
 * @internal
 */
import { bridgeAtOne } from '../../math/limits.js';
import { logAddExp, logBetaRatio, logChoose, logGammaRatio } from '../../math/special.js';
import type { Random } from '../../math/random.js';
import { logLikOne, type BgBbParams } from './likelihood.js';

/** P(alive at opportunity n+1 | x, t_x, n) = B(α+x, β+n-x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L, FHS (2010) eq. (11). */
export function alive(p: BgBbParams, x: number, tx: number, n: number): number {
  const num = logBetaRatio(p.alpha, p.beta, x, n - x) + logBetaRatio(p.gamma, p.delta, 0, n + 1);
  return Math.exp(num - logLikOne(p, x, tx, n));
}

/** P(alive at opportunity n + 1 + k | alive at n + 1) = E[(1-θ)^k], θ ~ Beta(γ, δ+n+1): B(γ, δ+n+1+k)/B(γ, δ+n+1). */
export function survivalAhead(p: BgBbParams, _x: number, n: number, k: number): number {
  if (k <= 0) return 1;
  return Math.exp(logBetaRatio(p.gamma, p.delta + n + 1, 0, k));
}

/** E[X(n)] = α/(α+β) · δ/(γ-1) · [1 - Γ(γ+δ)Γ(1+δ+n) / (Γ(γ+δ+n)Γ(1+δ))], FHS (2010) eq. (7). */
export function expected(p: BgBbParams, n: number): number {
  if (n <= 0) return 0;
  return bridgeAtOne(p.gamma, (gamma) => {
    // Γ(γ+δ)Γ(1+δ+n) / (Γ(γ+δ+n)Γ(1+δ))
    const oneMinusRatio = -Math.expm1(logGammaRatio(1 + p.delta, n) - logGammaRatio(gamma + p.delta, n));
    return (p.alpha / (p.alpha + p.beta)) * (p.delta / (gamma - 1)) * oneMinusRatio;
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
    // c - ratio = -c expm1(log(ratio / c)): no cancellation when both are large
    const logRatioOverC = logGammaRatio(1 + p.delta + n, nStar) - logGammaRatio(c + 1, nStar - 1) - Math.log(c);
    return (mean * -c * Math.expm1(logRatioOverC)) / (gamma - 1);
  });
}

/**
 * P(X(n) = x), FHS (2010) eq. (8):
 * C(n,x) B(α+x, β+n-x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *   + Σ_{i=x}^{n-1} C(i,x) B(α+x, β+i-x)/B(α,β) · B(γ+1, δ+i)/B(γ,δ).
 */
export function pmf(p: BgBbParams, x: number, n: number): number {
  if (x < 0 || x > n || x !== Math.floor(x)) return 0;
  let l = logChoose(n, x) + logBetaRatio(p.alpha, p.beta, x, n - x) + logBetaRatio(p.gamma, p.delta, 0, n);
  for (let i = x; i <= n - 1; i++) {
    l = logAddExp(l, logChoose(i, x) + logBetaRatio(p.alpha, p.beta, x, i - x) + logBetaRatio(p.gamma, p.delta, 1, i));
  }
  return Math.exp(l);
}

/**
 * P(X(n, n+n*) = x* | x, t_x, n): exactly x* transactions in the next n* opportunities.
 * Alive at opportunity n+1 (probability `alive`), the customer's p ~ Beta(α+x, β+n-x) and
 * θ ~ Beta(γ, δ+n+1); they are alive for the first l future opportunities with probability
 * θ(1-θ)^(l-1) (l < n*) or (1-θ)^(n*-1) (l = n*), and transact Binomial(l, p) in them:
 *
 * C(n*, x*) B(a+x*, b+n*-x*)/B(a, b) · B(g, d+n*-1)/B(g, d)
 *   + Σ_{l=max(x*,1)}^{n*-1} C(l, x*) B(a+x*, b+l-x*)/B(a, b) · B(g+1, d+l-1)/B(g, d),
 *
 * a = α+x, b = β+n-x, g = γ, d = δ+n+1; plus P(dead) at x* = 0 (as Fader, Hardie & Shang
 * 2010 derive the new customer's pmf, eq. 8, here from the posterior at n+1).
 */
export function conditionalPmf(p: BgBbParams, xStar: number, x: number, tx: number, n: number, nStar: number): number {
  const a = alive(p, x, tx, n);
  const dead = xStar === 0 ? 1 - a : 0;
  if (xStar < 0 || xStar > nStar || xStar !== Math.floor(xStar)) return 0;
  if (nStar === 0) return xStar === 0 ? 1 : 0;
  const A = p.alpha + x;
  const B = p.beta + n - x;
  const D = p.delta + n + 1;
  let l = logChoose(nStar, xStar) + logBetaRatio(A, B, xStar, nStar - xStar) + logBetaRatio(p.gamma, D, 0, nStar - 1);
  for (let k = Math.max(xStar, 1); k <= nStar - 1; k++) {
    l = logAddExp(l, logChoose(k, xStar) + logBetaRatio(A, B, xStar, k - xStar) + logBetaRatio(p.gamma, D, 1, k - 1));
  }
  return a * Math.exp(l) + dead;
}

/**
 * Draw the next n* opportunities of a customer alive at opportunity n+1 (see
 * {@link conditionalPmf}): p ~ Beta(α+x, β+n-x), θ ~ Beta(γ, δ+n+1); alive at the first,
 * each later one survived with probability 1-θ, a transaction at each with probability p,
 * reported at its opportunity index 1..n*.
 */
export function drawFuture(p: BgBbParams, x: number, n: number, nStar: number, rng: Random, onPurchase: (tau: number) => void): number {
  const prob = rng.beta(p.alpha + x, p.beta + n - x);
  const theta = rng.beta(p.gamma, p.delta + n + 1);
  let count = 0;
  for (let j = 1; j <= Math.floor(nStar + 1e-9); j++) {
    if (j > 1 && rng.uniform() < theta) break;
    if (rng.uniform() < prob) {
      count++;
      onPurchase(j);
    }
  }
  return count;
}
