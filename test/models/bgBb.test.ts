import { describe, expect, it } from 'vitest';
import {
  CustomerValueError,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgBb,
  probabilityAlive,
  probabilityOfPurchases,
  simulateBgBb,
} from '../../src/index.js';
import { expectRecovered } from '../helpers/recovery.js';
import { toPrinted, relativeTo } from '../helpers/models.js';
import { meanSe } from '../helpers/numeric.js';
import { csv } from '../helpers/datasets.js';

// CDNOW estimates (weeks), as published
const bgbb = { kind: 'bg-bb', params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } } as const;

describe('BG/BB on the donations data (Fader, Hardie & Shang 2010)', () => {
  const donations = csv('donations.csv');
  const m = fitBgBb(donations, { fields: { T: 'periods', count: 'weights' } });

  it('reproduces the published estimates and log-likelihood', () => {
    expect(m.n).toBe(11104);
    toPrinted(m.params.alpha, '1.204');
    toPrinted(m.params.beta, '0.750');
    toPrinted(m.params.gamma, '0.657');
    toPrinted(m.params.delta, '2.783');
    expect(Math.abs(m.logLikelihood - -33225.6)).toBeLessThan(0.1);
  });

  it('accepts the weights as an option too, and rejects impossible histories', () => {
    const w = fitBgBb({ frequency: donations.frequency!, recency: donations.recency!, T: donations.periods! }, { weights: donations.weights! });
    relativeTo(w.params.delta, m.params.delta, 1e-6);
    expect(() => fitBgBb({ frequency: [3], recency: [2], T: [6] })).toThrow(CustomerValueError);
  });
});

describe('BG/BB predictions (discrete opportunities)', () => {
  const sim = simulateBgBb(bgbb.params, { customers: 40000, T: 6, holdout: 5, seed: 3 });

  it('conditional expectations and P(alive) agree with simulation', () => {
    const ce = conditionalExpectedPurchases(bgbb, sim, 5);
    const pa = probabilityAlive(bgbb, sim);
    const d1 = meanSe(Array.from(sim.frequencyHoldout, (v, i) => v - ce[i]!));
    expect(Math.abs(d1.mean)).toBeLessThan(4 * d1.se);
    const d2 = meanSe(Array.from(sim.alive, (v, i) => v - pa[i]!));
    expect(Math.abs(d2.mean)).toBeLessThan(4 * d2.se);
  });

  it('P(X(n) = x) sums to 1 with mean E[X(n)], and matches the simulated distribution', () => {
    let total = 0;
    let mean = 0;
    for (let x = 0; x <= 6; x++) {
      const p = probabilityOfPurchases(bgbb, x, 6);
      total += p;
      mean += x * p;
      const share = sim.frequency.filter((f) => f === x).length / sim.length;
      expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / sim.length) + 1e-4);
    }
    expect(total).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(expectedPurchases(bgbb, 6), 10);
  });

  it('rejects fractional opportunities', () => {
    expect(() => expectedPurchases(bgbb, 2.5)).toThrow(CustomerValueError);
  });

  it('rejects, by row, histories no opportunity process can produce (more transactions than the last opportunity, fractions)', () => {
    const bad = [{ frequency: 2, recency: 3, T: 6 }, { frequency: 1, recency: 0, T: 0 }];
    for (const f of [() => probabilityAlive(bgbb, bad), () => conditionalExpectedPurchases(bgbb, bad, 2)]) {
      expect(f).toThrow(/row 1.*frequency <= recency <= T, got 1, 0, 0/s);
    }
    expect(() => probabilityAlive(bgbb, [{ frequency: 1, recency: 2.5, T: 6 }])).toThrow(/whole opportunities/);
  });
});

describe('BG/BB simulator recovery', () => {
  it('recovers the parameters it simulated from, within 4 standard errors', () => {
    const truth = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
    expectRecovered(fitBgBb(simulateBgBb(truth, { customers: 11104, T: 6, seed: 24 })), truth);
  });
});
