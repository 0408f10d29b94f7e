import type { TimeUnit } from '../data/days.js';
import type { CovariatesOption } from '../data/covariates.js';
import type { Coefficients } from './covariates/links.js';

/**
 * Every model kind with its parameters and role: `purchase` (transaction counts), `spend`
 * (value per transaction) or `retention` (contractual). The registry (`models/registry.ts`)
 * holds one spec per entry; TypeScript checks that the two agree.
 */
export interface ModelRegistry {
  'bg-nbd': { role: 'purchase'; params: { r: number; alpha: number; a: number; b: number } };
  'pareto-nbd': { role: 'purchase'; params: { r: number; alpha: number; s: number; beta: number } };
  'mbg-nbd': { role: 'purchase'; params: { r: number; alpha: number; a: number; b: number } };
  'bg-bb': { role: 'purchase'; params: { alpha: number; beta: number; gamma: number; delta: number } };
  'gamma-gamma': { role: 'spend'; params: { p: number; q: number; v: number } };
  sbg: { role: 'retention'; params: { alpha: number; beta: number } };
  nbd: { role: 'purchase'; params: { r: number; alpha: number } };
  'bg-cnbd-k': { role: 'purchase'; params: { k: number; r: number; alpha: number; a: number; b: number } };
  'mbg-cnbd-k': { role: 'purchase'; params: { k: number; r: number; alpha: number; a: number; b: number } };
  'ggom-nbd': { role: 'purchase'; params: { r: number; alpha: number; b: number; s: number; beta: number } };
  bdw: { role: 'retention'; params: { alpha: number; beta: number; c: number } };
}

export type ModelKind = keyof ModelRegistry;

/** Parameters of each model, by `kind`. */
export type ModelParams = { [K in ModelKind]: ModelRegistry[K]['params'] };

/** The kinds of one role. */
export type KindOfRole<R extends string> = { [K in ModelKind]: ModelRegistry[K]['role'] extends R ? K : never }[ModelKind];

/** The purchase (transaction-count) models. */
export type PurchaseModelKind = KindOfRole<'purchase'>;
/** The spend models. */
export type SpendModelKind = KindOfRole<'spend'>;
/** The contractual retention models. */
export type RetentionModelKind = KindOfRole<'retention'>;

/**
 * A model: a plain JSON-serializable record. Only `kind` and `params` are required, so a
 * record written by hand (`{ kind: 'bg-nbd', params: { r, alpha, a, b } }`) works in every
 * prediction function.
 */
export interface Model<K extends ModelKind = ModelKind> {
  readonly kind: K;
  readonly params: ModelParams[K];
  /** Time unit of the data the model was fitted on (informational; predictions use the same unit). */
  readonly unit?: TimeUnit | undefined;
  /**
   * Static covariate coefficients (Pareto/NBD, BG/NBD, Gamma-Gompertz/NBD fitted with
   * `covariates`), by process and covariate name. A model with coefficients predicts for
   * customers given with their covariates (`covariates` option) or, for a new customer,
   * a `profile` of covariate values.
   */
  readonly coefficients?: Coefficients | undefined;
  /**
   * Correlation of the purchase and dropout rates (Pareto/NBD fitted with
   * `correlation: true`): the Sarmanov ω and the implied Corr(λ, μ), `rho`. Predictions
   * then mix the model's four Sarmanov components with each customer's posterior weights.
   */
  readonly correlation?: RateCorrelation | undefined;
}

/** The correlation of a Pareto/NBD's purchase and dropout rates (Sarmanov family). */
export interface RateCorrelation {
  /** The Sarmanov ω (CLVTools' `param.m`). */
  readonly omega: number;
  /** Corr(λ, μ) implied by ω and the parameters (informational; predictions read ω). */
  readonly rho?: number | undefined;
  readonly omegaStandardError?: number | undefined;
  /** Standard error of rho by the delta method. */
  readonly rhoStandardError?: number | undefined;
}

