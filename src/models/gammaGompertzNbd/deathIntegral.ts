/**
 * The Gamma-Gompertz/NBD likelihood's integral over the death time,
 * I = ∫_{t_x}^{T} f(τ) (α+τ)^(-c) dτ (c = r + x, f the lifetime density), and optionally its
 * gradient. Each of the two factors can be steep: (α+τ)^(-c) for a large frequency, f for a
 * fast Gompertz hazard. The integral is taken in the variable that makes the steeper one
 * flat exactly, and the adaptive Gauss-Legendre rule (1e-9) integrates what is left:
 * - y-substitution: u = (1 - ((α+t_x)/(α+τ))^c) / (1 - ((α+t_x)/(α+T))^c), leaving
 *   f(τ)(α+τ) (relative to t_x);
 * - F-substitution: u = (S(t_x) - S(τ)) / (S(t_x) - S(T)), leaving (α+τ)^(-c), so
 *   I = (S(t_x) - S(T)) ∫_0^1 (α+τ)^(-c) du.
 * The gradient is the mean of g_θ = ∂ ln[f(τ)(α+τ)^(-c)] / ∂θ under the integrand, on the
 * same nodes: g_r = -ln(α+τ), g_α = -c/(α+τ), g_b = 1/b + τ - (s+1) τ e^(bτ)/A(τ),
 * g_s = 1/s + ln β - ln A(τ), g_β = s/β - (s+1)/A(τ), A(τ) = β - 1 + e^(bτ).
 * @internal
 */
import { integrateMany } from '../../math/quadrature.js';
import { lnA, lnSurvival, type GammaGompertzNbdParams } from './likelihood.js';

const sums = new Float64Array(6);

/** ln f(τ) = ln(b s) + s ln β + bτ - (s+1) ln A(τ). */
export function lnDensity(p: GammaGompertzNbdParams, tau: number): number {
  return Math.log(p.b * p.s) + p.s * Math.log(p.beta) + p.b * tau - (p.s + 1) * lnA(p, tau);
}

/** Fill out[1..5] with h · g_θ(τ) given out[0] = h. */
function scores(p: GammaGompertzNbdParams, c: number, tau: number, la: number, lnBeta: number, out: Float64Array): void {
  const h = out[0] as number;
  out[1] = -h * Math.log(p.alpha + tau);
  out[2] = (-h * c) / (p.alpha + tau);
  out[3] = h * (1 / p.b + tau - (p.s + 1) * tau * Math.exp(p.b * tau - la));
  out[4] = h * (1 / p.s + lnBeta - la);
  out[5] = h * (p.s / p.beta - (p.s + 1) * Math.exp(-la));
}

/** ln I, and d ln I / d(r, α, b, s, β) into `grad` when given; -Infinity when T <= t_x. */
export function lnDeathBetween(p: GammaGompertzNbdParams, c: number, tx: number, T: number, grad?: Float64Array): number {
  if (!(T > tx)) return Number.NEGATIVE_INFINITY;
  const dim = grad ? 6 : 1;
  const y0 = Math.log(p.alpha + tx);
  const L = Math.log(p.alpha + T) - y0;
  const lnS0 = lnSurvival(p, tx);
  const lnS1 = lnSurvival(p, T);
  const lnBeta = Math.log(p.beta);
  const lnA0 = lnA(p, tx);
  let lnI: number;
  if (c * L >= lnS0 - lnS1) {
    // y-substitution: the purchase factor is the steeper one
    const span = -Math.expm1(-c * L);
    integrateMany((u, out) => {
      const y = y0 - Math.log1p(-u * span) / c;
      const tau = Math.min(T, Math.max(tx, Math.exp(y) - p.alpha));
      const la = lnA(p, tau);
      out[0] = Math.exp(p.b * (tau - tx) - (p.s + 1) * (la - lnA0) + y - y0);
      if (grad) scores(p, c, tau, la, lnBeta, out);
    }, 0, 1, dim, 1e-9, sums);
    lnI = -c * y0 + Math.log(span / c) + lnDensity(p, tx) + y0 + Math.log(sums[0] as number);
  } else {
    // F-substitution: the lifetime density is the steeper one; S(τ) = S(t_x)(1 - u·spanS)
    const spanS = -Math.expm1(lnS1 - lnS0);
    integrateMany((u, out) => {
      const lnS = lnS0 + Math.log1p(-u * spanS);
      // S = (β/A)^s: ln A = ln β - ln S / s; e^(bτ) = A - β + 1
      const la = Math.max(lnA0, lnBeta - lnS / p.s);
      const tau = Math.min(T, Math.max(tx, Math.log1p(Math.exp(la) - p.beta) / p.b));
      out[0] = Math.exp(-c * (Math.log(p.alpha + tau) - y0));
      if (grad) scores(p, c, tau, la, lnBeta, out);
    }, 0, 1, dim, 1e-9, sums);
    lnI = lnS0 + Math.log(spanS) - c * y0 + Math.log(sums[0] as number);
  }
  if (grad) for (let d = 0; d < 5; d++) grad[d] = (sums[d + 1] as number) / (sums[0] as number);
  return lnI;
}
