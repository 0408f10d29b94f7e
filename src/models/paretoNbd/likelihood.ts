/**
 * Pareto/NBD: Schmittlein, Morrison & Colombo (1987); expressions from Fader & Hardie
 * (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions". Purchases are
 * Poisson(λ) while alive, lifetimes Exponential(μ); λ ~ Gamma(r, α), μ ~ Gamma(s, β).
 * @internal
 */
import { logHyp2f1 } from '../../math/hyp2f1.js';
import { integrateFixed } from '../../math/quadrature.js';
import { logAddExp, logGammaRatio, logSubExp } from '../../math/special.js';
import type { HistoryData } from '../../data/histories.js';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * log A0 of Fader & Hardie (2005), eqs. (19)-(20): for α >= β
 * A0 = 2F1(r+s+x, s+1; r+s+x+1; (α-β)/(α+t_x)) / (α+t_x)^(r+s+x) - (same at T),
 * and for α < β the same with (r+x) in place of (s+1) and β in place of α.
 */
export function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (tx >= T) return Number.NEGATIVE_INFINITY;
  const { r, alpha, s, beta } = p;
  const k = r + s + x;
  const big = alpha >= beta ? alpha : beta;
  const diff = alpha >= beta ? alpha - beta : beta - alpha;
  const b2 = alpha >= beta ? s + 1 : r + x;
  const atTx = logHyp2f1Plus1(k, b2, diff / (big + tx)) - k * Math.log(big + tx);
  const atT = logHyp2f1Plus1(k, b2, diff / (big + T)) - k * Math.log(big + T);
  return logSubExp(atTx, atT);
}

/**
 * log 2F1(k, b; k + 1; z) for k > 0, b > 0, 0 <= z < 1, by Euler's transformation
 * (1 - z)^(1 - b) 2F1(1, k + 1 - b; k + 1; z), whose series has positive terms with ratio
 * (k + 1 - b + j) / (k + 1 + j) z < z (here k + 1 - b > 0): no cancellation, geometric
 * convergence. Beyond z = 0.9 the general routine takes over.
 */
function logHyp2f1Plus1(k: number, b: number, z: number): number {
  if (z === 0) return 0;
  const c = k + 1 - b;
  if (z > 0.9 || !(c > 0)) return logHyp2f1(k, b, k + 1, z).log;
  let term = 1;
  let sum = 1;
  for (let j = 0; j < 2000; j++) {
    term *= ((c + j) / (k + 1 + j)) * z;
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return (1 - b) * Math.log1p(-z) + Math.log(sum);
}

/**
 * log ∫_{t_x}^{T} s (α+τ)^-(r+x) (β+τ)^-(s+1) dτ = log(s/(r+s+x) A0): the customer buys x
 * times and dies at τ, integrated numerically. The log-integrand g is convex and
 * decreasing, so panels that each span a drop of at most 4 in g (from the slope at the
 * panel's start), each with 20-point Gauss-Legendre on the integrand relative to its value
 * at t_x, are exact to rounding; the panels stop at T or once g has dropped by 45. The 2F1
 * forms of A0 slow down and lose accuracy as r + s + x grows (on a likelihood ridge s and
 * β reach 1e5 and 1e7).
 */
export function logDeadIntegral(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (tx >= T) return Number.NEGATIVE_INFINITY;
  const { r, alpha, s, beta } = p;
  const k = r + x;
  const g = (tau: number): number => -k * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau);
  const g0 = g(tx);
  let sum = 0;
  let t0 = tx;
  for (let panel = 0; panel < 400 && t0 < T; panel++) {
    const slope = k / (alpha + t0) + (s + 1) / (beta + t0);
    const t1 = Math.min(T, t0 + 4 / slope);
    sum += integrateFixed((tau) => Math.exp(g(tau) - g0), t0, t1, 20);
    if (g(t1) - g0 < -45) break;
    t0 = t1;
  }
  return Math.log(s) + g0 + Math.log(sum);
}

/** r + s + x above which the dead-customer term is integrated instead of taken from 2F1. */
const INTEGRATE_ABOVE = 100;

/** log of the individual-level likelihood's bracket: (α+T)^-(r+x) (β+T)^-s + s/(r+s+x) A0. */
function logBracket(p: ParetoNbdParams, x: number, tx: number, T: number): { main: number; rest: number } {
  const { r, alpha, s, beta } = p;
  const main = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  let rest = r + s + x > INTEGRATE_ABOVE ? Number.NaN : Math.log(s / (r + s + x)) + logA0(p, x, tx, T);
  if (!(rest < Number.POSITIVE_INFINITY) && !(rest === Number.NEGATIVE_INFINITY)) rest = logDeadIntegral(p, x, tx, T);
  return { main, rest };
}

/**
 * Weighted log-likelihood, Fader & Hardie (2005) eq. (22):
 * ln L = lnΓ(r+x) - lnΓ(r) + r ln α + s ln β + ln[(α+T)^-(r+x) (β+T)^-s + s/(r+s+x) A0].
 */
export function logLik(data: HistoryData, theta: Float64Array): number {
  const p = { r: theta[0] as number, alpha: theta[1] as number, s: theta[2] as number, beta: theta[3] as number };
  const base = p.r * Math.log(p.alpha) + p.s * Math.log(p.beta);
  const { x: X, tx: TX, T: TT, w: W } = data;
  let ll = 0;
  let prevX = Number.NaN;
  let lg = 0;
  for (let i = 0; i < X.length; i++) {
    const x = X[i] as number;
    if (x !== prevX) {
      lg = logGammaRatio(p.r, x);
      prevX = x;
    }
    const { main, rest } = logBracket(p, x, TX[i] as number, TT[i] as number);
    ll += (W[i] as number) * (lg + base + logAddExp(main, rest));
  }
  return ll;
}

/** One history's log-likelihood (eq. 22), for the per-customer uses (the correlated model's posterior weights). */
export function rowLogLik(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { main, rest } = logBracket(p, x, tx, T);
  return logGammaRatio(p.r, x) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta) + logAddExp(main, rest);
}

/** P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A0), Fader & Hardie (2005) eq. (18). */
export function alive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { main, rest } = logBracket(p, x, tx, T);
  const d = rest - main;
  return d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
}

/** Weighted log-likelihood at natural parameters. */
export function logLikelihood(p: ParetoNbdParams, data: HistoryData): number {
  return logLik(data, Float64Array.of(p.r, p.alpha, p.s, p.beta));
}
