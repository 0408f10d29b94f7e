/**
 * (M)BG/CNBD-k predictions, derived from the model: an alive customer's posterior is
 * p ~ Beta(a, b + x + v) (v = 1 for MBG, one more survived dropout chance) and, given j of
 * the current interval's k phases done, λ ~ Gamma(r + kx + j, α + T), with the phase
 * weights of {@link phaseWeights}. The future purchases are ⌊(N + j)/k⌋ for N phases in
 * the window (NB, see phases.ts) while the customer survives each purchase.
 * @internal
 */
import { bridgeAtOne } from '../../math/limits.js';
import { logAddExp, logBetaRatio, logGammaRatioDiff, regularizedBeta } from '../../math/special.js';
import type { Random } from '../../math/random.js';
import type { CnbdParams, CnbdVariant } from './likelihood.js';
import { nbLogPmf, phaseSum, phaseWeights, type PurchaseWeight } from './phases.js';

const shift = (variant: CnbdVariant): number => (variant === 'mbg' ? 1 : 0);

/**
 * P(alive | x, t_x, T): the alive share of the likelihood (see likelihood.ts),
 * 1 / (1 + D/A) with D = [x+v > 0] a/(b+x+v-1) (α+t_x)^(-s) and
 * A = Σ_{j<k} Γ(s+j)/Γ(s) Δ^j / j! (α+T)^(-(s+j)), s = r + kx, Δ = T - t_x.
 */
export function alive(p: CnbdParams, x: number, tx: number, T: number, variant: CnbdVariant): number {
  const v = shift(variant);
  if (x + v === 0) return 1;
  const { k, r, alpha, a, b } = p;
  const s = r + k * x;
  const lnAT = Math.log(alpha + T);
  const delta = T - tx;
  let lnA = -s * lnAT;
  if (delta > 0) {
    const lnDelta = Math.log(delta);
    let lnG = 0;
    for (let j = 1; j < k; j++) {
      lnG += Math.log((s + j - 1) / j);
      lnA = logAddExp(lnA, lnG + j * lnDelta - (s + j) * lnAT);
    }
  }
  const lnD = Math.log(a / (b + x + v - 1)) - s * Math.log(alpha + tx);
  const d = lnD - lnA;
  return d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
}

const weights = new Float64Array(64);

/**
 * Σ_j π_j Σ_m NB(m; r+kx+j, t/(α+T+t)) g(⌊(m+j)/k⌋) for an alive customer: the phase
 * weights and the window shared by the bracket and the survival ahead; `weightOf(b')` gives
 * g for the posterior Beta(a, b'), b' = b + x + v.
 */
function aheadSum(p: CnbdParams, x: number, T: number, t: number, tx: number, variant: CnbdVariant, weightOf: (bp: number) => PurchaseWeight): number {
  const s = p.r + p.k * x;
  phaseWeights(s, p.alpha + T, T - tx, p.k, weights);
  // the window's NB by its odds t/(α+T): exact where t/(α+T+t) rounds to 1
  return phaseSum(s, t / (p.alpha + T), p.k, weights, weightOf(p.b + x + shift(variant)));
}

/**
 * E[Y(t) | alive, x, t_x, T] = Σ_j π_j Σ_m NB(m; r+kx+j, t/(α+T+t)) Σ_{n=1}^{⌊(m+j)/k⌋} c_n,
 * c_n = E[(1-p)^(n-1)] = B(a, b'+n-1)/B(a, b'), b' = b + x + v: the n-th future purchase
 * happens when the phases reach it and the customer survived the n - 1 before.
 */
export function bracket(p: CnbdParams, x: number, T: number, t: number, tx: number, variant: CnbdVariant): number {
  if (t <= 0) return 0;
  const { a } = p;
  return aheadSum(p, x, T, t, tx, variant, (bp) => {
    let c = 1;
    let acc = 0;
    let K = 0;
    return {
      next: () => {
        if (K++ === 0) return 0;
        acc += c;
        c *= (bp + K - 2) / (a + bp + K - 2);
        return acc;
      },
      at: (n) => purchasesWithin(a, bp, n),
    };
  });
}

/**
 * Σ_{n=0}^{K-1} E[(1-p)^n], p ~ Beta(a, b'): the expected purchases of a customer who
 * reaches K purchase opportunities. Telescoping B(a, b+n) = B(a-1, b+n) - B(a-1, b+n+1):
 * (a+b'-1)/(a-1) (1 - Γ(b'+K) Γ(a+b'-1) / (Γ(b') Γ(a+b'-1+K))), with one term peeled off
 * while a + b' <= 1 and the removable singularity at a = 1 bridged.
 */
export function purchasesWithin(a: number, bp: number, K: number): number {
  if (K <= 0) return 0;
  if (a + bp <= 1) return 1 + (bp / (a + bp)) * purchasesWithin(a, bp + 1, K - 1);
  return bridgeAtOne(a, (aa) => {
    const lnR = logGammaRatioDiff(bp, aa + bp - 1, K);
    return ((aa + bp - 1) / (aa - 1)) * -Math.expm1(lnR);
  });
}

