/**
 * Pareto/GGG (Platzer & Reutterer 2016) as a hierarchical model: λ_i ~ Gamma(r, α),
 * μ_i ~ Gamma(s, β), k_i ~ Gamma(t, γ) across customers; each sweep updates every
 * customer's latent quantities (latent.ts), then the three gamma pairs given them.
 * @internal
 */
import type { Random } from '../../math/random.js';
import { updateGammaPair, updateGammaPairCollapsed, type GammaStats } from '../hierarchical/gammaHyper.js';
import type { HierarchicalData, HierarchicalModel, HierarchicalState } from '../hierarchical/types.js';
import type { LogPrior } from '../posterior/priors.js';
import { drawLifetimePoisson, latentUpdater } from './latent.js';

function stats(v: Float64Array, out: GammaStats): GammaStats {
  let sum = 0;
  let sumLog = 0;
  for (let i = 0; i < v.length; i++) {
    sum += v[i] as number;
    sumLog += Math.log(v[i] as number);
  }
  out.n = v.length;
  out.sum = sum;
  out.sumLog = sumLog;
  return out;
}

/** The model (with every k_i fixed at 1 it is sampled exactly instead: poisson.ts). */
export function paretoGggModel(logPriors: readonly LogPrior[]): HierarchicalModel {
  const names = ['r', 'alpha', 's', 'beta', 't', 'gamma'];
  const update = latentUpdater();
  const pair = new Float64Array(2);
  const st: GammaStats = { n: 0, sum: 0, sumLog: 0 };
  const h = { r: 0, alpha: 0, s: 0, beta: 0, t: 1, gamma: 1 };
  const prior = (j: number): LogPrior => logPriors[j] as LogPrior;
  const updatePair = (cohort: Float64Array, at: number, values: Float64Array, rng: Random): void => {
    pair[0] = cohort[at] as number;
    pair[1] = cohort[at + 1] as number;
    updateGammaPair(pair, stats(values, st), prior(at), prior(at + 1), rng);
    cohort[at] = pair[0];
    cohort[at + 1] = pair[1];
  };
  const collapsed = (cohort: Float64Array, at: number, logLik: (shape: number, rate: number) => number, rng: Random): void => {
    pair[0] = cohort[at] as number;
    pair[1] = cohort[at + 1] as number;
    updateGammaPairCollapsed(pair, logLik, prior(at), prior(at + 1), rng);
    cohort[at] = pair[0];
    cohort[at + 1] = pair[1];
  };
  return {
    kind: 'pareto-ggg',
    title: 'Pareto/GGG',
    cohortNames: names,
    init(data: HierarchicalData, start: Float64Array, rng: Random): HierarchicalState {
      const cohort = Float64Array.from(start, (v) => v * Math.exp(0.3 * rng.normal()));
      const n = data.n;
      const [r, alpha, s, beta] = cohort as unknown as [number, number, number, number];
      const lambda = Float64Array.from({ length: n }, (_, i) => (r + (data.x[i] as number)) / (alpha + (data.T[i] as number)));
      const mu = new Float64Array(n).fill(s / beta);
      const k = new Float64Array(n).fill(1);
      const tau = Float64Array.from({ length: n }, (_, i) => drawLifetimePoisson(lambda[i] as number, mu[i] as number, data.tx[i] as number, data.T[i] as number, rng));
      return { lambda, mu, k, tau, cohort };
    },
    sweep(state: HierarchicalState, data: HierarchicalData, rng: Random): void {
      const c = state.cohort;
      h.r = c[0] as number;
      h.alpha = c[1] as number;
      h.s = c[2] as number;
      h.beta = c[3] as number;
      h.t = c[4] as number;
      h.gamma = c[5] as number;
      update(state, data, h, rng);
      const { lambda, mu, tau } = state;
      // (s, β) with every μ_i and every alive customer's excess lifetime integrated out, then μ_i for the outputs
      collapsed(c, 2, dropoutMarginal(data, tau), rng);
      const [s, beta] = [c[2] as number, c[3] as number];
      for (let i = 0; i < data.n; i++) {
        const T = data.T[i] as number;
        const t = tau[i] as number;
        mu[i] = Math.max(1e-300, t > T ? rng.gamma(s, beta + T) : rng.gamma(s + 1, beta + t));
      }
      updatePair(c, 0, lambda, rng);
      updatePair(c, 4, state.k, rng);
    },
  };
}

/**
 * The lifetimes' log likelihood with μ_i ~ Gamma(s, β) integrated out (Lomax lifetimes):
 * ln(s β^s / (β + τ_i)^(s+1)) for a customer dead at τ_i < T, ln (β / (β + T))^s for one
 * alive at T (the excess lifetime integrated out too).
 */
function dropoutMarginal(data: HierarchicalData, tau: Float64Array): (s: number, beta: number) => number {
  return (s, beta) => {
    const lb = Math.log(beta);
    const ls = Math.log(s);
    let sum = 0;
    for (let i = 0; i < tau.length; i++) {
      const T = data.T[i] as number;
      const t = tau[i] as number;
      sum += t > T ? s * (lb - Math.log(beta + T)) : ls + s * lb - (s + 1) * Math.log(beta + t);
    }
    return sum;
  };
}
