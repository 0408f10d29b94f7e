/**
 * What a model folder registers: its parameters, likelihood and prediction capabilities.
 * Generic code (predictions, CLV, intervals, diagnostics) asks the registry for a spec and
 * calls these; it never branches on a model kind.
 * @internal
 */
import type { HistoryData } from '../data/histories.js';
import type { CovariateLinks } from './covariates/links.js';
import type { CovariateFit } from './covariates/fit.js';
import type { Random } from '../math/random.js';
import type { FitOptions, FittedModel } from './types.js';
import type { SummaryInput } from '../summary/readSummary.js';
import type { SimulateOptions, SimulatedCustomers, SimulatedSpend, SimulatedCohort } from './simulation.js';

/** What every spec has. */
export interface ModelSpecBase<P> {
  /** The `kind` of the model records. */
  readonly kind: string;
  /** Name for messages, e.g. 'BG/NBD'. */
  readonly title: string;
  /** Parameter names in `params` order (also the order of `covariance`). */
  readonly params: ReadonlyArray<keyof P & string>;
  /** A valid parameter set (the published estimates): what the contract tests and docs use. */
  readonly example: Readonly<P>;
  /**
   * Parameters that are whole numbers, with their least and greatest value (e.g. the
   * Erlang order k of the CNBD-k models); every other parameter is a finite number > 0.
   */
  readonly wholeParams?: { readonly [name: string]: readonly [number, number] };
}

/**
 * One mixing distribution of a model's heterogeneity: how a rate (gamma, shape and rate) or a
 * probability (beta) varies across customers, for the heterogeneity charts.
 */
export type MixingDistribution =
  | { readonly process: 'purchase' | 'dropout'; readonly variable: string; readonly family: 'gamma'; readonly shape: number; readonly rate: number }
  | { readonly process: 'purchase' | 'dropout'; readonly variable: string; readonly family: 'beta'; readonly a: number; readonly b: number };

/**
 * A purchase (transaction-count) model. Every conditional quantity factors as
 * P(alive | x, t_x, T) times a part that depends on (x, T) only, which generic code computes
 * once per distinct pair; a model whose part also depends on t_x (the time since the last
 * purchase matters for Erlang-k timing) says so with `recencyMatters`.
 */
export interface PurchaseModelSpec<P> extends ModelSpecBase<P> {
  readonly role: 'purchase';
  /** True when time is counted in whole opportunities (BG/BB): no unit conversion, integer t. */
  readonly discrete: boolean;
  /** Weighted log-likelihood of histories. */
  logLikelihood(p: P, data: HistoryData): number;
  /** True when the likelihood at these parameters needs the summary's `logIntervalSum` column (`data.litt`). */
  needsRegularity?(p: P): boolean;
  /** E[X(t)] of a new customer. */
  expected(p: P, t: number): number;
  /** P(X(t) = n) of a new customer. */
  pmf(p: P, n: number, t: number): number;
  /** P(alive at the end of observation | x, t_x, T). */
  alive(p: P, x: number, tx: number, T: number): number;
  /**
   * P(alive) of customers from..to-1 into out (a hot path); optional. It checks each
   * history with `isValidHistory` in the same loop and returns false when one is not valid
   * (the caller then validates the input to report it).
   */
  aliveMany?(p: P, X: ArrayLike<number>, TX: ArrayLike<number>, TT: ArrayLike<number>, out: Float64Array, from: number, to: number): boolean;
  /**
   * E[Y(t) | alive, x, T]: the conditional expectation without the P(alive) factor. `tx` is
   * read only by models whose `recencyMatters`.
   */
  bracket(p: P, x: number, T: number, t: number, tx: number): number;
  /** P(no dropout in the next t | alive at T, x, T): P(alive ahead) = alive · survivalAhead. */
  survivalAhead(p: P, x: number, T: number, t: number, tx: number): number;
  /**
   * Why (x, t_x, T) is not a history this model can produce beyond the common summary rules
   * (undefined when it is); predictions and the fitter report it by row. Optional.
   */
  historyProblem?(x: number, tx: number, T: number): string | undefined;
  /** Whether `bracket` and `survivalAhead` depend on t_x at these parameters (default: never). */
  recencyMatters?(p: P): boolean;
  /** How static covariates scale the parameters, for the models that take covariates. */
  readonly covariateLinks?: CovariateLinks;
  /** The distributions of the purchase and dropout heterogeneity at these parameters (charts); optional. */
  mixing?(p: P): readonly MixingDistribution[];
  /**
   * The log-likelihood of fixed histories as a function of the natural parameters (in
   * `params` order), filling the analytic gradient when `grad` is given; optional (the
   * covariate fit differentiates `logLikelihood` numerically without it).
   */
  likelihoodOf?(data: HistoryData): (theta: Float64Array, grad?: Float64Array) => number;
  /**
   * Correlated purchase and dropout rates (Pareto/NBD's Sarmanov family): the prior as a
   * signed mixture of components of the same model, the bounds of ω, and one history's
   * log-likelihood (for the posterior weights of the components).
   */
  readonly correlation?: {
    components(p: P, omega: number): Array<{ p: P; w: number }>;
    bounds(p: P): [number, number];
    rowLogLikelihood(p: P, x: number, tx: number, T: number): number;
    /** The fit with static covariates and ω (`covariates` with `correlation: true`); here, so other models' fits do not carry it. */
    fitWithCovariates(fn: string, c: CovariateFit): FittedModel;
  };
  /**
   * P(Y(t) = n | x, t_x, T): exactly n purchases in the next t given the history, as
   * P(alive) times the pmf of a new customer at the parameters given alive (the posterior
   * of the rates), plus P(dead) at n = 0. Optional (models without it refuse).
   */
  conditionalPmf?(p: P, n: number, x: number, tx: number, T: number, t: number): number;
  /**
   * Draw the future of a customer alive at T over the next t from the posterior of the
   * rates given alive: calls `onPurchase(τ)` for each purchase at τ in (0, t] after T and
   * returns their count (the predictive distribution's process noise). Optional.
   */
  drawFuture?(p: P, x: number, T: number, t: number, rng: Random, onPurchase: (tau: number) => void, tx: number): number;
  /** Discounted expected residual purchases in closed form, continuous rate δ; only where one exists. */
  discountedPurchases?(p: P, x: number, tx: number, T: number, delta: number): number;
  /** The public fitter. */
  fit(summary: SummaryInput, options?: FitOptions): FittedModel;
  /** Draw customers from the model. */
  simulate(p: P, options: SimulateOptions): SimulatedCustomers;
}

