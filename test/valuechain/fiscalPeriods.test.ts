import { describe, expect, it } from 'vitest';
import { customerProfitability, valueChain } from '../../src/index.js';
import { periodGrid, periodStart } from '../../src/valuechain/periods.js';
import { toDay } from '../../src/data/days.js';

const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

describe('calendar periods by date-fns in UTC: ISO weeks, months, fiscal years and quarters (fiscalYearStart)', () => {
  it('starts quarters and years in the fiscal month and names them by the year they end in', () => {
    // April to March: 2024-02-15 is in FY2024 (2023-04-01 to 2024-03-31), in its fourth quarter (January to March)
    expect(iso(periodStart('year', toDay('2024-02-15'), 4))).toBe('2023-04-01');
    expect(iso(periodStart('quarter', toDay('2024-02-15'), 4))).toBe('2024-01-01');
    expect(iso(periodStart('quarter', toDay('2024-05-20'), 4))).toBe('2024-04-01');
    const g = periodGrid('quarter', toDay('2024-01-10'), toDay('2024-10-01'), toDay('2024-01-01'), toDay('2024-12-31'), 4);
    expect(g.labels).toEqual(['FY2024-Q4', 'FY2025-Q1', 'FY2025-Q2', 'FY2025-Q3']);
    expect(periodGrid('year', toDay('2024-01-10'), toDay('2024-10-01'), toDay('2024-01-01'), toDay('2024-12-31'), 7).labels).toEqual(['FY2024', 'FY2025']);
    // the calendar default is unchanged
    expect(periodGrid('quarter', toDay('2024-01-10'), toDay('2024-05-01'), toDay('2024-01-01'), toDay('2024-12-31')).labels).toEqual(['2024-Q1', '2024-Q2']);
  });

  it('ISO weeks start on Monday and carry the ISO week-numbering year', () => {
    // 2021-01-03 is a Sunday in 2020-W53; 2024-12-30 is the Monday of 2025-W01
    expect(iso(periodStart('week', toDay('2021-01-03')))).toBe('2020-12-28');
    const g = periodGrid('week', toDay('2021-01-03'), toDay('2021-01-04'), toDay('2020-12-01'), toDay('2021-02-01'));
    expect(g.labels).toEqual(['2020-W53', '2021-W01']);
    expect(periodGrid('week', toDay('2024-12-30'), toDay('2024-12-30'), toDay('2024-12-01'), toDay('2025-01-31')).labels).toEqual(['2025-W01']);
    expect(periodGrid('month', toDay('2023-12-15'), toDay('2024-01-15'), toDay('2023-12-01'), toDay('2024-02-01')).labels).toEqual(['2023-12', '2024-01']);
  });

  it('reaches the reports', () => {
    const tx = [
      { customerId: 'a', date: '2024-03-30', amount: 10 },
      { customerId: 'a', date: '2024-04-02', amount: 20 },
    ];
    const chain = valueChain(tx, [], { period: 'year', fiscalYearStart: 4 });
    expect(chain.periods.map((p) => [p.period, p.start, p.end, p.retain.revenue])).toEqual([
      ['FY2024', '2023-04-01', '2024-03-31', 10],
      ['FY2025', '2024-04-01', '2025-03-31', 20],
    ]);
    expect(customerProfitability(tx, [], { period: 'quarter', fiscalYearStart: 4 }).periods.period).toEqual(['FY2024-Q4', 'FY2025-Q1']);
    expect(() => valueChain(tx, [], { fiscalYearStart: 13 })).toThrow(/fiscalYearStart must be a month from 1 to 12/);
  });
});
