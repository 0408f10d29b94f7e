/**
 * summarize takes a direct route for typed whole-number ids in a compact range with typed
 * epoch-ms dates and amounts (no dictionary, rows split by customer partition). It must give
 * exactly what the general route gives for the same rows (here: the same ids as a plain
 * array, which always takes the general route).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize, toRows, type SummarizeOptions } from '../../src/index.js';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

function both(ids: number[], dates: number[], amounts: number[], options: SummarizeOptions = {}) {
  const direct = summarize({ customerId: Int32Array.from(ids), date: Float64Array.from(dates), amount: Float64Array.from(amounts) }, options);
  const general = summarize({ customerId: ids, date: dates, amount: amounts }, options);
  return { direct, general };
}

function expectSame(a: ReturnType<typeof summarize>, b: ReturnType<typeof summarize>): void {
  expect(toRows(a)).toEqual(toRows(b));
  expect(a.report).toEqual(b.report);
  expect(a.observationEnd).toBe(b.observationEnd);
}

/** A log in date order: rows of customers 0..k with days ascending, returns and same-day rows included. */
const log = fc
  .array(fc.record({ id: fc.integer({ min: 0, max: 40 }), day: fc.integer({ min: 0, max: 60 }), ms: fc.integer({ min: 0, max: DAY - 1 }), amount: fc.oneof(fc.double({ min: -50, max: 200, noNaN: true }), fc.constant(0)) }), { maxLength: 200 })
  .map((rows) => rows.sort((a, b) => a.day - b.day || a.ms - b.ms));

describe('summarize: the direct route for typed integer ids', () => {
  it('gives exactly the general route on any date-ordered log, with and without an observation end', () => {
    fc.assert(
      fc.property(log, fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }), fc.constantFrom<'first-seen' | 'customerId'>('first-seen', 'customerId'), (rows, endDay, order) => {
        const ids = rows.map((r) => r.id + 1000);
        const dates = rows.map((r) => START + r.day * DAY + r.ms);
        const amounts = rows.map((r) => r.amount);
        const options: SummarizeOptions = { unit: 'week', order, ...(endDay === undefined ? {} : { observationEnd: START + endDay * DAY }) };
        const { direct, general } = both(ids, dates, amounts, options);
        expectSame(direct, general);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('spans several customer partitions (ids 0..99,999) and keeps first-seen order', () => {
    const n = 300_000;
    const ids: number[] = [];
    const dates: number[] = [];
    const amounts: number[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((i * 7919) % 100_000);
      dates.push(START + Math.floor(i / 1000) * DAY);
      amounts.push(((i * 31) % 97) - 10);
    }
    const { direct, general } = both(ids, dates, amounts, { unit: 'day' });
    expect(direct.length).toBeGreaterThan(90_000);
    expectSame(direct, general);
  });

  it('falls back to the general route when a customer goes back in time, and reports bad rows as it does', () => {
    const { direct, general } = both([1, 2, 1], [START + 5 * DAY, START, START + DAY], [10, 20, 30]);
    expectSame(direct, general);
    expect(() => summarize({ customerId: Int32Array.of(1, 2), date: Float64Array.of(START, Number.NaN), amount: Float64Array.of(1, 2) })).toThrow(
      'summarize: row 1: date must be a finite number of milliseconds since 1970-01-01, got NaN',
    );
    expect(() => summarize({ customerId: Int32Array.of(1, 2), date: Float64Array.of(START, START), amount: Float64Array.of(1, Number.POSITIVE_INFINITY) })).toThrow(
      'summarize: row 1: amount must be a finite number, got Infinity',
    );
  });

  it('takes the general route for ids far apart, with the same result', () => {
    const { direct, general } = both([1, 1e9, 1], [START, START, START + DAY], [5, 6, 7]);
    expectSame(direct, general);
  });
});
