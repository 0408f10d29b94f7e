import { describe, expect, it } from 'vitest';
import {
  CustomerValueError,
  conditionalExpectedPurchases,
  conditionalExpectedPurchasesIntervals,
  conditionalExpectedSpend,
  customerLifetimeValue,
  customerLifetimeValueIntervals,
  discountedExpectedTransactions,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  holdoutComparison,
  probabilityAlive,
  repeatTransactionHistogram,
  retentionClv,
  simulateBgNbd,
  splitCalibrationHoldout,
  summarize,
  trackingCurve,
  valueDecomposition,
} from '../../src/index.js';
import { cdnowMaster, cdnowSample, csv } from '../helpers/datasets.js';
import { meanSe, tanhSinh } from '../helpers/numeric.js';

const bgnbd = { kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: 'week' } as const;
const pnbd = { kind: 'pareto-nbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, unit: 'week' } as const;
const gg = { kind: 'gamma-gamma', params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
const customers = [
  { customerId: 'a', frequency: 0, recency: 0, T: 38.86, monetaryValue: 0, totalValue: 20 },
  { customerId: 'b', frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35, totalValue: 60 },
  { customerId: 'c', frequency: 7, recency: 35, T: 36, monetaryValue: 40, totalValue: 300 },
  { customerId: 'd', frequency: 25, recency: 10, T: 39, monetaryValue: 15, totalValue: 400 },
];

describe('customerLifetimeValue', () => {
  it('is margin x spend x discounted expected purchases per period, period by period', () => {
    const clv = customerLifetimeValue({ purchaseModel: bgnbd, spendModel: gg, customers, horizon: 12, unit: 'month', discountRate: 0.01, margin: 0.3 });
    const spend = conditionalExpectedSpend(gg, customers);
    const weeksPerMonth = 30.436875 / 7;
    customers.forEach((_, i) => {
      let v = 0;
      let prev = 0;
      for (let k = 1; k <= 12; k++) {
        const cur = conditionalExpectedPurchases(bgnbd, [customers[i]!], k * weeksPerMonth)[0]!;
        v += (cur - prev) / 1.01 ** k;
        prev = cur;
      }
      expect(clv[i]).toBeCloseTo(0.3 * spend[i]! * v, 10);
    });
  });

  it('approaches spend x DERT (the Pareto/NBD closed form) over a long horizon with small periods', () => {
    const d = 0.0027; // per week
    const clv = customerLifetimeValue({ purchaseModel: pnbd, spend: 1, customers, horizon: 5000, unit: 'week', discountRate: d });
    const dert = discountedExpectedTransactions(pnbd, customers, { discountRate: d });
    clv.forEach((v, i) => expect(Math.abs(v / dert[i]! - 1)).toBeLessThan(d));
  });

  it('uses the model unit to convert the horizon', () => {
    const monthly = customerLifetimeValue({ purchaseModel: bgnbd, spend: 10, customers, horizon: 3, unit: 'month' });
    const weekly = customerLifetimeValue({ purchaseModel: bgnbd, spend: 10, customers, horizon: (3 * 30.436875) / 7, unit: 'week' });
    monthly.forEach((v, i) => expect(v).toBeCloseTo(weekly[i]!, 8));
  });

  it('rejects missing spend and bad options', () => {
    expect(() => customerLifetimeValue({ purchaseModel: bgnbd, customers: [{ frequency: 1, recency: 1, T: 2 }], horizon: 12 })).toThrow(CustomerValueError);
    expect(() => customerLifetimeValue({ purchaseModel: bgnbd, spend: 1, customers, horizon: -1 })).toThrow('customerLifetimeValue: horizon must be a finite number >= 0, got -1');
  });
});

describe('discountedExpectedTransactions (Pareto/NBD)', () => {
  it('equals P(alive) (r+x)/(α+T) ∫_0^∞ e^(-δt) ((β+T)/(β+T+t))^s dt', () => {
    const { r, alpha, s, beta } = pnbd.params;
    const d = 0.0027;
    const delta = Math.log1p(d);
    const dert = discountedExpectedTransactions(pnbd, customers, { discountRate: d });
    const pa = probabilityAlive(pnbd, customers);
    customers.forEach((c, i) => {
      // t = u / (1 - u) maps [0, 1) to [0, ∞)
      const integral = tanhSinh((u) => {
        const t = u / (1 - u);
        return Math.exp(-delta * t) * ((beta + c.T) / (beta + c.T + t)) ** s / (1 - u) ** 2;
      }, 0, 1);
      expect(dert[i]! / (pa[i]! * ((r + c.frequency) / (alpha + c.T)) * integral)).toBeCloseTo(1, 7);
    });
  });

  it('exists only for the models with a closed form (Pareto/NBD and NBD)', () => {
    expect(() => discountedExpectedTransactions(bgnbd, customers, { discountRate: 0.01 })).toThrow(/closed form exists for 'pareto-nbd' and 'nbd' only, got 'bg-nbd'/);
  });
});

describe('retentionClv (Gupta & Lehmann 2003)', () => {
  it('is m r / (1 + d - r), and its finite form is the direct sum', () => {
    expect(retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1 })).toBeCloseTo(80 / 0.3, 10);
    let sum = 0;
    for (let t = 1; t <= 10; t++) sum += (100 * 0.8 ** t) / 1.1 ** t;
    expect(retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, periods: 10 })).toBeCloseTo(sum, 10);
    expect(retentionClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, periods: 5000 })).toBeCloseTo(80 / 0.3, 8);
    expect(() => retentionClv({ margin: 1, retentionRate: 1, discountRate: 0 })).toThrow(CustomerValueError);
  });
});

