/**
 * The customer-level Gibbs updates of Pareto/GGG (Platzer & Reutterer 2016): inter-purchase
 * times Gamma(k_i, k_i λ_i) (mean 1/λ_i, regularity k_i) and lifetime τ_i ~ Exp(μ_i),
 * μ_i ~ Gamma(s, β), with the unobserved lifetime τ_i as an auxiliary variable.
 *
 * Given (k, λ, μ, τ), the history's likelihood is
 *   (kλ)^(kx) e^(-kλ t_x) Π t_j^(k-1) / Γ(k)^x · Q(k, kλ (min(τ, T) - t_x)) · μ e^(-μτ),
 * Q the regularized upper incomplete gamma (no purchase in the censored gap after t_x).
 * @internal
 */
import { logGamma, logRegularizedUpperGamma } from '../../math/special.js';
import type { Random } from '../../math/random.js';
import { sliceStep } from '../hierarchical/slice.js';
import type { HierarchicalData, HierarchicalState } from '../hierarchical/types.js';

/** ln Q(k, z): the log probability that a Gamma(k, 1) variable exceeds z (ln Γ(k) given). */
export function logSurvivalGamma(k: number, z: number, logGammaK: number): number {
  if (!(z > 0)) return 0;
  if (k === 1) return -z;
  return logRegularizedUpperGamma(k, z, logGammaK);
}

/** Working values of the customer being updated (one object per sweep, not per customer). */
interface Current {
  x: number;
  tx: number;
  litt: number;
  gap: number;
  lambda: number;
  k: number;
  /** ln Γ(k) at the current k. */
  logGammaK: number;
  shape: number;
  rate: number;
}

/** ln p(ln λ | ...) at v = ln λ: the Gamma(r, α) prior on the log scale and the λ terms of the likelihood. */
function logLambda(c: Current, v: number): number {
  const lambda = Math.exp(v);
  return c.shape * v - c.rate * lambda + c.k * c.x * v - c.k * lambda * c.tx + logSurvivalGamma(c.k, c.k * lambda * c.gap, c.logGammaK);
}

/** ln p(ln k | ...) at v = ln k: the Gamma(t, γ) prior on the log scale and the k terms of the likelihood. */
function logK(c: Current, v: number): number {
  const k = Math.exp(v);
  if (!(k > 0) || !Number.isFinite(k)) return -Infinity;
  const kl = k * c.lambda;
  const lg = logGamma(k);
  return c.shape * v - c.rate * k + c.x * (k * Math.log(kl) - lg) + (k - 1) * c.litt - kl * c.tx + logSurvivalGamma(k, kl * c.gap, lg);
}

/**
 * An updater of every customer's λ, k (unless fixed at 1) and lifetime, given the cohort
 * parameters r, α, s, β, t, γ, with each μ_i integrated out: the lifetime is then Lomax,
 * density s β^s / (β + τ)^(s+1). The state keeps τ_i (alive at T when τ_i > T); an alive
 * customer's excess lifetime beyond T is redrawn from its conditional before each lifetime
 * move and is not read by the cohort update (a partially collapsed Gibbs sampler, van Dyk &
 * Park 2008), so the dropout parameters (s, β) are not tied to lifetimes the data never saw.
 */
export function latentUpdater(): (state: HierarchicalState, data: HierarchicalData, cohort: { r: number; alpha: number; s: number; beta: number; t: number; gamma: number }, rng: Random) => void {
  const c: Current = { x: 0, tx: 0, litt: 0, gap: 0, lambda: 0, k: 1, logGammaK: 0, shape: 0, rate: 0 };
  const byLambda = (v: number): number => logLambda(c, v);
  const byK = (v: number): number => logK(c, v);
  return (state, data, h, rng) => {
    const { lambda, k, tau } = state;
    for (let i = 0; i < data.n; i++) {
      c.x = data.x[i] as number;
      c.tx = data.tx[i] as number;
      c.litt = data.litt[i] as number;
      const T = data.T[i] as number;
      c.gap = Math.min(tau[i] as number, T) - c.tx;
      c.k = k[i] as number;
      c.logGammaK = logGamma(c.k);
      c.shape = h.r;
      c.rate = h.alpha;
      const l0 = Math.log(lambda[i] as number);
      lambda[i] = c.lambda = Math.exp(sliceStep(l0, byLambda(l0), byLambda, i, 0.5, rng));
      c.shape = h.t;
      c.rate = h.gamma;
      const k0 = Math.log(c.k);
      k[i] = c.k = Math.exp(sliceStep(k0, byK(k0), byK, i, 0.5, rng));
      c.logGammaK = logGamma(c.k);
      // an alive customer's excess lifetime from its Lomax conditional: P(τ > T + e | τ > T) = ((β+T)/(β+T+e))^s
      let current = tau[i] as number;
      if (current > T) current = T + (h.beta + T) * Math.expm1(-Math.log(rng.open()) / h.s);
      tau[i] = drawLifetime(c.k, c.lambda, h.s, h.beta, c.tx, T, current, rng, c.logGammaK);
    }
  };
}

