import * as z from 'zod/mini';
import type { TimeUnit } from '../data/days.js';
import { dateOption, optionDay, parseOptions, unitDays, unitOption } from '../data/options.js';
import { logIntervalSums } from './regularity.js';
import { CustomerValueError } from '../errors.js';
import { isSummaryPartial, type SummaryPartial } from './partial.js';
import { historyAsOf } from './historyAsOf.js';
import { buildSummary } from './totals.js';
import type { CustomerSummary, FinalizeSummaryOptions, SummaryOrder } from './types.js';

/** @internal */
export const finalizeShape = {
  observationEnd: z.optional(dateOption),
  unit: z.optional(unitOption),
  order: z.optional(z.enum(['first-seen', 'customerId'], { error: "must be 'first-seen' or 'customerId'" })),
  regularity: z.optional(z.boolean({ error: 'must be a boolean' })),
};
const schema = z.looseObject(finalizeShape);

/**
 * Turn a partial state into the per-customer summary (see {@link summarize} for the
 * definitions). With the same options, `finalizeSummary(mergePartials(...chunks))` equals
 * `summarize(allRows)`; with `order: 'customerId'` the row order does not depend on how the
 * rows were chunked or in which order the chunks were merged.
 *
 * @example
 * ```ts
 * const summary = finalizeSummary(summarizePartial(rows), { observationEnd: '1997-09-30', unit: 'week' });
 * ```
 */
export function finalizeSummary(partial: SummaryPartial, options: FinalizeSummaryOptions = {}): CustomerSummary {
  const o = parseOptions('finalizeSummary', schema, options);
  const { summary, source, end } = finalizeWithSource(partial, optionDay(o.observationEnd), o.unit, o.order, 'finalizeSummary');
  return o.regularity ? withRegularity(summary, partial, source, end) : summary;
}

/** The summary with its `logIntervalSum` column, from the partial it was built from. @internal */
export function withRegularity<S extends CustomerSummary>(summary: S, partial: SummaryPartial, source: Uint32Array, end: number): S {
  summary.logIntervalSum = logIntervalSums(partial, end, source, unitDays(summary.unit));
  return summary;
}

/**
 * {@link finalizeSummary} after option parsing; also returns, per summary row, the
 * partial's customer index it came from.
 * @internal
 */
export function finalizeWithSource(
  partial: SummaryPartial,
  endDay: number | undefined,
  unitOpt: TimeUnit | undefined,
  orderOpt: SummaryOrder | undefined,
  fn = 'finalizeSummary',
): { summary: CustomerSummary; source: Uint32Array; end: number } {
  if (!isSummaryPartial(partial)) {
    throw new CustomerValueError('invalid_input', 'finalizeSummary: expected a partial made by summarizePartial or mergePartials', [
      { code: 'invalid_partial', path: ['partial'], message: 'expected a summary partial', value: partial },
    ]);
  }
  const end = endDay ?? partial.maxDay;
  return { ...buildSummary(partial.customerIds, historyAsOf(partial, end), end, unitOpt ?? 'day', orderOpt, partial.counts, fn), end };
}
