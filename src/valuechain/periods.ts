import { civilFromDays, daysFromCivil, isoWeek } from '../data/days.js';

/** Calendar period kinds (UTC). */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

/** Start day of the period containing `day`. @internal */
export function periodStart(period: PeriodKind, day: number): number {
  if (period === 'week') return day - ((((day + 3) % 7) + 7) % 7); // Monday
  const [y, m] = civilFromDays(day);
  if (period === 'month') return daysFromCivil(y, m, 1);
  if (period === 'quarter') return daysFromCivil(y, m - ((m - 1) % 3), 1);
  return daysFromCivil(y, 1, 1);
}

/** Start day of the period after the one starting at `start`. @internal */
export function nextPeriodStart(period: PeriodKind, start: number): number {
  if (period === 'week') return start + 7;
  const [y, m] = civilFromDays(start);
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const total = y * 12 + (m - 1) + months;
  return daysFromCivil(Math.floor(total / 12), (total % 12) + 1, 1);
}

/** Label of the period starting at `start`: '1997-W05', '1997-01', '1997-Q1', '1997'. @internal */
export function periodLabel(period: PeriodKind, start: number): string {
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
export function periodGrid(period: PeriodKind, from: number, to: number, lo: number, hi: number): PeriodGrid {
  const starts: number[] = [];
  for (let s = periodStart(period, from); s <= to; s = nextPeriodStart(period, s)) starts.push(s);
  const count = starts.length;
  starts.push(count ? nextPeriodStart(period, starts[count - 1] as number) : periodStart(period, from));
  const span = Math.max(0, hi - lo + 1);
  const index = new Int32Array(span);
  let p = 0;
  for (let d = 0; d < span; d++) {
    const day = lo + d;
    while (p < count && day >= (starts[p + 1] as number)) p++;
    index[d] = day < (starts[0] as number) ? -1 : day >= (starts[count] as number) ? count : p;
  }
  return { kind: period, starts: Int32Array.from(starts), labels: starts.slice(0, count).map((s) => periodLabel(period, s)), lo, index, count };
}
