import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerValueError, rfm, summarize, toRows, validateRfmRules } from '../../src/index.js';
import { cdnowMaster } from '../helpers/datasets.js';

const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

describe('rfm: definitions and scores, hand-worked', () => {
  // 5 customers, asOf 2024-01-31 (day 30)
  const tx = [
    { customerId: 'a', date: day(29), amount: 100 }, // R 1 day, F 3, M 300
    { customerId: 'a', date: day(20), amount: 100 },
    { customerId: 'a', date: day(10), amount: 100 },
    { customerId: 'b', date: day(25), amount: 50 }, // R 5, F 2, M 80
    { customerId: 'b', date: day(5), amount: 30 },
    { customerId: 'c', date: day(15), amount: 500 }, // R 15, F 1, M 500
    { customerId: 'd', date: day(2), amount: 10 }, // R 28, F 1, M 10
    { customerId: 'e', date: day(0), amount: 20 }, // R 30, F 2, M 40
    { customerId: 'e', date: day(0), amount: 5 }, // same day: one purchase
    { customerId: 'e', date: day(1), amount: 15 },
  ];
  const r = rfm(tx, { asOf: day(30), bins: 5, scheme: 'quadrant' });

  it('computes R in days to asOf, F in purchase days and M as total', () => {
    expect(toRows(r.customers).map((c) => [c.customerId, c.recency, c.frequency, c.monetary])).toEqual([
      ['a', 1, 3, 300],
      ['b', 5, 2, 80],
      ['c', 15, 1, 500],
      ['d', 28, 1, 10],
      ['e', 29, 2, 40],
    ]);
    expect(r.asOf).toBe(day(30));
  });

  it('scores by the documented rule 1 + floor(bins · worse / n), ties share a score', () => {
    // R: days 1,5,15,28,29 -> worse counts 4,3,2,1,0 -> scores 5,4,3,2,1
    expect(Array.from(r.customers.rScore)).toEqual([5, 4, 3, 2, 1]);
    // F: 3,2,1,1,2 -> worse: 4,2,0,0,2 -> 1+floor(5*4/5)=5, 1+2=3, 1, 1, 3
    expect(Array.from(r.customers.fScore)).toEqual([5, 3, 1, 1, 3]);
    // M: 300,80,500,10,40 -> worse 3,2,4,0,1
    expect(Array.from(r.customers.mScore)).toEqual([4, 3, 5, 1, 2]);
    expect(r.customers.cell).toEqual(['554', '433', '315', '211', '132']);
    expect(Array.from(r.customers.score)).toEqual([14, 10, 9, 4, 6]);
  });

  it('quadrant: R and F above or below their means (R mean 15.6 days, F mean 1.8)', () => {
    expect(r.customers.segment).toEqual(['High Value', 'High Value', 'New', 'Low Value', 'Important to Retain']);
    const zh = rfm(tx, { asOf: day(30), scheme: 'quadrant', locale: 'zh' });
    expect(zh.customers.segment).toEqual(['高价值客户', '高价值客户', '新客户', '低价值客户', '重点保持客户']);
  });

  it('value-matrix: R, F, M vs their means (M mean 186)', () => {
    const v = rfm(tx, { asOf: day(30), scheme: 'value-matrix' });
    expect(v.customers.segment).toEqual(['Important Value', 'General Value', 'Important Development', 'General Win-back', 'General Retention']);
    const zh = rfm(tx, { asOf: day(30), scheme: 'value-matrix', locale: 'zh' });
    expect(zh.customers.segment[0]).toBe('重要价值客户');
    expect(zh.customers.segment[3]).toBe('一般挽留客户');
  });

  it('standard: the documented R x F grid', () => {
    const s = rfm(tx, { asOf: day(30) });
    // (R,F,M): a 5,5,4 Champions; b 4,3,3 Potential Loyalist; c 3,1,5 About To Sleep; d 2,1,1 Hibernating; e 1,3,2 At Risk
    expect(s.customers.segment).toEqual(['Champions', 'Potential Loyalist', 'About To Sleep', 'Hibernating', 'At Risk']);
  });

  it('segments table: counts, shares and means per segment', () => {
    const seg = toRows(r.segments);
    expect(seg.map((s) => s.segment)).toEqual(['High Value', 'Important to Retain', 'New', 'Low Value']);
    const high = seg[0]!;
    expect(high.count).toBe(2);
    expect(high.shareOfCustomers).toBeCloseTo(0.4, 12);
    expect(high.shareOfRevenue).toBeCloseTo(380 / 930, 12);
    expect(high.meanRecency).toBe(3);
    expect(high.meanFrequency).toBe(2.5);
    expect(high.meanMonetary).toBe(190);
    expect(seg.reduce((a, s) => a + s.count, 0)).toBe(5);
  });

  it('offers M as the mean per purchase day and fixed thresholds', () => {
    const m = rfm(tx, { asOf: day(30), monetary: 'mean', scheme: 'quadrant' });
    expect(Array.from(m.customers.monetary)).toEqual([100, 40, 500, 10, 20]);
    const t = rfm(tx, { asOf: day(30), scheme: 'quadrant', thresholds: { recency: [7, 14, 21, 28], frequency: [2, 3, 4, 5], monetary: [50, 100, 200, 400] } });
    expect(Array.from(t.customers.rScore)).toEqual([5, 5, 3, 2, 1]);
    expect(Array.from(t.customers.fScore)).toEqual([3, 2, 1, 1, 2]);
    expect(Array.from(t.customers.mScore)).toEqual([4, 2, 5, 1, 1]);
  });

  it('custom rules in order with a fallback, and the validator', () => {
    const rules = [
      { segment: 'VIP', r: [4, 5] as const, m: [4, 5] as const },
      { segment: 'Big spender', monetary: [400, Number.POSITIVE_INFINITY] as const },
      { segment: 'Recent', recency: [0, 7] as const },
    ];
    const c = rfm(tx, { asOf: day(30), scheme: rules, fallback: 'Rest' });
    expect(c.customers.segment).toEqual(['VIP', 'Recent', 'Big spender', 'Rest', 'Rest']);
    expect(c.segments.segment).toEqual(['VIP', 'Big spender', 'Recent', 'Rest']);
    const report = validateRfmRules([
      { segment: 'Top', r: [4, 5], f: [4, 5] },
      { segment: 'Top recent', r: [5, 5], f: [5, 5] },
      { segment: 'Rest', r: [1, 5] },
    ]);
    expect(report.unreachable).toEqual([{ rule: 1, segment: 'Top recent' }]);
    expect(report.overlaps.map((o) => [o.first, o.second])).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(report.uncovered).toEqual([]);
    expect(report.ok).toBe(false);
    const gaps = validateRfmRules([{ segment: 'Top', r: [5, 5] }]);
    expect(gaps.uncovered).toHaveLength(100);
  });

  it('reads a summary as well as transactions, and validates options', () => {
    const s = summarize(tx, { observationEnd: day(30) });
    const a = rfm(s, { scheme: 'quadrant' });
    expect(Array.from(a.customers.recency)).toEqual(Array.from(r.customers.recency));
    expect(a.customers.segment).toEqual(r.customers.segment);
    expect(() => rfm(tx, { bins: 4 })).toThrow("rfm: bins must be 5 with the 'standard' scheme, which is defined on 5 bins (use another scheme or custom rules), got 4");
    expect(() => rfm(tx, { bins: 1 } as never)).toThrow(CustomerValueError);
    expect(() => rfm(tx, { scheme: 'abc' } as never)).toThrow(/scheme/);
  });
});

