/**
 * Pareto/NBD predictions (Fader & Hardie 2005 note; Fader, Hardie & Lee 2005b).
 * @internal
 */
import { integrate } from '../../math/quadrature.js';
import { logGamma, logGammaRatio, logUpperGamma } from '../../math/special.js';
import { alive, type ParetoNbdParams } from './likelihood.js';

/** -expm1(-u)/u, = 1 at u = 0. */
function phi(u: number): number {
  return Math.abs(u) < 1e-8 ? 1 - u / 2 : -Math.expm1(-u) / u;
}

/** E[X(t)] = rβ/(α(s-1)) [1 - (β/(β+t))^(s-1)], Fader & Hardie (2005) eq. (17); the s = 1 limit is (rβ/α) ln(1 + t/β). */
export function expected(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  const L = Math.log1p(t / p.beta);
  return ((p.r * p.beta) / p.alpha) * L * phi((p.s - 1) * L);
}

/** E[Y(t) | alive, x, T] = (r+x)(β+T)/((α+T)(s-1)) [1 - ((β+T)/(β+T+t))^(s-1)], Fader & Hardie (2005) eq. (21) without P(alive). */
export function bracket(p: ParetoNbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const L = Math.log1p(t / (p.beta + T));
  return (((p.r + x) * (p.beta + T)) / (p.alpha + T)) * L * phi((p.s - 1) * L);
}

/** P(no dropout in the next t | alive at T) = E[e^(-μt)] = ((β+T)/(β+T+t))^s. */
export function survivalAhead(p: ParetoNbdParams, _x: number, T: number, t: number): number {
  return Math.exp(-p.s * Math.log1p(Math.max(t, 0) / (p.beta + T)));
}

/**
 * P(X(t) = n) for a new customer: (β/(β+t))^s NBD(n; t) + ∫_0^t sβ^s/(β+τ)^(s+1) NBD(n; τ) dτ
 * (alive throughout, or dead at τ having bought n times before), integrated adaptively.
 */
export function pmf(p: ParetoNbdParams, n: number, t: number): number {
  if (t <= 0) return n === 0 ? 1 : 0;
  const { r, alpha, s, beta } = p;
  const c = logGammaRatio(r, n) - logGamma(n + 1);
  const nbd = (tau: number): number =>
    tau <= 0 ? (n === 0 ? 1 : 0) : Math.exp(c + r * Math.log(alpha / (alpha + tau)) + (n === 0 ? 0 : n * Math.log(tau / (alpha + tau))));
  const survive = Math.exp(-s * Math.log1p(t / beta));
  // dropout at τ ~ Pareto(s, β), integrated in v = ln(1 + τ/β), where the density is
  // s e^(-s v) and nbd is smooth for any β (in τ the density is a spike of width β at 0)
  const V = Math.log1p(t / beta);
  const density = (v: number): number => s * Math.exp(-s * v) * nbd(beta * Math.expm1(v));
  // on a vanishing window (t ~ 1e-300) the midpoint rule is exact to rounding, where the adaptive rule's relative steps underflow
  const dead = V > 1e-12 ? integrate(density, 0, V, 1e-12) : V * density(V / 2);
  return survive * nbd(t) + dead;
}

/**
 * Discounted expected residual transactions with continuous discount rate δ per unit time:
 * DERT = P(alive) (r+x)/(α+T) · (β+T) e^z z^(s-1) Γ(1-s, z), z = δ(β+T) — Fader, Hardie &
 * Lee (2005b) eq. (2), with Ψ(s, s; z) = e^z Γ(1-s, z).
 */
export function dert(p: ParetoNbdParams, x: number, tx: number, T: number, delta: number): number {
  const z = delta * (p.beta + T);
  // z -> 0 (a vanishing discount rate): e^z z^(s-1) Γ(1-s, z) -> 1/(s-1) for s > 1, and grows without bound for s <= 1
  if (z < 1e-300) return alive(p, x, tx, T) * ((p.r + x) / (p.alpha + T)) * (p.beta + T) * (p.s > 1 ? 1 / (p.s - 1) : Number.POSITIVE_INFINITY);
  const logU = z + (p.s - 1) * Math.log(z) + logUpperGamma(1 - p.s, z);
  return alive(p, x, tx, T) * ((p.r + x) / (p.alpha + T)) * (p.beta + T) * Math.exp(logU);
}
