/**
 * NBD predictions: with no dropout every customer is alive, λ | x, T ~ Gamma(r + x, α + T).
 * @internal
 */
import { logGamma, logGammaRatio } from '../../math/special.js';
import type { NbdParams } from './likelihood.js';

/** E[X(t)] = r t / α. */
export function expected(p: NbdParams, t: number): number {
  return t <= 0 ? 0 : (p.r * t) / p.alpha;
}

/** P(X(t) = n) = Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n. */
export function pmf(p: NbdParams, n: number, t: number): number {
  if (t <= 0) return n === 0 ? 1 : 0;
  // n = 0 contributes no ln(t/(α+t)) factor (0 · -Infinity where t/(α+t) underflows)
  return Math.exp(logGammaRatio(p.r, n) - logGamma(n + 1) - p.r * Math.log1p(t / p.alpha) + (n === 0 ? 0 : n * Math.log(t / (p.alpha + t))));
}

/** P(alive) = 1: nobody drops out. */
export function alive(): number {
  return 1;
}

/** E[Y(t) | x, T] = (r + x) t / (α + T). */
export function bracket(p: NbdParams, x: number, T: number, t: number): number {
  return t <= 0 ? 0 : ((p.r + x) * t) / (p.alpha + T);
}

/** No dropout ahead. */
export function survivalAhead(): number {
  return 1;
}

/** Discounted expected residual purchases, ∫_0^∞ e^(-δt) (r+x)/(α+T) dt = (r+x)/((α+T) δ). */
export function discountedPurchases(p: NbdParams, x: number, _tx: number, T: number, delta: number): number {
  return (p.r + x) / ((p.alpha + T) * delta);
}
