/**
 * BG/NBD predictions (Fader, Hardie & Lee 2005): expectations, P(alive), the pmf.
 * @internal
 */
import { logHyp2f1 } from '../../math/hyp2f1.js';
import { bridgeAtOne } from '../../math/limits.js';
import { logBeta, logGamma } from '../../math/special.js';
import { isValidHistory } from '../../summary/readSummary.js';
import type { BgNbdParams } from './likelihood.js';

/**
 * E[X(t)] for a new customer, FHL (2005) eq. (9):
 * (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))]; the removable singularity at
 * a = 1 is bridged by averaging a = 1 ± 1e-4.
 */
export function expected(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = p;
  const z = t / (alpha + t);
  return bridgeAtOne(p.a, (a) => {
    const h = logHyp2f1(r, b, a + b - 1, z);
    const v = h.sign * Math.exp(r * Math.log(alpha / (alpha + t)) + h.log);
    return ((a + b - 1) / (a - 1)) * (1 - v);
  });
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
  const lnB0 = logBeta(a, b);
  const lp = Math.log(alpha / (alpha + t));
  const lq = Math.log(t / (alpha + t));
  const lnNbd = (j: number): number => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * lp + j * lq;
  let v = Math.exp(logBeta(a, b + n + m) - lnB0 + lnNbd(n));
  if (n > 0 || m) {
    const tail = nbdTail(lnNbd, n, r, t / (alpha + t));
    v += Math.exp(logBeta(a + 1, b + n - 1 + m) - lnB0) * tail;
  }
  return v;
}

/** P(NBD >= n) = 1 - Σ_{j<n} NBD(j), summed on whichever side is smaller. @internal */
export function nbdTail(lnNbd: (j: number) => number, n: number, r: number, q: number): number {
  if (n <= 0) return 1;
  const mean = (r * q) / (1 - q);
  if (n > mean + 1) {
    let s = 0;
    for (let j = n; j < n + 100000; j++) {
      const term = Math.exp(lnNbd(j));
      s += term;
      if (term < 1e-17 * s && j > mean) break;
    }
    return s;
  }
  let head = 0;
  for (let j = 0; j < n; j++) head += Math.exp(lnNbd(j));
  return Math.max(0, 1 - head);
}
