import { describe, expect, it } from 'vitest';
import { customerClasses, customerProfiles, customerProfitability, fitBgNbd, lifecycleStages, probabilityAlive, rfm, simulateCrmHistory, summarize } from '../../src/index.js';

const transactions = [
  { customerId: 'A', date: '2024-01-05', amount: 100 },
  { customerId: 'B', date: '2024-01-15', amount: 200 },
  { customerId: 'A', date: '2024-02-10', amount: 50 },
  { customerId: 'A', date: '2024-03-20', amount: 150 },
];
const interactions = [
  { customerId: 'A', date: '2024-01-02', channel: 'email', kind: 'contact', cost: 1 },
  { customerId: 'A', date: '2024-01-10', channel: 'web', kind: 'survey', score: 5 },
  { customerId: 'A', date: '2024-03-01', channel: 'web', kind: 'survey', score: 3 },
  { customerId: 'D', date: '2024-02-01', channel: 'web', kind: 'contact', cost: 0.5 }, // a prospect
];

describe('customerProfiles', () => {
  it('joins each function’s columns by customer, prospects included', () => {
    const v = customerProfiles(transactions, interactions, { asOf: '2024-03-31', margin: 0.5 });
    expect(v.customerId).toEqual(['A', 'B', 'D']);
    expect(v.asOf).toBe('2024-03-31');
    expect(Array.from(v.frequency.slice(0, 2))).toEqual([2, 0]);
    expect(Number.isNaN(v.frequency[2]!)).toBe(true);
    expect(v.firstPurchase).toEqual(['2024-01-05', '2024-01-15', null]);
    expect(v.lifecycleStage[2]).toBe('prospect');
    expect(v.relationship).toEqual(['relationship', 'transactional', null]);
    // A's two scores on 1-5: 1 and 0.5 normalized; the last is 0.5
    expect(Array.from(v.responses)).toEqual([2, 0, 0]);
    expect(v.meanNormalizedScore[0]).toBeCloseTo(0.75, 12);
    expect(v.lastNormalizedScore[0]).toBeCloseTo(0.5, 12);
    expect(Number.isNaN(v.meanNormalizedScore[1]!)).toBe(true);
    // A: 0.5 × 300 - 1; B: 100; D: -0.5
    expect(Array.from(v.profit)).toEqual([149, 100, -0.5]);
    expect(v.profitTier[2]).toBe('loss');
    expect(Number.isNaN(v.probabilityAlive[0]!)).toBe(true);
  });

  it('agrees with each function it joins, on a simulated CRM history, and adds P(alive) and CLV with a model', () => {
    const crm = simulateCrmHistory({ customers: 600, seed: 3 });
    const asOf = '2024-06-30';
    const summary = summarize(crm.transactions, { observationEnd: asOf, unit: 'week' });
    const model = fitBgNbd(summary);
    const v = customerProfiles(crm.transactions, crm.interactions, { asOf, purchaseModel: model, margin: 0.3, horizon: 12 });
    const row = new Map(v.customerId.map((id, k) => [id, k]));
    const r = rfm(crm.transactions, { asOf });
    r.customers.customerId.forEach((id, j) => expect(v.rfmCell[row.get(id)!]).toBe(r.customers.cell[j]));
    const c = customerClasses(crm.transactions, { interactions: crm.interactions, asOf });
    c.customerId.forEach((id, j) => expect(v.valueClass[row.get(id)!]).toBe(c.valueClass[j]));
    const st = lifecycleStages(crm.transactions, { interactions: crm.interactions, asOf });
    st.customerId.forEach((id, j) => expect(v.lifecycleStage[row.get(id)!]).toBe(st.stage[j]));
    const p = customerProfitability(crm.transactions, crm.interactions, { asOf, margin: 0.3 });
    expect(Array.from(v.profit)).toEqual(Array.from(p.profit));
    const pa = probabilityAlive(model, summary);
    summary.customerId.forEach((id, j) => expect(v.probabilityAlive[row.get(id)!]).toBe(pa[j]));
    summary.customerId.forEach((id) => expect(v.clv[row.get(id)!]).toBeGreaterThanOrEqual(0));
    for (const col of Object.values(v)) expect((col as ArrayLike<unknown>).length).toBe(v.length);
  });

  // each column against the public function it comes from, on options that change every part
  const crm = simulateCrmHistory({ customers: 400, seed: 11 });
  const cases: Array<[string, Parameters<typeof customerProfiles>[2]]> = [
    ['defaults (asOf the last activity)', {}],
    ['asOf, returns ignored, value-matrix RFM, own lifecycle thresholds and costs', { asOf: '2024-05-15', returns: 'ignore', rfm: { scheme: 'value-matrix', locale: 'zh' }, lifecycle: { newDays: 30, matureDays: 200, lapsedDays: 120 }, costs: { byChannel: { email: 0.2 }, perTransaction: 1 }, margin: 0.4, unit: 'day' }],
  ];
  it.each(cases)('equals each function column by column: %s', (_, o) => {
    const v = customerProfiles(crm.transactions, crm.interactions, o);
    const read = { returns: o?.returns };
    const asOf = v.asOf;
    const row = new Map(v.customerId.map((id, k) => [id, k]));
    const same = (ids: readonly unknown[], got: ArrayLike<unknown>, want: ArrayLike<unknown>): void => {
      expect(ids.length).toBe(want.length);
      ids.forEach((id, j) => expect(got[row.get(id as string)!], String(id)).toEqual(want[j]));
    };
    const s = summarize(crm.transactions, { ...read, observationEnd: asOf, unit: o?.unit ?? 'week' });
    for (const col of ['frequency', 'recency', 'T', 'monetaryValue', 'totalValue', 'firstPurchase', 'lastPurchase'] as const) same(s.customerId, v[col], s[col]);
    const r = rfm(crm.transactions, { ...read, ...o?.rfm, asOf });
    same(r.customers.customerId, v.rfmCell, r.customers.cell);
    same(r.customers.customerId, v.rfmSegment, r.customers.segment);
    const c = customerClasses(crm.transactions, { ...read, interactions: crm.interactions, asOf });
    same(c.customerId, v.relationship, c.relationship);
    same(c.customerId, v.valueClass, c.valueClass);
    const st = lifecycleStages(crm.transactions, { ...read, ...o?.lifecycle, interactions: crm.interactions, asOf });
    same(st.customerId, v.lifecycleStage, st.stage);
    const p = customerProfitability(crm.transactions, crm.interactions, { ...read, asOf, margin: o?.margin, costs: o?.costs });
    expect(v.customerId).toEqual(p.customerId);
    expect(Array.from(v.costToServe)).toEqual(Array.from(p.costToServe));
    expect(v.profitTier).toEqual(p.tier);
    expect(new Set(v.lifecycleStage).size).toBeGreaterThan(2);
  });

  it('names customerProfiles and the option in an error of a part’s options', () => {
    expect(() => customerProfiles(crm.transactions, crm.interactions, { lifecycle: { newDays: 400, matureDays: 100 } })).toThrow(/customerProfiles: newDays must not exceed matureDays/);
    expect(() => customerProfiles(crm.transactions, crm.interactions, { costs: { perTransaction: -1 } })).toThrow(/customerProfiles: costs\.perTransaction/);
  });
});
