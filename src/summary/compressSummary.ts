import { withMeta } from '../data/columns.js';
import { optionsObject } from '../errors.js';
import type { TimeUnit } from '../data/days.js';
import { compressHistories } from '../data/histories.js';
import { markValidated, readSummary, summaryUnit, type SummaryFieldsOptions, type SummaryInput } from './readSummary.js';

/** A compressed summary: one row per distinct (frequency, recency, T) with its `count`. */
export interface CompressedSummary {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Number of customers (or total weight) with this history. */
  count: Float64Array;
  readonly length: number;
  /** The unit of recency and T, when the input summary said (non-enumerable). */
  readonly unit?: TimeUnit;
}

/**
 * Compress a summary to one row per distinct (`frequency`, `recency`, `T`) with a `count`
 * (the sum of the rows' `count` when the input already has one). Every fitter accepts the
 * result, so fitting cost grows with distinct histories rather than customers. Rows are
 * sorted by frequency, then recency, then T.
 *
 * Cost: one pass with a hash map plus a sort of the distinct rows.
 *
 * @example
 * ```ts
 * const c = compressSummary(summarize(transactions, { unit: 'week' }));
 * const model = fitBgNbd(c); // same fit as on the full summary
 * ```
 */
export function compressSummary(summary: SummaryInput, options: SummaryFieldsOptions = {}): CompressedSummary {
  const s = readSummary(summary, 'compressSummary', { fields: optionsObject('compressSummary', options).fields });
  const c = compressHistories({
    x: Float64Array.from(s.frequency),
    tx: Float64Array.from(s.recency),
    T: Float64Array.from(s.T),
    w: s.weight ?? new Float64Array(s.n).fill(1),
    n: s.n,
    m: undefined,
    unit: undefined,
  });
  const f = c.x;
  const r = c.tx;
  const t = c.T;
  const order = Array.from(f, (_, i) => i).sort(
    (a, b) => (f[a] as number) - (f[b] as number) || (r[a] as number) - (r[b] as number) || (t[a] as number) - (t[b] as number),
  );
  const pick = (col: Float64Array): Float64Array => Float64Array.from(order, (i) => col[i] as number);
  const unit = summaryUnit(summary);
  const out = withMeta({ frequency: pick(f), recency: pick(r), T: pick(t), count: pick(c.w) }, unit ? { length: order.length, unit } : { length: order.length });
  return markValidated(out, unit);
}
