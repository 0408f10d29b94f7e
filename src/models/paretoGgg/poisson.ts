/**
 * Pareto/GGG with every regularity k_i fixed at 1: the Pareto/NBD (HB) with gamma
 * heterogeneity (Ma & Liu 2007). Its cohort-level posterior is exactly the posterior of the
 * Pareto/NBD parameters (the individual λ_i, μ_i integrate out to the Pareto/NBD
 * likelihood), which the adaptive Metropolis of samplePosterior draws with little
 * autocorrelation; each customer's (λ_i, μ_i, τ_i) is then drawn independently and exactly
 * given each kept cohort draw. No Gibbs chain over the latent rates, so nothing mixes slowly.
 * @internal
 */
import { withMeta } from '../../data/columns.js';
import { Random } from '../../math/random.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import type { hierarchicalData, RunOptions } from '../hierarchical/run.js';
import type { HierarchicalPosterior } from '../hierarchical/types.js';
import { registry } from '../registry.js';
import { samplePosterior } from '../posterior/samplePosterior.js';

/**
 * One customer's (λ, μ, τ) given (r, α, s, β) and their history, exactly: alive at T with
 * the Pareto/NBD P(alive), then λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T), τ = T + Exp(μ); else
 * τ on (t_x, T) with density ∝ (α+τ)^-(r+x) (β+τ)^-(s+1) (λ and μ integrated out), drawn by
 * rejection under the chord of its log (the log density is convex), then λ ~ Gamma(r+x, α+τ),
 * μ ~ Gamma(s+1, β+τ). Writes into out[0..2].
 */
export function drawIndividual(p: { r: number; alpha: number; s: number; beta: number }, alive: number, x: number, tx: number, T: number, rng: Random, out: Float64Array): void {
  if (rng.uniform() < alive || !(T > tx)) {
    const mu = rng.gamma(p.s, p.beta + T);
    out[0] = rng.gamma(p.r + x, p.alpha + T);
    out[1] = mu;
    out[2] = T + rng.exponential(mu);
    return;
  }
  const a = p.r + x;
  const b = p.s + 1;
  const logf = (t: number): number => -a * Math.log(p.alpha + t) - b * Math.log(p.beta + t);
  const f0 = logf(tx);
  const slope = (logf(T) - f0) / (T - tx);
  let tau = tx;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    // the chord's truncated exponential on (tx, T), rate -slope, by inversion
    const u = rng.open();
    tau = slope < -1e-300 ? tx - Math.log1p(-u * -Math.expm1(slope * (T - tx))) / -slope : tx + u * (T - tx);
    if (Math.log(rng.open()) <= logf(tau) - (f0 + slope * (tau - tx))) break;
  }
  out[0] = rng.gamma(a, p.alpha + tau);
  out[1] = rng.gamma(b, p.beta + tau);
  out[2] = tau;
}

/** The posterior record of Pareto/GGG at k = 1. */
export function samplePoissonHierarchical(summary: SummaryInput, input: ReturnType<typeof hierarchicalData>, priors: unknown, o: RunOptions): HierarchicalPosterior {
  const post = samplePosterior(summary, { model: 'pareto-nbd', draws: o.draws, warmup: o.warmup, chains: o.chains, seed: o.seed, priors: priors as never, fields: o.fields });
  const { data } = input;
  const n = data.n;
  const total = o.draws * o.chains;
  const sets = Math.min(o.keep, total);
  const individual = { sets, lambda: new Float32Array(sets * n), mu: new Float32Array(sets * n), k: new Float32Array(sets * n).fill(1), tau: new Float32Array(sets * n) };
  const alive = new Float64Array(n);
  const lambda = new Float64Array(n);
  const mu = new Float64Array(n);
  const rng = new Random((o.seed ^ 0x5bd1e995) >>> 0);
  const spec = registry['pareto-nbd'];
  const draw = new Float64Array(3);
  for (let j = 0; j < sets; j++) {
    const at = Math.floor((j * total) / sets);
    const p = { r: post.draws.r![at] as number, alpha: post.draws.alpha![at] as number, s: post.draws.s![at] as number, beta: post.draws.beta![at] as number };
    for (let i = 0; i < n; i++) {
      const x = data.x[i] as number;
      const tx = data.tx[i] as number;
      const T = data.T[i] as number;
      const pa = spec.alive(p, x, tx, T);
      drawIndividual(p, pa, x, tx, T, rng, draw);
      // P(alive) and the rates' means Rao-Blackwellized where closed: E[z] = P(alive | θ)
      alive[i] = (alive[i] as number) + pa;
      lambda[i] = (lambda[i] as number) + (draw[0] as number);
      mu[i] = (mu[i] as number) + (draw[1] as number);
      individual.lambda[j * n + i] = draw[0] as number;
      individual.mu[j * n + i] = draw[1] as number;
      individual.tau[j * n + i] = draw[2] as number;
    }
  }
  for (const col of [alive, lambda, mu]) for (let i = 0; i < n; i++) col[i] = (col[i] as number) / sets;
  const customers = withMeta({ customerId: input.customerId, probabilityAlive: alive, lambda, mu, k: new Float64Array(n).fill(1) }, { length: n });
  const { draws, mean, sd, quantiles, lower, upper, rhat, ess, converged } = post;
  return { kind: 'pareto-ggg', chains: o.chains, drawsPerChain: o.draws, warmup: o.warmup, thin: 1, converged, priors: post.priors, draws, mean, sd, quantiles, lower, upper, rhat, ess, customers, individual, histories: { frequency: data.x, recency: data.tx, T: data.T }, unit: input.unit };
}
