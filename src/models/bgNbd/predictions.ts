/**
 * BG/NBD predictions (Fader, Hardie & Lee 2005): expectations, P(alive), the pmf.
 * @internal
 */
import { betaExpectation, betaExpectationWide } from '../../math/betaExpectation.js';
import { logHyp2f1 } from '../../math/hyp2f1.js';
import { bridgeAtOne } from '../../math/limits.js';
import { logBetaRatio, logGamma, logGammaRatio, regularizedBeta } from '../../math/special.js';
import { isValidHistory } from '../../summary/readSummary.js';
import type { BgNbdParams } from './likelihood.js';

/**
 * E[X(t)] for a new customer, FHL (2005) eq. (9):
 * (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))]; the removable singularity at
 * a = 1 is bridged by averaging a = 1 ± 1e-4.
 */
export function expected(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  if (integrateOverP(p.a, p.b, p.r)) return overP(p.a, p.b, (q) => purchasesGivenP(q, p.r, p.alpha, t));
  return expectedByHyp2f1(p, t);
}

/** {@link expected} through 2F1 (moderate a, b). */
export function expectedByHyp2f1(p: BgNbdParams, t: number): number {
  const { r, alpha, b } = p;
  const z = t / (alpha + t);
  return bridgeAtOne(p.a, (a) => {
    const h = logHyp2f1(r, b, a + b - 1, z);
    const v = h.sign * Math.exp(r * Math.log(alpha / (alpha + t)) + h.log);
    return ((a + b - 1) / (a - 1)) * (1 - v);
  });
}

/**
 * E[g(p)] over p ~ Beta(a, b) for the BG/NBD family when 2F1 cannot be used: the
 * logit-Gaussian panels of {@link betaExpectation} while both tails of the density decay
 * fast enough (a, b >= 0.5), the double-exponential route for the heavy tails of a small a
 * or b.
 */
export function overP(a: number, b: number, g: (p: number, q: number) => number): number {
  return Math.min(a, b) >= 0.5 ? betaExpectation(a, b, g) : betaExpectationWide(a, b, g);
}

/** NBD shapes (r + x) above which the 2F1 forms are not used. */
export const HYP2F1_SHAPE_LIMIT = 50;

/**
 * Whether expectations over p ~ Beta(a, b) with NBD shape k are integrated rather than taken
 * from 2F1: the 2F1 series lose accuracy and then overflow as a or b grows (real fits reach
 * a = 3.4e5, b = 2.1e6) and once the shape r + x passes about 50 (their terms reach 1e250 at
 * r = 1000), where the integral is exact to rounding.
 */
export function integrateOverP(a: number, b: number, k: number): boolean {
  return Math.max(a, b) >= BETA_QUADRATURE_ABOVE || k > HYP2F1_SHAPE_LIMIT;
}

/** Above this a or b, expectations over p ~ Beta(a, b) are integrated numerically. */
export const BETA_QUADRATURE_ABOVE = 50;

/**
 * E[purchases in the next t | alive, p] integrated over λ ~ Gamma(k, c):
 * (1 - (c / (c + p t))^k) / p, the geometric-dropout expectation; k and c are the posterior
 * shape and rate (r + x, α + T).
 */
export function purchasesGivenP(p: number, k: number, c: number, t: number): number {
  if (p === 0) return (k * t) / c; // the limit: purchases at the posterior mean rate for all of t
  return -Math.expm1(-k * Math.log1p((p * t) / c)) / p;
}

/** ln(a/(b+x-1)) + (r+x) ln((α+T)/(α+t_x)): the log-odds of having dropped out. */
function logOddsDead(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  return Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
}

/** P(alive | x, t_x, T), FHL (2005) eq. (13) / the technical note: 1 / (1 + [x>0] a/(b+x-1) ((α+T)/(α+t_x))^(r+x)). */
export function alive(p: BgNbdParams, x: number, tx: number, T: number): number {
  const D = logOddsDead(p, x, tx, T);
  return D > 0 ? Math.exp(-D) / (1 + Math.exp(-D)) : 1 / (1 + Math.exp(D));
}

/**
 * {@link alive} for many customers, checking each history in the same loop (the checks
 * overlap the arithmetic): one logarithm and one exponential each (V8's `**` is slower than
 * `Math.exp(k * Math.log(q))`); an odds overflowing to Infinity gives the right limit, 0.
 * Returns false when a history is not valid.
 */