describe('valueDecomposition', () => {
  it('splits the value into historical, current and potential parts that add up', () => {
    const o = { purchaseModel: bgnbd, spendModel: gg, customers, horizon: 24, unit: 'month' as const, discountRate: 0.01, margin: 0.3 };
    const v = valueDecomposition({ ...o, currentPeriods: 3 });
    const total = customerLifetimeValue(o);
    const current = customerLifetimeValue({ ...o, horizon: 3 });
    customers.forEach((c, i) => {
      expect(v.historical[i]).toBeCloseTo(0.3 * c.totalValue, 12);
      expect(v.current[i]).toBeCloseTo(current[i]!, 10);
      expect(v.current[i]! + v.potential[i]!).toBeCloseTo(total[i]!, 10);
      expect(v.lifetime[i]).toBeCloseTo(v.historical[i]! + total[i]!, 10);
      expect(v.potential[i]).toBeGreaterThanOrEqual(0);
    });
  });
});

describe('parameter-uncertainty intervals', () => {
  const cdnow = csv('cdnow_customers_summary_with_transactions.csv');
  const summary = { frequency: cdnow.x!, recency: cdnow.t_x!, T: cdnow.T!, monetaryValue: cdnow.zbar! };
  const model = fitBgNbd(summary);
  const spend = fitGammaGamma(summary);

  it('bracket the point estimate and are reproducible', () => {
    const o = { purchaseModel: model, spendModel: spend, customers, horizon: 12, unit: 'month' as const, discountRate: 0.01, draws: 100, seed: 3 };
    const iv = customerLifetimeValueIntervals(o);
    const again = customerLifetimeValueIntervals(o);
    expect(Array.from(iv.upper)).toEqual(Array.from(again.upper));
    customers.forEach((_, i) => {
      expect(iv.lower[i]).toBeLessThanOrEqual(iv.median[i]!);
      expect(iv.median[i]).toBeLessThanOrEqual(iv.upper[i]!);
      expect(iv.estimate[i]).toBeGreaterThan(iv.lower[i]! * 0.98);
      expect(iv.estimate[i]).toBeLessThan(iv.upper[i]! * 1.02);
    });
    expect(() => customerLifetimeValueIntervals({ ...o, purchaseModel: bgnbd })).toThrow(/no finite covariance/);
  });

  it('cover the true expected purchases about as often as they claim (simulated refits)', () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const history = [{ frequency: 3, recency: 30, T: 39 }];
    const target = conditionalExpectedPurchases({ kind: 'bg-nbd', params: truth }, history, 39)[0]!;
    let covered = 0;
    const reps = 40;
    for (let k = 0; k < reps; k++) {
      const sim = simulateBgNbd(truth, { customers: 2000, T: 39, seed: 100 + k });
      const fit = fitBgNbd(sim);
      const iv = conditionalExpectedPurchasesIntervals(fit, history, 39, { level: 0.9, draws: 200, seed: k });
      if (iv.lower[0]! <= target && target <= iv.upper[0]!) covered++;
    }
    // 90 % nominal; with 40 replications a binomial 4-sigma band is about 0.76 .. 1
    expect(covered / reps).toBeGreaterThan(0.75);
  });
});

