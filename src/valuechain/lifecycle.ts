import * as z from 'zod/mini';
import { withMeta } from '../data/columns.js';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import type { InteractionReadOptions } from '../data/encodeInteractions.js';
import { dateOption, finiteOption, historyOptionsShape, optionDay, parseOptions } from '../data/options.js';
import type { CustomerId, InteractionInput, TransactionInput } from '../data/types.js';
import { optionError } from '../errors.js';
import { historyAsOf, purchaseDaysBetween } from '../summary/historyAsOf.js';
import { customerHistory, type CustomerHistory } from './customerHistory.js';

/** Lifecycle stages, in the order the rules test them. */
export type LifecycleStage = 'prospect' | 'new' | 'developing' | 'mature' | 'declining' | 'lapsed';

/** Stage thresholds, in days. */
export interface LifecycleThresholds {
  /** A customer whose first purchase is fewer than this many days before the date is new. Default 90. */
  newDays?: number | undefined;
  /** A customer with at least this tenure (days since the first purchase) is mature unless declining. Default 365. */
  matureDays?: number | undefined;
  /** A customer with no purchase for more than this many days is lapsed. Default 180. */
  lapsedDays?: number | undefined;
  /** Length of the two windows compared for the purchase trend. Default 180. */
  trendWindow?: number | undefined;
  /** Declining when purchase days in the last window < ratio x those in the window before (which must have some). Default 0.5. */
  decliningRatio?: number | undefined;
}

/** Options of {@link lifecycleStages}. */
export interface LifecycleStagesOptions extends LifecycleThresholds, TransactionReadOptions, InteractionReadOptions {
  /** The date at which stages are assigned (inclusive). Required. */
  asOf: Date | string | number;
  /** Interactions, so that contacted customers without a purchase are prospects. */
  interactions?: InteractionInput | undefined;
}

export interface LifecycleStages {
  customerId: CustomerId[];
  stage: LifecycleStage[];
  /** Days since the first purchase (NaN for prospects). */
  tenureDays: Float64Array;
  /** Days since the last purchase (NaN for prospects). */
  daysSinceLastPurchase: Float64Array;
  /** Purchase days in the last `trendWindow` days. */
  recentPurchases: Float64Array;
  /** Purchase days in the window before. */
  previousPurchases: Float64Array;
  readonly length: number;
}

const days = finiteOption.check(z.minimum(0, { error: 'must be a finite number of days >= 0' }));
const thresholdShape = {
  newDays: z.optional(days),
  matureDays: z.optional(days),
  lapsedDays: z.optional(days),
  trendWindow: z.optional(finiteOption.check(z.gt(0, { error: 'must be a finite number of days > 0' }))),
  decliningRatio: z.optional(finiteOption.check(z.minimum(0, { error: 'must be in [0, 1]' })).check(z.maximum(1, { error: 'must be in [0, 1]' }))),
};

/** zod schema of {@link LifecycleThresholds} given as one option (customerProfiles' `lifecycle`). @internal */
export const thresholdsOption = z.looseObject(thresholdShape);

/** New customers must be younger than mature ones. @internal */
export function checkThresholds(fn: string, th: LifecycleThresholds): void {
  const newDays = th.newDays ?? 90;
  const matureDays = th.matureDays ?? 365;
  if (newDays > matureDays) optionError(fn, 'newDays', `must not exceed matureDays (${matureDays})`, th.newDays ?? newDays);
}
const readShape = historyOptionsShape;

/** Stage of every known customer at day `asOf`. @internal */
export function stagesAt(h: CustomerHistory, asOf: number, th: LifecycleThresholds): LifecycleStages {
  const newDays = th.newDays ?? 90;
  const matureDays = th.matureDays ?? 365;
  const lapsedDays = th.lapsedDays ?? 180;
  const W = th.trendWindow ?? 180;
  const ratio = th.decliningRatio ?? 0.5;
  const { partial } = h;
  const history = historyAsOf(partial, asOf);
  const nAll = h.index.size;
  const firstTouch = new Float64Array(nAll).fill(Number.POSITIVE_INFINITY);
  if (h.interactions) {
    const it = h.interactions;
    for (let i = 0; i < it.length; i++) {
      const c = it.customer[i] as number;
      if ((it.day[i] as number) < (firstTouch[c] as number)) firstTouch[c] = it.day[i] as number;
    }
  }
  const ids: CustomerId[] = [];
  const stage: LifecycleStage[] = [];
  const tenure: number[] = [];
  const since: number[] = [];
  const recent: number[] = [];
  const previous: number[] = [];
  for (let c = 0; c < nAll; c++) {
    const bought = c < h.nTx && (history.days[c] as number) > 0;
    const first = bought ? (history.first[c] as number) : Number.NaN;
    const last = bought ? (history.last[c] as number) : Number.NaN;
    const rec = bought ? purchaseDaysBetween(partial, c, asOf - W, asOf) : 0;
    const prev = bought ? purchaseDaysBetween(partial, c, asOf - 2 * W, asOf - W) : 0;
    let s: LifecycleStage;
    if (first !== first) {
      if (!((firstTouch[c] as number) <= asOf)) continue; // not known yet
      s = 'prospect';
    } else if (asOf - last > lapsedDays) s = 'lapsed';
    else if (asOf - first < newDays) s = 'new';
    else if (prev > 0 && rec < ratio * prev) s = 'declining';
    else if (asOf - first >= matureDays) s = 'mature';
    else s = 'developing';
    ids.push(h.index.ids[c] as CustomerId);
    stage.push(s);
    tenure.push(first === first ? asOf - first : Number.NaN);
    since.push(last === last ? asOf - last : Number.NaN);
    recent.push(rec);
    previous.push(prev);
  }
  return withMeta(
    {
      customerId: ids,
      stage,
      tenureDays: Float64Array.from(tenure),
      daysSinceLastPurchase: Float64Array.from(since),
      recentPurchases: Float64Array.from(recent),
      previousPurchases: Float64Array.from(previous),
    },
    { length: ids.length },
  );
}

