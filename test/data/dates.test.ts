import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerValueError, summarize } from '../../src/index.js';

/** The UTC day of each input, through the public API: the first purchase day of a one-row summary. */
const dayOf = (date: unknown): string =>
  summarize([{ customerId: 'x', date: date as string, amount: 1 }]).firstPurchase[0] as string;

describe('date inputs are reduced to UTC days', () => {
  it.each([
    ['1997-01-01', '1997-01-01'],
    ['19970101', '1997-01-01'],
    ['1997-01-01T00:00:00Z', '1997-01-01'],
    ['1997-01-01T23:59:59.999Z', '1997-01-01'],
    ['1997-01-01 12:30:00', '1997-01-01'],
    ['1997-01-01T12:30', '1997-01-01'],
    ['1997-01-01T23:30:00-05:00', '1997-01-02'],
    ['1997-01-01T01:30:00+02:00', '1996-12-31'],
    ['1997-01-01T01:30:00+0200', '1996-12-31'],
    ['1997-01-01T01:30:00+02', '1996-12-31'],
    ['1997-01-01T24:00:00Z', '1997-01-02'],
    ['2000-02-29', '2000-02-29'],
    ['1969-12-31T23:00:00Z', '1969-12-31'],
  ])('%s -> %s', (input, expected) => {
    expect(dayOf(input)).toBe(expected);
  });

  it('reads Date objects and epoch milliseconds by their UTC day', () => {
    expect(dayOf(new Date(Date.UTC(1997, 0, 1, 23, 59)))).toBe('1997-01-01');
    expect(dayOf(Date.UTC(1997, 0, 1, 23, 59))).toBe('1997-01-01');
    expect(dayOf(-1)).toBe('1969-12-31');
  });

  it.each(['1997-13-45', '1997-02-29', '1900-02-29', '1997-00-10', '1997-1-1', '1997-01-01T25:00', '1997-01-01T10:60',
    '1997-01-01T24:30', '1997-01-01X', '1997-01-01T10:00:00+25:00', '', 'yesterday', '01/02/1997'])('rejects %j', (s) => {
    expect(() => dayOf(s)).toThrow(/date must be a valid Date/);
  });

  it('agrees with Date.UTC on every day from 1900 to 2100 and with Date for offsets (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const utc = new Date(ms).toISOString(); // 'YYYY-MM-DDTHH:MM:SS.sssZ'
          const expectedDay = utc.slice(0, 10);
          expect(dayOf(utc)).toBe(expectedDay);
          expect(dayOf(ms)).toBe(expectedDay);
          // the same instant written in another offset
          const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const a = Math.abs(offsetMinutes);
          const off = `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
          expect(dayOf(local + off)).toBe(new Date(Math.floor(ms / 60_000) * 60_000).toISOString().slice(0, 10));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('really runs in the zone the project sets', () => {
    const expected: Record<string, number> = { UTC: 0, 'America/Los_Angeles': 480, 'Australia/Sydney': -600 };
    const tz = process.env.TZ ?? 'UTC';
    expect(new Date(Date.UTC(2024, 6, 1)).getTimezoneOffset() + (tz === 'America/Los_Angeles' ? 60 : 0)).toBe(expected[tz]);
  });

  it('gives the same summary in any time zone (this file also runs under TZ=America/Los_Angeles and Australia/Sydney)', () => {
    const s = summarize(
      [
        { customerId: 'a', date: new Date('2024-03-10T01:00:00Z'), amount: 1 },
        { customerId: 'a', date: '2024-03-10T23:00:00-08:00', amount: 1 },
        { customerId: 'a', date: Date.UTC(2024, 9, 6, 23), amount: 1 },
      ],
      { unit: 'day' },
    );
    expect(s.firstPurchase[0]).toBe('2024-03-10');
    expect(s.frequency[0]).toBe(2);
    expect(s.recency[0]).toBe(210);
  });
});

describe('numeric dates', () => {
  const one = (date: number, numericDates: 'epoch-ms' | 'epoch-s' | 'epoch-day' | 'yyyymmdd') =>
    summarize([{ customerId: 'x', date, amount: 1 }], { numericDates }).firstPurchase[0];
  it('are epoch milliseconds by default, or seconds, days or YYYYMMDD on request', () => {
    const ms = Date.UTC(1997, 0, 1, 12);
    expect(one(ms, 'epoch-ms')).toBe('1997-01-01');
    expect(one(ms / 1000, 'epoch-s')).toBe('1997-01-01');
    expect(one(9862, 'epoch-day')).toBe('1997-01-01');
    expect(one(19970101, 'yyyymmdd')).toBe('1997-01-01');
    expect(summarize({ customerId: ['a'], date: new Float64Array([19970101]), amount: [1] }, { numericDates: 'yyyymmdd' }).firstPurchase[0]).toBe('1997-01-01');
  });
  it('reject what the reading cannot parse', () => {
    expect(() => one(19971345, 'yyyymmdd')).toThrow('summarize: row 0: date must be a valid date written as the number YYYYMMDD, got 19971345');
    expect(() => one(1.5, 'epoch-day')).toThrow(/whole days since 1970-01-01/);
    expect(() => summarize([], { numericDates: 'weeks' } as never)).toThrow(CustomerValueError);
  });
});
