import { CustomerValueError, describeValue, optionsObject } from '../../errors.js';
import { fitLikelihood } from '../fit.js';
import { logChurnAt, logSurvival } from './likelihood.js';
import type { FitOptions, FittedModel } from '../types.js';
import { fitCohorts, type CohortFitOptions, type CohortRetentionFit, type CohortsInput } from './cohorts.js';

/**
 * Input of {@link fitShiftedBetaGeometric}: customers alive at the start of each period
 * (`[1000, 631, 468, ...]`, the first entry the cohort size), or per-customer lifetimes
 * in periods with a censoring flag (`censored[i]` true: still a customer after
 * `lifetime[i]` periods; false: churned in period `lifetime[i]`, counting from 1).
 */
export type RetentionInput =
  | ArrayLike<number>
  | { readonly lifetime: ArrayLike<number>; readonly censored: ArrayLike<boolean | number> };

function isColumn(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

/**
 * A cohort's churn counts per period (t >= 1) and censored counts (still customers after t
 * periods), from either input form; errors name the row. @internal
 */
/** Churn counts by period, survivor counts by tenure and the cohort size. @internal */
export interface CohortCounts {
  churnEntries: Array<[number, number]>;
  censEntries: Array<[number, number]>;
  n: number;
}

export function readCohort(fn: string, cohort: RetentionInput): CohortCounts {
  // churn[t] customers churned in period t (t >= 1), censored[t] still active after t periods
  const churn = new Map<number, number>();
  const cens = new Map<number, number>();
  let n = 0;
  const bad = (message: string, path: Array<string | number>, value: unknown): never => {
    throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [{ code: 'invalid_cohort', path, message, value }]);
  };
  if (typeof cohort !== 'object' || cohort === null || !('length' in cohort || 'lifetime' in cohort)) {
    bad(`needs customers alive per period or { lifetime, censored }, got ${describeValue(cohort)}`, ['cohort'], cohort);
  }
  if ('lifetime' in cohort) {
    const { lifetime, censored } = cohort;
    if (!isColumn(lifetime) || !isColumn(censored)) bad('lifetime and censored must both be arrays', ['cohort'], cohort);
    if (lifetime.length !== censored.length) bad(`lifetime and censored must have the same length, got ${lifetime.length} and ${censored.length}`, ['cohort'], cohort);
    for (let i = 0; i < lifetime.length; i++) {
      const t = lifetime[i];
      const c = Boolean(censored[i]);
      if (typeof t !== 'number' || !Number.isInteger(t) || t < (c ? 0 : 1)) {
        bad(`row ${i}: lifetime must be a whole number of periods (>= 1 when churned), got ${describeValue(t)}`, ['cohort', i, 'lifetime'], t);
      }
      const m = c ? cens : churn;
      m.set(t as number, (m.get(t as number) ?? 0) + 1);
      n++;
    }
  } else {
    const alive = cohort as ArrayLike<number>;
    if (!(alive.length >= 2)) bad(`needs the cohort size and at least one later count, got ${alive.length} values`, ['cohort'], alive);
    for (let t = 0; t < alive.length; t++) {
      const v = alive[t] as number;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (t > 0 && v > (alive[t - 1] as number))) {
        bad(`row ${t}: customers alive must be finite, >= 0 and non-increasing, got ${describeValue(v)}`, ['cohort', t], v);
      }
      if (t > 0) churn.set(t, (alive[t - 1] as number) - v);
    }
    cens.set(alive.length - 1, alive[alive.length - 1] as number);
    n = alive[0] as number;
  }
  if (!(n > 0)) bad('needs at least one customer', ['cohort'], cohort);
  const churnEntries = [...churn.entries()].filter(([, c]) => c > 0);
  const censEntries = [...cens.entries()].filter(([, c]) => c > 0);
  if (churnEntries.length === 0) bad('needs at least one churned customer: with none the likelihood has no maximum', ['cohort'], cohort);
  return { churnEntries, censEntries, n };
}

/**
 * Fit the shifted-beta-geometric model of contractual retention (Fader & Hardie 2007).
 *
 * Each customer churns at the end of each period with probability θ, θ ~ Beta(α, β)
 * across customers, so P(T = t) = B(α+1, β+t-1)/B(α,β) and S(t) = B(α, β+t)/B(α,β); the
 * retention rate (β+t-1)/(α+β+t-1) rises with t as the riskier customers leave. From
 * survivors n_0 >= n_1 >= ... >= n_k the log-likelihood is (eq. 7)
 * Σ_{t=1}^{k} (n_{t-1} - n_t) ln P(T = t) + n_k ln S(k).
 *
 * Several cohorts at once: `fitShiftedBetaGeometric({ cohorts: { a: [...], b: [...] } }, { pooling })`
 * fits each cohort and all of them pooled (their counts added by tenure), and tests the
 * pooled model inside the separate ones (2 (LL_separate - LL_pooled) on 2 (K - 1) df);
 * `cohorts[name]` is each cohort's model (`pooling: 'shared'`: the pooled one).
 *
 * On the "high end" and "regular" cohorts of the paper (1,000 customers, years 0-7) it gives
 * α = 0.668, β = 3.806 and α = 0.704, β = 1.182.
 *
 * @example
 * ```ts
 * const model = fitShiftedBetaGeometric([1000, 869, 743, 653, 593, 551, 517, 491]);
 * survivalCurve(model, 12); // S(0..12)
 * ```
 * @see Fader, P. S., & Hardie, B. G. S. (2007). How to Project Customer Retention. Journal of
 * Interactive Marketing, 21(1), 76-90.
 */
export function fitShiftedBetaGeometric(cohort: RetentionInput, options?: Omit<FitOptions, 'weights' | 'fields'>): FittedModel<'sbg'>;
export function fitShiftedBetaGeometric(cohorts: CohortsInput, options?: CohortFitOptions): CohortRetentionFit;
export function fitShiftedBetaGeometric(cohort: RetentionInput | CohortsInput, options: CohortFitOptions = {}): FittedModel<'sbg'> | CohortRetentionFit {
  const fn = 'fitShiftedBetaGeometric';
  if (typeof cohort === 'object' && cohort !== null && 'cohorts' in cohort) return fitCohorts(fn, cohort, optionsObject(fn, options), (label, c) => readCohort(`${fn}: ${label}`, c), (counts, o) => fitCounts(fn, counts, o));
  return fitCounts(fn, readCohort(fn, cohort), options);
}

/** The sBG fit of churn and survivor counts by tenure (eq. 7). @internal */
export function fitCounts(fn: string, counts: CohortCounts, options: Omit<FitOptions, 'weights' | 'fields'>): FittedModel<'sbg'> {
  const { churnEntries, censEntries, n } = counts;
  return fitLikelihood(
    {
      kind: 'sbg',
      fn,
      names: ['alpha', 'beta'],
      start: [1, 1],
      n,
      analyticGradient: false,
      logLik: (theta) => {
        const p = { alpha: theta[0] as number, beta: theta[1] as number };
        let ll = 0;
        for (const [t, c] of churnEntries) ll += c * logChurnAt(p, t);
        for (const [t, c] of censEntries) ll += c * logSurvival(p, t);
        return ll;
      },
    },
    options,
  );
}
