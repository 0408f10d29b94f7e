import type { TimeUnit } from '../data/days.js';
import type { CustomerId } from '../data/types.js';
import type { SummaryReport } from './partial.js';

/**
 * Per-customer summary in the BTYD conventions of Fader, Hardie & Lee (2005), as columns.
 * Purchases are merged per UTC day; `frequency` counts repeat purchase days.
 */
export interface CustomerSummary {
  /** Customer id, in order of first appearance in the input (or sorted, with `order: 'customerId'`). */
  customerId: CustomerId[];
  /** Repeat purchases: purchase days - 1. */
  frequency: Int32Array;
  /** Time from the first to the last purchase day, in `unit`. */
  recency: Float64Array;
  /** Time from the first purchase day to `observationEnd`, in `unit`. */
  T: Float64Array;
  /** Mean net value of the repeat purchase days (first day excluded); 0 when frequency is 0. */
  monetaryValue: Float64Array;
  /** Net value of all the customer's rows up to `observationEnd`, returns included. */
  totalValue: Float64Array;
  /** First purchase day, `YYYY-MM-DD` (UTC). */
  firstPurchase: string[];
  /** Last purchase day, `YYYY-MM-DD` (UTC). */
  lastPurchase: string[];
  /**
   * With `regularity: true`: the sum of the logs of the inter-purchase times (between
   * consecutive purchase days, in `unit`), for Erlang-k timing models; 0 without repeat
   * purchases.
   */
  logIntervalSum?: Float64Array;
  /** Number of customers (non-enumerable). */
  readonly length: number;
  /** The unit of `recency` and `T` (non-enumerable). */
  readonly unit: TimeUnit;
  /** The observation end used, `YYYY-MM-DD` (non-enumerable; `''` for an empty summary). */
  readonly observationEnd: string;
  /** What happened to the input rows (non-enumerable). */
  readonly report: SummaryReport;
}

/** Row order of a summary. */
export type SummaryOrder = 'first-seen' | 'customerId';

/** Options of {@link finalizeSummary}, shared by {@link summarize}. */
export interface FinalizeSummaryOptions {
  /** Last day observed (inclusive). Later rows are left out and counted. Default: the last transaction day. */
  observationEnd?: Date | string | number | undefined;
  /** Unit of `recency` and `T`: `'day'` (default), `'week'` (days / 7), `'month'` (days / 30.436875) or `'year'` (days / 365.2425). */
  unit?: TimeUnit | undefined;
  /**
   * Row order: `'first-seen'` (default; order of each customer's first row in the input) or
   * `'customerId'` (numbers ascending, then strings in code-unit order; independent of row order).
   */
  order?: SummaryOrder | undefined;
  /** Add the `logIntervalSum` column (the sum of log inter-purchase times). Default false. */
  regularity?: boolean | undefined;
}

export type { CustomerId };