describe('rfm properties', () => {
  const arb = fc.array(
    fc.record({ customerId: fc.integer({ min: 1, max: 40 }), d: fc.integer({ min: 0, max: 200 }), amount: fc.integer({ min: 1, max: 10000 }) }),
    { minLength: 1, maxLength: 150 },
  );
  const tx = (rows: Array<{ customerId: number; d: number; amount: number }>) => rows.map((r) => ({ customerId: r.customerId, date: day(r.d), amount: r.amount / 100 }));

  it('scores in 1..bins, monotone in the raw values, unchanged by row order', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 2, max: 9 }), (rows, bins) => {
        const r = rfm(tx(rows), { asOf: day(200), bins, scheme: 'quadrant' });
        const c = r.customers;
        for (let i = 0; i < c.length; i++) {
          for (const s of [c.rScore, c.fScore, c.mScore]) expect(s[i]).toBeGreaterThanOrEqual(1), expect(s[i]).toBeLessThanOrEqual(bins);
          for (let j = 0; j < c.length; j++) {
            if (c.recency[i]! < c.recency[j]!) expect(c.rScore[i]).toBeGreaterThanOrEqual(c.rScore[j]!);
            if (c.recency[i]! === c.recency[j]!) expect(c.rScore[i]).toBe(c.rScore[j]);
            if (c.frequency[i]! > c.frequency[j]!) expect(c.fScore[i]).toBeGreaterThanOrEqual(c.fScore[j]!);
            if (c.monetary[i]! > c.monetary[j]!) expect(c.mScore[i]).toBeGreaterThanOrEqual(c.mScore[j]!);
          }
        }
        const shuffled = rfm([...tx(rows)].reverse(), { asOf: day(200), bins, scheme: 'quadrant' });
        const byId = (x: typeof r) => Object.fromEntries(toRows(x.customers).map((row) => [row.customerId, row]));
        expect(byId(shuffled)).toEqual(byId(r));
      }),
      { numRuns: 100 },
    );
  });

  it('balances quantile bins when values are distinct', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1e6 }), { minLength: 10, maxLength: 200 }), fc.integer({ min: 2, max: 9 }), (values, bins) => {
        const rows = values.map((v, i) => ({ customerId: i, date: day(0), amount: v }));
        const r = rfm(rows, { asOf: day(1), bins, scheme: 'quadrant' });
        const counts = new Array(bins).fill(0);
        for (const s of r.customers.mScore) counts[s - 1]++;
        for (const c of counts) expect(Math.abs(c - values.length / bins)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('rfm on CDNOW_master against a plain computation', () => {
  const tx = cdnowMaster();
  const r = rfm(tx, { asOf: '1998-06-30', scheme: 'value-matrix' });

  it('matches R, F, M and the value-matrix segment sizes computed directly', () => {
    const per = new Map<string, { days: Set<string>; total: number }>();
    tx.customerId.forEach((id, i) => {
      const c = per.get(id) ?? { days: new Set<string>(), total: 0 };
      c.days.add(tx.date[i]!);
      c.total += tx.amount[i]!;
      per.set(id, c);
    });
    const ms = (d: string) => Date.parse(d + 'T00:00:00Z');
    const end = ms('1998-06-30');
    const raw = [...per.entries()].map(([id, c]) => ({ id, R: (end - Math.max(...[...c.days].map(ms))) / 864e5, F: c.days.size, M: c.total }));
    const mean = (k: 'R' | 'F' | 'M') => raw.reduce((a, x) => a + x[k], 0) / raw.length;
    const [mR, mF, mM] = [mean('R'), mean('F'), mean('M')];
    const name = (x: (typeof raw)[number]) => `${x.M > mM ? 'Important' : 'General'} ${x.R < mR ? (x.F > mF ? 'Value' : 'Development') : x.F > mF ? 'Retention' : 'Win-back'}`;
    const expected = new Map<string, number>();
    for (const x of raw) expected.set(name(x), (expected.get(name(x)) ?? 0) + 1);
    expect(r.customers.length).toBe(23570);
    const got = Object.fromEntries(toRows(r.segments).map((s) => [s.segment, s.count]));
    for (const [seg, count] of expected) expect(got[seg]).toBe(count);
    const byId = new Map(raw.map((x) => [x.id, x]));
    for (let i = 0; i < r.customers.length; i += 97) {
      const x = byId.get(r.customers.customerId[i] as string)!;
      expect(r.customers.recency[i]).toBe(x.R);
      expect(r.customers.frequency[i]).toBe(x.F);
      expect(r.customers.monetary[i]).toBeCloseTo(x.M, 8);
    }
  });

  it('standard segments cover every customer with shares that sum to 1', () => {
    const s = rfm(tx, { asOf: '1998-06-30' });
    expect(s.segments.count.reduce((a, b) => a + b, 0)).toBe(23570);
    expect(s.segments.shareOfCustomers.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(s.segments.shareOfRevenue.reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0)).toBeCloseTo(1, 12);
  });
});

describe("rfm with binning: 'ckmeans' (natural breaks)", () => {
  it('scores by the clusters of each dimension: three clear groups of spend get three scores', () => {
    // M: 10, 11, 12 | 100, 110 | 1000; one purchase each on the same day (R and F tie)
    const amounts = [10, 11, 12, 100, 110, 1000];
    const tx = amounts.map((amount, i) => ({ customerId: `c${i}`, date: '2024-01-01', amount }));
    const r = rfm(tx, { binning: 'ckmeans', bins: 3, scheme: 'quadrant', asOf: '2024-01-31' });
    expect(Array.from(r.customers.mScore)).toEqual([1, 1, 1, 2, 2, 3]);
    // R and F have one distinct value: one bin, score 1
    expect(new Set(r.customers.rScore)).toEqual(new Set([1]));
  });

  it('gives recency the reverse order (fewer days is better) and refuses thresholds with it', () => {
    const days = ['2024-01-30', '2024-01-29', '2024-01-02', '2024-01-01'];
    const tx = days.map((date, i) => ({ customerId: `c${i}`, date, amount: 10 }));
    const r = rfm(tx, { binning: 'ckmeans', bins: 2, scheme: 'quadrant', asOf: '2024-01-31' });
    expect(Array.from(r.customers.rScore)).toEqual([2, 2, 1, 1]);
    expect(() => rfm(tx, { binning: 'ckmeans', thresholds: { recency: [30], frequency: [2], monetary: [100] }, scheme: 'quadrant' })).toThrow(/binning cannot be given together with thresholds/);
    expect(() => rfm(tx, { binning: 'jenks' as never })).toThrow(/binning must be 'quantile' or 'ckmeans'/);
  });
});
