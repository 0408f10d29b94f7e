import type { TransactionInput } from '../data/types.js';
import { summarizePartial, type SummarizePartialOptions } from './summarizePartial.js';

/** Result of {@link estimateRegularity}. */
export interface RegularityEstimate {
  /** The Erlang order k̂ = 1/(8 Var M) - 1/2 (1: Poisson-like timing; larger: more regular); null below two pairs. */
  readonly k: number | null;
  /** Its standard error by the delta method, se(Var M) / (8 (Var M)^2); null below two pairs. */
  readonly standardError: number | null;
  /** Pairs of consecutive inter-purchase times used. */
  readonly pairs: number;
  /** Customers with at least one pair (three or more purchase days). */
  readonly customers: number;
  /** Mean and variance of M = t1 / (t1 + t2) over the pairs (Beta(k, k): mean 1/2, variance 1/(4(2k+1))); null without pairs (variance: below two). */
  readonly meanM: number | null;
  readonly varianceM: number | null;
}

/**
 * The Wheat-Morrison estimator of purchase regularity: for two consecutive inter-purchase
 * times t1, t2 of one customer, M = t1/(t1 + t2) does not depend on the customer's rate, and
 * with Erlang-k times it is Beta(k, k), whose variance is 1/(4(2k+1)); so
 * k̂ = 1/(8 Var M) - 1/2, with Var M over the customers' non-overlapping pairs of
 * consecutive intervals ((t1, t2), (t3, t4), ...; every pair is then independent under the
 * model). Purchase days are read as `summarize` reads them (same-day purchases merged,
 * returns left out, `observationEnd` inclusive); intervals in days (M is unit-free). A
 * model-free companion to the likelihood choice of k in `fitBgCnbd`. The figures are null
 * when fewer than two pairs exist (no customer with enough purchase days).
 *
 * @example
 * ```ts
 * estimateRegularity(transactions); // { k: 2.1, standardError: 0.1, pairs: 5230, ... }
 * ```
 * @see Wheat, R. D., & Morrison, D. G. (1990). Estimating purchase regularity with two
 * interpurchase times. Journal of Marketing Research, 27(1), 87-93.
 */
export function estimateRegularity(transactions: TransactionInput, options: SummarizePartialOptions = {}): RegularityEstimate {
  const { dayStart, day, purchaseRows } = summarizePartial(transactions, options);
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  const values: number[] = [];
  let customers = 0;
  for (let c = 0; c + 1 < dayStart.length; c++) {
    let prev = Number.NaN;
    let first = Number.NaN; // the pending t1
    let used = false;
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
      if ((purchaseRows[i] as number) === 0) continue;
      const d = day[i] as number;
      if (prev === prev) {
        const gap = d - prev;
        if (first !== first) first = gap;
        else {
          const m = first / (first + gap);
          values.push(m);
          n++;
          sum += m;
          sumSq += m * m;
          first = Number.NaN;
          used = true;
        }
      }
      prev = d;
    }
    if (used) customers++;
  }
  const mean = n > 0 ? sum / n : Number.NaN;
  const variance = n > 1 ? (sumSq - n * mean * mean) / (n - 1) : Number.NaN;
  // se of the sample variance from the fourth central moment: sqrt((μ4 - σ^4) / n)
  let m4 = 0;
  for (const v of values) m4 += (v - mean) ** 4;
  m4 = n > 0 ? m4 / n : Number.NaN;
  const seVar = Math.sqrt(Math.max(0, m4 - variance * variance) / n);
  const enough = n > 1 && variance > 0;
  return {
    k: enough ? 1 / (8 * variance) - 0.5 : null,
    standardError: enough ? seVar / (8 * variance * variance) : null,
    pairs: n,
    customers,
    meanM: n > 0 ? mean : null,
    varianceM: n > 1 ? variance : null,
  };
}
