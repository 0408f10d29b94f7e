import { withMeta } from '../../data/columns.js';
import { logGamma, logUpperGamma } from '../../math/special.js';
import * as z from 'zod/mini';
import { parseOptions, wholeOption } from '../../data/options.js';

/** Buckets at most: the work is a pmf per bucket and distinct T. */
export const MAX_HISTOGRAM_FREQUENCY = 1000;

const schema = z.looseObject({ maxFrequency: z.optional(wholeOption(1, MAX_HISTOGRAM_FREQUENCY, ' (a pmf per bucket and distinct T)')) });
import type { SummaryInput } from '../../summary/readSummary.js';
import { type PredictionCovariates, customerGroups, priorComponents } from '../covariates/resolve.js';
import type { PurchaseModelSpec } from '../spec.js';
import type { PurchaseModel } from '../types.js';

/**
 * Actual versus expected number of customers by number of repeat transactions in the
 * calibration period (the classic fit check of Fader, Hardie & Lee 2005, Figure 2): for
 * n = 0 .. maxFrequency - 1 and a last bucket "maxFrequency or more", the count of
 * customers with that frequency and the model's expectation Σ_i P(X(T_i) = n), using each
 * customer's own T; `maxFrequency` at most 1,000. `repeatTransactionHistogram` is the same function under its first name.
 *
 * For a model fitted with covariates, `options.covariates` gives the customers' covariates
 * and each customer's pmf is at their own parameters; for correlated rates, the prior
 * mixture of the Sarmanov components.
 *
 * @example
 * ```ts
 * repeatPurchaseHistogram(model, summary, { maxFrequency: 7 });
 * // { frequency: [0..7], label: ['0', ..., '7+'], actual, expected }
 * ```
 */
export function repeatPurchaseHistogram(
  model: PurchaseModel,
  summary: SummaryInput,
  options: { maxFrequency?: number | undefined; covariates?: PredictionCovariates | undefined } = {},
): { frequency: Int32Array; label: string[]; actual: Float64Array; expected: Float64Array; readonly length: number; readonly chiSquared: ChiSquaredFit } {
  const fn = 'repeatPurchaseHistogram';
  const o = parseOptions(fn, schema, options) as { maxFrequency?: number; covariates?: PredictionCovariates };
  const max = o.maxFrequency ?? 7;
  const { c, spec, groups } = customerGroups(fn, model, summary, o.covariates);
  const actual = new Float64Array(max + 1);
  const expected = new Float64Array(max + 1);
  for (let i = 0; i < c.n; i++) {
    const w = c.weight ? (c.weight[i] as number) : 1;
    actual[Math.min(max, c.frequency[i] as number)] = (actual[Math.min(max, c.frequency[i] as number)] as number) + w;
  }
  for (const g of groups) {
    const byT = new Map<number, number>();
    const add = (i: number): void => void byT.set(c.T[i] as number, (byT.get(c.T[i] as number) ?? 0) + (c.weight ? (c.weight[i] as number) : 1));
    if (g.rows) g.rows.forEach(add);
    else for (let i = 0; i < c.n; i++) add(i);
    addExpected(spec, priorComponents(g), byT, max, expected);
  }
  const frequency = Int32Array.from({ length: max + 1 }, (_, i) => i);
  const label = Array.from(frequency, (n) => (n === max ? `${n}+` : String(n)));
  return withMeta({ frequency, label, actual, expected }, { length: max + 1, chiSquared: chiSquaredFit(actual, expected, freeParameters(model, spec)) });
}

/** Pearson's goodness of fit of the histogram. */
export interface ChiSquaredFit {
  /** Σ (actual - expected)² / expected over the pooled buckets. */
  readonly statistic: number;
  /** Pooled buckets - 1 - the model's free parameters; the p-value is null when it is not positive. */
  readonly df: number;
  readonly pValue: number | null;
  /** Buckets after pooling adjacent ones from the top until each expects at least 5 customers. */
  readonly buckets: number;
}

/** Free parameters of a record: its continuous parameters and coefficients (whole ones, such as the Erlang k, are chosen, not fitted continuously). */
function freeParameters(model: PurchaseModel, spec: PurchaseModelSpec<Record<string, number>>): number {
  const whole = Object.keys(spec.wholeParams ?? {}).length;
  const m = model as { coefficients?: { purchase?: object; dropout?: object } };
  const coefficients = Object.keys(m.coefficients?.purchase ?? {}).length + Object.keys(m.coefficients?.dropout ?? {}).length;
  return spec.params.length - whole + coefficients;
}

/**
 * Pearson's χ² of actual against expected counts (Fader, Hardie & Lee 2005 compare the
 * histogram by eye; this is the test behind the eye): buckets pooled from the top until every
 * expected count is at least 5 (Cochran's rule), df = buckets - 1 - free parameters, and
 * p = Q(df/2, χ²/2), the chi-squared survival function by the regularized incomplete gamma.
 */
export function chiSquaredFit(actual: Float64Array, expected: Float64Array, fitted: number): ChiSquaredFit {
  const obs: number[] = [];
  const exp: number[] = [];
  let o = 0;
  let e = 0;
  for (let k = actual.length - 1; k >= 0; k--) {
    o += actual[k] as number;
    e += expected[k] as number;
    if (e >= 5 || k === 0) {
      obs.push(o);
      exp.push(e);
      o = 0;
      e = 0;
    }
  }
  // a last (lowest) bucket still under 5 joins its neighbour
  if (obs.length > 1 && (exp[exp.length - 1] as number) < 5) {
    obs[obs.length - 2] = (obs[obs.length - 2] as number) + (obs.pop() as number);
    exp[exp.length - 2] = (exp[exp.length - 2] as number) + (exp.pop() as number);
  }
  let statistic = 0;
  for (let k = 0; k < obs.length; k++) if ((exp[k] as number) > 0) statistic += ((obs[k] as number) - (exp[k] as number)) ** 2 / (exp[k] as number);
  const df = obs.length - 1 - fitted;
  const pValue = df > 0 ? Math.min(1, Math.exp(logUpperGamma(df / 2, statistic / 2) - logGamma(df / 2))) : null;
  return { statistic, df, pValue, buckets: obs.length };
}

/** Add Σ_T w_T P(X(T) = n) per bucket (the last one open) for customers sharing these prior components. */
function addExpected(spec: PurchaseModelSpec<Record<string, number>>, parts: ReadonlyArray<{ p: Record<string, number>; w: number }>, byT: Map<number, number>, max: number, expected: Float64Array): void {
  for (const [T, w] of byT) {
    let head = 0;
    let prev = Number.POSITIVE_INFINITY;
    let falling = 0;
    for (let n = 0; n < max; n++) {
      const pn = Math.max(0, parts.reduce((s, c) => s + c.w * spec.pmf(c.p, n, T), 0));
      head += pn;
      expected[n] = (expected[n] as number) + w * pn;
      // past the mode and below 1e-20 for three buckets: the later ones add nothing visible
      falling = pn < prev && pn < 1e-20 ? falling + 1 : 0;
      if (falling >= 3) break;
      prev = pn;
    }
    expected[max] = (expected[max] as number) + w * Math.max(0, 1 - head);
  }
}

/** The first name of {@link repeatPurchaseHistogram}, kept as an alias. */
export const repeatTransactionHistogram = repeatPurchaseHistogram;
