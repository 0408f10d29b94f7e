import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateCrmHistory, valueChain, CustomerValueError } from '../../src/index.js';

const r = (numerator: number, denominator: number) => ({ value: denominator > 0 ? numerator / denominator : null, numerator, denominator });

// A small history where every figure is known by construction (see the comments).
const transactions = [
  { customerId: 'A', date: '2024-01-05', amount: 100, category: 'books' },
  { customerId: 'A', date: '2024-02-10', amount: 50, category: 'music' },
  { customerId: 'A', date: '2024-04-20', amount: 30, category: 'books' },
  { customerId: 'B', date: '2024-01-15', amount: 200, category: 'music' },
  { customerId: 'C', date: '2024-03-10', amount: 80, category: 'video' },
  { customerId: 'E', date: '2024-02-02', amount: 40, category: 'books' }, // E: a silent buyer (no interactions)
  { customerId: 'E', date: '2024-02-20', amount: 10, category: 'games' },
  { customerId: 'F', date: '2023-09-01', amount: 70, category: 'books' }, // history before the window
  { customerId: 'F', date: '2024-03-05', amount: 60, category: 'books' }, // a win-back (186 days later)
];
const interactions = [
  { customerId: 'A', date: '2024-01-02', channel: 'email', kind: 'contact', campaignId: 'X', cost: 1 },
  { customerId: 'A', date: '2024-01-03', channel: 'web', kind: 'response', campaignId: 'X', cost: 0 },
  { customerId: 'A', date: '2024-01-03', channel: 'web', kind: 'offer', campaignId: 'X', cost: 0, outcome: 'accepted' },
  { customerId: 'C', date: '2024-01-02', channel: 'email', kind: 'contact', campaignId: 'X', cost: 1 }, // C: a prospect until March
  { customerId: 'B', date: '2024-01-20', channel: 'call-center', kind: 'complaint', cost: 5 },
  { customerId: 'B', date: '2024-01-25', channel: 'call-center', kind: 'service', cost: 5, outcome: 'resolved' },
  { customerId: 'D', date: '2024-02-01', channel: 'web', kind: 'contact', cost: 0.5 }, // D: a prospect who never buys
];
const report = valueChain(transactions, interactions, {
  period: 'month',
  start: '2024-01-01',
  end: '2024-04-30',
  attributionWindow: 30,
  inactivityThreshold: 90,
  margin: 0.5,
});
const [jan, feb, mar] = report.periods;

