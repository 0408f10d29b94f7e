/**
 * Gamma-Gompertz/NBD predictions. An alive customer's purchase rate has the posterior
 * Gamma(r + x, α + T) whatever the lifetime, and the lifetime beyond T the predictive
 * survival S(T + u) / S(T): the alive part of the likelihood is S(T) (α+T)^(-(r+x)).
 * @internal
 */
import { integrate } from '../../math/quadrature.js';
import { logGamma, logGammaRatio } from '../../math/special.js';
import { likelihoodParts, lnSurvival, type GammaGompertzNbdParams } from './likelihood.js';

/** P(alive | x, t_x, T) = S(T)(α+T)^(-(r+x)) / [S(T)(α+T)^(-(r+x)) + ∫_{t_x}^T f(τ)(α+τ)^(-(r+x)) dτ]. */
export function alive(p: GammaGompertzNbdParams, x: number, tx: number, T: number): number {
  const { alive: a, dead: d } = likelihoodParts(p, x, tx, T);
  const diff = d - a;
  return diff > 0 ? Math.exp(-diff) / (1 + Math.exp(-diff)) : 1 / (1 + Math.exp(diff));
}

/** ∫_0^t S(T+u)/S(T) du: the expected time alive in the next t, given alive at T. */
function timeAlive(p: GammaGompertzNbdParams, T: number, t: number): number {
  const base = lnSurvival(p, T);
  return integrate((u) => Math.exp(lnSurvival(p, T + u) - base), 0, t, 1e-12);
}

/** E[Y(t) | alive, x, T] = (r+x)/(α+T) ∫_0^t S(T+u)/S(T) du. */
export function bracket(p: GammaGompertzNbdParams, x: number, T: number, t: number): number {
  return t <= 0 ? 0 : ((p.r + x) / (p.alpha + T)) * timeAlive(p, T, t);
}

/** P(alive at T + t | alive at T) = S(T+t)/S(T). */
export function survivalAhead(p: GammaGompertzNbdParams, _x: number, T: number, t: number): number {
  return Math.exp(lnSurvival(p, T + Math.max(t, 0)) - lnSurvival(p, T));
}

/** E[X(t)] = r/α ∫_0^t S(u) du. */
export function expected(p: GammaGompertzNbdParams, t: number): number {
  return t <= 0 ? 0 : (p.r / p.alpha) * timeAlive(p, 0, t);
}

/**
 * P(X(t) = n) = S(t) NBD(n; t) + ∫_0^t f(τ) NBD(n; τ) dτ (alive throughout, or dead at τ
 * having bought n times before), NBD(n; τ) = Γ(r+n)/(Γ(r) n!) (α/(α+τ))^r (τ/(α+τ))^n.
 * The integral runs over v = ln S(0)/S(τ) / s, where the lifetime density is s e^(-s v) and
 * τ = ln(1 + β (e^v - 1)) / b.
 */
export function pmf(p: GammaGompertzNbdParams, n: number, t: number): number {
  if (t <= 0) return n === 0 ? 1 : 0;
  const { r, alpha, b, s, beta } = p;
  const c = logGammaRatio(r, n) - logGamma(n + 1);
  const nbd = (tau: number): number =>
    tau <= 0 ? (n === 0 ? 1 : 0) : Math.exp(c + r * Math.log(alpha / (alpha + tau)) + (n === 0 ? 0 : n * Math.log(tau / (alpha + tau))));
  // beyond s v = 746 the lifetime density s e^(-s v) is 0 in floating point (and b t may overflow)
  const V = Math.min(-lnSurvival(p, t) / s, 746 / s, Number.MAX_VALUE / 4);
  const tauOf = (v: number): number => Math.min(t, Math.log1p(beta * Math.expm1(v)) / b);
  const dead = integrate((v) => s * Math.exp(-s * v) * nbd(tauOf(v)), 0, V, 1e-12);
  return Math.exp(lnSurvival(p, t)) * nbd(t) + dead;
}