/** A fitted model: the record plus the fit's diagnostics. */
export interface FittedModel<K extends ModelKind = ModelKind> extends Model<K> {
  /** Maximized log-likelihood (without the penalty). */
  readonly logLikelihood: number;
  /**
   * Standard errors of the parameters, from the inverse Hessian of the negative
   * log-likelihood (Richardson-extrapolated central differences, accurate to about 1e-6;
   * delta method from log space). NaN when the Hessian is not positive definite, which
   * `warnings` then explains.
   */
  readonly standardErrors: { readonly [P in keyof ModelParams[K]]: number };
  /**
   * Covariance matrix of the parameters (natural scale, rows and columns in `params` key
   * order), the inverse Hessian by the delta method; used for parameter-uncertainty
   * intervals. NaN entries when the Hessian is not positive definite.
   */
  readonly covariance: number[][];
  /**
   * True when the optimizer reached a maximum and the data identify every parameter; false
   * when it stopped early or the likelihood is flat along some combination of parameters
   * (see `warnings`).
   */
  readonly converged: boolean;
  readonly iterations: number;
  /** Why the optimizer stopped, or what is not identified. */
  readonly message: string;
  /**
   * What the fit could not determine, e.g. "s and beta grow together along a flat ridge of
   * the likelihood: only s/beta = 0.0081 is identified"; empty for a well-identified fit.
   * A combination counts as not identified when its standard error on the log scale exceeds
   * 10.
   */
  readonly warnings: readonly string[];
  /** Number of observations (customers, or the sum of the weights). */
  readonly n: number;
  /** Akaike information criterion, -2 LL + 2 k. */
  readonly aic: number;
  /** Bayesian information criterion, -2 LL + k ln n. */
  readonly bic: number;
  /** The L2 penalty used (0: none). */
  readonly l2: number;
  /** Standard errors of `coefficients` (same shape), for a fit with covariates. */
  readonly coefficientStandardErrors?: Coefficients | undefined;
  /** Covariates whose coefficient is shared by both processes (`covariates.constrain`). */
  readonly constrained?: readonly string[] | undefined;
  /**
   * For a fit with covariates, the rows of `covariance`: the parameters, then
   * 'purchase.<name>', 'dropout.<name>' and 'both.<name>' (constrained) coefficients.
   */
  readonly covarianceNames?: readonly string[] | undefined;
}

export type BgNbdModel = Model<'bg-nbd'>;
export type ParetoNbdModel = Model<'pareto-nbd'>;
export type ModifiedBgNbdModel = Model<'mbg-nbd'>;
export type BgBbModel = Model<'bg-bb'>;
export type GammaGammaModel = Model<'gamma-gamma'>;
export type ShiftedBetaGeometricModel = Model<'sbg'>;
export type NbdModel = Model<'nbd'>;
export type BgCnbdModel = Model<'bg-cnbd-k'>;
export type ModifiedBgCnbdModel = Model<'mbg-cnbd-k'>;
export type GammaGompertzNbdModel = Model<'ggom-nbd'>;
export type BetaDiscreteWeibullModel = Model<'bdw'>;
/** Any purchase model. */
export type PurchaseModel = Model<PurchaseModelKind>;
/** Any spend model. */
export type SpendModel = Model<SpendModelKind>;
/** Any retention model. */
export type RetentionModel = Model<RetentionModelKind>;

/** Options shared by every fitter. */
export interface FitOptions {
  /** Starting values of the parameters (natural scale). Default: a model-specific guess. */
  initialParams?: Readonly<Record<string, number>> | undefined;
  /** L2 penalty: the fit maximizes LL - l2 * sum(param^2). Default 0. */
  l2?: number | undefined;
  /** Row weights (multiplicities); a `count` column on the summary does the same. */
  weights?: ArrayLike<number> | undefined;
  /** Maximum BFGS iterations. Default 500. */
  maxIterations?: number | undefined;
  /** Field names of the summary columns, e.g. `{ T: 'periods', count: 'weights' }`. */
  fields?: { readonly [field: string]: string } | undefined;
  /**
   * Static covariates (Pareto/NBD, BG/NBD, Gamma-Gompertz/NBD): a table joined to the
   * summary by `customerId`, the columns acting on each process, and covariates whose
   * effect is constrained to be equal in both (`constrain`). With covariates, `l2`
   * penalizes the coefficients only and `initialParams` may name coefficients
   * ('purchase.<name>', 'dropout.<name>', 'both.<name>').
   */
  covariates?: CovariatesOption | undefined;
  /**
   * Pareto/NBD only: also fit the correlation of the purchase and dropout rates (CLVTools'
   * `use.cor`, the Sarmanov family). Default false.
   */
  correlation?: boolean | undefined;
}
