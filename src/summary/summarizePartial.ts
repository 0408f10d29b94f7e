import * as z from 'zod/mini';
import { encodeTransactions, type TransactionReadOptions } from '../data/encodeTransactions.js';
import { dateOption, optionDay, parseOptions, readOptionsShape } from '../data/options.js';
import type { TransactionInput } from '../data/types.js';
import { partialFromEncoded, type SummaryPartial } from './partial.js';

/** Options of {@link summarizePartial}. */
export interface SummarizePartialOptions extends TransactionReadOptions {
  /** When given, rows after this day are left out early (and counted). Default: keep all. */
  observationEnd?: Date | string | number | undefined;
}

const schema = z.looseObject({ ...readOptionsShape, observationEnd: z.optional(dateOption) });

/**
 * Summarize one chunk of transactions into a mergeable partial state: each customer's
 * purchase days with their net values. Chunks can be summarized in any order and any
 * split (a customer may appear in several chunks); {@link mergePartials} combines them and
 * {@link finalizeSummary} gives the same summary as {@link summarize} of all rows.
 *
 * Cost: one pass over the chunk plus a counting sort by customer; memory grows with the
 * number of (customer, day) pairs.
 *
 * Note: `dropDuplicateOrders` only sees the rows of one chunk; drop duplicates that span
 * chunks before chunking.
 *
 * @example
 * ```ts
 * const a = summarizePartial(januaryRows);
 * const b = summarizePartial(februaryRows);
 * const summary = finalizeSummary(mergePartials(a, b), { unit: 'week' });
 * ```
 */
export function summarizePartial(transactions: TransactionInput, options: SummarizePartialOptions = {}): SummaryPartial {
  const o = parseOptions('summarizePartial', schema, options);
  const tx = encodeTransactions(transactions, 'summarizePartial', o as TransactionReadOptions, optionDay(o.observationEnd, o.numericDates));
  return partialFromEncoded(tx);
}
