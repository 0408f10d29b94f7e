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
import { lnDeathBetween } from './deathIntegral.js';
import { digamma, logAddExp, logGammaRatio } from '../../math/special.js';

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

/**
 * The two parts of a history's likelihood without the common factor Γ(r+x) α^r / Γ(r):
 * alive at T, ln[S(T) (α+T)^(-(r+x))], and dead in (t_x, T], {@link lnDeathBetween}.
 */
export function likelihoodParts(p: GammaGompertzNbdParams, x: number, tx: number, T: number): { alive: number; dead: number } {
  const c = p.r + x;
  return { alive: lnSurvival(p, T) - c * Math.log(p.alpha + T), dead: lnDeathBetween(p, c, tx, T) };
}

/** d ln S(T) / d(b, s, β): -s T e^(bT)/A(T), ln S(T)/s, s (e^(bT) - 1)/(β A(T)). */
function survivalGradient(p: GammaGompertzNbdParams, T: number, g: Float64Array): void {
  const la = lnA(p, T);
  const bt = p.b * T;
  const share = bt > 30 ? 1 / (1 + (p.beta - 1) * Math.exp(-bt)) : Math.expm1(bt) / (p.beta + Math.expm1(bt));
  g[0] = -p.s * T * Math.exp(bt - la);
  g[1] = lnSurvival(p, T) / p.s;
  g[2] = (p.s * share) / p.beta;
}

const gDead = new Float64Array(5);
const gSurv = new Float64Array(3);

/**
 * Weighted log-likelihood (Bemmaor & Glady 2012, eq. 6):
 * L = Γ(r+x) α^r / Γ(r) · [ S(T) / (α+T)^(r+x) + ∫_{t_x}^T f(τ) / (α+τ)^(r+x) dτ ]
 * (the integral: deathIntegral.ts), with its gradient in (r, α, b, s, β) when `grad` is
 * given (the integral's derivatives on the integral's own nodes).
 */
export function logLik(data: HistoryData, theta: Float64Array, grad?: Float64Array): number {
  const p = { r: theta[0] as number, alpha: theta[1] as number, b: theta[2] as number, s: theta[3] as number, beta: theta[4] as number };
  const lnAlpha = Math.log(p.alpha);
  const psiR = grad ? digamma(p.r) : 0;
  if (grad) grad.fill(0);
  let ll = 0;
  const { x: X, tx: TX, T: TT, w: W } = data;
  for (let i = 0; i < X.length; i++) {
    const x = X[i] as number;
    const w = W[i] as number;
    const tx = TX[i] as number;
    const T = TT[i] as number;
    const c = p.r + x;
    const alive = lnSurvival(p, T) - c * Math.log(p.alpha + T);
    const dead = lnDeathBetween(p, c, tx, T, grad ? gDead : undefined);
    ll += w * (logGammaRatio(p.r, x) + p.r * lnAlpha + logAddExp(alive, dead));
    if (!grad) continue;
    const pDead = dead === Number.NEGATIVE_INFINITY ? 0 : 1 / (1 + Math.exp(alive - dead));
    const pAlive = 1 - pDead;
    survivalGradient(p, T, gSurv);
    const dAlive = [-Math.log(p.alpha + T), -c / (p.alpha + T), gSurv[0] as number, gSurv[1] as number, gSurv[2] as number];
    grad[0] = (grad[0] as number) + w * (digamma(c) - psiR + lnAlpha + pAlive * (dAlive[0] as number) + pDead * (gDead[0] as number));
    grad[1] = (grad[1] as number) + w * (p.r / p.alpha + pAlive * (dAlive[1] as number) + pDead * (gDead[1] as number));
    for (let d = 2; d < 5; d++) grad[d] = (grad[d] as number) + w * (pAlive * (dAlive[d] as number) + pDead * (gDead[d] as number));
  }
  return ll;
}

/** Weighted log-likelihood at natural parameters. */
export function logLikelihood(p: GammaGompertzNbdParams, data: HistoryData): number {
  return logLik(data, Float64Array.of(p.r, p.alpha, p.b, p.s, p.beta));
}
