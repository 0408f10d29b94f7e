import { describe, expect, it } from 'vitest';
import { customerEquity, customerLifetimeValue, expectedPurchases, newCustomerValue } from '../../src/index.js';
import { gammaDraw, uniforms } from '../helpers/erlangWorld.js';

const bgnbd = { kind: 'bg-nbd' as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: 'week' as const };
const gg = { kind: 'gamma-gamma' as const, params: { p: 6.25, q: 3.74, v: 15.44 } };

describe('newCustomerValue and customerEquity (Gupta, Lehmann & Stuart 2004)', () => {
  it('undiscounted, is margin · mean spend · E[X(horizon)] in the model unit', () => {
    const v = newCustomerValue({ purchaseModel: bgnbd, spend: 20, horizon: 12, unit: 'month', margin: 0.3 });
    expect(v).toBeCloseTo(0.3 * 20 * expectedPurchases(bgnbd, (12 * 30.436875) / 7), 10);
    const withFirst = newCustomerValue({ purchaseModel: bgnbd, spendModel: gg, horizon: 12, unit: 'month', firstPurchase: true });
    const mean = (6.25 * 15.44) / (3.74 - 1);
    expect(withFirst).toBeCloseTo(mean * (1 + expectedPurchases(bgnbd, (12 * 30.436875) / 7)), 8);
  });

  it('discounted, equals the mean discounted value of BG/NBD customers simulated apart from the library (4 SE)', () => {
    const u = uniforms(17);
    const n = 60000;
    const months = 24;
    const week = 30.436875 / 7;
    const d = 0.02;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const lambda = gammaDraw(u, bgnbd.params.r, bgnbd.params.alpha);
      const ga = gammaDraw(u, bgnbd.params.a, 1);
      const p = ga / (ga + gammaDraw(u, bgnbd.params.b, 1));
      let value = 0;
      for (let t = -Math.log(u()) / lambda; t <= months * week; t += -Math.log(u()) / lambda) {
        value += (1 + d) ** -Math.ceil(t / week); // discounted from the end of the month of the purchase
        if (u() < p) break;
      }
      sum += value;
      sq += value * value;
    }
    const mean = sum / n;
    const se = Math.sqrt((sq / n - mean * mean) / n);
    const v = newCustomerValue({ purchaseModel: bgnbd, spend: 1, horizon: months, unit: 'month', discountRate: d });
    expect(Math.abs(v - mean)).toBeLessThan(4 * se);
  });

  it('customer equity: the base plus each cohort of acquisitions over the periods left, less its cost, discounted', () => {
    const customers = [
      { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22 },
      { frequency: 0, recency: 0, T: 20, monetaryValue: 0 },
    ];
    const common = { purchaseModel: bgnbd, spendModel: gg, customers, horizon: 6, unit: 'month' as const, discountRate: 0.01, margin: 0.3 };
    const e = customerEquity({ ...common, acquisitions: [100, 0, 50, 0, 0, 10], acquisitionCost: 2 });
    const clv = customerLifetimeValue(common);
    expect(e.existing).toBeCloseTo(clv[0]! + clv[1]!, 10);
    const cohort = (k: number, count: number) => count * (newCustomerValue({ purchaseModel: bgnbd, spendModel: gg, horizon: 6 - k, unit: 'month', discountRate: 0.01, margin: 0.3 }) - 2) / 1.01 ** k;
    expect(e.cohorts[0]).toBeCloseTo(cohort(0, 100), 10);
    expect(e.cohorts[2]).toBeCloseTo(cohort(2, 50), 10);
    expect(e.cohorts[1]).toBe(0);
    expect(e.total).toBeCloseTo(e.existing + cohort(0, 100) + cohort(2, 50) + cohort(5, 10), 10);
    expect(() => customerEquity({ ...common, acquisitions: [1, 2] })).toThrow(/acquisitions must be a number >= 0 or one per period \(6\)/);
  });
});
