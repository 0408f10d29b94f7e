import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedSpend,
  fitGammaGamma,
  simulateGammaGamma,
  summarize,
} from '../../src/index.js';
import { expectRecovered } from '../helpers/recovery.js';
import { toPrinted } from '../helpers/models.js';
import { meanSe } from '../helpers/numeric.js';
import { cdnowSample, csv } from '../helpers/datasets.js';

describe('Gamma-Gamma on the CDNOW repeat customers (Fader, Hardie & Lee 2005, JMR)', () => {
  const z = csv('cdnow_customers_summary_with_transactions.csv');
  const m = fitGammaGamma({ frequency: z.x!, recency: z.t_x!, T: z.T!, monetaryValue: z.zbar! });

  it('reproduces p = 6.25, q = 3.74, v = 15.44 (optimum 15.448) on the 946 repeat customers', () => {
    expect(m.n).toBe(946);
    toPrinted(m.params.p, '6.25');
    toPrinted(m.params.q, '3.74');
    toPrinted(m.params.v, '15.448');
  });

  it('gives the published digits from the raw transactions through summarize', () => {
    const raw = fitGammaGamma(summarize(cdnowSample(), { observationEnd: '1997-09-30', unit: 'week' }));
    expect(raw.n).toBe(946);
    toPrinted(raw.params.p, '6.25');
    toPrinted(raw.params.q, '3.74');
    toPrinted(raw.params.v, '15.44');
  });

  it('leaves out and counts repeat customers without positive spend, and needs two repeat customers', () => {
    const rows = { frequency: [1, 2, 3, 1, 2], recency: [1, 2, 3, 1, 2], T: [3, 3, 4, 5, 5], monetaryValue: [5, 0, 7, -2, 9], count: [1, 2, 1, 3, 1] };
    const fit = fitGammaGamma(rows);
    expect(fit.excludedNonPositiveSpend).toBe(5); // weights 2 and 3
    expect(fit.n).toBe(3);
    const kept = fitGammaGamma({ frequency: [1, 3, 2], recency: [1, 3, 2], T: [3, 4, 5], monetaryValue: [5, 7, 9] });
    expect(fit.params.p).toBeCloseTo(kept.params.p, 6);
    expect(kept.excludedNonPositiveSpend).toBe(0);
    expect(() => fitGammaGamma({ frequency: [1, 2], recency: [1, 2], T: [3, 3], monetaryValue: [5, 0] })).toThrow(
      'fitGammaGamma requires at least 2 repeat customers, got 1',
    );
    expect(() => fitGammaGamma({ frequency: [1, 0], recency: [1, 0], T: [3, 3], monetaryValue: [5, 0] })).toThrow(
      'fitGammaGamma requires at least 2 repeat customers, got 1',
    );
  });
});

describe('Gamma-Gamma conditional spend', () => {
  const spend = { kind: 'gamma-gamma', params: { p: 6.25, q: 3.74, v: 15.44 } } as const;

  it('is the published weighted mean and agrees with simulation', () => {
    const { p, q, v } = spend.params;
    const [e] = conditionalExpectedSpend(spend, [{ frequency: 2, recency: 30, T: 39, monetaryValue: 22.35 }]);
    const w = (q - 1) / (p * 2 + q - 1);
    expect(e).toBeCloseTo(w * ((p * v) / (q - 1)) + (1 - w) * 22.35, 12);
    const freq = Array.from({ length: 50000 }, (_, i) => 1 + (i % 5));
    const sim = simulateGammaGamma(spend, { frequency: freq, seed: 9 });
    const pred = conditionalExpectedSpend(spend, { frequency: sim.frequency, recency: sim.frequency, T: Array.from(freq, () => 10), monetaryValue: sim.monetaryValue });
    const d = meanSe(Array.from(sim.meanValue, (m, i) => m - pred[i]!));
    expect(Math.abs(d.mean)).toBeLessThan(4 * d.se);
  });

  it('gives the population mean to customers without repeat purchases', () => {
    const [e] = conditionalExpectedSpend(spend, [{ frequency: 0, recency: 0, T: 10, monetaryValue: 0 }]);
    expect(e).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
  });
});

describe('Gamma-Gamma simulator recovery', () => {
  it('recovers the parameters it simulated from, within 4 standard errors', () => {
    const truth = { p: 6.25, q: 3.74, v: 15.44 };
    const frequency = Float64Array.from({ length: 5000 }, (_, i) => 1 + (i % 8));
    const sim = simulateGammaGamma(truth, { frequency, seed: 25 });
    const customers = { frequency, recency: frequency, T: Float64Array.from(frequency, () => 39), monetaryValue: sim.monetaryValue };
    expectRecovered(fitGammaGamma(customers), truth);
  });
});
