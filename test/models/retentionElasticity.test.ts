import { describe, expect, it } from 'vitest';
import { CustomerValueError, expectedLifetime, retentionElasticity } from '../../src/index.js';
import { Random } from '../../src/math/random.js';

const regular = { kind: 'sbg' as const, params: { alpha: 0.704, beta: 1.182 } };

describe('retentionElasticity', () => {
  it("its unraised lifetime is the model's DERL in closed form (2F1), for new customers and after renewals", () => {
    for (const renewals of [0, 3, 10]) {
      const e = retentionElasticity(regular, { discountRate: 0.1, renewals });
      expect(e.lifetime / expectedLifetime(regular, { discountRate: 0.1, renewals }) - 1).toBeCloseTo(0, 7);
    }
  });

  it('its raised lifetime matches a Monte Carlo over the customers (θ ~ Beta(α, β + n), each keeping min(1, 1.01 (1 - θ)))', () => {
    const rng = new Random(3);
    const d = 0.1;
    const N = 400_000;
    let s = 0;
    for (let j = 0; j < N; j++) s += (1 + d) / (1 + d - Math.min(1, 1.01 * (1 - rng.beta(0.704, 1.182 + 2))));
    const e = retentionElasticity(regular, { discountRate: d, renewals: 2 });
    // the per-customer DERL is at most 11: sd ≤ 5, so the Monte Carlo mean has sd ≤ 0.008
    expect(Math.abs(e.raisedLifetime - s / N)).toBeLessThan(0.03);
  });

  it('with no heterogeneity it is the constant-retention elasticity, and the BdW at c = 1 is the sBG', () => {
    // θ ≈ 0.2 for everyone: r = 0.8, and ((1 + d - r) / (1 + d - 1.01 r) - 1) / 0.01 in closed form
    const homogeneous = retentionElasticity({ kind: 'sbg', params: { alpha: 2e5, beta: 8e5 } }, { discountRate: 0.1 });
    expect(homogeneous.elasticity).toBeCloseTo(((1.1 - 0.8) / (1.1 - 0.808) - 1) / 0.01, 2);
    const sbg = retentionElasticity(regular, { discountRate: 0.1, renewals: 4 });
    const bdw = retentionElasticity({ kind: 'bdw', params: { alpha: 0.704, beta: 1.182, c: 1 } }, { discountRate: 0.1, renewals: 4 });
    expect(bdw.elasticity / sbg.elasticity - 1).toBeCloseTo(0, 5); // one by its series per customer, one by (1+d)/(d+θ)
    // heterogeneity: a cohort whose weak customers left early is more loyal after renewals, and raising retention is worth more
    expect(retentionElasticity(regular, { discountRate: 0.1, renewals: 10 }).elasticity).toBeGreaterThan(retentionElasticity(regular, { discountRate: 0.1 }).elasticity);
  });

  it('refuses a rate of 0 and bad changes, naming the option', () => {
    expect(() => retentionElasticity(regular, { discountRate: 0 })).toThrow(/discountRate must be a finite number > 0/);
    expect(() => retentionElasticity(regular, { discountRate: 0.1, change: 2 })).toThrow(CustomerValueError);
    expect(() => retentionElasticity({ kind: 'bg-nbd', params: {} } as never, { discountRate: 0.1 })).toThrow(CustomerValueError);
  });
});
