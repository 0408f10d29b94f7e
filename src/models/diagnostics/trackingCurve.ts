import * as z from 'zod/mini';
import { withMeta } from '../../data/columns.js';
import { dayToIso, DAYS_PER_UNIT, type TimeUnit } from '../../data/days.js';
import { encodeTransactions, type TransactionReadOptions } from '../../data/encodeTransactions.js';
import { dateOption, optionDay, parseOptions, readOptionsShape, unitOption } from '../../data/options.js';
import type { TransactionInput } from '../../data/types.js';
import { CustomerValueError, optionError } from '../../errors.js';
import { partialFromEncoded } from '../../summary/partial.js';
import { checkModel, kindsOf, purchaseModelOf, registry } from '../registry.js';
import { perCustomerModel, priorComponents, purchaseGroups, type PredictionCovariates } from '../covariates/resolve.js';
import type { PurchaseModelSpec } from '../spec.js';
import type { PurchaseModel } from '../types.js';

const trackingSchema = z.looseObject({
  ...readOptionsShape,
  unit: z.optional(unitOption),
  observationEnd: z.optional(dateOption),
  calibrationEnd: z.optional(dateOption),
});

/** Options of {@link trackingCurve}. */
export interface TrackingCurveOptions extends TransactionReadOptions {
  /** Time unit of the model and the length of a step of the curve. Default: the model's unit, else 'week'. */
  unit?: TimeUnit | undefined;
  /** Last day of the curve. Default: the last transaction day. */
  observationEnd?: Date | string | number | undefined;
  /** Only customers whose first purchase is on or before this day form the cohort (the calibration cohort). Default: all. */
  calibrationEnd?: Date | string | number | undefined;
  /** For a model fitted with covariates: the cohort's covariates, `{ data, customerId? }`, joined by customerId. */
  covariates?: PredictionCovariates | undefined;
}

/**
 * Cumulative and incremental tracking of repeat transactions for a cohort, actual versus
 * expected, as in Fader, Hardie & Lee (2005, Figures 3-4): at the end of each step (one
 * `unit`) from the first first-purchase day to `observationEnd`, the repeat purchase days
 * made so far by the cohort, and Σ_i E[X(t - t0_i)] with t0_i each customer's first
 * purchase day (at each customer's own parameters for a model with covariates; the prior
 * mixture for correlated rates).
 *
 * @example
 * ```ts
 * trackingCurve(bgnbd, transactions, { unit: 'week', calibrationEnd: '1997-03-31', observationEnd: '1998-06-30' });
 * // { date: ['1997-01-08', ...], actualCumulative, expectedCumulative, actualIncremental, expectedIncremental }
 * ```
 */
export function trackingCurve(model: PurchaseModel, transactions: TransactionInput, options: TrackingCurveOptions = {}) {
  const fn = 'trackingCurve';
  const o = parseOptions(fn, trackingSchema, options) as TrackingCurveOptions & { numericDates?: string };
  const plain = perCustomerModel(model, o.covariates) ? undefined : purchaseModelOf(fn, model);
  const { kind } = plain ?? checkModel(fn, model, kindsOf('purchase'));
  const spec = registry[kind] as unknown as PurchaseModelSpec<Record<string, number>>;
  if (spec.discrete) throw new CustomerValueError('invalid_model', `${fn}: needs a continuous-time model, got '${kind}'`);
  const unit = (o.unit ?? model.unit ?? 'week') as TimeUnit;
  const step = DAYS_PER_UNIT[unit];
  const end = optionDay(o.observationEnd, o.numericDates);
  const tx = encodeTransactions(transactions, fn, o as TransactionReadOptions, end);
  const partial = partialFromEncoded(tx);
  const last = end ?? partial.maxDay;
  const cohortEnd = optionDay(o.calibrationEnd, o.numericDates) ?? Number.POSITIVE_INFINITY;
  if (end !== undefined && o.calibrationEnd !== undefined && cohortEnd > end) optionError(fn, 'calibrationEnd', `must not be after observationEnd (${String(o.observationEnd)})`, o.calibrationEnd);
  const { dayStart, day, purchaseRows } = partial;
  let start = Number.POSITIVE_INFINITY;
  const repeatDays: number[] = [];
  const cohortIds: unknown[] = [];
  const cohortFirst: number[] = [];
  for (let c = 0; c < partial.customerIds.length; c++) {
    let first = Number.NaN;
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
      if ((purchaseRows[i] as number) === 0) continue;
      const d = day[i] as number;
      if (first !== first) {
        first = d;
        if (first > cohortEnd) break;
        cohortIds.push(partial.customerIds[c]);
        cohortFirst.push(first);
        start = Math.min(start, first);
      } else repeatDays.push(d);
    }
  }
  // the cohort's first days per group of customers sharing parameters
  const { groups } = purchaseGroups(fn, model, { customerId: cohortIds, n: cohortIds.length }, o.covariates);
  const firstsOf = groups.map((g) => {
    const firsts = new Map<number, number>();
    const add = (i: number): void => void firsts.set(cohortFirst[i] as number, (firsts.get(cohortFirst[i] as number) ?? 0) + 1);
    if (g.rows) g.rows.forEach(add);
    else cohortFirst.forEach((_, i) => add(i));
    return { parts: priorComponents(g), firsts };
  });
  // step k covers days up to D_k = ceil(start + (k + 1) step) - 1 (the last one clipped to the end)
  const steps = Number.isFinite(start) && last >= start ? Math.max(1, Math.ceil((last - start + 1) / step - 1e-9)) : 0;
  const D = Float64Array.from({ length: steps }, (_, k) => Math.min(last, Math.ceil(start + (k + 1) * step - 1e-9) - 1));
  const date: string[] = Array.from(D, (d) => dayToIso(d));
  const actualCumulative = new Float64Array(steps);
  const expectedCumulative = new Float64Array(steps);
  const actualIncremental = new Float64Array(steps);
  const expectedIncremental = new Float64Array(steps);
  for (const d of repeatDays) {
    if (d > last) continue;
    let lo = 0;
    let hi = steps - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((D[mid] as number) >= d) hi = mid;
      else lo = mid + 1;
    }
    actualIncremental[lo] = (actualIncremental[lo] as number) + 1;
  }
  let acc = 0;
  for (let k = 0; k < steps; k++) {
    acc += actualIncremental[k] as number;
    actualCumulative[k] = acc;
    let e = 0;
    for (const { parts, firsts } of firstsOf) {
      for (const [d0, count] of firsts) {
        const t = ((D[k] as number) - d0) / step;
        if (t > 0) for (const c of parts) e += count * c.w * spec.expected(c.p, t);
      }
    }
    expectedCumulative[k] = e;
    expectedIncremental[k] = e - (k > 0 ? (expectedCumulative[k - 1] as number) : 0);
  }
  return withMeta({ date, actualCumulative, expectedCumulative, actualIncremental, expectedIncremental }, { length: steps, unit, cohort: cohortIds.length });
}
