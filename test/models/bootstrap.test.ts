import { describe, expect, it } from 'vitest';
import { bootstrapFit, simulateBgNbd, simulateGammaGamma } from '../../src/index.js';

describe('bootstrapFit', () => {
  it('BG/NBD: the bootstrap standard deviations match the Hessian standard errors (within 25 %), the means the estimate', () => {
    const sim = simulateBgNbd({ r: 0.8, alpha: 6, a: 0.8, b: 3 }, { customers: 3000, T: Float64Array.from({ length: 3000 }, (_, i) => 30 + (i % 30)), seed: 4 });
    const boot = bootstrapFit(sim, { model: 'bg-nbd', replicates: 120, seed: 2 });
    expect(boot.failed).toBe(0);
    expect(boot.draws.r!.length).toBe(120);
    for (const k of ['r', 'alpha', 'a', 'b']) {
      const se = (boot.estimate.standardErrors as Record<string, number>)[k]!;
      expect(boot.sd[k]! / se, k).toBeGreaterThan(0.75);
      expect(boot.sd[k]! / se, k).toBeLessThan(1.33);
      expect(Math.abs(boot.mean[k]! - (boot.estimate.params as Record<string, number>)[k]!) / se, k).toBeLessThan(1);
      expect(boot.lower[k]).toBeLessThan(boot.upper[k]!);
    }
    // seeded: the same draws again
    expect(Array.from(bootstrapFit(sim, { model: 'bg-nbd', replicates: 5, seed: 9 }).draws.a!)).toEqual(Array.from(bootstrapFit(sim, { model: 'bg-nbd', replicates: 5, seed: 9 }).draws.a!));
  });

  it('Gamma-Gamma: the same on the repeat customers', () => {
    const frequency = Float64Array.from({ length: 3000 }, (_, i) => 1 + (i % 6));
    const sim = simulateGammaGamma({ p: 6, q: 4, v: 15 }, { frequency, seed: 3 });
    const rows = { frequency, recency: frequency, T: Float64Array.from(frequency, (f) => f + 1), monetaryValue: sim.monetaryValue };
    const boot = bootstrapFit(rows, { model: 'gamma-gamma', replicates: 100, seed: 5 });
    for (const k of ['p', 'q', 'v']) {
      const se = (boot.estimate.standardErrors as Record<string, number>)[k]!;
      expect(boot.sd[k]! / se, k).toBeGreaterThan(0.7);
      expect(boot.sd[k]! / se, k).toBeLessThan(1.4);
    }
  });

  it('refuses what it cannot do', () => {
    const rows = [{ frequency: 1, recency: 1, T: 2 }];
    expect(() => bootstrapFit(rows, { model: 'sbg' as never })).toThrow(/model must be one of/);
    expect(() => bootstrapFit(rows, { model: 'bg-nbd', fit: { covariates: { data: [] } } })).toThrow(/not resampled yet/);
    expect(() => bootstrapFit(rows, { model: 'bg-nbd', replicates: 1 })).toThrow(/replicates/);
  });
});
