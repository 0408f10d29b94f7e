import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abc, toRows } from '../../src/index.js';
import { cdnowMaster } from '../helpers/datasets.js';

describe('abc, hand-worked', () => {
  // values 50, 20, 10, 10, 5, 3, 2 (total 100)
  const customers = { customerId: ['e', 'a', 'c', 'b', 'd', 'f', 'g'], value: [10, 50, 5, 10, 20, 3, 2] };
  const r = abc(customers);

  it('ranks by value, ties by id, and cuts tiers at 80 % / 95 % with the crossing customer in the higher tier', () => {
    expect(toRows(r.customers)).toEqual([
      { customerId: 'e', value: 10, rank: 4, cumulativeShare: 0.9, tier: 'B' },
      { customerId: 'a', value: 50, rank: 1, cumulativeShare: 0.5, tier: 'A' },
      { customerId: 'c', value: 5, rank: 5, cumulativeShare: 0.95, tier: 'B' },
      { customerId: 'b', value: 10, rank: 3, cumulativeShare: 0.8, tier: 'A' },
      { customerId: 'd', value: 20, rank: 2, cumulativeShare: 0.7, tier: 'A' },
      { customerId: 'f', value: 3, rank: 6, cumulativeShare: 0.98, tier: 'C' },
      { customerId: 'g', value: 2, rank: 7, cumulativeShare: 1, tier: 'C' },
    ]);
  });

  it('tier table and Pareto figures', () => {
    expect(toRows(r.tiers)).toEqual([
      { tier: 'A', count: 3, shareOfCustomers: 3 / 7, value: 80, shareOfValue: 0.8, minValue: 10, maxValue: 50 },
      { tier: 'B', count: 2, shareOfCustomers: 2 / 7, value: 15, shareOfValue: 0.15, minValue: 5, maxValue: 10 },
      { tier: 'C', count: 2, shareOfCustomers: 2 / 7, value: 5, shareOfValue: 0.05, minValue: 2, maxValue: 3 },
    ]);
    // ascending 2,3,5,10,10,20,50: Σ i x = 2+6+15+40+50+120+350 = 583; G = 2*583/(7*100) - 8/7
    expect(r.pareto.gini).toBeCloseTo((2 * 583) / 700 - 8 / 7, 12);
    expect(r.pareto.top20Share).toBeCloseTo(0.7, 12); // top ceil(1.4) = 2 customers
    expect(r.pareto.customersFor80).toBeCloseTo(3 / 7, 12);
    const all = abc(customers, { lorenzPoints: 'all' }).pareto.lorenz;
    expect(Array.from(all.value)).toEqual([0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1].map((v) => expect.closeTo(v, 12)) as never);
  });

  it('cuts by share of customers, and by computed limits', () => {
    const c = abc(customers, { rule: 'customers' });
    expect(c.customers.tier).toEqual(['B', 'A', 'C', 'B', 'A', 'C', 'C']); // A: ranks 1-2 (ceil 1.4), B: ranks 3-4 (ceil 3.5)
    const comp = abc(customers, { rule: 'computed' });
    // break-even: values >= mean (100/7 = 14.3): ranks 1-2; Pareto point: closest of (k/7, y_k) to (0,1)
    const y = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1];
    const d = y.map((v, k) => (k / 7) ** 2 + (1 - v) ** 2);
    const pareto = d.indexOf(Math.min(...d.slice(1)));
    const a = Math.min(pareto, 2);
    expect(comp.customers.tier.filter((t) => t === 'A')).toHaveLength(a);
  });

  it('puts zero and negative values last, in tier C, counted as zero', () => {
    const z = abc({ customerId: [1, 2, 3, 4], value: [-5, 0, 60, 40] });
    expect(z.customers.tier).toEqual(['C', 'C', 'A', 'A']); // 40 crosses 80 %: tier A
    expect(Array.from(z.customers.rank)).toEqual([4, 3, 1, 2]);
    expect(z.pareto.nonPositive).toBe(2);
    expect(z.tiers.shareOfValue.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('sums transactions per customer', () => {
    const t = abc([
      { customerId: 'x', date: '2024-01-01', amount: 10 },
      { customerId: 'y', date: '2024-01-02', amount: 30 },
      { customerId: 'x', date: '2024-01-03', amount: 5 },
    ]);
    expect(Array.from(t.customers.value)).toEqual([15, 30]);
  });
});

describe('abc properties', () => {
  const arb = fc.array(fc.integer({ min: -100, max: 10000 }), { minLength: 1, maxLength: 200 });
  it('tier shares sum to 1, Gini in [0, 1], A non-empty with positive value, unchanged by shuffling', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom('value', 'customers', 'computed') as fc.Arbitrary<'value' | 'customers' | 'computed'>, (vals, rule) => {
        const ids = vals.map((_, i) => `c${i}`);
        const r = abc({ customerId: ids, value: vals }, { rule });
        const positive = vals.some((v) => v > 0);
        expect(r.tiers.shareOfCustomers.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        if (positive) {
          expect(r.tiers.shareOfValue.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          expect(r.tiers.count[0]).toBeGreaterThan(0);
        }
        expect(r.pareto.gini).toBeGreaterThanOrEqual(-1e-12);
        expect(r.pareto.gini).toBeLessThanOrEqual(1);
        const order = vals.map((_, i) => i).reverse();
        const s = abc({ customerId: order.map((i) => ids[i]!), value: order.map((i) => vals[i]!) }, { rule });
        const byId = (x: typeof r) => Object.fromEntries(toRows(x.customers).map((c) => [c.customerId, c]));
        expect(byId(s)).toEqual(byId(r));
      }),
    );
  });
});

describe('abc on CDNOW_master against a plain computation', () => {
  it('matches tier counts and Pareto figures computed directly', () => {
    const tx = cdnowMaster();
    const r = abc(tx);
    const totals = new Map<string, number>();
    tx.customerId.forEach((id, i) => totals.set(id, (totals.get(id) ?? 0) + tx.amount[i]!));
    const v = [...totals.values()].sort((a, b) => b - a);
    const total = v.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(2500315.63, 4); // README of the datasets
    let cum = 0;
    let a = 0;
    let b = 0;
    v.forEach((x, k) => {
      if (cum / total < 0.8) a = k + 1;
      if (cum / total < 0.95) b = k + 1;
      cum += x;
    });
    expect(r.tiers.count[0]).toBe(a);
    expect(r.tiers.count[1]).toBe(b - a);
    expect(r.tiers.count[2]).toBe(v.length - b);
    const asc = [...v].reverse();
    const gini = (2 * asc.reduce((s, x, i) => s + (i + 1) * x, 0)) / (asc.length * total) - (asc.length + 1) / asc.length;
    expect(r.pareto.gini).toBeCloseTo(gini, 10);
    const top = v.slice(0, Math.ceil(0.2 * v.length)).reduce((s, x) => s + x, 0) / total;
    expect(r.pareto.top20Share).toBeCloseTo(top, 12);
  });
});
