import { withMeta } from '../../data/columns.js';
import { z } from 'zod';
import { parseOptions, wholeOption } from '../../data/options.js';

/** Buckets at most: the work is a pmf per bucket and distinct T. */
export const MAX_HISTOGRAM_FREQUENCY = 1000;

const schema = z.looseObject({ maxFrequency: wholeOption(1, MAX_HISTOGRAM_FREQUENCY, ' (a pmf per bucket and distinct T)').optional() });
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
): { frequency: Int32Array; label: string[]; actual: Float64Array; expected: Float64Array; readonly length: number } {
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
  return withMeta({ frequency, label, actual, expected }, { length: max + 1 });
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