export function aliveMany(p: BgNbdParams, X: ArrayLike<number>, TX: ArrayLike<number>, TT: ArrayLike<number>, out: Float64Array, from: number, to: number): boolean {
  const { r, alpha, a, b } = p;
  let valid = true;
  for (let i = from; i < to; i++) {
    const x = X[i] as number;
    const tx = TX[i] as number;
    const T = TT[i] as number;
    valid = valid && isValidHistory(x, tx, T);
    out[i] = x === 0 ? 1 : 1 / (1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))));
  }
  return valid;
}

/**
 * E[Y(t) | alive, x, T]: FHL (2005) eq. (10) without the P(alive) factor,
 * (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))];
 * depends on (x, T, t) only. The 2F1 goes through Euler's transformation,
 * (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), so it stays exact and cheap for any frequency.
 */
export function bracket(p: BgNbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0;
  if (integrateOverP(p.a, p.b + x, p.r + x)) return overP(p.a, p.b + x, (q) => purchasesGivenP(q, p.r + x, p.alpha + T, t));
  return bracketByHyp2f1(p, x, T, t);
}

/** {@link bracket} through 2F1 (moderate a, b). */
export function bracketByHyp2f1(p: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, b } = p;
  const z = t / (alpha + T + t);
  const lz = Math.log1p(-z);
  return bridgeAtOne(p.a, (a) => {
    const h = logHyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z);
    const v = h.sign * Math.exp((a - 1) * lz + h.log);
    return ((a + b + x - 1) / (a - 1)) * (1 - v);
  });
}

/** E[e^(-λ p t)] over the posterior of (λ, p) of an alive customer: ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x; z). */
export function survivalAhead(p: BgNbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 1;
  if (integrateOverP(p.a, p.b + x, p.r + x)) return overP(p.a, p.b + x, (q) => Math.exp(-(p.r + x) * Math.log1p((q * t) / (p.alpha + T))));
  const z = t / (p.alpha + T + t);
  // P(alive at T + t) = P(alive) E[e^(-λpt)] (Euler's integral with Pfaff's transformation);
  // Euler: 2F1(r+x, b+x; a+b+x; z) = (1-z)^(a-r-x) 2F1(a+b-r, a; a+b+x; z)
  const h = logHyp2f1(p.a + p.b - p.r, p.a, p.a + p.b + x, z);
  return h.sign * Math.exp(p.a * Math.log1p(-z) + h.log);
}

/**
 * P(X(t) = n) for a new customer, FHL (2005) eq. (8):
 * B(a, b+n)/B(a,b) NBD(n) + [n>0] B(a+1, b+n-1)/B(a,b) (1 - Σ_{j<n} NBD(j)),
 * NBD(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j. The tail is summed directly when
 * the head is large, so there is no cancellation.
 */
export function pmf(p: BgNbdParams, n: number, t: number, variant: 'bg' | 'mbg' = 'bg'): number {
  const { r, alpha, a, b } = p;
  if (t <= 0) return n === 0 ? 1 : 0;
  const m = variant === 'mbg' ? 1 : 0;
  const lp = Math.log(alpha / (alpha + t));
  const lq = Math.log(t / (alpha + t));
  // j = 0 without j · ln q: q underflows to 0 for t near 0
  const lnNbd = (j: number): number => logGammaRatio(r, j) - logGamma(j + 1) + r * lp + (j === 0 ? 0 : j * lq);
  let v = Math.exp(logBetaRatio(a, b, 0, n + m) + lnNbd(n));
  if (n > 0 || m) {
    const tail = nbdTail(lnNbd, n, r, t / (alpha + t));
    v += Math.exp(logBetaRatio(a, b, 1, n - 1 + m)) * tail;
  }
  return v;
}

/**
 * P(NBD >= n) for NBD(r, q) (success probability 1 - q): for n <= 50 as 1 - Σ_{j<n} NBD(j)
 * or the upper sum, whichever side is smaller; beyond, the regularized incomplete beta
 * I_q(n, r), so the work does not grow with n. @internal
 */
export function nbdTail(lnNbd: (j: number) => number, n: number, r: number, q: number): number {
  if (n <= 0) return 1;
  if (n > 50) return regularizedBeta(q, n, r);
  const mean = (r * q) / (1 - q);
  if (n > mean + 1) {
    let s = 0;
    for (let i = 0; i < 100000; i++) {
      const term = Math.exp(lnNbd(n + i));
      s += term;
      if (term <= 1e-17 * s && n + i > mean) break;
    }
    return s;
  }
  let head = 0;
  for (let j = 0; j < n; j++) head += Math.exp(lnNbd(j));
  return Math.max(0, 1 - head);
}
