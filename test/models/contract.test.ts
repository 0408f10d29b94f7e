/**
 * The contract every registered model meets, run over the registry: a model is checked here
 * the moment it is registered. Model-specific checks (published estimates, independent
 * routes) live in test/models/<model>.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  customerLifetimeValue,
  expectedLifetime,
  expectedPurchases,
  logLikelihood,
  probabilityAlive,
  probabilityOfPurchases,
  survivalCurve,
  type Model,
  type PurchaseModel,
} from '../../src/index.js';
import { kindsOf, registry } from '../../src/models/registry.js';
import type { PurchaseModelSpec, RetentionModelSpec, SpendModelSpec } from '../../src/models/spec.js';

type P = Record<string, number>;
import { meanSe } from '../helpers/numeric.js';

const purchaseKinds = kindsOf('purchase');

/** A valid history of a model: whole opportunities for a discrete-time model. */
function history(discrete: boolean) {
  return fc
    .record({ x: fc.integer({ min: 0, max: 60 }), u: fc.double({ min: 0, max: 1, noNaN: true }), T: fc.double({ min: 0.5, max: 200, noNaN: true }) })
    .map(({ x, u, T }) => {
      if (discrete) {
        const n = Math.max(1, Math.round(T / 10));
        const xx = Math.min(x, n);
        const tx = xx === 0 ? 0 : Math.max(xx, Math.round(xx + u * (n - xx)));
        return { frequency: xx, recency: tx, T: n };
      }
      return { frequency: x, recency: x === 0 ? 0 : u * T, T };
    });
}

describe.each(purchaseKinds)('purchase model %s', (kind) => {
  const spec = registry[kind] as unknown as PurchaseModelSpec<P>;
  const model = { kind, params: spec.example } as PurchaseModel;
  const t = spec.discrete ? 5 : 39;
  const T = spec.discrete ? 6 : 39;

  it('is registered with its parameter names and a valid example', () => {
    expect(spec.kind).toBe(kind);
    expect(Object.keys(spec.example).sort()).toEqual([...spec.params].sort());
  });

  it('accepts a hand-written record in every prediction function', () => {
    const customers = [{ frequency: 2, recency: spec.discrete ? 4 : 30.43, T }];
    expect(expectedPurchases(model, t)).toBeGreaterThan(0);
    expect(probabilityOfPurchases(model, 0, t)).toBeGreaterThan(0);
    expect(conditionalExpectedPurchases(model, customers, t)[0]).toBeGreaterThan(0);
    expect(probabilityAlive(model, customers)[0]).toBeGreaterThan(0);
    expect(customerLifetimeValue({ purchaseModel: model, customers, spend: 10, horizon: 3, unit: 'week', modelUnit: 'week' })[0]).toBeGreaterThan(0);
  });

  it('names a bad history in typed columns, on every route (recency after T, a fractional frequency)', () => {
    const good = { frequency: Float64Array.of(1, 0), recency: Float64Array.of(2, 0), T: Float64Array.of(5, 5) };
    const late = { ...good, recency: Float64Array.of(2, 0), T: Float64Array.of(1, 5) };
    expect(() => probabilityAlive(model, late)).toThrow(`probabilityAlive: row 0: recency must not exceed T (1), got 2`);
    expect(() => conditionalExpectedPurchases(model, late, t)).toThrow('row 0: recency must not exceed T (1), got 2');
    const fractional = { ...good, frequency: Float64Array.of(1, 1.5) };
    expect(() => probabilityAlive(model, fractional)).toThrow('probabilityAlive: row 1: frequency must be a whole number >= 0, got 1.5');
  });

  it('gives P(alive) in [0, 1], non-increasing when looking further ahead without purchases', () => {
    fc.assert(
      fc.property(history(spec.discrete), (h) => {
        const now = probabilityAlive(model, [h])[0] as number;
        const ahead = probabilityAlive(model, [h], { ahead: spec.discrete ? 3 : 20 })[0] as number;
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(ahead).toBeGreaterThanOrEqual(0);
        expect(ahead).toBeLessThanOrEqual(now * (1 + 1e-12));
        expect(probabilityAlive(model, [h], { ahead: 0 })[0]).toBe(now);
      }),
      { numRuns: 150, seed: 1 },
    );
  });

  it('gives expectations that are non-decreasing in t, and 0 at t = 0', () => {
    fc.assert(
      fc.property(history(spec.discrete), (h) => {
        let prevNew = 0;
        let prevCond = 0;
        for (const s of spec.discrete ? [0, 1, 2, 5, 10] : [0, 0.5, 3, 20, 100]) {
          const e = expectedPurchases(model, s);
          const c = conditionalExpectedPurchases(model, [h], s)[0] as number;
          if (s === 0) {
            expect(e).toBe(0);
            expect(c).toBe(0);
          }
          expect(e).toBeGreaterThanOrEqual(prevNew - 1e-12);
          expect(c).toBeGreaterThanOrEqual(prevCond - 1e-12);
          prevNew = e;
          prevCond = c;
        }
      }),
      { numRuns: 100, seed: 2 },
    );
  });

  it('has a pmf that sums to 1 with mean E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n <= (spec.discrete ? t : 400); n++) {
      const p = probabilityOfPurchases(model, n, t);
      expect(p).toBeGreaterThanOrEqual(0);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean / expectedPurchases(model, t)).toBeCloseTo(1, 6);
  });

  it('has a logLikelihood whose per-customer values, weighted by count, add up to the total', () => {
    const sim = spec.simulate(spec.example, { customers: 200, T, seed: 8 });
    const count = Float64Array.from(sim.frequency, (_, i) => i % 3);
    const rows = { frequency: sim.frequency, recency: sim.recency, T: sim.T, count, ...(sim.logIntervalSum ? { logIntervalSum: sim.logIntervalSum } : {}) };
    const per = logLikelihood(model, rows, { perCustomer: true }) as Float64Array;
    expect(per.length).toBe(200);
    let weighted = 0;
    for (let i = 0; i < per.length; i++) weighted += count[i]! * per[i]!;
    expect(weighted / (logLikelihood(model, rows) as number)).toBeCloseTo(1, 10);
    expect(logLikelihood(spec.fit(rows), rows)).toBeCloseTo(spec.fit(rows).logLikelihood, 9);
  });

  it('survives a JSON round trip of a fitted record', () => {
    const sim = spec.simulate(spec.example, { customers: 3000, T, seed: 3 });
    const fitted = spec.fit(sim);
    const again = JSON.parse(JSON.stringify(fitted)) as Model;
    expect(again).toEqual(fitted);
    expect(Array.from(probabilityAlive(again as PurchaseModel, sim))).toEqual(Array.from(probabilityAlive(fitted as PurchaseModel, sim)));
  });

  /** Law of total expectation against the model's own simulator: E[prediction] = E[outcome]. */
  describe('agrees with its own simulation', () => {
    const sim = spec.simulate(spec.example, { customers: 40000, T, holdout: t, seed: 11 });
    const ce = conditionalExpectedPurchases(model, sim, t);
    const pa = probabilityAlive(model, sim);

    it('mean predicted holdout purchases = mean actual, overall and by frequency', () => {
      for (const group of [(_: number) => true, (x: number) => x === 0, (x: number) => x === 1, (x: number) => x >= 2]) {
        const idx = Array.from(sim.frequency.keys()).filter((i) => group(sim.frequency[i]!));
        const { mean, se } = meanSe(idx.map((i) => sim.frequencyHoldout[i]! - ce[i]!));
        expect(Math.abs(mean)).toBeLessThan(4 * se + 1e-3);
      }
    });

    it('mean P(alive) = share alive at T', () => {
      const { mean, se } = meanSe(Array.from(sim.alive, (v, i) => v - pa[i]!));
      expect(Math.abs(mean)).toBeLessThanOrEqual(4 * se + 1e-12); // se = 0 for a model without dropout
    });

    it('E[X(t)] = mean purchases of new customers; P(X(t) = n) = their frequency distribution', () => {
      const fresh = spec.simulate(spec.example, { customers: 40000, T: t, seed: 5 });
      const { mean, se } = meanSe(fresh.frequency);
      expect(Math.abs(mean - expectedPurchases(model, t))).toBeLessThan(4 * se);
      for (let n = 0; n < 4; n++) {
        const p = probabilityOfPurchases(model, n, t);
        const share = fresh.frequency.filter((x) => x === n).length / fresh.length;
        expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / fresh.length) + 1e-9);
      }
    });

    it('is reproducible from its seed', () => {
      const again = spec.simulate(spec.example, { customers: 40000, T, holdout: t, seed: 11 });
      expect(Array.from(again.frequency.slice(0, 50))).toEqual(Array.from(sim.frequency.slice(0, 50)));
    });
  });
});

