import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerProfitability, CustomerValueError, simulateCrmHistory } from '../../src/index.js';

// Worked out by hand below: margin 0.5; unit costs call-center 4, complaint 10, 1 per transaction row.
const transactions = [
  { customerId: 'A', date: '2024-01-05', amount: 100 },
  { customerId: 'B', date: '2024-01-15', amount: 200 },
  { customerId: 'E', date: '2024-01-10', amount: 20 },
  { customerId: 'A', date: '2024-02-10', amount: 50 },
  { customerId: 'C', date: '2024-02-01', amount: 20 },
  { customerId: 'C', date: '2024-03-01', amount: -10 }, // a return: netted, and a transaction row to serve
  { customerId: 'A', date: '2024-03-20', amount: 150 },
  { customerId: 'E', date: '2024-03-10', amount: 20 },
];
const interactions = [
  { customerId: 'A', date: '2024-01-02', channel: 'email', kind: 'contact', cost: 1 },
  { customerId: 'A', date: '2024-01-03', channel: 'web', kind: 'response', cost: 0 },
  { customerId: 'B', date: '2024-01-20', channel: 'call-center', kind: 'complaint', cost: 5 },
  { customerId: 'B', date: '2024-01-25', channel: 'call-center', kind: 'service', cost: 5 },
  { customerId: 'C', date: '2024-02-05', channel: 'call-center', kind: 'complaint', cost: 5 },
  { customerId: 'D', date: '2024-02-01', channel: 'web', kind: 'contact', cost: 0.5 }, // D: a prospect
  { customerId: 'A', date: '2024-04-02', channel: 'email', kind: 'contact', cost: 1 }, // after asOf: left out
];
const options = { margin: 0.5, costs: { byChannel: { 'call-center': 4 }, byKind: { complaint: 10 }, perTransaction: 1 }, asOf: '2024-03-31' };
const p = customerProfitability(transactions, interactions, options);

