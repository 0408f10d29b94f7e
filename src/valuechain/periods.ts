import { civilFromDays, daysFromCivil, isoWeek } from '../data/days.js';

/** Calendar period kinds (UTC). */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

/** Start day of the period containing `day`. @internal */
export function periodStart(kind: PeriodKind, day: number): number {
  if (kind === 'week') return day - ((((day + 3) % 7) + 7) % 7); // Monday
  const [y, m] = civilFromDays(day);
  if (kind === 'month') return daysFromCivil(y, m, 1);
  if (kind === 'quarter') return daysFromCivil(y, m - ((m - 1) % 3), 1);
  return daysFromCivil(y, 1, 1);
}

/** Start day of the period after the one starting at `start`. @internal */
export function nextPeriodStart(kind: PeriodKind, start: number): number {
  if (kind === 'week') return start + 7;
  const [y, m] = civilFromDays(start);
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const total = y * 12 + (m - 1) + months;
  return daysFromCivil(Math.floor(total / 12), (total % 12) + 1, 1);
}

/** Label of the period starting at `start`: '1997-W05', '1997-01', '1997-Q1', '1997'. @internal */
export function periodLabel(kind: PeriodKind, start: number): string {
  if (kind === 'week') {
    const [y, w] = isoWeek(start);
    return `${y}-W${String(w).padStart(2, '0')}`;
  }
  const [y, m] = civilFromDays(start);
  if (kind === 'month') return `${y}-${String(m).padStart(2, '0')}`;
  if (kind === 'quarter') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
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
export function periodGrid(kind: PeriodKind, from: number, to: number, lo: number, hi: number): PeriodGrid {
  const starts: number[] = [];
  for (let s = periodStart(kind, from); s <= to; s = nextPeriodStart(kind, s)) starts.push(s);
  const count = starts.length;
  starts.push(count ? nextPeriodStart(kind, starts[count - 1] as number) : periodStart(kind, from));
  const span = Math.max(0, hi - lo + 1);
  const index = new Int32Array(span);
  let p = 0;
  for (let d = 0; d < span; d++) {
    const day = lo + d;
    while (p < count && day >= (starts[p + 1] as number)) p++;
    index[d] = day < (starts[0] as number) ? -1 : day >= (starts[count] as number) ? count : p;
  }
  return { kind, starts: Int32Array.from(starts), labels: starts.slice(0, count).map((s) => periodLabel(kind, s)), lo, index, count };
}
