/**
 * Gamma-Gompertz/NBD: Bemmaor & Glady (2012), "Modeling Purchasing Behavior with Sudden
 * 'Death': A Flexible Customer Lifetime Model", Management Science 58(5), 1012-1021. While
 * alive a customer buys at Poisson rate λ ~ Gamma(r, α); the lifetime has the Gompertz
 * hazard η b e^(bτ) with η ~ Gamma(s, β), so the share alive after τ is
 * S(τ) = (β / (β + e^(bτ) - 1))^s (CLVTools' parameterization). As b -> 0 with β/b fixed
 * the lifetime is Pareto/NBD's (exponential with a Gamma(s, β/b) rate).
 * @internal
 */
import type { HistoryData } from '../../data/histories.js';
import { integrate } from '../../math/quadrature.js';
import { logAddExp, logGammaRatio } from '../../math/special.js';

export interface GammaGompertzNbdParams {
  r: number;
  alpha: number;
  b: number;
  s: number;
  beta: number;
}

/** ln(β - 1 + e^(bτ)), without overflow for large bτ or cancellation for small. */
export function lnA(p: GammaGompertzNbdParams, tau: number): number {
  const bt = p.b * tau;
  return bt > 30 ? bt + Math.log1p((p.beta - 1) * Math.exp(-bt)) : Math.log(p.beta + Math.expm1(bt));
}

/** ln S(τ) = s (ln β - ln(β - 1 + e^(bτ))): the log share of a cohort alive after τ. */
export function lnSurvival(p: GammaGompertzNbdParams, tau: number): number {
  const bt = p.b * tau;
  // s ln(1 + (e^(bτ) - 1)/β), in the form that is exact for small bτ
  return bt > 30 ? p.s * (Math.log(p.beta) - lnA(p, tau)) : -p.s * Math.log1p(Math.expm1(bt) / p.beta);
}

/** ln f(τ): the population lifetime density -S'(τ) = b s β^s e^(bτ) / (β - 1 + e^(bτ))^(s+1). */
function lnDensity(p: GammaGompertzNbdParams, tau: number): number {
  return Math.log(p.b * p.s) + p.s * Math.log(p.beta) + p.b * tau - (p.s + 1) * lnA(p, tau);
}

/**
 * ln ∫_{t_x}^{T} f(τ) (α+τ)^(-c) dτ, c = r + x: the likelihood of dying between the last
 * purchase and T. In y = ln(α+τ) the integrand is f(τ)(α+τ) e^(-c y); the substitution
 * u = (1 - e^(-c (y - y0))) / (1 - e^(-c L)), L = ln((α+T)/(α+t_x)), takes the exponential
 * factor out exactly, leaving ∫_0^1 f(τ)(α+τ) du (smooth for any c: a peak at t_x of width
 * (α+t_x)/c becomes flat), which the adaptive Gauss-Legendre rule integrates to 1e-10.
 */
export function lnDeathBetween(p: GammaGompertzNbdParams, c: number, tx: number, T: number): number {
  if (!(T > tx)) return Number.NEGATIVE_INFINITY;
  const y0 = Math.log(p.alpha + tx);
  const L = Math.log(p.alpha + T) - y0;
  const span = -Math.expm1(-c * L); // 1 - e^(-cL)
  // ln f(τ) + ln(α+τ) relative to its value at t_x: b(τ - t_x) - (s+1)(ln A(τ) - ln A(t_x)) + y - y0
  const lnA0 = lnA(p, tx);
  const h = (u: number): number => {
    const y = y0 - Math.log1p(-u * span) / c;
    const tau = Math.min(T, Math.max(tx, Math.exp(y) - p.alpha));
    return Math.exp(p.b * (tau - tx) - (p.s + 1) * (lnA(p, tau) - lnA0) + y - y0);
  };
  const lnRef = lnDensity(p, tx) + y0;
  const J = integrate(h, 0, 1, 1e-9);
  return -c * y0 + Math.log(span / c) + lnRef + Math.log(J);
}

/**
 * The two parts of a history's likelihood without the common factor Γ(r+x) α^r / Γ(r):
 * alive at T, ln[S(T) (α+T)^(-(r+x))], and dead in (t_x, T], {@link lnDeathBetween}.
 */
export function likelihoodParts(p: GammaGompertzNbdParams, x: number, tx: number, T: number): { alive: number; dead: number } {
  const c = p.r + x;
  return { alive: lnSurvival(p, T) - c * Math.log(p.alpha + T), dead: lnDeathBetween(p, c, tx, T) };
}

/**
 * Weighted log-likelihood (Bemmaor & Glady 2012, eq. 6):
 * L = Γ(r+x) α^r / Γ(r) · [ S(T) / (α+T)^(r+x) + ∫_{t_x}^T f(τ) / (α+τ)^(r+x) dτ ].
 */
export function logLik(data: HistoryData, theta: Float64Array): number {
  const p = { r: theta[0] as number, alpha: theta[1] as number, b: theta[2] as number, s: theta[3] as number, beta: theta[4] as number };
  const lnAlpha = Math.log(p.alpha);
  let ll = 0;
  const { x: X, tx: TX, T: TT, w: W } = data;
  for (let i = 0; i < X.length; i++) {
    const x = X[i] as number;
    const parts = likelihoodParts(p, x, TX[i] as number, TT[i] as number);
    ll += (W[i] as number) * (logGammaRatio(p.r, x) + p.r * lnAlpha + logAddExp(parts.alive, parts.dead));
  }
  return ll;
}

/** Weighted log-likelihood at natural parameters. */
export function logLikelihood(p: GammaGompertzNbdParams, data: HistoryData): number {
  return logLik(data, Float64Array.of(p.r, p.alpha, p.b, p.s, p.beta));
}