/**
 * A lifetime move given k, λ and the Lomax(s, β) lifetime distribution: the conditional
 * density of τ on (t_x, ∞) is proportional to (β + τ)^-(s+1) Q(k, kλ (min(τ, T) - t_x)),
 * decreasing in τ, so an exact slice step applies: the slice below a level y is the
 * interval (t_x, τ*), τ* by Newton's method safeguarded by bisection (in closed form beyond
 * T, where Q no longer changes), and the new τ is uniform on it.
 */
export function drawLifetime(k: number, lambda: number, s: number, beta: number, tx: number, T: number, current: number, rng: Random, logGammaK = logGamma(k)): number {
  const logf = (tau: number): number => -(s + 1) * Math.log(beta + tau) + logSurvivalGamma(k, k * lambda * (Math.min(tau, T) - tx), logGammaK);
  const y = logf(Math.max(current, tx)) - rng.exponential(1);
  const atT = logf(T);
  let end: number;
  if (atT >= y) end = Math.exp((atT + (s + 1) * Math.log(beta + T) - y) / (s + 1)) - beta;
  else {
    let lo = tx;
    let hi = T;
    let t = Math.min(Math.max(current, tx), T);
    for (let it = 0; it < 60 && hi - lo > 1e-9 * Math.max(1, T); it++) {
      const logQ = logSurvivalGamma(k, k * lambda * (t - tx), logGammaK);
      const g = -(s + 1) * Math.log(beta + t) + logQ - y;
      if (g > 0) lo = t;
      else hi = t;
      const slope = -(s + 1) / (beta + t) - hazard(k, lambda, t - tx, logQ, logGammaK);
      let next = t - g / slope;
      if (!(next > lo && next < hi)) next = (lo + hi) / 2;
      t = next;
    }
    end = (lo + hi) / 2;
  }
  if (!(end > tx)) return tx + (T - tx) * 0.5 * rng.open();
  return tx + rng.open() * (end - tx);
}

/**
 * The customer's lifetime and dropout rate given λ_i and μ_i for k = 1, exactly: alive at T
 * with the Pareto/NBD P(alive | λ, μ) = 1 / (1 + μ/(λ+μ) (e^((λ+μ)(T-t_x)) - 1)), then
 * T + Exp(μ), else an Exp(λ+μ) truncated to (t_x, T) (Abe 2009, appendix).
 */
export function drawLifetimePoisson(lambda: number, mu: number, tx: number, T: number, rng: Random): number {
  const rate = lambda + mu;
  const logOdds = Math.log(mu / rate) + logExpm1(rate * (T - tx));
  if (Math.log(rng.open()) < -logAdd1(logOdds)) return T + rng.exponential(mu);
  const u = rng.open();
  return tx - Math.log1p(-u * -Math.expm1(-rate * (T - tx))) / rate;
}

/** The hazard of Gamma(k, kλ) at u, its density over its survival (ln survival given). */
function hazard(k: number, lambda: number, u: number, logQ: number, logGammaK: number): number {
  if (!(u > 0)) return k === 1 ? lambda : 0;
  const rate = k * lambda;
  const logPdf = k * Math.log(rate) + (k - 1) * Math.log(u) - rate * u - logGammaK;
  return Math.exp(logPdf - logQ);
}

/** ln(e^z - 1) for z >= 0. */
function logExpm1(z: number): number {
  return z > 30 ? z + Math.log1p(-Math.exp(-z)) : Math.log(Math.expm1(z));
}

/** ln(1 + e^z). */
function logAdd1(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
