/**
 * The contract of the model variants, run over the registry: every kind whose spec declares
 * `covariateLinks` with coefficients and covariates, and every kind with a correlated form
 * (`correlation`) with an ω, meets the same checks as the plain models in contract.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, expectedPurchases, logLikelihood, probabilityAlive, probabilityOfPurchases, type PurchaseModel } from '../../src/index.js';
import { kindsOf, registry } from '../../src/models/registry.js';
import type { PurchaseModelSpec } from '../../src/models/spec.js';

type P = Record<string, number>;
const covariates = { data: Array.from({ length: 4 }, (_, i) => ({ customerId: `c${i}`, g: i % 2, h: i / 3 })) };
const history = fc
  .record({ x: fc.integer({ min: 0, max: 40 }), u: fc.double({ min: 0, max: 1, noNaN: true }), T: fc.double({ min: 0.5, max: 150, noNaN: true }), id: fc.integer({ min: 0, max: 3 }) })
  .map(({ x, u, T, id }) => ({ customerId: `c${id}`, frequency: x, recency: x === 0 ? 0 : u * T, T }));

const variants: Array<[string, PurchaseModel, { covariates?: typeof covariates }, Record<string, number> | undefined]> = [];
for (const kind of kindsOf('purchase')) {
  const spec = registry[kind] as unknown as PurchaseModelSpec<P>;
  const params = spec.example as never;
  if (spec.covariateLinks) variants.push([`${kind} with covariates`, { kind, params, coefficients: { purchase: { g: 0.4, h: -0.2 }, dropout: { g: -0.3 } } } as PurchaseModel, { covariates }, { g: 1, h: 0.5 }]);
  if (spec.correlation) {
    const [lo, hi] = spec.correlation.bounds(spec.example);
    variants.push([`${kind} with correlated rates`, { kind, params, correlation: { omega: 0.5 * hi } } as PurchaseModel, {}, undefined]);
    variants.push([`${kind} with negatively correlated rates`, { kind, params, correlation: { omega: 0.5 * lo } } as PurchaseModel, {}, undefined]);
  }
}

describe.each(variants)('%s', (_, model, opts, profile) => {
  it('gives P(alive) in [0, 1], non-increasing when looking ahead without purchases', () => {
    fc.assert(
      fc.property(history, (h) => {
        const now = probabilityAlive(model, [h], opts)[0]!;
        const ahead = probabilityAlive(model, [h], { ...opts, ahead: 20 })[0]!;
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1 + 1e-12);
        expect(ahead).toBeLessThanOrEqual(now * (1 + 1e-9) + 1e-15);
      }),
      { numRuns: 100, seed: 4 },
    );
  });

  it('gives conditional expectations non-decreasing in t, 0 at t = 0', () => {
    fc.assert(
      fc.property(history, (h) => {
        let prev = 0;
        for (const t of [0, 0.5, 3, 20, 100]) {
          const c = conditionalExpectedPurchases(model, [h], t, opts)[0]!;
          if (t === 0) expect(c).toBe(0);
          expect(c).toBeGreaterThanOrEqual(prev - 1e-12);
          prev = c;
        }
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it("has a new customer's pmf that sums to 1 with mean E[X(t)]", () => {
    const o = profile ? { profile } : {};
    let total = 0;
    let mean = 0;
    for (let n = 0; n <= 400; n++) {
      const p = probabilityOfPurchases(model, n, 39, o);
      expect(p).toBeGreaterThanOrEqual(0);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 7);
    expect(mean / expectedPurchases(model, 39, o)).toBeCloseTo(1, 6);
  });

  it('has per-customer log-likelihoods that add up to the total, and survives a JSON round trip', () => {
    const rows = fc.sample(history, { numRuns: 30, seed: 6 });
    const per = logLikelihood(model, rows, { ...opts, perCustomer: true }) as Float64Array;
    const total = logLikelihood(model, rows, opts) as number;
    expect(per.reduce((s, v) => s + v, 0) / total).toBeCloseTo(1, 10);
    const again = JSON.parse(JSON.stringify(model)) as PurchaseModel;
    expect(Array.from(probabilityAlive(again, rows, opts))).toEqual(Array.from(probabilityAlive(model, rows, opts)));
  });
});
