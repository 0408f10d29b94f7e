/**
 * Future purchases of a customer from a hierarchical posterior's kept individual draws
 * (λ_i, μ_i, k_i, τ_i): alive at T when τ_i > T, then a remaining lifetime Exp(μ_i)
 * (memoryless) and purchases as a renewal process with Gamma(k_i, k_i λ_i) gaps, the gap
 * running at T conditioned on no purchase since t_x.
 * @internal
 */
import { CustomerValueError } from '../../errors.js';
import type { Random } from '../../math/random.js';
import type { SummaryColumns } from '../../summary/readSummary.js';
import type { HierarchicalPosterior } from './types.js';

/** Whether a model argument is a hierarchical posterior. */
export function isHierarchical(model: unknown): model is HierarchicalPosterior {
  const m = model as Partial<HierarchicalPosterior> | null;
  return typeof m === 'object' && m !== null && typeof m.individual === 'object' && m.individual !== null && typeof m.histories === 'object';
}

/** Refuse customers other than those the posterior was sampled on (their latent draws are theirs). */
export function checkSameCustomers(fn: string, post: HierarchicalPosterior, c: SummaryColumns): void {
  const h = post.histories;
  const same = c.n === h.frequency.length && Array.from({ length: c.n }).every((_, i) => c.frequency[i] === h.frequency[i] && c.recency[i] === h.recency[i] && c.T[i] === h.T[i]);
  if (!same) {
    throw new CustomerValueError('invalid_input', `${fn}: customers must be the ${h.frequency.length} customers the hierarchical posterior was sampled on, in the same order (each has their own latent draws)`, [
      { code: 'invalid_value', path: ['customers'], message: 'not the sampled customers', value: c.n },
    ]);
  }
}

/** A gap of Gamma(k, rate) conditioned on exceeding c, by rejection under an exponential envelope. */
export function gammaBeyond(k: number, rate: number, c: number, rng: Random): number {
  if (!(c > 0)) return rng.gamma(k, rate);
  if (k === 1) return c + rng.exponential(rate);
  // (c+e)^(k-1) ≤ c^(k-1) for k < 1, ≤ c^(k-1) e^((k-1) e / c) for k > 1: an Exp envelope for the excess e,
  // valid for k > 1 once c is past the mode (k-1)/rate; below it, the unconditional gamma is accepted often enough
  const slope = k < 1 ? 0 : (k - 1) / c;
  if (k > 1 && !(rate - slope > 0.05 * rate)) {
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const g = rng.gamma(k, rate);
      if (g > c) return g;
    }
    return c;
  }
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const e = rng.exponential(rate - slope);
    if (Math.log(rng.open()) <= (k - 1) * Math.log1p(e / c) - slope * e) return c + e;
  }
  return c;
}

/**
 * Draw customer i's future over (T, T + t] at kept set j: calls onPurchase(τ) for each
 * purchase τ after T and returns their count (0 when not alive at T).
 */
export function drawHierarchicalFuture(post: HierarchicalPosterior, i: number, j: number, t: number, rng: Random, onPurchase: (tau: number) => void): number {
  const n = post.histories.T.length;
  const at = j * n + i;
  const T = post.histories.T[i] as number;
  if (!((post.individual.tau[at] as number) > T)) return 0;
  const lambda = post.individual.lambda[at] as number;
  const mu = post.individual.mu[at] as number;
  const k = post.individual.k[at] as number;
  const end = Math.min(t, rng.exponential(mu));
  let when = gammaBeyond(k, k * lambda, T - (post.histories.recency[i] as number), rng) - (T - (post.histories.recency[i] as number));
  let count = 0;
  while (when <= end) {
    count++;
    onPurchase(when);
    if (count > 1e7) break;
    when += rng.gamma(k, k * lambda);
  }
  return count;
}
