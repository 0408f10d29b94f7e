/**
 * The shapes shared by the hierarchical samplers (Pareto/NBD (Abe) and Pareto/GGG).
 * @internal
 */
import type { TimeUnit } from '../../data/days.js';
import type { Random } from '../../math/random.js';
import type { DrawSummaries } from '../posterior/summarizeDraws.js';
import type { Prior } from '../posterior/priors.js';

export type HierarchicalKind = 'pareto-nbd-hb' | 'pareto-ggg';

/** The customers a hierarchical model is sampled on, one row each. */
export interface HierarchicalData {
  readonly n: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Σ ln(inter-purchase times); zeros where the model does not read it. */
  readonly litt: Float64Array;
}

/** One chain's state: every customer's latent rates and lifetime, and the cohort-level parameters. */
export interface HierarchicalState {
  readonly lambda: Float64Array;
  readonly mu: Float64Array;
  /** Regularity k_i (all 1 for the Pareto/NBD models). */
  readonly k: Float64Array;
  /** Lifetime τ_i (alive at T when τ_i > T). */
  readonly tau: Float64Array;
  /** Cohort-level parameters in the model's `cohortNames` order. */
  readonly cohort: Float64Array;
}

/** A hierarchical model as the runner drives it. */
export interface HierarchicalModel {
  readonly kind: HierarchicalKind;
  readonly title: string;
  /** Names of the cohort-level parameters. */
  readonly cohortNames: readonly string[];
  /** A chain's starting state (the cohort parameters over-dispersed around `start`). */
  init(data: HierarchicalData, start: Float64Array, rng: Random): HierarchicalState;
  /** One Gibbs sweep: every customer's latent quantities, then the cohort-level parameters. */
  sweep(state: HierarchicalState, data: HierarchicalData, rng: Random): void;
}

/** Per customer, in input order: posterior means of the latent quantities. */
export interface HierarchicalCustomers {
  readonly customerId: unknown[];
  /** P(alive at T | history): the posterior mean of the indicator τ_i > T. */
  readonly probabilityAlive: Float64Array;
  /** Posterior means of the purchase rate λ_i, the dropout rate μ_i and the regularity k_i (1 for Pareto/NBD). */
  readonly lambda: Float64Array;
  readonly mu: Float64Array;
  readonly k: Float64Array;
  readonly length: number;
}

/** Draws of every customer's latent quantities kept for predictions: `sets` rows of n values each. */
export interface IndividualDraws {
  readonly sets: number;
  readonly lambda: Float32Array;
  readonly mu: Float32Array;
  readonly k: Float32Array;
  readonly tau: Float32Array;
}

/** The posterior of a hierarchical model: cohort-level summaries (the DrawSummaries) and per customer results. */
export interface HierarchicalPosterior extends DrawSummaries {
  readonly kind: HierarchicalKind;
  readonly chains: number;
  readonly drawsPerChain: number;
  readonly warmup: number;
  /** Gibbs sweeps per kept draw. */
  readonly thin: number;
  /** True when every cohort-level parameter has split R-hat < 1.05 and ESS >= 100. */
  readonly converged: boolean;
  readonly priors: Readonly<Record<string, Prior>>;
  readonly customers: HierarchicalCustomers;
  /** Kept draws of each customer's λ, μ, k and τ (evenly spaced through all chains), for {@link predictiveDistribution}. */
  readonly individual: IndividualDraws;
  /** The histories sampled on (frequency, recency, T), to match customers in predictions. */
  readonly histories: { readonly frequency: Float64Array; readonly recency: Float64Array; readonly T: Float64Array };
  readonly unit: TimeUnit | undefined;
}
