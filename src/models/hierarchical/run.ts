/**
 * The runner of the hierarchical samplers: chains of Gibbs sweeps, the cohort-level draws
 * summarized as for every posterior, the customers' posterior means accumulated on the fly,
 * and a thinned set of their latent draws kept for predictions.
 * @internal
 */
import { withMeta } from '../../data/columns.js';
import { CustomerValueError } from '../../errors.js';
import { Random } from '../../math/random.js';
import { readSummary, summaryUnit, type SummaryInput } from '../../summary/readSummary.js';
import { summarizeChains } from '../posterior/summarizeDraws.js';
import type { Prior } from '../posterior/priors.js';
import { progressTicker, type ProgressOptions } from '../progress.js';
import type { HierarchicalData, HierarchicalModel, HierarchicalPosterior } from './types.js';

/** What every hierarchical run takes. */
export interface RunOptions {
  draws: number;
  warmup: number;
  chains: number;
  seed: number;
  /** Individual draws kept for predictions, in all. */
  keep: number;
  /** Sweeps per kept draw. */
  thin: number;
  fields?: { readonly [field: string]: string } | undefined;
  /** Progress and cancellation, one tick per sweep. */
  progress?: ProgressOptions | undefined;
}

/** The summary as one row per customer (a `count` other than 1 is refused: each customer has their own latent rates). */
export function hierarchicalData(fn: string, summary: SummaryInput, o: { fields?: { readonly [field: string]: string } | undefined }, regularity: boolean) {
  const s = readSummary(summary, fn, { fields: o.fields, needRegularity: regularity });
  if (s.weight) {
    const i = s.weight.findIndex((w) => w !== 1);
    if (i >= 0) {
      throw new CustomerValueError('invalid_input', `${fn}: row ${i}: count must be 1 for a hierarchical model (each customer has their own latent rates; pass one row per customer), got ${s.weight[i]}`, [
        { code: 'invalid_weights', path: ['customers', i, 'count'], message: 'must be 1', value: s.weight[i] },
      ]);
    }
  }
  if (s.n < 2) throw new CustomerValueError('invalid_input', `${fn} requires at least 2 customers, got ${s.n}`);
  const data: HierarchicalData = {
    n: s.n,
    x: Float64Array.from(s.frequency),
    tx: Float64Array.from(s.recency),
    T: Float64Array.from(s.T),
    litt: regularity && s.logIntervalSum ? Float64Array.from(s.logIntervalSum) : new Float64Array(s.n),
  };
  const customerId = s.customerId ? Array.from(s.customerId) : Array.from({ length: s.n }, (_, i) => i);
  return { data, customerId, unit: summaryUnit(summary) };
}

/** Run the chains of `model` from `start` and assemble the posterior record. */
export function runHierarchical(model: HierarchicalModel, input: ReturnType<typeof hierarchicalData>, start: Float64Array, priors: Record<string, Prior>, o: RunOptions): HierarchicalPosterior {
  const { data } = input;
  const n = data.n;
  const names = model.cohortNames;
  const total = o.draws * o.chains;
  const sets = Math.min(o.keep, total);
  const keepAt = new Int32Array(total).fill(-1);
  for (let j = 0; j < sets; j++) keepAt[Math.floor((j * total) / sets)] = j;
  const individual = { sets, lambda: new Float32Array(sets * n), mu: new Float32Array(sets * n), k: new Float32Array(sets * n), tau: new Float32Array(sets * n) };
  const alive = new Float64Array(n);
  const lambda = new Float64Array(n);
  const mu = new Float64Array(n);
  const k = new Float64Array(n);
  const rng = new Random(o.seed);
  const perChain: Array<Record<string, Float64Array>> = [];
  const tick = progressTicker(o.progress ?? {}, o.chains * (o.warmup + o.draws * o.thin));
  for (let c = 0; c < o.chains; c++) {
    const state = model.init(data, start, rng);
    const columns = Object.fromEntries(names.map((name) => [name, new Float64Array(o.draws)]));
    for (let it = 0; it < o.warmup + o.draws * o.thin; it++) {
      model.sweep(state, data, rng);
      tick();
      if (it < o.warmup || (it - o.warmup + 1) % o.thin !== 0) continue;
      const d = (it - o.warmup + 1) / o.thin - 1;
      names.forEach((name, j) => ((columns[name] as Float64Array)[d] = state.cohort[j] as number));
      for (let i = 0; i < n; i++) {
        if ((state.tau[i] as number) > (data.T[i] as number)) alive[i] = (alive[i] as number) + 1;
        lambda[i] = (lambda[i] as number) + (state.lambda[i] as number);
        mu[i] = (mu[i] as number) + (state.mu[i] as number);
        k[i] = (k[i] as number) + (state.k[i] as number);
      }
      const slot = keepAt[c * o.draws + d] as number;
      if (slot >= 0) {
        individual.lambda.set(state.lambda, slot * n);
        individual.mu.set(state.mu, slot * n);
        individual.k.set(state.k, slot * n);
        individual.tau.set(state.tau, slot * n);
      }
    }
    perChain.push(columns);
  }
  for (const col of [alive, lambda, mu, k]) for (let i = 0; i < n; i++) col[i] = (col[i] as number) / total;
  const summaries = summarizeChains(names, perChain);
  const converged = names.every((name) => (summaries.rhat[name] as number) < 1.05 && (summaries.ess[name] as number) >= 100);
  const customers = withMeta({ customerId: input.customerId, probabilityAlive: alive, lambda, mu, k }, { length: n });
  return {
    kind: model.kind,
    chains: o.chains,
    drawsPerChain: o.draws,
    warmup: o.warmup,
    thin: o.thin,
    converged,
    priors,
    ...summaries,
    customers,
    individual,
    histories: { frequency: data.x, recency: data.tx, T: data.T },
    unit: input.unit,
  };
}
