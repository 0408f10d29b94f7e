import * as z from 'zod/mini';
import { withMeta } from '../data/columns.js';
import { dayToIso } from '../data/days.js';
import { encodeTransactions, type TransactionReadOptions } from '../data/encodeTransactions.js';
import { dateOption, optionDay, parseOptions, readOptionsShape, unitDays } from '../data/options.js';
import type { TransactionInput } from '../data/types.js';
import { CustomerValueError } from '../errors.js';
import { finalizeShape, finalizeWithSource, withRegularity } from './finalizeSummary.js';
import { partialFromEncoded } from './partial.js';
import type { CustomerSummary, FinalizeSummaryOptions } from './types.js';
import { roundoff } from '../math/sum.js';
import { markValidated } from './readSummary.js';

/** Options of {@link splitCalibrationHoldout}. */
export interface SplitCalibrationHoldoutOptions extends TransactionReadOptions, Omit<FinalizeSummaryOptions, 'observationEnd'> {
  /** Last day of the calibration period (inclusive). Required. */
  calibrationEnd: Date | string | number;
  /** Last day of the holdout period (inclusive). Default: the last transaction day. */
  observationEnd?: Date | string | number | undefined;
}

/** Counts of what happened to the input rows in {@link splitCalibrationHoldout}. */
export interface CalibrationHoldoutReport {
  readonly rows: number;
  /** Rows used, calibration and holdout together. */
  readonly used: number;
  /** Rows after `observationEnd`, left out. */
  readonly afterObservationEnd: number;
  readonly duplicateOrders: number;
  readonly returnsIgnored: number;
  /** Customers whose first purchase falls in the holdout period: not in the result. */
  readonly customersFirstInHoldout: number;
  /** Customers with only returns up to `calibrationEnd`: not in the result. */
  readonly customersWithoutPurchases: number;
}

/** A calibration summary plus holdout columns. */
export interface CalibrationHoldoutSummary extends Omit<CustomerSummary, 'report'> {
  /** Purchase days in the holdout period (calibrationEnd, observationEnd]. */
  frequencyHoldout: Int32Array;
  /** Mean net value of the holdout purchase days; 0 when there are none. */
  monetaryValueHoldout: Float64Array;
  /** Length of the holdout period in `unit` (the same for every customer). */
  durationHoldout: Float64Array;
  /** The calibration end used, `YYYY-MM-DD` (non-enumerable). */
  readonly calibrationEnd: string;
  readonly report: CalibrationHoldoutReport;
}

const schema = z.looseObject({
  ...readOptionsShape,
  ...finalizeShape,
  calibrationEnd: dateOption,
});

/**
 * Split transactions into a calibration summary (as {@link summarize} with
 * `observationEnd: calibrationEnd`, so `T` ends at the calibration end) and, for the same
 * customers, what they did in the holdout period (calibrationEnd, observationEnd]:
 * `frequencyHoldout` (purchase days), `monetaryValueHoldout` (mean value per holdout
 * purchase day) and `durationHoldout`. Customers whose first purchase is in the holdout are
 * left out and counted in `report.customersFirstInHoldout`.
 *
 * @example
 * ```ts
 * const s = splitCalibrationHoldout(transactions, {
 *   calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week',
 * });
 * // s.durationHoldout[0] === 39
 * ```
 */
export function splitCalibrationHoldout(
  transactions: TransactionInput,
  options: SplitCalibrationHoldoutOptions,
): CalibrationHoldoutSummary {
  const fn = 'splitCalibrationHoldout';
  const o = parseOptions(fn, schema, options);
  const calEnd = optionDay(o.calibrationEnd, o.numericDates) as number;
  let obsEnd = optionDay(o.observationEnd, o.numericDates);
  if (obsEnd !== undefined && obsEnd < calEnd) {
    const message = `observationEnd must not be before calibrationEnd, got ${String(o.observationEnd)} < ${String(o.calibrationEnd)}`;
    throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [
      { code: 'invalid_option', path: ['options', 'observationEnd'], message, value: o.observationEnd },
    ]);
  }
  const tx = encodeTransactions(transactions, fn, o as TransactionReadOptions, obsEnd);
  obsEnd ??= Number.isNaN(tx.maxDay) ? calEnd : Math.max(tx.maxDay, calEnd);
  const partial = partialFromEncoded(tx);
  const { summary, source } = finalizeWithSource(partial, calEnd, o.unit, o.order, fn);
  if (o.regularity) withRegularity(summary, partial, source, calEnd);
  const per = unitDays(o.unit);
  const n = summary.length;
  const frequencyHoldout = new Int32Array(n);
  const monetaryValueHoldout = new Float64Array(n);
  const durationHoldout = new Float64Array(n).fill((obsEnd - calEnd) / per);
  const { dayStart, day, valueHi, valueLo, purchaseRows, rows } = partial;
  let holdoutRows = 0;
  const included = new Uint8Array(partial.customerIds.length);
  for (let k = 0; k < n; k++) {
    const c = source[k] as number;
    included[c] = 1;
    let count = 0;
    let hi = 0;
    let lo = 0;
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
      const d = day[i] as number;
      if (d <= calEnd) continue;
      holdoutRows += rows[i] as number;
      if ((purchaseRows[i] as number) === 0) continue;
      count++;
      const v = (valueHi[i] as number) + (valueLo[i] as number);
      const t = hi + v;
      lo += roundoff(hi, v, t);
      hi = t;
    }
    frequencyHoldout[k] = count;
    monetaryValueHoldout[k] = count > 0 ? (hi + lo) / count : 0;
  }
  let firstInHoldout = 0;
  for (let c = 0; c < partial.customerIds.length; c++) {
    if (included[c]) continue;
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
      if ((purchaseRows[i] as number) > 0 && (day[i] as number) > calEnd) {
        firstInHoldout++;
        break;
      }
    }
  }
  const { customerId, frequency, recency, T, monetaryValue, totalValue, firstPurchase, lastPurchase } = summary;
  const r = summary.report;
  const split = withMeta(
    {
      customerId, frequency, recency, T, monetaryValue, totalValue, firstPurchase, lastPurchase,
      frequencyHoldout, monetaryValueHoldout, durationHoldout,
      ...(summary.logIntervalSum ? { logIntervalSum: summary.logIntervalSum } : {}),
    },
    {
      length: n,
      unit: summary.unit,
      observationEnd: dayToIso(obsEnd),
      calibrationEnd: summary.observationEnd,
      report: {
        rows: r.rows,
        used: r.used + holdoutRows,
        afterObservationEnd: tx.afterObservationEnd,
        duplicateOrders: r.duplicateOrders,
        returnsIgnored: r.returnsIgnored,
        customersFirstInHoldout: firstInHoldout,
        customersWithoutPurchases: r.customersWithoutPurchases,
      },
    },
  );
  return markValidated(split, summary.unit);
}
