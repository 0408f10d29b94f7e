import { roundoff } from '../math/sum.js';
import type { SummaryPartial } from './partial.js';
import type { CustomerTotals } from './totals.js';

/**
 * Every customer's history as of day `end` (inclusive), from a partial: purchase days,
 * first and last purchase day, the net value of the repeat purchase days and of all days;
 * days after `end` are left out and their rows counted. The one walk over "a customer's
 * history up to a day" that summaries, customer classes, lifecycle stages and the value
 * chain share. @internal
 */
export function historyAsOf(partial: SummaryPartial, end: number): CustomerTotals {
  const { dayStart, day, valueHi, valueLo, rows, purchaseRows } = partial;
  const nc = partial.customerIds.length;
  const daysOut = new Int32Array(nc);
  const firstOut = new Int32Array(nc);
  const lastOut = new Int32Array(nc);
  const repeat = new Float64Array(nc);
  const total = new Float64Array(nc);
  const hasRows = new Uint8Array(nc);
  let used = 0;
  let afterEnd = partial.counts.afterObservationEnd;
  for (let c = 0; c < nc; c++) {
    const to = dayStart[c + 1] as number;
    let first = 0;
    let last = 0;
    let days = 0;
    let totHi = 0;
    let totLo = 0;
    let repHi = 0;
    let repLo = 0;
    let i = dayStart[c] as number;
    if (i < to && (day[i] as number) <= end) hasRows[c] = 1;
    for (; i < to; i++) {
      const d = day[i] as number;
      if (d > end) break;
      used += rows[i] as number;
      const v = (valueHi[i] as number) + (valueLo[i] as number);
      let t = totHi + v;
      totLo += roundoff(totHi, v, t);
      totHi = t;
      if ((purchaseRows[i] as number) > 0) {
        if (days === 0) first = d;
        else {
          t = repHi + v;
          repLo += roundoff(repHi, v, t);
          repHi = t;
        }
        last = d;
        days++;
      }
    }
    for (; i < to; i++) afterEnd += rows[i] as number;
    daysOut[c] = days;
    firstOut[c] = first;
    lastOut[c] = last;
    repeat[c] = repHi + repLo;
    total[c] = totHi + totLo;
  }
  return { days: daysOut, first: firstOut, last: lastOut, repeat, total, hasRows, used, afterObservationEnd: afterEnd };
}

/** Index of the first of customer c's days that is > `day` (days ascend within a customer). */
function firstAfter(partial: SummaryPartial, c: number, day: number): number {
  const { day: days } = partial;
  let lo = partial.dayStart[c] as number;
  let hi = partial.dayStart[c + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) > day) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Customer c's purchase days in (after, upTo], by binary search on its sorted days. @internal */
export function purchaseDaysBetween(partial: SummaryPartial, c: number, after: number, upTo: number): number {
  if (!(upTo > after)) return 0;
  const from = firstAfter(partial, c, after);
  const to = firstAfter(partial, c, upTo);
  const { purchaseRows } = partial;
  let n = 0;
  for (let i = from; i < to; i++) if ((purchaseRows[i] as number) > 0) n++;
  return n;
}
