import { describe, expect, it } from 'vitest';
import { bootstrapFit, conditionalExpectedPurchases, conditionalProbabilityOfPurchases, customerLifetimeValue, predictiveDistribution, simulateParetoNbd, type PurchaseModel } from '../../src/index.js';
import { kindsOf, registry } from '../../src/models/registry.js';
import type { PurchaseModelSpec } from '../../src/models/spec.js';

const histories = [
  { frequency: 0, recency: 0, T: 39 },
  { frequency: 2, recency: 30.43, T: 38.86 },
  { frequency: 7, recency: 12, T: 40 },
];

describe('predictiveDistribution', () => {
  it.each(['pareto-nbd', 'bg-nbd', 'mbg-nbd', 'nbd', 'ggom-nbd', 'bg-cnbd-k', 'mbg-cnbd-k'] as const)('%s: the mean of the draws is the conditional expectation (4 SE), and undiscounted CLV is spend times purchases', (kind) => {
    const spec = registry[kind] as unknown as PurchaseModelSpec<Record<string, number>>;
    const model = { kind, params: spec.example, unit: 'week' } as PurchaseModel;
    const draws = 20000;
    const pd = predictiveDistribution({ purchaseModel: model, customers: histories, horizon: 26, unit: 'week', draws, seed: 3, spend: 2 });
    const exact = conditionalExpectedPurchases(model, histories, 26);
    for (let i = 0; i < histories.length; i++) {
      // the variance of the draws bounds the Monte Carlo error of their mean: E[Y^2] from the exact pmf
      let m2 = 0;
      for (let n = 0; n < 400; n++) m2 += n * n * conditionalProbabilityOfPurchases(model, [histories[i]!], n, 26)[0]!;
      const se = Math.sqrt((m2 - exact[i]! ** 2) / draws);
      expect(Math.abs(pd.purchasesMean[i]! - exact[i]!), `${kind} customer ${i}`).toBeLessThan(4 * se + 1e-12);
      expect(pd.clvMean[i]).toBeCloseTo(2 * pd.purchasesMean[i]!, 10);
      expect(pd.purchasesLower[i]).toBeLessThanOrEqual(pd.purchasesMedian[i]!);
      expect(pd.purchasesUpper[i]).toBeGreaterThanOrEqual(pd.purchasesMedian[i]!);
    }
  });

  it.each(['bg-bb', 'bg-cnbd-k'] as const)('%s: the draws follow the conditional pmf (each count within 4 binomial SE)', (kind) => {
    const spec = registry[kind] as unknown as PurchaseModelSpec<Record<string, number>>;
    const model = { kind, params: spec.example } as PurchaseModel;
    const customers = kind === 'bg-bb' ? [{ frequency: 0, recency: 0, T: 6 }, { frequency: 4, recency: 5, T: 6 }] : [{ frequency: 3, recency: 20, T: 39 }, { frequency: 6, recency: 38, T: 39 }];
    const horizon = kind === 'bg-bb' ? 5 : 26;
    const draws = 40000;
    // one customer per call, so the interval columns give the whole distribution: count the draws by value
    customers.forEach((c) => {
      const counts = new Map<number, number>();
      const rng = { seed: 11 };
      const pd = predictiveDistribution({ purchaseModel: model, customers: [c], horizon, draws, level: 0.5, seed: rng.seed, spend: 1 });
      expect(pd.purchasesMean[0]).toBeGreaterThanOrEqual(0);
      for (let n = 0; n <= 12; n++) counts.set(n, conditionalProbabilityOfPurchases(model, [c], n, horizon)[0]!);
      // the draws' mean against the pmf's mean, within 4 SE
      let m1 = 0;
      let m2 = 0;
      for (const [n, p] of counts) {
        m1 += n * p;
        m2 += n * n * p;
      }
      expect(Math.abs(pd.purchasesMean[0]! - m1)).toBeLessThan(4 * Math.sqrt((m2 - m1 * m1) / draws) + 1e-9);
      // the median against the pmf's
      let cum = 0;
      let median = 0;
      for (let n = 0; n <= 12; n++) {
        cum += counts.get(n)!;
        if (cum >= 0.5) {
          median = n;
          break;
        }
      }
      expect(Math.abs(pd.purchasesMedian[0]! - median)).toBeLessThanOrEqual(1);
    });
  });

  it('discounts each purchase from the end of its period: the mean matches customerLifetimeValue (4 SE)', () => {
    const model = { kind: 'pareto-nbd' as const, params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, unit: 'week' as const };
    const pd = predictiveDistribution({ purchaseModel: model, customers: histories, horizon: 12, unit: 'month', discountRate: 0.05, spend: 10, draws: 40000, seed: 5 });
    const clv = customerLifetimeValue({ purchaseModel: model, customers: histories, horizon: 12, unit: 'month', discountRate: 0.05, spend: 10 });
    const horizonWeeks = (12 * 30.436875) / 7;
    for (let i = 0; i < histories.length; i++) {
      // a draw's discounted value is at most spend times its purchases: their sd bounds the error of the mean
      let m1 = 0;
      let m2 = 0;
      for (let n = 0; n < 400; n++) {
        const p = conditionalProbabilityOfPurchases(model, [histories[i]!], n, horizonWeeks)[0]!;
        m1 += n * p;
        m2 += n * n * p;
      }
      const se = (10 * Math.sqrt(m2 - m1 * m1)) / Math.sqrt(40000);
      expect(Math.abs(pd.clvMean[i]! - clv[i]!), `customer ${i}`).toBeLessThan(4 * se);
    }
  });

  it('covers the holdout as often as its intervals claim: simulated customers, the true model (binomial 4 SE)', () => {
    const model = { kind: 'pareto-nbd' as const, params: { r: 0.9, alpha: 8, s: 0.8, beta: 12 } };
    const sim = simulateParetoNbd(model.params, { customers: 3000, T: 40, holdout: 30, seed: 11 });
    const pd = predictiveDistribution({ purchaseModel: model, customers: sim, horizon: 30, unit: 'week', modelUnit: 'week', draws: 2000, seed: 2, level: 0.9 });
    let hits = 0;
    let claimed = 0;
    for (let i = 0; i < sim.length; i++) {
      const y = sim.frequencyHoldout[i]!;
      if (y >= pd.purchasesLower[i]! && y <= pd.purchasesUpper[i]!) hits++;
      // the probability the interval holds under the model, from the exact conditional pmf
      for (let n = Math.ceil(pd.purchasesLower[i]!); n <= Math.floor(pd.purchasesUpper[i]!); n++) claimed += conditionalProbabilityOfPurchases(model, [{ frequency: sim.frequency[i]!, recency: sim.recency[i]!, T: sim.T[i]! }], n, 30)[0]!;
    }
    const nCust = sim.length;
    expect(claimed / nCust).toBeGreaterThanOrEqual(0.88);
    expect(Math.abs(hits - claimed)).toBeLessThan(4 * Math.sqrt(claimed * (1 - claimed / nCust)));
  }, 60_000);

  it('with a Gamma-Gamma spend model draws each purchase value too: the mean CLV is unchanged, the interval wider', () => {
    const model = { kind: 'pareto-nbd' as const, params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, unit: 'week' as const };
    const gg = { kind: 'gamma-gamma' as const, params: { p: 6.25, q: 3.74, v: 15.44 } };
    const customers = [{ frequency: 5, recency: 35, T: 39, monetaryValue: 30 }];
    const common = { purchaseModel: model, customers, horizon: 12, unit: 'month' as const, discountRate: 0.01, draws: 40000, seed: 8 };
    const noisy = predictiveDistribution({ ...common, spendModel: gg });
    const clv = customerLifetimeValue({ purchaseModel: model, spendModel: gg, customers, horizon: 12, unit: 'month', discountRate: 0.01 });
    expect(Math.abs(noisy.clvMean[0]! / clv[0]! - 1)).toBeLessThan(0.03);
    const expected = (6.25 * (15.44 + 5 * 30)) / (6.25 * 5 + 3.74 - 1);
    const flat = predictiveDistribution({ ...common, spend: expected });
    expect(noisy.clvUpper[0]! - noisy.clvLower[0]!).toBeGreaterThan(flat.clvUpper[0]! - flat.clvLower[0]!);
  });

  it('draws the parameters from a bootstrap record: P(alive) gets an interval', () => {
    const model = { kind: 'pareto-nbd' as const, params: { r: 0.9, alpha: 8, s: 0.8, beta: 12 } };
    const sim = simulateParetoNbd(model.params, { customers: 1500, T: 40, seed: 12 });
    const boot = bootstrapFit(sim, { model: 'pareto-nbd', replicates: 30, seed: 1 });
    const pd = predictiveDistribution({ purchaseModel: boot, customers: histories, horizon: 26, unit: 'week', modelUnit: 'week', draws: 300, seed: 1 });
    expect(pd.aliveLower[1]).toBeLessThan(pd.aliveUpper[1]!);
    expect(pd.aliveMean[1]).toBeGreaterThan(pd.aliveLower[1]!);
  });

  it('draws every registered purchase model, and refuses fits with covariates', () => {
    for (const kind of kindsOf('purchase')) expect((registry[kind] as { drawFuture?: unknown }).drawFuture, kind).toBeDefined();
    const withCovariates = { kind: 'pareto-nbd', params: { r: 1, alpha: 1, s: 1, beta: 1 }, coefficients: { purchase: { g: 0.1 }, dropout: {} } };
    expect(() => predictiveDistribution({ purchaseModel: withCovariates as never, customers: [{ frequency: 1, recency: 2, T: 3 }], horizon: 2 })).toThrow(/with covariates or correlated rates is not drawn yet/);
  });
});
