/**
 * What every stage of the value chain reads: the customers' history, the period grid and
 * the options, resolved once by `valueChain`. @internal
 */
import type { CustomerId } from '../../data/types.js';
import { CustomerValueError, describeValue, optionError } from '../../errors.js';
import { optionDay } from '../../data/options.js';
import type { CustomerHistory } from '../customerHistory.js';
import { periodGrid, type PeriodKind } from '../periods.js';
import type { SegmentLabels, ValueChainOptions } from '../types.js';

export interface ChainContext {
  readonly fn: string;
  readonly h: CustomerHistory;
  /** Customers known from transactions (0..nTx-1) and all customers. */
  readonly nTx: number;
  readonly nAll: number;
  /** Last day of the window when `end` was given. */
  readonly endOpt: number | undefined;
  /** First and last day of the reported window. */
  readonly first: number;
  readonly last: number;
  /** Periods of the grid (from the data's first period); index P is "after the window". */
  readonly P: number;
  /** First reported period. */
  readonly R0: number;
  readonly labels: readonly string[];
  readonly pOf: (day: number) => number;
  readonly startOf: (p: number) => number;
  readonly endOf: (p: number) => number;
  /** A period clipped to -1..P. */
  readonly clip: (p: number) => number;
  readonly window: number;
  readonly inactivity: number;
  readonly margin: number;
  /** Segment label per customer id, when `segments` were given. */
  readonly segments: Map<CustomerId, string> | undefined;
  readonly options: ValueChainOptions;
}

export function labelsOf(fn: string, seg: SegmentLabels | undefined): Map<CustomerId, string> | undefined {
  if (!seg) return undefined;
  const src = ('customers' in seg ? seg.customers : seg) as {
    customerId?: ArrayLike<CustomerId>;
    segment?: ArrayLike<string>;
    tier?: ArrayLike<string>;
    label?: ArrayLike<string>;
  };
  const labels = src.segment ?? src.tier ?? src.label;
  if (!src.customerId || !labels || labels.length !== src.customerId.length) {
    optionError(fn, 'segments', 'needs customerId and a segment, tier or label column of the same length', seg);
  }
  const map = new Map<CustomerId, string>();
  for (let i = 0; i < src.customerId.length; i++) {
    const label = labels[i];
    if (typeof label !== 'string' || label === '') {
      const message = `segments row ${i}: the label must be a non-empty string, got ${describeValue(label)}`;
      throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [{ code: 'invalid_option', path: ['options', 'segments', i], message, value: label }]);
    }
    map.set(src.customerId[i] as CustomerId, label);
  }
  return map;
}

/** The data's first and last day (interactions after `end` left out); ±Infinity when empty. */
function dataRange(h: CustomerHistory, endOpt: number | undefined): { lo: number; hi: number } {
  const { day } = h.partial;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < day.length; i++) {
    lo = Math.min(lo, day[i] as number);
    hi = Math.max(hi, day[i] as number);
  }
  const it = h.interactions;
  if (it) {
    for (let i = 0; i < it.length; i++) {
      const d = it.day[i] as number;
      if (endOpt !== undefined && d > endOpt) continue;
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
  }
  return { lo, hi };
}

/** Resolve the window and the period grid. */
export function chainContext(fn: string, h: CustomerHistory, o: ValueChainOptions, endOpt: number | undefined): ChainContext {
  const kind: PeriodKind = o.period ?? 'month';
  const window = o.attributionWindow ?? 30;
  const { lo, hi } = dataRange(h, endOpt);
  const empty = !Number.isFinite(lo);
  const first = empty ? 0 : (optionDay(o.start, o.numericDates) ?? lo);
  const last = empty ? -1 : (endOpt ?? hi);
  const gridLo = empty ? 0 : Math.min(lo, first);
  const gridHi = empty ? -1 : Math.max(hi, last) + Math.max(window, 1) + 400;
  // the grid starts at the data's first period so that earlier history counts; periods before `start` are not reported
  const grid = periodGrid(kind, gridLo, last, gridLo, gridHi, o.fiscalYearStart ?? 1);
  const P = grid.count;
  const pOf = (d: number): number => grid.index[d - grid.lo] as number;
  return {
    fn,
    h,
    nTx: h.nTx,
    nAll: h.index.size,
    endOpt,
    first,
    last,
    P,
    R0: empty ? 0 : Math.max(0, pOf(first)),
    labels: grid.labels,
    pOf,
    startOf: (p) => grid.starts[p] as number,
    endOf: (p) => (grid.starts[p + 1] as number) - 1,
    clip: (p) => (p < 0 ? -1 : Math.min(p, P)),
    window,
    inactivity: o.inactivityThreshold ?? 90,
    margin: o.margin ?? 1,
    segments: labelsOf(fn, o.segments),
    options: o,
  };
}

/** The segment label of customer c, when segments were given. */
export function segmentOf(ctx: ChainContext, c: number): string | undefined {
  return ctx.segments?.get(ctx.h.index.ids[c] as CustomerId);
}

/** Median of values, null when there are none. */
export function median(v: readonly number[]): number | null {
  if (v.length === 0) return null;
  const s = Float64Array.from(v).sort();
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Sum of a per-period array over the reported periods. */
export function reportedSum(ctx: ChainContext, a: Float64Array): number {
  let t = 0;
  for (let p = ctx.R0; p < ctx.P; p++) t += a[p] as number;
  return t;
}

/** Sum over the reported periods that have a previous period of a[p - shift]. */
export function previousSum(ctx: ChainContext, a: Float64Array, shift = 0): number {
  let t = 0;
  for (let p = Math.max(ctx.R0, 1); p < ctx.P; p++) t += a[p - shift] as number;
  return t;
}
