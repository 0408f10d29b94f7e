/**
 * samplePosterior: MCMC over the parameters of a registered purchase or spend model, or of
 * the two hierarchical models with individual-level rates.
 * @internal
 */
import * as z from 'zod/mini';
import { progressShape, progressTicker, type ProgressOptions } from '../progress.js';
import { fieldsOption, parseOptions, seedOption, wholeOption } from '../../data/options.js';
import { optionError } from '../../errors.js';
import { choleskyLower } from '../../math/linalg.js';
import { Random } from '../../math/random.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import { kindsOf, registry } from '../registry.js';
import type { FitOptions, FittedModel, ModelKind, ModelParams } from '../types.js';
import { adaptiveMetropolis } from './metropolis.js';
import { posteriorData } from './posteriorData.js';
import { resolvePriors, type Prior, type Priors } from './priors.js';
import { summarizeChains, type DrawSummaries } from './summarizeDraws.js';
import { HIERARCHICAL, type HierarchicalKind, type HierarchicalOptions, type HierarchicalPosterior } from './hierarchical.js';

/** Options of {@link samplePosterior}. */
export interface SamplePosteriorOptions extends HierarchicalOptions, ProgressOptions {
  /** A purchase or spend model kind, or 'pareto-nbd-hb' (Abe 2009) or 'pareto-ggg' (Platzer & Reutterer 2016). */
  model: ModelKind | HierarchicalKind;
  /** Kept draws per chain. Default 1000. */
  draws?: number | undefined;
  /** Warm-up (adaptation) iterations per chain, discarded. Default: as many as `draws`. */
  warmup?: number | undefined;
  /** Chains, each from its own over-dispersed start. Default 4. */
  chains?: number | undefined;
  /** Seed. Default 1. */
  seed?: number | undefined;
  /** Priors on the parameters (default: ln θ ~ Normal(0, 5²) each); see {@link Prior}. */
  priors?: Priors | undefined;
  /** Options of the maximum-likelihood fit the chains start from (e.g. `k` of the CNBD-k models). */
  fit?: (FitOptions & { readonly k?: number | undefined }) | undefined;
  /** Field names of the summary. */
  fields?: { readonly [field: string]: string } | undefined;
}

/** The posterior of a registered model's parameters. */
export interface PosteriorSample<K extends ModelKind = ModelKind> extends DrawSummaries {
  readonly kind: K;
  /** The posterior means: the record is itself a model record for every point prediction. */
  readonly params: ModelParams[K];
  /** The maximum-likelihood fit the chains started from. */
  readonly estimate: FittedModel<K>;
  readonly chains: number;
  readonly drawsPerChain: number;
  readonly warmup: number;
  /** Per chain, the share of proposals accepted after warm-up. */
  readonly acceptance: Float64Array;
  /** The priors used, by parameter. */
  readonly priors: Readonly<Record<string, Prior>>;
  /** Whole-number parameters held at their fitted value (the Erlang order k), by name. */
  readonly fixed: Readonly<Record<string, number>>;
  /**
   * True when every sampled parameter has split R-hat < 1.05 and an effective sample size of
   * at least 100: the chains agree and there are enough draws to summarize. False says run
   * longer chains, or that the posterior is improper (flat priors where the data do not
   * identify a parameter, e.g. Pareto/NBD's s and β growing together).
   */
  readonly converged: boolean;
}

export const posteriorSchema = z.looseObject({
  model: z.string({ error: 'must be a model kind' }),
  draws: z.optional(wholeOption(10, 1_000_000)),
  warmup: z.optional(wholeOption(0, 1_000_000)),
  chains: z.optional(wholeOption(1, 64)),
  seed: z.optional(seedOption),
  fields: z.optional(fieldsOption),
  ...progressShape,
});