describe.each(kindsOf('spend'))('spend model %s', (kind) => {
  const spec = registry[kind] as unknown as SpendModelSpec<P>;
  const model = { kind, params: spec.example } as Model<typeof kind>;

  it('accepts a hand-written record; the expected spend agrees with its simulation', () => {
    const frequency = Float64Array.from({ length: 40000 }, (_, i) => 1 + (i % 5));
    const sim = spec.simulate(spec.example, { frequency, seed: 2 });
    const customers = { frequency, recency: frequency, T: Float64Array.from(frequency, () => 10), monetaryValue: sim.monetaryValue };
    const e = conditionalExpectedSpend(model, customers);
    // E[E[M | history]] = E[true mean value]
    const { mean, se } = meanSe(Array.from(e, (v, i) => v - sim.meanValue[i]!));
    expect(Math.abs(mean)).toBeLessThan(4 * se);
    const fitted = spec.fit(customers);
    expect(JSON.parse(JSON.stringify(fitted))).toEqual(fitted);
  });
});

describe.each(kindsOf('retention'))('retention model %s', (kind) => {
  const spec = registry[kind] as unknown as RetentionModelSpec<P>;
  const model = { kind, params: spec.example } as Model<typeof kind>;

  it('accepts a hand-written record; survival starts at 1, decreases, and matches its simulation', () => {
    const s = survivalCurve(model, 10);
    expect(s[0]).toBe(1);
    for (let t = 1; t <= 10; t++) expect(s[t]!).toBeLessThan(s[t - 1]!);
    const sim = spec.simulate(spec.example, { customers: 20000, periods: 10, seed: 4 });
    for (let t = 1; t <= 10; t++) {
      const p = s[t]!;
      expect(Math.abs(sim.alive[t]! / 20000 - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 20000));
    }
    expect(expectedLifetime(model, { discountRate: 0.1 })).toBeGreaterThan(1);
  });
});
