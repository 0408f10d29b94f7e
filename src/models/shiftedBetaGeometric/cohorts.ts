/**
 * The sBG across cohorts: one fit per cohort, the pooled fit, and the test of whether the
 * cohorts differ.
 * @internal
 */
import { CustomerValueError, optionError } from '../../errors.js';
import { logGamma, logUpperGamma } from '../../math/special.js';
import type { FitOptions, FittedModel } from '../types.js';
import type { CohortCounts, RetentionInput } from './fit.js';

/** Input of the cohort fit: survivors per period (or lifetimes) of each named cohort. */
export interface CohortsInput {
  readonly cohorts: Readonly<Record<string, RetentionInput>>;
}

/** Options of the cohort fit. */
export interface CohortFitOptions extends Omit<FitOptions, 'weights' | 'fields'> {
  /** 'none' (default): one model per cohort; 'shared': one model for all, used for every cohort. */
  pooling?: 'none' | 'shared' | undefined;
}

/** Result of the cohort fit. */
export interface CohortRetentionFit {
  readonly pooling: 'none' | 'shared';
  /** Each cohort's model (with `pooling: 'shared'` the pooled one for all). */
  readonly cohorts: Readonly<Record<string, FittedModel<'sbg'>>>;
  /** The one model of all cohorts together. */
  readonly pooled: FittedModel<'sbg'>;
  /** Σ of the separate fits' log-likelihoods. */
  readonly separateLogLikelihood: number;
  /** Likelihood-ratio test of the pooled model inside the separate ones: 2 (LL_separate - LL_pooled) on 2 (K - 1) df. */
  readonly test: { readonly statistic: number; readonly df: number; readonly pValue: number };
}

/**
 * Fit the sBG to several cohorts (Fader & Hardie 2010 value a customer base cohort by
 * cohort): each cohort separately and all of them pooled into one model (their churn and
 * survivor counts by tenure added), with the likelihood-ratio test of the pooled model.
 * A small p-value says the cohorts retain differently, so pooling them would misstate
 * each cohort's retention and lifetime.
 */
export function fitCohorts(
  fn: string,
  input: CohortsInput,
  options: CohortFitOptions,
  read: (label: string, cohort: RetentionInput) => CohortCounts,
  fit: (counts: CohortCounts, options: Omit<FitOptions, 'weights' | 'fields'>) => FittedModel<'sbg'>,
): CohortRetentionFit {
  const pooling = options.pooling ?? 'none';
  if (pooling !== 'none' && pooling !== 'shared') optionError(fn, 'pooling', "must be 'none' or 'shared'", pooling);
  const names = typeof input.cohorts === 'object' && input.cohorts !== null ? Object.keys(input.cohorts) : [];
  if (names.length === 0) {
    throw new CustomerValueError('invalid_input', `${fn}: cohorts must be an object with at least one named cohort`, [{ code: 'invalid_cohort', path: ['cohorts'], message: 'no cohorts', value: input.cohorts }]);
  }
  const fitOptions = { ...options, pooling: undefined };
  const counts = names.map((name) => read(`cohort ${JSON.stringify(name)}`, input.cohorts[name] as RetentionInput));
  const separate = Object.fromEntries(names.map((name, k) => [name, fit(counts[k] as CohortCounts, fitOptions)]));
  const pooled = fit(mergeCounts(counts), fitOptions);
  const separateLogLikelihood = names.reduce((s, name) => s + (separate[name] as FittedModel<'sbg'>).logLikelihood, 0);
  const statistic = Math.max(0, 2 * (separateLogLikelihood - pooled.logLikelihood));
  const df = 2 * (names.length - 1);
  const pValue = df === 0 || statistic === 0 ? 1 : Math.min(1, Math.exp(logUpperGamma(df / 2, statistic / 2) - logGamma(df / 2)));
  const cohorts = pooling === 'shared' ? Object.fromEntries(names.map((name) => [name, pooled])) : separate;
  return { pooling, cohorts, pooled, separateLogLikelihood, test: { statistic, df, pValue } };
}

/** All cohorts' counts added by tenure: the pooled cohort. */
function mergeCounts(all: CohortCounts[]): CohortCounts {
  const add = (key: 'churnEntries' | 'censEntries'): Array<[number, number]> => {
    const m = new Map<number, number>();
    for (const c of all) for (const [t, k] of c[key]) m.set(t, (m.get(t) ?? 0) + k);
    return [...m.entries()];
  };
  return { churnEntries: add('churnEntries'), censEntries: add('censEntries'), n: all.reduce((s, c) => s + c.n, 0) };
}
