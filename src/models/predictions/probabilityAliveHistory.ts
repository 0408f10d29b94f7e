import * as z from 'zod/mini';
import { withMeta } from '../../data/columns.js';
import { dayToIso, type TimeUnit } from '../../data/days.js';
import { dateOption, fieldsOption, finiteOption, optionDay, parseOptions, unitDays, unitOption } from '../../data/options.js';
import type { TransactionInput } from '../../data/types.js';
import { CustomerValueError, optionError } from '../../errors.js';
import { summarizePartial } from '../../summary/summarizePartial.js';
import type { PredictionCovariates } from '../covariates/resolve.js';
import type { PurchaseModel } from '../types.js';
import { aliveFor } from './probabilityAlive.js';
import { checkModel, kindsOf } from '../registry.js';

/** Options of {@link probabilityAliveHistory}. */
export interface ProbabilityAliveHistoryOptions {
  /** The customer to follow. Default: the only customer in the transactions (an error when there are several). */
  customerId?: string | number | undefined;
  /** Time unit of the model. Default: the model's unit, else 'week'. */
  unit?: TimeUnit | undefined;
  /** Length of a step, in `unit`s. Default 1. */
  step?: number | undefined;
  /** Last day of the path (inclusive). Default: the customer's last transaction day. */
  observationEnd?: Date | string | number | undefined;
  /** Field names of the transactions. */
  fields?: { readonly [field: string]: string } | undefined;
  /** For a model fitted with covariates: the customer's covariates, `{ data, customerId? }`. */
  covariates?: PredictionCovariates | undefined;
}

/** The path: per step, the day, the history as of that day and P(alive). */
export interface ProbabilityAliveHistory {
  date: string[];
  /** Time since the first purchase, in the model's unit (the history's T). */
  T: Float64Array;
  frequency: Int32Array;
  recency: Float64Array;
  probabilityAlive: Float64Array;
  readonly length: number;
}

const schema = z.looseObject({ customerId: z.optional(z.union([z.string(), finiteOption])), unit: z.optional(unitOption), step: z.optional(finiteOption.check(z.gt(0, { error: 'must be a finite number > 0' }))), observationEnd: z.optional(dateOption), fields: z.optional(fieldsOption) });

/** Steps a path may have (each costs one P(alive)). */
const MAX_STEPS = 1_000_000;

/**
 * One customer's P(alive) along their history (lifetimes' `calculate_alive_path`): at the
 * first purchase day and every `step` units after it up to `observationEnd`, the history
 * as of that day (repeat purchase days so far, the last one's time, T since the first
 * purchase, as {@link summarize} counts them) and the model's P(alive | x, t_x, T). Under
 * Pareto/NBD it is 1 on each purchase day and decays between purchases; under BG/NBD a
 * purchase sets it to the chance of not dropping out with that purchase,
 * (b+x-1)/(a+b+x-1). Days as `summarize` takes them: UTC, same-day purchases merged.
 *
 * @example
 * ```ts
 * const path = probabilityAliveHistory(bgnbd, transactions, { customerId: '1004', unit: 'week' });
 * path.date; path.probabilityAlive;
 * ```
 */
export function probabilityAliveHistory(model: PurchaseModel, transactions: TransactionInput, options: ProbabilityAliveHistoryOptions = {}): ProbabilityAliveHistory {
  const fn = 'probabilityAliveHistory';
  const o = parseOptions(fn, schema, options) as ProbabilityAliveHistoryOptions;
  // the record checked before the transactions are read (probabilityAlive checks it again with the covariates)
  checkModel(fn, model, kindsOf('purchase'));
  const unit = o.unit ?? (model as { unit?: TimeUnit }).unit ?? 'week';
  const per = unitDays(unit);
  const step = (o.step ?? 1) * per;
  const end = optionDay(o.observationEnd);
  const partial = summarizePartial(transactions, { fields: o.fields, observationEnd: o.observationEnd });
  const ids = partial.customerIds;
  const c = o.customerId === undefined ? (ids.length === 1 ? 0 : -1) : ids.findIndex((id) => String(id) === String(o.customerId));
  if (c < 0) {
    if (o.customerId === undefined) optionError(fn, 'customerId', `must name the customer to follow (the transactions have ${ids.length})`, undefined);
    throw new CustomerValueError('invalid_options', `${fn}: customerId ${JSON.stringify(o.customerId)} has no purchases in the transactions`, [{ code: 'invalid_option', path: ['customerId'], message: 'no purchases', value: o.customerId }]);
  }
  const days: number[] = [];
  for (let i = partial.dayStart[c] as number; i < (partial.dayStart[c + 1] as number); i++) if ((partial.purchaseRows[i] as number) > 0) days.push(partial.day[i] as number);
  if (days.length === 0) optionError(fn, 'customerId', 'has no purchase days (only returns)', o.customerId);
  const first = days[0] as number;
  const last = end ?? (days[days.length - 1] as number);
  if (last < first) optionError(fn, 'observationEnd', 'must not be before the first purchase', o.observationEnd);
  const steps = Math.floor((last - first) / step + 1e-9) + 1;
  if (steps > MAX_STEPS) optionError(fn, 'step', `gives ${steps} steps; at most ${MAX_STEPS.toLocaleString('en-US')} (use a longer step)`, o.step);
  const date: string[] = [];
  const T = new Float64Array(steps);
  const frequency = new Int32Array(steps);
  const recency = new Float64Array(steps);
  let k = 0;
  for (let s = 0; s < steps; s++) {
    const d = Math.min(last, Math.floor(first + s * step + 1e-9));
    while (k + 1 < days.length && (days[k + 1] as number) <= d) k++;
    date.push(dayToIso(d));
    T[s] = (d - first) / per;
    frequency[s] = k;
    recency[s] = ((days[k] as number) - first) / per;
  }
  const id = ids[c];
  const rows = { customerId: Array.from({ length: steps }, () => id), frequency, recency, T };
  const alive = aliveFor(fn, model, rows, o.covariates === undefined ? {} : { covariates: o.covariates });
  return withMeta({ date, T, frequency, recency, probabilityAlive: alive }, { length: steps });
}