/**
 * Draw from the posterior of a model's parameters by Markov chain Monte Carlo.
 *
 * For a registered purchase or spend model the target is p(θ | data) ∝ L(θ) p(θ), L the
 * model's likelihood of the (compressed) histories; the chains move on u = ln θ by adaptive
 * random-walk Metropolis (Haario et al. 2001; the proposal covariance learnt in warm-up and
 * the scale tuned to 23.4 % acceptance, then frozen), each started from the maximum-
 * likelihood estimate displaced by two standard errors in a random direction and proposing
 * first from the fit's Hessian. Priors are per parameter: log-normal, gamma or flat;
 * default ln θ ~ Normal(0, 5²), weakly informative on any time or currency unit. Reports
 * each parameter's mean, sd, quantiles, split R-hat and effective sample size (Gelman et
 * al. 2013, BDA3 §11.4-11.5) and the acceptance per chain. With flat priors and many
 * customers the posterior mean approaches the MLE and the sd the Hessian standard errors
 * (Bernstein-von Mises), which the tests check. Whole-number parameters (the CNBD-k
 * order k) are held at the fit's value, in `fixed`.
 *
 * The record carries `kind` and `params` (the posterior means), so it is a model record,
 * and its draws carry the uncertainty into {@link predictiveDistribution} and the interval
 * functions, which take it in place of a fit.
 *
 * With `model: 'pareto-nbd-hb'` or `'pareto-ggg'` it samples the hierarchical models with
 * individual-level rates instead (see {@link HierarchicalPosterior}).
 *
 * @example
 * ```ts
 * const post = samplePosterior(summary, { model: 'bg-nbd', chains: 4, draws: 1000, seed: 1 });
 * post.mean.r; post.quantiles.alpha['97.5%']; post.rhat.a; post.ess.b;
 * predictiveDistribution({ purchaseModel: post, customers: summary, horizon: 52 });
 * ```
 * @see Haario, H., Saksman, E., & Tamminen, J. (2001). An adaptive Metropolis algorithm. Bernoulli, 7(2), 223-242.
 * @see Gelman, A., Carlin, J. B., Stern, H. S., Dunson, D. B., Vehtari, A., & Rubin, D. B. (2013). Bayesian Data Analysis (3rd ed.), §11.4-11.5.
 */
