/**
 * The value-chain report as flat column tables, for arquero (`aq.table(t.periods)`),
 * dataframes and CSV: one column per metric, nested metrics under dotted names.
 */
import { CustomerValueError, describeValue } from '../errors.js';
import { toRows } from '../data/toRows.js';
import type { ValueChainReport } from './types.js';

/** Flat column tables of a {@link ValueChainReport}. */
export interface ValueChainTables {
  /** One row per period: period, start, end and every stage metric ('retain.retentionRate.value', ...). */
  periods: Record<string, unknown[]>;
  /** One row per period: the funnel counts. */
  funnel: Record<string, unknown[]>;
  /** One row per campaign. */
  campaigns: Record<string, unknown[]>;
  /** One row per (cohort, offset): cohort, offset, size, retained, share (long form). */
  cohorts: Record<string, unknown[]>;
}

/** Rows (of any keys) as columns over the union of their keys, missing cells null. */
function columnsOf(rows: ReadonlyArray<Record<string, unknown>>): Record<string, unknown[]> {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = rows.map((r) => (r[name] === undefined ? null : Array.isArray(r[name]) ? JSON.stringify(r[name]) : r[name]));
  Object.defineProperty(out, 'length', { value: rows.length, enumerable: false });
  return out;
}

/**
 * The report's periods, funnel, campaigns and cohorts as flat column tables (the nested
 * report stays as it is): what `aq.table()` and dataframe libraries take directly. Nested
 * metrics become dotted columns (`'retain.retentionRate.value'`, with its numerator and
 * denominator beside it); list-valued metrics (channel mixes, segment tables) become JSON
 * text; the cohort matrix becomes one row per (cohort, offset).
 *
 * @example
 * ```ts
 * const t = valueChainTables(valueChain(transactions, interactions, { period: 'month' }));
 * aq.table(t.periods).select('period', 'retain.retentionRate.value').print();
 * ```
 */
export function valueChainTables(report: ValueChainReport): ValueChainTables {
  if (typeof report !== 'object' || report === null || !Array.isArray((report as ValueChainReport).periods)) {
    const message = `expects the result of valueChain, got ${describeValue(report)}`;
    throw new CustomerValueError('invalid_input', `valueChainTables: ${message}`, [{ code: 'invalid_input', path: ['report'], message, value: report }]);
  }
  const c = report.cohorts;
  const cohortRows = c.cohorts.flatMap((cohort, i) => c.offsets.map((offset, j) => ({ cohort, offset, size: c.sizes[i], retained: c.retained[i]?.[j] ?? null, share: c.share[i]?.[j] ?? null })));
  return {
    periods: columnsOf(toRows(report.periods as never)),
    funnel: columnsOf(toRows(report.funnel as never)),
    campaigns: columnsOf(toRows(report.campaigns as never)),
    cohorts: columnsOf(cohortRows),
  };
}