const stagesSchema = z.looseObject({ ...thresholdShape, ...readShape, asOf: dateOption });

/**
 * Lifecycle stage of each customer at a date, from tenure, purchase trend and inactivity
 * (thresholds in days, defaults in brackets), tested in this order:
 *
 * 1. `prospect`: contacted (an interaction on or before the date) but no purchase yet;
 * 2. `lapsed`: no purchase for more than `lapsedDays` [180];
 * 3. `new` (exploration): first purchase fewer than `newDays` [90] ago;
 * 4. `declining`: purchase days in the last `trendWindow` [180] days fewer than
 *    `decliningRatio` [0.5] times those in the window before;
 * 5. `mature` (stable): tenure of at least `matureDays` [365];
 * 6. `developing` (formation): the rest.
 *
 * Customers unknown at the date (first purchase and first interaction later) are left out.
 *
 * @example
 * ```ts
 * const s = lifecycleStages(transactions, { asOf: '1998-06-30', interactions });
 * s.stage[0]; // 'mature'
 * ```
 */
export function lifecycleStages(transactions: TransactionInput, options: LifecycleStagesOptions): LifecycleStages {
  const fn = 'lifecycleStages';
  const o = parseOptions(fn, stagesSchema, options) as LifecycleStagesOptions;
  checkThresholds(fn, o);
  const asOf = optionDay(o.asOf, o.numericDates) as number;
  const h = customerHistory(fn, transactions, o.interactions, o, asOf);
  return stagesAt(h, asOf, o);
}

/** Options of {@link lifecycleTransitions}. */
export interface LifecycleTransitionsOptions extends LifecycleThresholds, TransactionReadOptions, InteractionReadOptions {
  from: Date | string | number;
  to: Date | string | number;
  interactions?: InteractionInput | undefined;
}

/**
 * The lifecycle stages in rule order.
 *
 * @example
 * ```ts
 * LIFECYCLE_STAGES.indexOf('mature'); // 3
 * ```
 */
export const LIFECYCLE_STAGES: readonly LifecycleStage[] = ['prospect', 'new', 'developing', 'mature', 'declining', 'lapsed'];

const transitionsSchema = z.looseObject({ ...thresholdShape, ...readShape, from: dateOption, to: dateOption });

/**
 * How customers moved between lifecycle stages from one date to another (stages as in
 * {@link lifecycleStages}): a count per (stage at `from`, stage at `to`), with `'none'` for
 * customers not yet known at `from`. Returned both long (one row per pair) and as a matrix
 * (rows: from, columns: to, in the order of `stages`).
 *
 * @example
 * ```ts
 * const t = lifecycleTransitions(transactions, { from: '1997-09-30', to: '1998-06-30' });
 * t.matrix[t.stages.indexOf('new')][t.stages.indexOf('lapsed')]; // new customers who lapsed
 * ```
 */
export function lifecycleTransitions(transactions: TransactionInput, options: LifecycleTransitionsOptions) {
  const fn = 'lifecycleTransitions';
  const o = parseOptions(fn, transitionsSchema, options) as LifecycleTransitionsOptions;
  checkThresholds(fn, o);
  const from = optionDay(o.from, o.numericDates) as number;
  const to = optionDay(o.to, o.numericDates) as number;
  if (to < from) optionError(fn, 'to', `must not be before from (${String(o.from)})`, o.to);
  const h = customerHistory(fn, transactions, o.interactions, o, to);
  const a = stagesAt(h, from, o);
  const b = stagesAt(h, to, o);
  const stages: Array<LifecycleStage | 'none'> = ['none', ...LIFECYCLE_STAGES];
  const at = new Map<CustomerId, LifecycleStage>();
  for (let i = 0; i < a.length; i++) at.set(a.customerId[i] as CustomerId, a.stage[i] as LifecycleStage);
  const matrix = stages.map(() => stages.map(() => 0));
  for (let i = 0; i < b.length; i++) {
    const s0 = at.get(b.customerId[i] as CustomerId) ?? 'none';
    const r = stages.indexOf(s0);
    const c = stages.indexOf(b.stage[i] as LifecycleStage);
    (matrix[r] as number[])[c] = ((matrix[r] as number[])[c] as number) + 1;
  }
  const fromCol: string[] = [];
  const toCol: string[] = [];
  const count: number[] = [];
  stages.forEach((s0, r) =>
    stages.forEach((s1, c) => {
      fromCol.push(s0);
      toCol.push(s1);
      count.push((matrix[r] as number[])[c] as number);
    }),
  );
  return {
    stages,
    matrix,
    pairs: withMeta({ from: fromCol, to: toCol, count: Float64Array.from(count) }, { length: count.length }),
  };
}
