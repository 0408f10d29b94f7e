/**
 * UTC day arithmetic. Days are integers counted from 1970-01-01 (day 0), as in
 * `Date.UTC(...) / 86_400_000`; no time zone or daylight-saving rule ever applies.
 * @internal
 */

export const MS_PER_DAY = 86_400_000;

/** Days per analysis unit: week = 7 days, month = 30.436875 days, year = 365.2425 days. */
export const DAYS_PER_UNIT = {
  day: 1,
  week: 7,
  month: 30.436875,
  year: 365.2425,
} as const;

/** Time unit in which durations (recency, T, horizons) are measured. */
export type TimeUnit = keyof typeof DAYS_PER_UNIT;

/** Epoch day of a proleptic Gregorian calendar date (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar year, month (1-12) and day of an epoch day (H. Hinnant's `civil_from_days`). */
export function civilFromDays(day: number): [year: number, month: number, dayOfMonth: number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** `YYYY-MM-DD` of an epoch day. */
export function dayToIso(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] as number);
}

/** Largest |epoch ms| a JavaScript Date can hold. @internal */
export const MAX_MS = 8.64e15;

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parse an ISO 8601 date or date-time string to its UTC epoch day, or NaN when the string is
 * not a valid date. Accepted: `YYYY-MM-DD` and basic `YYYYMMDD`, optionally followed by `T` or
 * a space and `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, optionally followed by `Z`, `±HH:MM`,
 * `±HHMM` or `±HH`. A time without an offset is read as UTC. Impossible dates
 * (`1997-13-45`, `1997-02-29`) are rejected, not rolled over.
 */
export function parseIsoDay(s: string): number {
  const n = s.length;
  let y: number, m: number, d: number, p: number;
  if (n >= 10 && s.charCodeAt(4) === 45 /* - */ && s.charCodeAt(7) === 45) {
    y = digits(s, 0, 4);
    m = digits(s, 5, 2);
    d = digits(s, 8, 2);
    p = 10;
  } else if (n >= 8) {
    y = digits(s, 0, 4);
    m = digits(s, 4, 2);
    d = digits(s, 6, 2);
    p = 8;
  } else return Number.NaN;
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  const day = daysFromCivil(y, m, d);
  if (p === n) return day;
  const sep = s.charCodeAt(p);
  if (sep !== 84 /* T */ && sep !== 32 /* space */ && sep !== 116 /* t */) return Number.NaN;
  p++;
  const hh = digits(s, p, 2);
  if (hh < 0 || s.charCodeAt(p + 2) !== 58 /* : */) return Number.NaN;
  const mm = digits(s, p + 3, 2);
  if (mm < 0 || mm > 59) return Number.NaN;
  p += 5;
  let ss = 0;
  if (p < n && s.charCodeAt(p) === 58) {
    ss = digits(s, p + 1, 2);
    if (ss < 0 || ss > 60) return Number.NaN;
    p += 3;
    if (p < n && (s.charCodeAt(p) === 46 /* . */ || s.charCodeAt(p) === 44 /* , */)) {
      let q = p + 1;
      while (q < n && s.charCodeAt(q) >= 48 && s.charCodeAt(q) <= 57) q++;
      if (q === p + 1) return Number.NaN;
      p = q;
    }
  }
  if (hh > 24 || (hh === 24 && (mm !== 0 || ss !== 0))) return Number.NaN;
  let minutes = day * 1440 + hh * 60 + mm;
  if (p < n) {
    const z = s.charCodeAt(p);
    if ((z === 90 /* Z */ || z === 122) && p + 1 === n) {
      // UTC
    } else if (z === 43 /* + */ || z === 45 /* - */) {
      const oh = digits(s, p + 1, 2);
      let om = 0;
      const rest = n - (p + 3);
      if (oh < 0 || oh > 23) return Number.NaN;
      if (rest === 3 && s.charCodeAt(p + 3) === 58) om = digits(s, p + 4, 2);
      else if (rest === 2) om = digits(s, p + 3, 2);
      else if (rest !== 0) return Number.NaN;
      if (om < 0 || om > 59) return Number.NaN;
      const offset = oh * 60 + om;
      minutes -= z === 43 ? offset : -offset;
    } else return Number.NaN;
  }
  return Math.floor(minutes / 1440);
}

/**
 * UTC epoch day of a date input (`Date`, ISO 8601 string, or epoch milliseconds), or NaN
 * when the value is not a valid date.
 */
export function toDay(value: unknown): number {
  if (typeof value === 'string') return parseIsoDay(value);
  if (typeof value === 'number') {
    return Number.isFinite(value) && Math.abs(value) <= MAX_MS ? Math.floor(value / MS_PER_DAY) : Number.NaN;
  }
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? Number.NaN : Math.floor(t / MS_PER_DAY);
  }
  return Number.NaN;
}

/** UTC day of a number under each reading, NaN when invalid. @internal */
export function numericDay(numeric: string): (v: number) => number {
  switch (numeric) {
    case 'epoch-s':
      return (v) => (Math.abs(v) <= MAX_MS / 1000 ? Math.floor(v / 86_400) : Number.NaN);
    case 'epoch-day':
      return (v) => (Number.isInteger(v) && Math.abs(v) <= 1e8 ? v : Number.NaN);
    case 'yyyymmdd':
      return (v) => (Number.isInteger(v) && v >= 10000101 && v <= 99991231 ? parseIsoDay(String(v)) : Number.NaN);
    default:
      return (v) => (v >= -MAX_MS && v <= MAX_MS ? Math.floor(v / MS_PER_DAY) : Number.NaN);
  }
}
