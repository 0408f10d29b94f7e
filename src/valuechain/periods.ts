import { z } from 'zod';
import { civilFromDays, daysFromCivil, isoWeek } from '../data/days.js';

/** Calendar period kinds (UTC). */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

/** The `period` option every calendar report takes. @internal */
export const periodOption = z.enum(['week', 'month', 'quarter', 'year'], { error: "must be 'week', 'month', 'quarter' or 'year'" });

/** The `fiscalYearStart` option: the month (1-12) quarters and years start from. @internal */
export const fiscalYearStartOption = z.number({ error: 'must be a month from 1 to 12' }).int({ error: 'must be a month from 1 to 12' }).min(1, { error: 'must be a month from 1 to 12' }).max(12, { error: 'must be a month from 1 to 12' });

/**
 * Start day of the period containing `day`. Quarters and years start in month `fiscal`
 * (1 = calendar quarters and years; 4 = April to March, ...). @internal
 */
export function periodStart(period: PeriodKind, day: number, fiscal = 1): number {
  if (period === 'week') return day - ((((day + 3) % 7) + 7) % 7); // Monday
  const [y, m] = civilFromDays(day);
  if (period === 'month') return daysFromCivil(y, m, 1);
  const span = period === 'quarter' ? 3 : 12;
  // months since the fiscal origin, rounded down to the period
  const months = y * 12 + (m - 1) - (fiscal - 1);
  const start = months - (((months % span) + span) % span) + (fiscal - 1);
  return daysFromCivil(Math.floor(start / 12), (start % 12) + 1, 1);
}

/** Start day of the period after the one starting at `start`. @internal */
export function nextPeriodStart(period: PeriodKind, start: number): number {
  if (period === 'week') return start + 7;
  const [y, m] = civilFromDays(start);
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const total = y * 12 + (m - 1) + months;
  return daysFromCivil(Math.floor(total / 12), (total % 12) + 1, 1);
}

/**
 * Label of the period starting at `start`: '1997-W05', '1997-01', '1997-Q1', '1997'; with a
 * fiscal year starting in month m > 1, years and quarters take the name of the year they end
 * in: 'FY1998' (April 1997 to March 1998), 'FY1998-Q1'. @internal
 */
export function periodLabel(period: PeriodKind, start: number, fiscal = 1): string {
  if (fiscal !== 1 && (period === 'quarter' || period === 'year')) {
    const [y, m] = civilFromDays(start);
    const offset = (m - fiscal + 12) % 12;
    const endYear = m >= fiscal ? y + 1 : y;
    return period === 'year' ? `FY${endYear}` : `FY${endYear}-Q${Math.floor(offset / 3) + 1}`;
  }
  if (period === 'week') {
    const [y, w] = isoWeek(start);
    return `${y}-W${String(w).padStart(2, '0')}`;
  }
  const [y, m] = civilFromDays(start);
  if (period === 'month') return `${y}-${String(m).padStart(2, '0')}`;
  if (period === 'quarter') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return String(y);
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