/** A spend (value per transaction) model. */
export interface SpendModelSpec<P> extends ModelSpecBase<P> {
  readonly role: 'spend';
  /** Weighted log-likelihood of mean spend `m` of `x` transactions (repeat customers). */
  logLikelihood(p: P, data: HistoryData): number;
  /** E[value of a future transaction | x transactions with mean m]. */
  conditionalSpend(p: P, x: number, m: number): number;
  /** Density across customers of the mean value of their transactions (their spend level), at z > 0; optional (charts). */
  spendLevelDensity?(p: P, z: number): number;
  /**
   * Draws of one customer's future purchase values: `drawLevel` their spend level from the
   * posterior given x purchases with mean m, `drawValue` one purchase's value at that level;
   * the values' mean is `conditionalSpend`. Optional together (the predictive distribution
   * then values each purchase at `conditionalSpend`).
   */
  drawLevel?(p: P, x: number, m: number, rng: Random): number;
  drawValue?(p: P, level: number, rng: Random): number;
  fit(summary: SummaryInput, options?: FitOptions): FittedModel;
  simulate(p: P, options: { frequency: ArrayLike<number>; seed?: number | undefined }): SimulatedSpend;
}

/** A contractual retention model. */
export interface RetentionModelSpec<P> extends ModelSpecBase<P> {
  readonly role: 'retention';
  /** ln S(t): the share of a cohort still customers after t periods. */
  logSurvival(p: P, t: number): number;
  /** Retention rate r_t = S(t) / S(t-1). */
  retention(p: P, t: number): number;
  /** Σ_{t>=0} S(t + n)/S(n) / (1+d)^t: the discounted expected (residual) lifetime after n renewals, d > 0. */
  discountedLifetime(p: P, d: number, renewals: number): number;
  /** The same undiscounted (Infinity when it diverges). */
  expectedLifetime(p: P, renewals: number): number;
  /** `discountedLifetime` with every customer's per-period retention probability raised by the share `lift` (capped at 1), d > 0. */
  liftedLifetime(p: P, d: number, renewals: number, lift: number): number;
  simulate(p: P, options: { customers: number; periods: number; seed?: number | undefined }): SimulatedCohort;
}

/** Any registered spec. */
export type ModelSpec<P = Record<string, number>> = PurchaseModelSpec<P> | SpendModelSpec<P> | RetentionModelSpec<P>;

/**
 * The part of a purchase model's record that its fits read (the covariate fit among them):
 * no predictions and no simulator, so a bundle of a fitter does not carry them. Each
 * covariate model's folder exports one, and its full record spreads it.
 */
export type FitSpec<P> = Pick<PurchaseModelSpec<P>, 'kind' | 'title' | 'role' | 'params' | 'example' | 'discrete' | 'logLikelihood' | 'covariateLinks' | 'likelihoodOf' | 'correlation' | 'fit'>;