export function samplePosterior(summary: SummaryInput, options: SamplePosteriorOptions & { model: HierarchicalKind }): HierarchicalPosterior;
export function samplePosterior<K extends ModelKind>(summary: SummaryInput, options: SamplePosteriorOptions & { model: K }): PosteriorSample<K>;
export function samplePosterior(summary: SummaryInput, options: SamplePosteriorOptions): PosteriorSample | HierarchicalPosterior {
  const fn = 'samplePosterior';
  const o = parseOptions(fn, posteriorSchema, options) as SamplePosteriorOptions;
  const hierarchical = HIERARCHICAL[o.model as HierarchicalKind];
  if (hierarchical) return hierarchical(summary, o);
  const kinds: string[] = [...kindsOf('purchase'), ...kindsOf('spend')];
  if (!kinds.includes(o.model)) optionError(fn, 'model', `must be one of ${[...kinds, ...Object.keys(HIERARCHICAL)].map((k) => `'${k}'`).join(', ')}`, o.model);
  const kind = o.model as ModelKind;
  const spec = registry[kind];
  const { estimate, data, logLikelihood } = posteriorData(fn, spec as never, summary, o);
  const whole = spec.wholeParams ?? {};
  const names = spec.params.filter((n) => !(n in whole));
  const fitted = estimate.params as unknown as Record<string, number>;
  const fixed = Object.fromEntries(spec.params.filter((n) => n in whole).map((n) => [n, fitted[n] as number]));
  const { priors, logPriors } = resolvePriors(fn, names, o.priors);
  const d = names.length;
  const params: Record<string, number> = { ...fixed };
  const logDensity = (u: Float64Array): number => {
    let lp = 0;
    for (let j = 0; j < d; j++) {
      // the support is truncated to |ln θ| <= 50, so a chain on an improper flat posterior stays finite (and its R-hat shows it)
      if (!(Math.abs(u[j] as number) <= 50)) return -Infinity;
      const v = Math.exp(u[j] as number);
      params[names[j] as string] = v;
      lp += (logPriors[j] as (u: number) => number)(u[j] as number);
    }
    const ll = logLikelihood(params, data);
    return Number.isFinite(ll) && Number.isFinite(lp) ? ll + lp : -Infinity;
  };
  const center = Float64Array.from(names, (n) => Math.log(fitted[n] as number));
  const L0 = startProposal(estimate, spec.params, names);
  const chains = o.chains ?? 4;
  const draws = o.draws ?? 1000;
  const warmup = o.warmup ?? draws;
  const rng = new Random(o.seed ?? 1);
  const acceptance = new Float64Array(chains);
  const tick = progressTicker(o, chains * (warmup + draws));
  const perChain = Array.from({ length: chains }, (_, c) => {
    const start = overdispersedStart(center, L0, rng, logDensity);
    const chain = adaptiveMetropolis(logDensity, start, L0, warmup, draws, rng, tick);
    acceptance[c] = chain.acceptance;
    const columns: Record<string, Float64Array> = {};
    names.forEach((n, j) => (columns[n] = Float64Array.from({ length: draws }, (_, i) => chain.values[i * d + j] as number).map(Math.exp)));
    for (const [n, v] of Object.entries(fixed)) columns[n] = new Float64Array(draws).fill(v);
    return columns;
  });
  const summaries = summarizeChains(names, perChain);
  const draws_ = { ...summaries.draws, ...Object.fromEntries(Object.entries(fixed).map(([n, v]) => [n, new Float64Array(draws * chains).fill(v)])) };
  const mean = { ...summaries.mean, ...fixed };
  const ordered = Object.fromEntries(spec.params.map((n) => [n, mean[n] as number]));
  const converged = names.every((n) => (summaries.rhat[n] as number) < 1.05 && (summaries.ess[n] as number) >= 100);
  return { kind, params: ordered as never, estimate: estimate as never, chains, drawsPerChain: draws, warmup, acceptance, priors, fixed, converged, ...summaries, draws: draws_, mean };
}

/** The fit's covariance of ln θ (Cov_ij / θ_i θ_j) over the sampled parameters, factored; 0.1·I when the fit has none. */
function startProposal(estimate: FittedModel, all: readonly string[], names: readonly string[]): Float64Array {
  const d = names.length;
  const cov = estimate.covariance;
  const p = estimate.params as unknown as Record<string, number>;
  const scaled = new Float64Array(d * d);
  names.forEach((a, i) =>
    names.forEach((b, j) => {
      const v = cov?.[all.indexOf(a)]?.[all.indexOf(b)];
      scaled[i * d + j] = typeof v === 'number' ? v / ((p[a] as number) * (p[b] as number)) : Number.NaN;
    }),
  );
  const L = choleskyLower(scaled, d);
  if (L && L.every(Number.isFinite)) return L;
  const fallback = new Float64Array(d * d);
  for (let i = 0; i < d; i++) fallback[i * d + i] = 0.1;
  return fallback;
}

/** The MLE displaced by 2 L z (about two standard errors), redrawn until the density is finite, else the MLE. */
function overdispersedStart(center: Float64Array, L: Float64Array, rng: Random, logDensity: (u: Float64Array) => number): Float64Array {
  const d = center.length;
  for (let attempt = 0; attempt < 20; attempt++) {
    const z = Float64Array.from(center, () => rng.normal());
    const u = Float64Array.from(center);
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += (L[i * d + j] as number) * (z[j] as number);
      u[i] = (u[i] as number) + 2 * s;
    }
    if (Number.isFinite(logDensity(u))) return u;
  }
  return Float64Array.from(center);
}
