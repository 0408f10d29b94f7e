import { describe, expect, it } from 'vitest';
import { finalizeSummary, mergePartials, splitCalibrationHoldout, summarize, summarizePartial } from '../../src/index.js';

const rows = [
  { customerId: 'a', date: '2024-01-01', amount: 10 },
  { customerId: 'a', date: '2024-01-08', amount: 5 },
  { customerId: 'a', date: '2024-01-08', amount: 5 }, // same day: one purchase
  { customerId: 'a', date: '2024-01-15', amount: -3 }, // a returns-only day is no purchase
  { customerId: 'a', date: '2024-01-22', amount: 7 },
  { customerId: 'b', date: '2024-01-03', amount: 4 },
  { customerId: 'c', date: '2024-01-02', amount: 2 },
  { customerId: 'c', date: '2024-01-05', amount: 2 },
];

describe("summarize(tx, { regularity: true }): logIntervalSum", () => {
  it('is the sum of log inter-purchase times in the unit, 0 without repeat purchases (worked by hand)', () => {
    const s = summarize(rows, { unit: 'week', observationEnd: '2024-01-31', regularity: true });
    // a: purchase days 0, 7, 21 -> intervals 1 and 2 weeks; b: none; c: 3 days = 3/7 week
    expect(Array.from(s.logIntervalSum!)).toEqual([Math.log(1) + Math.log(2), 0, Math.log(3 / 7)]);
    expect(summarize(rows).logIntervalSum).toBeUndefined();
  });

  it('is the same from chunks merged in any order, and in the calibration summary', () => {
    const whole = summarize(rows, { unit: 'day', regularity: true, order: 'customerId' });
    const merged = finalizeSummary(mergePartials(summarizePartial(rows.slice(4)), summarizePartial(rows.slice(0, 4))), { unit: 'day', regularity: true, order: 'customerId' });
    expect(Array.from(merged.logIntervalSum!)).toEqual(Array.from(whole.logIntervalSum!));
    const split = splitCalibrationHoldout(rows, { calibrationEnd: '2024-01-10', observationEnd: '2024-01-31', unit: 'day', regularity: true });
    // a: days 0 and 7 up to the calibration end -> log 7; c: log 3
    expect(Array.from(split.logIntervalSum!)).toEqual([Math.log(7), 0, Math.log(3)]);
  });
});
