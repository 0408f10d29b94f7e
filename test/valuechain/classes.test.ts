import { describe, expect, it } from 'vitest';
import { customerClasses, lifecycleStages, lifecycleTransitions, toRows } from '../../src/index.js';

const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

describe('customerClasses', () => {
  const tx = [
    // a: big, repeat -> A -> cashFlow
    { customerId: 'a', date: day(0), amount: 1000 },
    { customerId: 'a', date: day(50), amount: 1000 },
    // b: middle, repeat, tier B -> quasiCashFlow
    { customerId: 'b', date: day(0), amount: 100 },
    { customerId: 'b', date: day(10), amount: 100 },
    // c: one-time small -> transactional, other
    { customerId: 'c', date: day(5), amount: 40 },
    // d: small, repeat, growing (1 early, 3 late) -> quasiCashFlow by growth
    { customerId: 'd', date: day(0), amount: 5 },
    { customerId: 'd', date: day(10), amount: 5 },
    { customerId: 'd', date: day(70), amount: 5 },
    { customerId: 'd', date: day(80), amount: 5 },
    { customerId: 'd', date: day(90), amount: 5 },
    // e: repeat but costly to serve -> lowYield
    { customerId: 'e', date: day(0), amount: 20 },
    { customerId: 'e', date: day(1), amount: 20 },
  ];
  const interactions = [
    { customerId: 'e', date: day(2), channel: 'phone', kind: 'service', cost: 60 },
    { customerId: 'a', date: day(2), channel: 'email', kind: 'contact', cost: 1 },
    { customerId: 'p', date: day(3), channel: 'email', kind: 'contact', cost: 1 },
  ];

  it('classifies by repeat behaviour, tier, growth and cost to serve', () => {
    const c = customerClasses(tx, { interactions, asOf: day(100) });
    const rows = Object.fromEntries(toRows(c).map((r) => [r.customerId, r]));
    expect(rows.a).toMatchObject({ relationship: 'relationship', tier: 'A', valueClass: 'cashFlow', cost: 1 });
    expect(rows.b).toMatchObject({ relationship: 'relationship', tier: 'B', valueClass: 'quasiCashFlow' });
    expect(rows.c).toMatchObject({ relationship: 'transactional', valueClass: 'other' });
    expect(rows.d).toMatchObject({ growing: 1, valueClass: 'quasiCashFlow' });
    expect(rows.e).toMatchObject({ valueClass: 'lowYield', costRatio: 1.5 });
    expect(c.prospects).toBe(1);
    expect(c.length).toBe(5);
  });
});

describe('lifecycleStages and transitions', () => {
  const tx = [
    { customerId: 'new', date: day(380), amount: 1 },
    { customerId: 'dev', date: day(200), amount: 1 },
    { customerId: 'dev', date: day(390), amount: 1 },
    { customerId: 'mature', date: day(0), amount: 1 },
    ...[100, 200, 250, 300, 350, 380, 395].map((d) => ({ customerId: 'mature', date: day(d), amount: 1 })),
    { customerId: 'declining', date: day(0), amount: 1 },
    ...[100, 120, 140, 160, 180].map((d) => ({ customerId: 'declining', date: day(d), amount: 1 })),
    { customerId: 'declining', date: day(380), amount: 1 },
    { customerId: 'lapsed', date: day(10), amount: 1 },
    { customerId: 'lapsed', date: day(20), amount: 1 },
  ];
  const interactions = [
    { customerId: 'prospect', date: day(300), channel: 'web', kind: 'contact' },
    { customerId: 'later', date: day(500), channel: 'web', kind: 'contact' },
  ];

  it('assigns each stage by the documented rules', () => {
    const s = lifecycleStages(tx, { asOf: day(400), interactions });
    const stage = Object.fromEntries(toRows(s).map((r) => [r.customerId, r.stage]));
    expect(stage).toEqual({ new: 'new', dev: 'developing', mature: 'mature', declining: 'declining', lapsed: 'lapsed', prospect: 'prospect' });
    const m = toRows(s).find((r) => r.customerId === 'declining')!;
    expect(m.recentPurchases).toBe(1); // day 380 within (220, 400]
    expect(m.previousPurchases).toBe(5); // days 100..180 within (40, 220]
  });

  it('counts transitions between two dates, with none for customers unknown at the start', () => {
    const t = lifecycleTransitions(tx, { from: day(100), to: day(400), interactions });
    const at = (a: string, b: string) => t.matrix[t.stages.indexOf(a as never)]![t.stages.indexOf(b as never)];
    expect(at('none', 'new')).toBe(1);
    expect(at('none', 'prospect')).toBe(1);
    expect(at('developing', 'mature')).toBe(1); // 'mature' was 100 days old at day 100
    expect(at('developing', 'declining')).toBe(1);
    expect(at('developing', 'lapsed')).toBe(1);
    expect(at('none', 'developing')).toBe(1);
    expect(t.pairs.count.reduce((a, b) => a + b, 0)).toBe(6);
  });
});