describe('valueChain on a hand-built history', () => {
  it('reports the calendar months of the window', () => {
    expect(report.periods.map((p) => [p.period, p.start, p.end])).toEqual([
      ['2024-01', '2024-01-01', '2024-01-31'],
      ['2024-02', '2024-02-01', '2024-02-29'],
      ['2024-03', '2024-03-01', '2024-03-31'],
      ['2024-04', '2024-04-01', '2024-04-30'],
    ]);
    expect(report.customers).toEqual({ total: 6, onlyTransactions: 2, onlyInteractions: 1, both: 3 });
  });

  it('identify', () => {
    expect(report.periods.map((p) => p.identify.newCustomers)).toEqual([2, 1, 1, 0]);
    expect(report.periods.map((p) => p.identify.prospects)).toEqual([1, 2, 1, 1]);
    expect(report.periods.map((p) => p.identify.prospectConversionRate)).toEqual([r(0, 0), r(0, 1), r(1, 2), r(0, 1)]);
    expect(report.periods.map((p) => p.identify.medianDaysToFirstPurchase)).toEqual([3, null, 68, null]);
    expect(jan!.identify.acquisitionCost).toEqual(r(1, 2));
    expect(mar!.identify.acquisitionCost).toEqual(r(1, 1));
    expect(report.periods.map((p) => [p.identify.relationshipCustomers, p.identify.transactionalCustomers])).toEqual([[0, 3], [2, 2], [3, 2], [3, 2]]);
  });

  it('retain', () => {
    expect(report.periods.map((p) => p.retain.activeCustomers)).toEqual([2, 2, 2, 1]);
    expect(report.periods.map((p) => p.retain.revenue)).toEqual([300, 100, 140, 30]);
    expect(report.periods.map((p) => p.retain.retentionRate)).toEqual([r(0, 0), r(1, 2), r(0, 2), r(0, 2)]);
    expect(feb!.retain.churnRate).toEqual(r(1, 2));
    expect(report.periods.map((p) => p.retain.revenueRetention)).toEqual([r(0, 0), r(50, 300), r(0, 100), r(0, 140)]);
    // F is lapsed at the start of January, February and March (its last purchase was 2023-09-01) and buys in March
    expect(report.periods.map((p) => p.retain.winBackRate)).toEqual([r(0, 1), r(0, 1), r(1, 1), r(0, 0)]);
    expect(report.periods.map((p) => p.retain.reactivated)).toEqual([0, 0, 1, 0]);
    expect(report.overall.retain.winBackRate).toEqual(r(1, 3));
    expect(report.overall.retain.reactivated).toBe(1);
    expect(report.periods.map((p) => p.retain.repeatPurchaseRate)).toEqual([r(0, 3), r(2, 4), r(3, 5), r(3, 5)]);
    expect(jan!.retain.meanProbabilityAlive).toBeNull();
  });

  it('win-back is a share of the lapsed; reactivations within one long period are counted apart', () => {
    // quarters, 90 days: G last bought 2024-01-01 and so is lapsed on 2024-04-01, and comes back on 2024-04-15;
    // H first buys on 2024-04-01 and again 90 days later, within the quarter: reactivated, but never lapsed at a quarter's start
    const q = valueChain(
      [
        { customerId: 'G', date: '2024-01-01', amount: 10 },
        { customerId: 'G', date: '2024-04-15', amount: 10 },
        { customerId: 'H', date: '2024-04-01', amount: 10 },
        { customerId: 'H', date: '2024-06-30', amount: 10 },
      ],
      [],
      { period: 'quarter', start: '2024-01-01', end: '2024-06-30', inactivityThreshold: 90 },
    );
    expect(q.periods.map((p) => p.retain.winBackRate)).toEqual([r(0, 0), r(1, 1)]);
    expect(q.periods.map((p) => p.retain.reactivated)).toEqual([0, 2]);
  });

  it('up-sell: a returning buyer who spends more per purchase day than their own mean before', () => {
    const u = valueChain(
      [
        { customerId: 'U', date: '2024-01-05', amount: 20, category: 'books' },
        { customerId: 'U', date: '2024-01-25', amount: 40, category: 'books' },
        { customerId: 'U', date: '2024-02-10', amount: 35, category: 'games' }, // 35 > the mean 30 of its two January days
        { customerId: 'V', date: '2024-01-07', amount: 50, category: 'books' },
        { customerId: 'V', date: '2024-02-08', amount: 50, category: 'books' }, // equal: not up-sold
      ],
      [],
      { period: 'month', start: '2024-01-01', end: '2024-02-29', segments: { customerId: ['U', 'V'], segment: ['gold', 'silver'] } },
    );
    expect(u.periods[1]!.customize.segments).toEqual([
      { segment: 'gold', returningBuyers: 1, upSellRate: r(1, 1), crossSellRate: r(1, 1) },
      { segment: 'silver', returningBuyers: 1, upSellRate: r(0, 1), crossSellRate: r(0, 1) },
    ]);
    expect(u.overall.customize.segments.map((x) => x.returningBuyers)).toEqual([1, 1]);
    expect(u.periods[1]!.customize.upSellRate).toEqual(r(1, 2));
    expect(u.periods[1]!.customize.crossSellRate).toEqual(r(1, 2));
    expect(u.overall.customize.upSellRate).toEqual(r(1, 2));
  });

  it('interact', () => {
    expect(jan!.interact.touched).toBe(3);
    expect(jan!.interact.reach).toEqual(r(3, 4));
    expect(jan!.interact.touchesPerCustomer).toEqual(r(6, 3));
    expect(jan!.interact.channelMix).toEqual([
      { channel: 'call-center', interactions: 2, share: 2 / 6 },
      { channel: 'email', interactions: 2, share: 2 / 6 },
      { channel: 'web', interactions: 2, share: 2 / 6 },
    ]);
    expect(jan!.interact.responseRate).toEqual(r(1, 2));
    expect(jan!.interact.complaintRate).toEqual(r(1, 2));
    expect(jan!.interact.resolutionRate).toEqual(r(2, 2));
    expect(jan!.interact.medianDaysToResolve).toBe(2.5);
    expect(feb!.interact.reach).toEqual(r(1, 6));
    expect(mar!.interact.responseRate).toEqual(r(0, 0));
  });

  it('customize and differentiate', () => {
    expect(jan!.customize.offerAcceptanceRate).toEqual(r(1, 1));
    expect(report.periods.map((p) => p.customize.crossSellBreadth)).toEqual([r(2, 2), r(3, 2), r(2, 2), r(1, 1)]);
    // returning buyers: A in February (music, new to A; 50 a day against its 100 before) and April (books again; 30 against 75),
    // F in March (books again; 60 against 70); E's two February days are its first period
    expect(report.periods.map((p) => p.customize.upSellRate)).toEqual([r(0, 0), r(0, 1), r(0, 1), r(0, 1)]);
    expect(report.periods.map((p) => p.customize.crossSellRate)).toEqual([r(0, 0), r(1, 1), r(0, 1), r(0, 1)]);
    expect(report.periods.map((p) => p.customize.newCategories)).toEqual([0, 1, 0, 0]);
    expect(jan!.differentiate.gini).toBeCloseTo((2 * (1 * 100 + 2 * 200)) / (2 * 300) - 3 / 2, 12);
    expect(report.overall.differentiate.classes).toBeDefined();
  });

  it('campaigns: reach, responders, attribution, cost, ROI and uplift', () => {
    expect(report.campaigns).toEqual([
      {
        campaignId: 'X',
        start: '2024-01-02',
        reached: 2,
        responders: 1,
        responseRate: r(1, 2),
        attributedRevenue: 100,
        cost: 2,
        roi: (100 * 0.5 - 2) / 2,
        controlCustomers: 1,
        upliftPerCustomer: 50,
        incrementalRevenue: 100,
        upliftTest: null, // one control customer: no variance to test against
      },
    ]);
  });

  it("campaign uplift: Welch's test, checked against the formulas and the t density integrated", async () => {
    const { tanhSinh } = await import('../helpers/numeric.js');
    const buyOn = (customerId: string, date: string, amount: number) => ({ customerId, date, amount });
    const reachedRevenue = [10, 20, 30];
    const controlRevenue = [5, 5, 10, 20];
    const tx = [
      ...['K1', 'K2', 'K3', 'K4'].map((id) => buyOn(id, '2024-01-01', 1)), // known before the campaign
      ...controlRevenue.map((v, i) => buyOn(`K${i + 1}`, '2024-01-20', v)),
      ...reachedRevenue.map((v, i) => buyOn(`R${i + 1}`, '2024-01-15', v)),
    ];
    const touches = ['R1', 'R2', 'R3'].map((customerId) => ({ customerId, date: '2024-01-10', channel: 'email', kind: 'contact', campaignId: 'Y', cost: 1 }));
    const t = valueChain(tx, touches, { period: 'month', attributionWindow: 30 }).campaigns[0]!.upliftTest!;
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const s2 = (v: number[]) => v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / (v.length - 1);
    const a = s2(reachedRevenue) / 3;
    const b = s2(controlRevenue) / 4;
    const nu = (a + b) ** 2 / (a ** 2 / 2 + b ** 2 / 3);
    expect(t.difference).toBeCloseTo(20 - 10, 12);
    expect(t.standardError).toBeCloseTo(Math.sqrt(a + b), 12);
    expect(t.degreesOfFreedom).toBeCloseTo(nu, 12);
    // Student's t density, normalized numerically: the two-sided tail beyond the statistic, and the interval's coverage
    const density = (x: number) => (1 + (x * x) / nu) ** (-(nu + 1) / 2);
    const total = 2 * tanhSinh(density, 0, 1e4);
    const stat = t.difference / t.standardError;
    expect(t.pValue).toBeCloseTo((2 * tanhSinh(density, stat, 1e4)) / total, 6);
    const q = (t.upper - t.difference) / t.standardError;
    expect((2 * tanhSinh(density, 0, q)) / total).toBeCloseTo(0.95, 6);
    expect(t.lower).toBeCloseTo(t.difference - q * t.standardError, 12);
  });

  it('funnel and cohorts', () => {
    expect(report.funnel[0]).toEqual({ period: '2024-01', known: 4, differentiated: 3, touched: 2, responded: 1, purchased: 1, retained: 1 });
    expect(report.cohorts.cohorts).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(report.cohorts.offsets).toEqual([0, 1, 2, 3]);
    expect(report.cohorts.retained).toEqual([
      [2, 1, 0, 1],
      [1, 0, 0, Number.NaN],
      [1, 0, Number.NaN, Number.NaN],
    ]);
    expect(report.cohorts.share[0]).toEqual([1, 0.5, 0, 0.5]);
  });

  it('overall figures over the whole window', () => {
    const o = report.overall;
    expect(o.identify.newCustomers).toBe(4); // A, B, E, C (F was acquired before the window)
    expect(o.identify.prospects).toBe(1); // D
    expect(o.identify.prospectConversionRate).toEqual(r(2, 3)); // leads A, C, D; A and C bought
    expect(o.identify.acquisitionCost).toEqual(r(2, 4)); // contacts of A and C before their first purchase
    expect(o.retain.activeCustomers).toBe(5);
    expect(o.retain.revenue).toBe(570);
    expect(o.retain.retentionRate).toEqual(r(1, 6)); // Feb: A kept of {A, B}; Mar: 0 of {A, E}; Apr: 0 of {C, F}; Jan: none before
    expect(o.interact.touched).toBe(4);
    expect(o.interact.responseRate).toEqual(r(1, 3));
    expect(o.customize.offerAcceptanceRate).toEqual(r(1, 1));
    expect(o.differentiate.classes).toMatchObject({ relationship: 3, transactional: 2 }); // A, E, F repeat; B, C once
  });

  it('splits by segment labels and reports mean P(alive) with a model', () => {
    const labelled = valueChain(transactions, interactions, {
      start: '2024-01-01',
      segments: { customerId: ['A', 'B'], segment: ['gold', 'silver'] },
      purchaseModel: { kind: 'bg-nbd', params: { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, unit: 'week' },
    });
    expect(labelled.periods[0]!.differentiate.segments).toEqual([
      { segment: 'gold', activeCustomers: 1, revenue: 100 },
      { segment: 'silver', activeCustomers: 1, revenue: 200 },
    ]);
    expect(labelled.funnel[0]!.differentiated).toBe(2);
    const pa = labelled.periods[0]!.retain.meanProbabilityAlive!;
    expect(pa).toBeGreaterThan(0);
    expect(pa).toBeLessThanOrEqual(1);
    expect(() => valueChain(transactions, interactions, { segments: { customerId: ['A'] } as never })).toThrow(CustomerValueError);
  });

  it('works without interactions and on empty input', () => {
    const noTouch = valueChain(transactions, null, { start: '2024-01-01' });
    expect(noTouch.periods[0]!.interact.touched).toBe(0);
    expect(noTouch.customers.onlyTransactions).toBe(5);
    expect(valueChain([], []).periods).toEqual([]);
  });
});

describe('valueChain properties on simulated histories', () => {
  it('rates of shares in [0, 1], funnel non-increasing, same per-period figures when the window is split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.constantFrom('week', 'month', 'quarter') as fc.Arbitrary<'week' | 'month' | 'quarter'>, (seed, period) => {
        const h = simulateCrmHistory({ customers: 150, days: 365, seed, campaigns: 4 });
        const full = valueChain(h.transactions, h.interactions, { period, start: '2023-01-01', end: '2023-12-31' });
        for (const p of full.periods) {
          const shares = [
            p.identify.prospectConversionRate,
            p.interact.reach,
            p.interact.resolutionRate,
            p.customize.offerAcceptanceRate,
            p.customize.upSellRate,
            ...(p.customize.crossSellRate ? [p.customize.crossSellRate] : []),
            p.retain.retentionRate,
            p.retain.churnRate,
            p.retain.repeatPurchaseRate,
            p.retain.winBackRate,
          ];
          for (const s of shares) if (s.value !== null) expect(s.value).toBeGreaterThanOrEqual(0), expect(s.value).toBeLessThanOrEqual(1);
        }
        for (const f of full.funnel) {
          expect(f.differentiated).toBeLessThanOrEqual(f.known);
          expect(f.touched).toBeLessThanOrEqual(f.differentiated);
          expect(f.responded).toBeLessThanOrEqual(f.touched);
          expect(f.purchased).toBeLessThanOrEqual(f.responded);
          expect(f.retained).toBeLessThanOrEqual(f.purchased);
        }
        // split at the end of June: the first half's periods, and the second's, are unchanged
        const first = valueChain(h.transactions, h.interactions, { period, start: '2023-01-01', end: '2023-06-30' });
        const second = valueChain(h.transactions, h.interactions, { period, start: '2023-07-01', end: '2023-12-31' });
        const byLabel = new Map(full.periods.map((p) => [p.period, p]));
        for (const p of second.periods) expect(p).toEqual(byLabel.get(p.period));
        for (const p of first.periods) {
          if (p.end > '2023-06-30' || p.period === first.periods.at(-1)!.period) continue; // a period cut by the split
          expect(p).toEqual(byLabel.get(p.period));
        }
      }),
      { numRuns: 12 },
    );
  });
});
