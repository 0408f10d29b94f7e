import { describe, expect, it } from 'vitest';
import { loyalty, rfm, simulateCrmHistory } from '../../src/index.js';

const buy = (customerId: string, date: string, amount = 50) => ({ customerId, date, amount });
const transactions = [
  buy('A', '2024-01-05'), buy('A', '2024-02-05'), buy('A', '2024-03-05'), buy('A', '2024-04-05'),
  buy('B', '2024-01-10', 100),
  buy('C', '2024-05-01', 20), buy('C', '2024-06-01', 20),
];
const interactions = [
  { customerId: 'A', date: '2024-03-10', channel: 'web', kind: 'survey', score: 5 },
  { customerId: 'B', date: '2024-02-10', channel: 'web', kind: 'survey', score: 1 },
];
const l = loyalty(transactions, interactions, { asOf: '2024-06-30', segments: { customerId: ['A', 'B', 'C'], segment: ['x', 'x', 'y'] } });

describe('loyalty on a hand-built history', () => {
  it('repeat, tenure, active share and interval regularity', () => {
    expect(l.customerId).toEqual(['A', 'B', 'C']);
    expect(Array.from(l.repeat)).toEqual([1, 0, 1]);
    expect(Array.from(l.tenureDays)).toEqual([177, 172, 60]);
    // A bought in 4 of the 6 months January-June, B in 1 of 6, C in May and June
    expect(Array.from(l.activeShare)).toEqual([4 / 6, 1 / 6, 1]);
    // A's intervals 31, 29, 31 days: mean 91/3, sd √(4/3); C has a single interval
    expect(l.intervalCv[0]).toBeCloseTo(Math.sqrt(4 / 3) / (91 / 3), 12);
    expect(Number.isNaN(l.intervalCv[1]!) && Number.isNaN(l.intervalCv[2]!)).toBe(true);
  });

  it('behaviour from the RFM scores, attitude from the surveys, the index and the types', () => {
    const r = rfm(transactions, { asOf: '2024-06-30' });
    const b = r.customers.customerId.map((id, j) => [id, (r.customers.score[j]! - 3) / (3 * (r.bins - 1))] as const);
    for (const [id, v] of b) expect(l.behaviour[l.customerId.indexOf(id)]).toBeCloseTo(v, 12);
    expect(Array.from(l.attitude.slice(0, 2))).toEqual([1, 0]);
    expect(Number.isNaN(l.attitude[2]!)).toBe(true);
    expect(l.index[0]).toBeCloseTo((l.behaviour[0]! + 1) / 2, 12);
    expect(l.index[2]).toBe(l.behaviour[2]);
    const high = (v: number): boolean => v >= 0.6;
    expect(l.type[0]).toBe(high(l.behaviour[0]!) ? 'true' : 'latent');
    expect(l.type[1]).toBe(high(l.behaviour[1]!) ? 'spurious' : 'none');
    expect(l.type[2]).toBe(high(l.behaviour[2]!) ? 'behavioural' : 'none');
    expect(l.loyal[1]).toBe(0); // not a repeat customer
  });

  it('per month: buyers so far, repeat buyers, behaviourally loyal buyers', () => {
    expect(l.periods.period).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(Array.from(l.periods.buyers)).toEqual([2, 2, 2, 2, 3, 3]);
    expect(Array.from(l.periods.repeatBuyers)).toEqual([0, 1, 1, 1, 1, 2]);
    // A active in every month so far until May (4 of 5), 4 of 6 in June; C in both of its months
    expect(Array.from(l.periods.loyalBuyers)).toEqual([0, 1, 1, 1, 1, 2]);
    expect(l.segments.x!.customers).toBe(2);
    expect(l.segments.y!.customers).toBe(1);
  });

  it('refuses a threshold outside [0, 1]', () => {
    expect(() => loyalty(transactions, null, { threshold: 2 })).toThrow(/threshold must be between 0 and 1/);
  });
});

describe('loyalty on a simulated CRM history', () => {
  const crm = simulateCrmHistory({ customers: 500, seed: 21 });
  it.each([{}, { asOf: '2024-04-30', returns: 'ignore' as const }])('behaviour is each customer’s RFM score of the transactions (%o)', (o) => {
    const l = loyalty(crm.transactions, crm.interactions, o);
    const r = rfm(crm.transactions, o);
    expect(l.customerId).toEqual(r.customers.customerId);
    r.customers.customerId.forEach((id, j) => expect(l.behaviour[j], String(id)).toBe((r.customers.score[j]! - 3) / (3 * (r.bins - 1))));
  });
});
