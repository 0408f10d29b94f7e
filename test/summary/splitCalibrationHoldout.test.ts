import { describe, expect, it } from 'vitest';
import { CustomerValueError, splitCalibrationHoldout, summarize, toRows } from '../../src/index.js';
import { cdnowMaster } from '../helpers/datasets.js';

describe('splitCalibrationHoldout on CDNOW_master (23,570 customers)', () => {
  const tx = cdnowMaster();
  const s = splitCalibrationHoldout(tx, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' });

  // An independent, deliberately plain computation: per customer the set of purchase days,
  // with day values, from the raw strings.
  const perCustomer = new Map<string, Map<string, number>>();
  tx.customerId.forEach((id, i) => {
    const days = perCustomer.get(id) ?? new Map<string, number>();
    days.set(tx.date[i]!, (days.get(tx.date[i]!) ?? 0) + tx.amount[i]!);
    perCustomer.set(id, days);
  });

  it('keeps every customer (all bought first in 1997 Q1) and a 39-week holdout', () => {
    expect(s.length).toBe(23570);
    expect(new Set(s.durationHoldout)).toEqual(new Set([39]));
    expect(s.calibrationEnd).toBe('1997-09-30');
    expect(s.observationEnd).toBe('1998-06-30');
    expect(s.report.rows).toBe(69659);
    expect(s.report.used).toBe(69659);
    expect(s.report.customersFirstInHoldout).toBe(0);
  });

  it('matches the plain computation for every customer', () => {
    const rows = toRows(s);
    for (const r of rows) {
      const days = perCustomer.get(r.customerId as string)!;
      const cal = [...days.keys()].filter((d) => d <= '1997-09-30').sort();
      const hold = [...days.keys()].filter((d) => d > '1997-09-30' && d <= '1998-06-30');
      expect(r.frequency).toBe(cal.length - 1);
      const ms = (d: string) => Date.parse(d + 'T00:00:00Z');
      expect(r.recency).toBeCloseTo((ms(cal.at(-1)!) - ms(cal[0]!)) / 6.048e8, 10);
      expect(r.T).toBeCloseTo((ms('1997-09-30') - ms(cal[0]!)) / 6.048e8, 10);
      expect(r.frequencyHoldout).toBe(hold.length);
      const holdMean = hold.length ? hold.reduce((a, d) => a + days.get(d)!, 0) / hold.length : 0;
      expect(r.monetaryValueHoldout).toBeCloseTo(holdMean, 8);
    }
    const totalHoldout = rows.reduce((a, r) => a + (r.frequencyHoldout as number), 0);
    expect(totalHoldout).toBeGreaterThan(10000);
  });

  it('agrees with summarize for the calibration columns', () => {
    const cal = summarize(tx, { observationEnd: '1997-09-30', unit: 'week' });
    expect(Array.from(s.frequency)).toEqual(Array.from(cal.frequency));
    expect(Array.from(s.T)).toEqual(Array.from(cal.T));
    expect(Array.from(s.monetaryValue)).toEqual(Array.from(cal.monetaryValue));
  });

  it('leaves out customers who first buy in the holdout and counts them', () => {
    const r = splitCalibrationHoldout(
      [
        { customerId: 'a', date: '2024-01-01', amount: 1 },
        { customerId: 'b', date: '2024-02-10', amount: 1 },
        { customerId: 'a', date: '2024-02-11', amount: 3 },
        { customerId: 'a', date: '2024-02-12', amount: 5 },
        { customerId: 'a', date: '2024-03-12', amount: 5 },
      ],
      { calibrationEnd: '2024-01-31', observationEnd: '2024-02-29' },
    );
    expect(toRows(r)).toEqual([
      { customerId: 'a', frequency: 0, recency: 0, T: 30, monetaryValue: 0, totalValue: 1, firstPurchase: '2024-01-01', lastPurchase: '2024-01-01', frequencyHoldout: 2, monetaryValueHoldout: 4, durationHoldout: 29 },
    ]);
    expect(r.report.customersFirstInHoldout).toBe(1);
    expect(r.report.afterObservationEnd).toBe(1);
  });

  it('rejects a holdout ending before the calibration', () => {
    expect(() => splitCalibrationHoldout([], { calibrationEnd: '2024-02-01', observationEnd: '2024-01-01' })).toThrow(CustomerValueError);
    expect(() => splitCalibrationHoldout([], {} as never)).toThrow(/calibrationEnd/);
  });
});
