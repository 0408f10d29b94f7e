import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitNbd, repeatPurchaseHistogram, simulateBgNbd } from '../../src/index.js';
import { chiSquaredFit } from '../../src/models/diagnostics/repeatPurchaseHistogram.js';
import { tanhSinh } from '../helpers/numeric.js';

describe("the repeat-purchase histogram's chi-squared fit", () => {
  it('pools buckets from the top until each expects 5, and takes the p-value from the chi-squared law', () => {
    // expected 1 + 3 + 7 < 5 until bucket 1: buckets (10 vs 11) and (10 vs 9)
    const fit = chiSquaredFit(Float64Array.of(10, 6, 3, 1), Float64Array.of(9, 7, 3, 1), 0);
    expect(fit.buckets).toBe(2);
    expect(fit.statistic).toBeCloseTo(1 / 11 + 1 / 9, 12);
    expect(fit.df).toBe(1);
    // P(χ²₁ > s) by integrating its density x^(-1/2) e^(-x/2) / √(2π)
    const density = (x: number) => Math.exp(-x / 2) / Math.sqrt(2 * Math.PI * x);
    expect(fit.pValue).toBeCloseTo(tanhSinh(density, fit.statistic, 200), 8);
    expect(chiSquaredFit(Float64Array.of(10, 6, 3, 1), Float64Array.of(9, 7, 3, 1), 1).pValue).toBeNull();
  });

  it('does not reject the true model on its own simulated customers, and rejects a model without dropout', () => {
    const sim = simulateBgNbd({ r: 0.8, alpha: 6, a: 0.8, b: 2.5 }, { customers: 6000, T: Float64Array.from({ length: 6000 }, (_, i) => 30 + (i % 30)), seed: 21 });
    const right = repeatPurchaseHistogram(fitBgNbd(sim), sim, { maxFrequency: 10 }).chiSquared;
    expect(right.df).toBeGreaterThan(3);
    expect(right.pValue!).toBeGreaterThan(0.001);
    const wrong = repeatPurchaseHistogram(fitNbd(sim), sim, { maxFrequency: 10 }).chiSquared;
    // the NBD has no dropout, so it cannot produce so many customers who stopped early: p ≈ 1e-116 here
    expect(wrong.pValue!).toBeLessThan(1e-10);
  });
});
