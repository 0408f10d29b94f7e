import * as z from 'zod/mini';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import { dayToIso } from '../data/days.js';
import { optionDay, parseOptions, readOptionsShape } from '../data/options.js';
import type { TransactionInput } from '../data/types.js';
import { CustomerValueError, optionError } from '../errors.js';
import { progressShape } from '../models/progress.js';
import { finalizeShape, finalizeSummary } from './finalizeSummary.js';
import { mergePartials } from './mergePartials.js';
import type { SummaryPartial } from './partial.js';
import { summarizePartial } from './summarizePartial.js';
import type { CustomerSummary, FinalizeSummaryOptions } from './types.js';

/** Where {@link summarizeStream} is, after each chunk. */
export interface SummarizeStreamProgress {
  /** Chunks read so far. */
  readonly chunks: number;
  /** Rows read so far. */
  readonly rows: number;
}

/** Options of {@link summarizeStream}: those of `summarize`, plus progress and cancellation. */
export interface SummarizeStreamOptions extends TransactionReadOptions, FinalizeSummaryOptions {
  /** Called after each chunk. */
  onProgress?: ((progress: SummarizeStreamProgress) => void) | undefined;
  /** Stops the stream between chunks: the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

const schema = z.looseObject({
  ...readOptionsShape,
  ...finalizeShape,
  ...progressShape,
});

/** The chunk's error with its rows renumbered from the start of the stream. */
function inStream(e: unknown, chunk: number, offset: number): unknown {
  if (!(e instanceof CustomerValueError)) return e;
  const issues = e.issues.map((i) => (typeof i.path[1] === 'number' ? { ...i, path: [i.path[0]!, (i.path[1] as number) + offset, ...i.path.slice(2)] } : i));
  const message = e.message.replace(/^summarizePartial: /, '').replace(/\brow (\d+)/g, (_, r: string) => `row ${Number(r) + offset}`);
  return new CustomerValueError(e.code, `summarizeStream: chunk ${chunk}: ${message}`, issues);
}

/**
 * Merges partials as a binary counter does: a partial of 2^k chunks is merged only with
 * another of 2^k, so n chunks cost O(N log n) in the (customer, day) pairs N, not O(N n).
 */
class PartialStack {
  private readonly stack: Array<{ partial: SummaryPartial; size: number }> = [];

  push(partial: SummaryPartial): void {
    let top = { partial, size: 1 };
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1] as { size: number }).size === top.size) {
      const below = this.stack.pop() as { partial: SummaryPartial; size: number };
      top = { partial: mergePartials(below.partial, top.partial), size: below.size + top.size };
    }
    this.stack.push(top);
  }

  merged(): SummaryPartial | undefined {
    let out: SummaryPartial | undefined;
    for (const { partial } of this.stack) out = out ? mergePartials(out, partial) : partial;
    return out;
  }
}

/**
 * Summarize transactions that arrive in chunks (arrays of rows, column objects, arquero
 * tables or Arrow record batches, from any iterable or async iterable, such as an Arrow
 * `RecordBatchReader` or `streamCsv` of `customer-value/node`), with the result and the
 * conventions of {@link summarize}. Each chunk becomes a partial ({@link summarizePartial}),
 * the partials are merged pairwise as they come ({@link mergePartials}, O(N log chunks)) and
 * the merge is finalized ({@link finalizeSummary}), so memory holds one entry per (customer,
 * day), never the rows. Rows after `observationEnd` are dropped as they are read.
 *
 * An error names the chunk and the row counted from the start of the stream. `onProgress`
 * is called after each chunk; `signal` stops the stream between chunks.
 *
 * @example
 * ```ts
 * const summary = await summarizeStream(batches, { observationEnd: '1997-09-30', unit: 'week', onProgress: (p) => console.log(p.rows) });
 * ```
 */
export async function summarizeStream(chunks: AsyncIterable<TransactionInput> | Iterable<TransactionInput>, options: SummarizeStreamOptions = {}): Promise<CustomerSummary> {
  const fn = 'summarizeStream';
  const o = parseOptions(fn, schema, options) as SummarizeStreamOptions;
  if (chunks === null || typeof chunks !== 'object' || !(Symbol.asyncIterator in chunks || Symbol.iterator in chunks)) {
    optionError(fn, 'chunks', 'must be an iterable or async iterable of transaction chunks', chunks);
  }
  const read = { fields: o.fields, returns: o.returns, dropDuplicateOrders: o.dropDuplicateOrders, numericDates: o.numericDates, observationEnd: o.observationEnd };
  const stack = new PartialStack();
  let count = 0;
  let rows = 0;
  o.signal?.throwIfAborted();
  for await (const chunk of chunks) {
    o.signal?.throwIfAborted();
    let partial: SummaryPartial;
    try {
      partial = summarizePartial(chunk, read);
    } catch (e) {
      throw inStream(e, count, rows);
    }
    stack.push(partial);
    count++;
    rows += partial.counts.rows; // the reader counted them
    o.onProgress?.({ chunks: count, rows });
  }
  const merged = stack.merged() ?? summarizePartial([], read);
  const end = optionDay(o.observationEnd, o.numericDates);
  return finalizeSummary(merged, { observationEnd: end === undefined ? undefined : dayToIso(end), unit: o.unit, order: o.order, regularity: o.regularity });
}