describe('validation data', () => {
  const tx = cdnowSample();
  const split = splitCalibrationHoldout(tx, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' });
  const model = fitBgNbd(split);

  it('holdoutComparison: predictions, errors and MAE / RMSE / bias as defined', () => {
    const v = holdoutComparison(model, split);
    const predicted = conditionalExpectedPurchases(model, split, 39);
    let abs = 0;
    let sq = 0;
    let sum = 0;
    for (let i = 0; i < split.length; i++) {
      expect(v.customers.predicted[i]).toBeCloseTo(predicted[i]!, 12);
      const e = predicted[i]! - split.frequencyHoldout[i]!;
      abs += Math.abs(e);
      sq += e * e;
      sum += e;
    }
    expect(v.mae).toBeCloseTo(abs / split.length, 12);
    expect(v.rmse).toBeCloseTo(Math.sqrt(sq / split.length), 12);
    expect(v.bias).toBeCloseTo(sum / split.length, 12);
    expect(v.actualTotal).toBe(split.frequencyHoldout.reduce((a, b) => a + b, 0));
    expect(v.predictedTotal).toBeCloseTo(predicted.reduce((a, b) => a + b, 0), 8);
  });

  it('repeatTransactionHistogram: actual counts from the summary, expectations that sum to the customers', () => {
    const h = repeatTransactionHistogram(model, split, { maxFrequency: 7 });
    expect(h.label).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(h.actual[0]).toBe(split.frequency.filter((f) => f === 0).length);
    expect(h.actual[7]).toBe(split.frequency.filter((f) => f >= 7).length);
    expect(h.expected.reduce((a, b) => a + b, 0)).toBeCloseTo(split.length, 6);
    // and the expectations match a population simulated from the model
    const sim = simulateBgNbd(model.params, { customers: 50000, T: 39, seed: 8 });
    const hs = repeatTransactionHistogram(model, sim, { maxFrequency: 4 });
    for (let n = 0; n <= 4; n++) {
      const p = hs.expected[n]! / 50000;
      expect(Math.abs(hs.actual[n]! / 50000 - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 50000));
    }
  });

  it('trackingCurve: actual cumulative repeat purchases match summarize; expectations match Σ E[X(T_i)]', () => {
    const curve = trackingCurve(model, tx, { unit: 'week', observationEnd: '1998-06-30' });
    const last = curve.length - 1;
    expect(curve.date[last]).toBe('1998-06-30');
    const s = summarize(tx, { observationEnd: '1998-06-30', unit: 'week' });
    expect(curve.actualCumulative[last]).toBe(s.frequency.reduce((a, b) => a + b, 0));
    let expected = 0;
    for (let i = 0; i < s.length; i++) expected += expectedPurchases(model, s.T[i]!);
    expect(curve.expectedCumulative[last]).toBeCloseTo(expected, 6);
    const inc = curve.actualIncremental.reduce((a, b) => a + b, 0);
    expect(inc).toBe(curve.actualCumulative[last]);
  });

  it('works on the full CDNOW master file', () => {
    const master = splitCalibrationHoldout(cdnowMaster(), { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' });
    const m = fitBgNbd(master);
    const v = holdoutComparison(m, master);
    expect(Math.abs(v.bias)).toBeLessThan(0.2);
    const sim = meanSe(v.customers.error);
    expect(Number.isFinite(sim.mean)).toBe(true);
  });
});

describe('units', () => {
  it('takes the model unit from a summary when the model record does not say', () => {
    const tx = cdnowSample();
    const weekly = summarize(tx, { observationEnd: '1997-09-30', unit: 'week' });
    const { kind, params } = bgnbd; // a hand-written record, no unit
    const a = customerLifetimeValue({ purchaseModel: { kind, params }, spend: 10, customers: weekly, horizon: 12, unit: 'month' });
    const b = customerLifetimeValue({ purchaseModel: { kind, params, unit: 'week' }, spend: 10, customers: weekly, horizon: 12, unit: 'month' });
    expect(Array.from(a.slice(0, 50))).toEqual(Array.from(b.slice(0, 50)));
  });
});