describe('customerProfitability on a hand-built history', () => {
  it('revenue, margin, cost to serve and profit per customer', () => {
    expect(p.customerId).toEqual(['A', 'B', 'E', 'C', 'D']);
    expect(Array.from(p.revenue)).toEqual([300, 200, 40, 10, 0]);
    expect(Array.from(p.grossMargin)).toEqual([150, 100, 20, 5, 0]);
    // A: email 1 + 3 rows; B: complaint 5+4+10, service 5+4, 1 row; E: 2 rows; C: complaint 19, 2 rows; D: 0.5
    expect(Array.from(p.costToServe)).toEqual([4, 29, 2, 21, 0.5]);
    expect(Array.from(p.profit)).toEqual([146, 71, 18, -16, -0.5]);
    // A's tenure: its first activity (2024-01-02) to asOf, 90 days
    expect(p.profitPerMonth[0]).toBeCloseTo(146 / (90 / 30.436875), 12);
  });

  it('tiers by profit with the loss tail, and the classes from them', () => {
    // positive profit 235: A alone 62 %, A + B 92 % ≥ 80 % (the crossing customer belongs to A), E reaches 100 % ≥ 95 %
    expect(p.tier).toEqual(['A', 'A', 'B', 'loss', 'loss']);
    expect(p.valueClass).toEqual(['cashFlow', 'other', 'quasiCashFlow', 'lowYield', 'lowYield']);
    const loss = p.tiers.find((t) => t.tier === 'loss')!;
    expect(loss).toMatchObject({ customers: 2, profit: -16.5, customerShare: 0.4 });
    const a = p.tiers.find((t) => t.tier === 'A')!;
    expect(a.profit).toBe(217);
    expect(a.profitShare).toBeCloseTo(217 / 218.5, 12);
    expect(a.shareOfPositive).toBeCloseTo(217 / 235, 12);
    expect(p.totals).toEqual({ revenue: 550, grossMargin: 275, costToServe: 56.5, profit: 218.5, customers: 5, lossCustomers: 2, loss: -16.5 });
  });

  it("the whale curve peaks at the profitable customers' share of the total", () => {
    // ranked 146, 71, 18, -0.5, -16: cumulative 235 after three customers, 107.6 % of 218.5
    expect(p.whale.peakProfitShare).toBeCloseTo(235 / 218.5, 12);
    expect(p.whale.peakCustomerShare).toBeCloseTo(0.6, 12);
    expect(p.whale.profitShare.at(-1)).toBeCloseTo(1, 12);
  });

  it('costs split by channel and kind', () => {
    expect(Array.from(p.costByChannel['call-center']!)).toEqual([0, 28, 0, 19, 0]);
    expect(Array.from(p.costByChannel.transactions!)).toEqual([3, 1, 2, 2, 0]);
    expect(Array.from(p.costByKind.complaint!)).toEqual([0, 19, 0, 19, 0]);
    expect(Array.from(p.costByKind.contact!)).toEqual([1, 0, 0, 0, 0.5]);
  });

  it('per calendar month', () => {
    expect(p.periods.period).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(p.periods.end).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(Array.from(p.periods.revenue)).toEqual([320, 70, 160]);
    expect(Array.from(p.periods.costToServe)).toEqual([32, 21.5, 3]);
    expect(Array.from(p.periods.profit)).toEqual([128, 13.5, 77]);
    expect(Array.from(p.periods.customers)).toEqual([3, 3, 3]);
  });

  it('counts each customer once per month they bought or were contacted in, as a set of (month, customer) pairs does', () => {
    const crm = simulateCrmHistory({ customers: 300, seed: 8 });
    const asOf = '2024-04-30';
    const q = customerProfitability(crm.transactions, crm.interactions, { asOf });
    const pairs = new Map<string, Set<string>>();
    for (const t of [crm.transactions, crm.interactions]) {
      t.date.forEach((date, i) => {
        const d = new Date(date).toISOString().slice(0, 10);
        if (d > asOf) return;
        const month = d.slice(0, 7);
        if (!pairs.has(month)) pairs.set(month, new Set());
        pairs.get(month)!.add(t.customerId[i]!);
      });
    }
    expect(q.periods.period).toEqual([...pairs.keys()].sort());
    expect(Array.from(q.periods.customers)).toEqual(q.periods.period.map((m) => pairs.get(m)!.size));
  });

  it("takes any channel or kind name, '__proto__' and 'constructor' included, without touching Object.prototype", () => {
    const q = customerProfitability([{ customerId: 'A', date: '2024-01-01', amount: 10 }], [
      { customerId: 'A', date: '2024-01-02', channel: '__proto__', kind: 'constructor', cost: 2 },
    ]);
    expect(Array.from(q.costByChannel['__proto__']!)).toEqual([2]);
    expect(Array.from(q.costByKind.constructor as unknown as Float64Array)).toEqual([2]);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 0)).toBe(false);
  });

  it('refuses bad options, naming them', () => {
    expect(() => customerProfitability(transactions, interactions, { margin: 2 })).toThrow(/margin must be between 0 and 1/);
    expect(() => customerProfitability(transactions, interactions, { costs: { byChannel: { web: -1 } } })).toThrow(CustomerValueError);
    expect(() => customerProfitability(transactions, interactions, { period: 'day' as never })).toThrow(/period/);
  });
});

describe('customerProfitability properties', () => {
  const row = fc.record({ customerId: fc.constantFrom('a', 'b', 'c', 'd'), date: fc.integer({ min: 0, max: 200 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)), amount: fc.integer({ min: -50, max: 300 }) });
  const touch = fc.record({ customerId: fc.constantFrom('a', 'b', 'e'), date: fc.integer({ min: 0, max: 200 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)), channel: fc.constantFrom('web', 'call'), kind: fc.constantFrom('contact', 'complaint'), cost: fc.integer({ min: 0, max: 20 }) });
  it('totals add up, per customer and per period; order does not matter', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.array(touch, { maxLength: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (tx, it, margin) => {
        const q = customerProfitability(tx, it, { margin, costs: { perTransaction: 0.5, byChannel: { call: 2 } } });
        const sum = (v: ArrayLike<number>): number => Array.from(v).reduce((a, b) => a + b, 0);
        expect(sum(q.profit)).toBeCloseTo(sum(q.periods.profit), 8);
        expect(sum(q.costToServe)).toBeCloseTo(sum(Object.values(q.costByChannel).map(sum)), 8);
        for (let k = 0; k < q.length; k++) expect(q.profit[k]).toBeCloseTo(margin * q.revenue[k]! - q.costToServe[k]!, 9);
        for (const t of q.tiers) if (t.customerShare !== null) expect(t.customerShare).toBeGreaterThanOrEqual(0);
        const r = customerProfitability([...tx].reverse(), [...it].reverse(), { margin, costs: { perTransaction: 0.5, byChannel: { call: 2 } } });
        const byId = (x: typeof q) => Object.fromEntries(x.customerId.map((id, k) => [String(id), [x.profit[k], x.tier[k]]]));
        expect(byId(r)).toEqual(byId(q));
      }),
      { numRuns: 200 },
    );
  });
});