/**
 * P(no dropout in the next t | alive at T) = Σ_j π_j Σ_m NB(m; r+kx+j, t/(α+T+t)) d_⌊(m+j)/k⌋,
 * d_K = E[(1-p)^K] = B(a, b'+K)/B(a, b'): every purchase in the window is a dropout chance.
 */
export function survivalAhead(p: CnbdParams, x: number, T: number, t: number, tx: number, variant: CnbdVariant): number {
  if (t <= 0) return 1;
  const { a } = p;
  return aheadSum(p, x, T, t, tx, variant, (bp) => {
    let d = 1;
    let K = 0;
    return {
      next: () => {
        const out = d;
        d *= (bp + K) / (a + bp + K);
        K++;
        return out;
      },
      at: (n) => Math.exp(logBetaRatio(a, bp, 0, n)),
    };
  });
}

/** E[X(t)] of a new customer: P(alive at 0) times the bracket at x = 0, T = 0 (MBG: b/(a+b) · ...). */
export function expected(p: CnbdParams, t: number, variant: CnbdVariant): number {
  return alive(p, 0, 0, 0, variant) * bracket(p, 0, 0, t, 0, variant);
}

/**
 * P(X(t) = n) of a new customer, N ~ NB(r, t/(α+t)) phases in (0, t]:
 * E[(1-p)^(n-1+v) p] P(N >= nk) + E[(1-p)^(n+v)] P(nk <= N < (n+1)k) (dropped right after
 * the n-th purchase, or alive with the (n+1)-th not reached), the first term only for n + v >= 1.
 */
export function pmf(p: CnbdParams, n: number, t: number, variant: CnbdVariant): number {
  const v = shift(variant);
  const { k, r, alpha, a, b } = p;
  const e1 = n + v >= 1 ? Math.exp(logBetaRatio(a, b, 1, n - 1 + v)) : 0;
  const e2 = Math.exp(logBetaRatio(a, b, 0, n + v));
  const z = t > 0 ? t / (alpha + t) : 0;
  // P(nk <= N < (n+1)k): k terms of the NB pmf (by its odds t/α); P(N >= nk) = I_z(nk, r)
  let between = 0;
  for (let i = 0; i < k; i++) {
    const m = n * k + i;
    between += z > 0 ? Math.exp(nbLogPmf(r, t / alpha, m)) : m === 0 ? 1 : 0;
  }
  const atLeast = n === 0 ? 1 : regularizedBeta(z, n * k, r);
  return e1 * atLeast + e2 * between;
}

/**
 * P(Y(t) = n | x, t_x, T): alive (probability {@link alive}), the customer reaches K purchase
 * opportunities in the window with Σ_j π_j NB(m; r+kx+j, t/(α+T+t)) over K = ⌊(m+j)/k⌋, and
 * makes min(K, D) purchases, D ≥ 1 the purchase after which they drop out:
 * P(Y = n | K) = [n = K] E[(1-p)^(K-1)] + [1 ≤ n < K] E[(1-p)^(n-1) p], p ~ Beta(a, b+x+v)
 * (K = 0: no purchase); dead, Y = 0.
 */
export function conditionalPmf(p: CnbdParams, n: number, x: number, tx: number, T: number, t: number, variant: CnbdVariant): number {
  const pa = alive(p, x, tx, T, variant);
  const dead = n === 0 ? 1 - pa : 0;
  if (!(t > 0)) return n === 0 ? 1 : 0;
  const { a } = p;
  const given = aheadSum(p, x, T, t, tx, variant, (bp) => {
    const stop = n >= 1 ? Math.exp(logBetaRatio(a, bp, 1, n - 1)) : 0;
    const reach = n >= 1 ? Math.exp(logBetaRatio(a, bp, 0, n - 1)) : 1;
    const at = (K: number): number => (K === n ? reach : K > n ? stop : 0);
    let K = 0;
    return { next: () => at(K++), at };
  });
  return pa * given + dead;
}

const drawWeights = new Float64Array(64);

/**
 * Draw the future over the next t of a customer alive at T: the phases done in the current
 * interval j ~ π (the phase weights), λ ~ Gamma(r+kx+j, α+T), p ~ Beta(a, b+x+v); the next
 * purchase after k-j more Exp(λ) phases, each later one after Gamma(k, λ), and after each
 * purchase a dropout with probability p.
 */
export function drawFuture(p: CnbdParams, x: number, T: number, t: number, tx: number, variant: CnbdVariant, rng: Random, onPurchase: (tau: number) => void): number {
  const s = p.r + p.k * x;
  phaseWeights(s, p.alpha + T, T - tx, p.k, drawWeights);
  let u = rng.uniform();
  let j = 0;
  while (j < p.k - 1 && u >= (drawWeights[j] as number)) u -= drawWeights[j++] as number;
  const lambda = rng.gamma(s + j, p.alpha + T);
  const drop = rng.beta(p.a, p.b + x + shift(variant));
  let at = rng.gamma(p.k - j, lambda);
  let count = 0;
  while (at <= t && count < 1e7) {
    count++;
    onPurchase(at);
    if (rng.uniform() < drop) break;
    at += rng.gamma(p.k, lambda);
  }
  return count;
}
