import * as z from 'zod/mini';
import { UTCDate } from '@date-fns/utc';
import { addMonths, addWeeks, differenceInCalendarMonths, format, getISOWeek, getISOWeekYear, getQuarter, getYear, startOfISOWeek, startOfMonth, startOfQuarter, startOfYear, subMonths } from 'date-fns';

/** Calendar period kinds (UTC). */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

const month = { error: 'must be a month from 1 to 12' };

/** The calendar options every periodic report takes: `period` and `fiscalYearStart` (the month, 1-12, quarters and years start in). @internal */
export const calendarOptionsShape = {
  period: z.optional(z.enum(['week', 'month', 'quarter', 'year'], { error: "must be 'week', 'month', 'quarter' or 'year'" })),
  fiscalYearStart: z.optional(z.int(month).check(z.minimum(1, month)).check(z.maximum(12, month))),
};

/** Epoch day <-> a UTC date (date-fns computes in UTC through @date-fns/utc). */
const dateOf = (day: number): UTCDate => new UTCDate(day * 86_400_000);
const dayOf = (date: Date): number => Math.round(date.getTime() / 86_400_000);

/**
 * Start day of the period containing `day`, by date-fns in UTC: the ISO week (Monday), the
 * month, or the quarter and year that start in month `fiscal` (1 = calendar quarters and
 * years; 4 = April to March, ...). Called once per period, never per row. @internal
 */
export function periodStart(period: PeriodKind, day: number, fiscal = 1): number {
  const d = dateOf(day);
  if (period === 'week') return dayOf(startOfISOWeek(d));
  if (period === 'month') return dayOf(startOfMonth(d));
  // shift to the fiscal origin, take the calendar quarter or year, shift back
  const shifted = subMonths(startOfMonth(d), fiscal - 1);
  return dayOf(addMonths(period === 'quarter' ? startOfQuarter(shifted) : startOfYear(shifted), fiscal - 1));
}

/** Start day of the period after the one starting at `start`. @internal */
export function nextPeriodStart(period: PeriodKind, start: number): number {
  const d = dateOf(start);
  if (period === 'week') return dayOf(addWeeks(d, 1));
  return dayOf(addMonths(d, period === 'month' ? 1 : period === 'quarter' ? 3 : 12));
}

/**
 * Label of the period starting at `start`: '1997-W05' (ISO week-numbering year and week),
 * '1997-01', '1997-Q1', '1997'; with a fiscal year starting in month m > 1, years and
 * quarters take the name of the year they end in: 'FY1998' (April 1997 to March 1998),
 * 'FY1998-Q1'. @internal
 */
export function periodLabel(period: PeriodKind, start: number, fiscal = 1): string {
  const d = dateOf(start);
  if (period === 'week') return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
  if (period === 'month') return format(d, 'yyyy-MM');
  if (fiscal === 1) return period === 'quarter' ? `${getYear(d)}-Q${getQuarter(d)}` : String(getYear(d));
  const yearStart = dateOf(periodStart('year', start, fiscal));
  const endYear = getYear(addMonths(yearStart, 11));
  if (period === 'year') return `FY${endYear}`;
  return `FY${endYear}-Q${Math.floor(differenceInCalendarMonths(d, yearStart) / 3) + 1}`;
}

/** Periods covering [from, to], and a day -> period index map over [lo, hi]. @internal */
export interface PeriodGrid {
  kind: PeriodKind;
  /** Start day of each period, plus the start of the period after the last. */
  starts: Int32Array;
  labels: string[];
  /** Period index of day d for lo <= d <= hi (periods before the first are -1, after the last = count). */
  lo: number;
  index: Int32Array;
  count: number;
}

/** Grid of periods from the one containing `from` to the one containing `to`; day lookup over [lo, hi]. @internal */
export function periodGrid(period: PeriodKind, from: number, to: number, lo: number, hi: number, fiscal = 1): PeriodGrid {
  const starts: number[] = [];
  for (let s = periodStart(period, from, fiscal); s <= to; s = nextPeriodStart(period, s)) starts.push(s);
  const count = starts.length;
  starts.push(count ? nextPeriodStart(period, starts[count - 1] as number) : periodStart(period, from, fiscal));
  const span = Math.max(0, hi - lo + 1);
  const index = new Int32Array(span);
  let p = 0;
  for (let d = 0; d < span; d++) {
    const day = lo + d;
    while (p < count && day >= (starts[p + 1] as number)) p++;
    index[d] = day < (starts[0] as number) ? -1 : day >= (starts[count] as number) ? count : p;
  }
  return { kind: period, starts: Int32Array.from(starts), labels: starts.slice(0, count).map((s) => periodLabel(period, s, fiscal)), lo, index, count };
}
