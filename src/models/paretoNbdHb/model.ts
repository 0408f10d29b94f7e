/**
 * The hierarchical Pareto/NBD of Abe (2009): each customer's purchase rate λ_i and dropout
 * rate μ_i are Poisson and exponential as in Pareto/NBD, and (ln λ_i, ln μ_i) is bivariate
 * normal across customers, N(β, Γ) (so the two rates may correlate). Each Gibbs sweep:
 * - every customer's (ln λ_i, ln μ_i) jointly by elliptical slice sampling (Murray, Adams &
 *   MacKay 2010) under the prior N(β, Γ), on the customer's Pareto/NBD likelihood given
 *   (λ, μ) with the lifetime integrated out (as Ma & Liu 2007; Abe's augmentation by the
 *   alive indicator and lifetime ties each one-time buyer's rates to them and mixed worse on
 *   CDNOW);
 * - group moves (Liu & Sabatti 2000) shifting and scaling every dropout log rate with β and
 *   Γ, and two non-centred moves of (β, Γ) with every customer's standardized rates held
 *   (interweaving, Yu & Meng 2011; cohort.ts);
 * - (β, Γ) from its conjugate normal-inverse-Wishart posterior given the log rates, the
 *   prior β | Γ ~ N(0, Γ / 0.01), Γ ~ Inverse-Wishart(4, 4 I) (weakly informative on the
 *   log scale of any time unit);
 * - the lifetime, for the outputs only: alive at T with the Pareto/NBD P(alive | λ, μ), then
 *   T + Exp(μ), else an Exp(λ+μ) truncated to (t_x, T) (Abe's appendix).
 * Cohort parameters: meanLogLambda, meanLogMu (β), varLogLambda, covLogLambdaLogMu,
 * varLogMu (Γ), as BTYDplus prints them (log_lambda, log_mu, var_log_lambda, ...).
 * @internal
 */
import type { Random } from '../../math/random.js';
import { ellipticalSlice2 } from '../hierarchical/ellipticalSlice.js';
import type { HierarchicalData, HierarchicalModel, HierarchicalState } from '../hierarchical/types.js';
import { drawLifetimePoisson } from '../paretoGgg/latent.js';
import { groupMoves, nonCentredMove, updateCohort } from './cohort.js';

export const ABE_NAMES = ['meanLogLambda', 'meanLogMu', 'varLogLambda', 'covLogLambdaLogMu', 'varLogMu'] as const;

/** The cohort start matching the Pareto/NBD gammas' first two moments of ln λ and ln μ: var = ln(1 + 1/shape). */
export function abeStart(pareto: Float64Array): Float64Array {
  const [r, alpha, s, beta] = pareto as unknown as [number, number, number, number];
  const vl = Math.log1p(1 / r);
  const vm = Math.log1p(1 / s);
  return Float64Array.of(Math.log(r / alpha) - vl / 2, Math.log(s / beta) - vm / 2, vl, 0, vm);
}

/**
 * ln L(λ, μ | x, t_x, T) = x ln λ - (λ+μ) t_x + ln((μ + λ e^(-(λ+μ)(T-t_x))) / (λ+μ)): one
 * customer's Pareto/NBD likelihood given their rates, the lifetime integrated out, with the
 * log purchase rate `logLambda` given (so x ln λ costs nothing).
 */
export function individualLogLik(x: number, tx: number, T: number, logLambda: number, lambda: number, mu: number): number {
  const rate = lambda + mu;
  return x * logLambda - rate * tx + Math.log((mu + lambda * Math.exp(-rate * (T - tx))) / rate);
}

/** The model. */
export function abeModel(): HierarchicalModel {
  const c = { x: 0, tx: 0, T: 0 };
  const joint = (ll: number, lm: number): number => individualLogLik(c.x, c.tx, c.T, ll, Math.exp(ll), Math.exp(lm));
  const f = new Float64Array(2);
  let logMu = new Float64Array(0);
  let logLambda = new Float64Array(0);
  let lambdaOf = new Float64Array(0);
  let d: HierarchicalData | undefined;
  // the λ terms without x ln λ (constant in μ) for the μ side's group moves
  const muSide = (i: number, l: number): number => individualLogLik(0, d!.tx[i] as number, d!.T[i] as number, 0, lambdaOf[i] as number, Math.exp(l));
  const both = (i: number, ll: number, lm: number): number => individualLogLik(d!.x[i] as number, d!.tx[i] as number, d!.T[i] as number, ll, Math.exp(ll), Math.exp(lm));
  return {
    kind: 'pareto-nbd-hb',
    title: 'Pareto/NBD (Abe)',
    cohortNames: ABE_NAMES,
    init(data: HierarchicalData, start: Float64Array, rng: Random): HierarchicalState {
      const cohort = Float64Array.from(start);
      cohort[0] = (cohort[0] as number) + 0.3 * rng.normal();
      cohort[1] = (cohort[1] as number) + 0.3 * rng.normal();
      const n = data.n;
      const lambda = Float64Array.from({ length: n }, (_, i) => ((data.x[i] as number) + 0.5) / ((data.T[i] as number) + 1 / Math.exp(cohort[0] as number)));
      const mu = new Float64Array(n).fill(Math.exp(cohort[1] as number));
      const tau = Float64Array.from({ length: n }, (_, i) => drawLifetimePoisson(lambda[i] as number, mu[i] as number, data.tx[i] as number, data.T[i] as number, rng));
      logMu = new Float64Array(n);
      logLambda = new Float64Array(n);
      lambdaOf = new Float64Array(n);
      return { lambda, mu, k: new Float64Array(n).fill(1), tau, cohort };
    },
    sweep(state: HierarchicalState, data: HierarchicalData, rng: Random): void {
      d = data;
      const { lambda, mu, tau, cohort } = state;
      const [b1, b2, g11, g12, g22] = cohort as unknown as [number, number, number, number, number];
      // Γ = L Lᵀ for the prior of each customer's (ln λ, ln μ)
      const l11 = Math.sqrt(g11);
      const l21 = g12 / l11;
      const l22 = Math.sqrt(Math.max(1e-300, g22 - l21 * l21));
      for (let i = 0; i < data.n; i++) {
        c.x = data.x[i] as number;
        c.tx = data.tx[i] as number;
        c.T = data.T[i] as number;
        f[0] = Math.log(lambda[i] as number);
        f[1] = Math.log(mu[i] as number);
        ellipticalSlice2(f, b1, b2, l11, l21, l22, joint(f[0], f[1]), joint, rng);
        logLambda[i] = f[0];
        lambdaOf[i] = Math.exp(f[0]);
        logMu[i] = f[1];
      }
      // the dropout side only: the purchase side's rates are pinned by the purchases, where the conjugate update mixes well
      groupMoves(1, cohort, logMu, muSide, rng);
      // interweaved with the centred update below: all customers' rates move with the cohort
      nonCentredMove(cohort, logLambda, logMu, both, rng, 2);
      for (let i = 0; i < data.n; i++) {
        lambda[i] = Math.exp(logLambda[i] as number);
        mu[i] = Math.exp(logMu[i] as number);
        // the lifetime only for the outputs (alive at T, the future): it does not enter the next sweep
        tau[i] = drawLifetimePoisson(lambda[i] as number, mu[i] as number, data.tx[i] as number, data.T[i] as number, rng);
      }
      updateCohort(cohort, lambda, mu, rng);
    },
  };
}
