import { describe, expect, it } from 'vitest';
import {
  expectedLifetime,
  fitShiftedBetaGeometric,
  retentionCurve,
  simulateShiftedBetaGeometric,
  survivalCurve,
} from '../../src/index.js';
import { expectRecovered } from '../helpers/recovery.js';
import { toPrinted, relativeTo } from '../helpers/models.js';
import { csv } from '../helpers/datasets.js';

describe('shifted-beta-geometric (Fader & Hardie 2007)', () => {
  const d = csv('sbg_retention.csv');
  const cohort = (col: number[]) => col.slice(0, 8).map((pct) => Math.round(pct * 10)); // years 0-7, 1,000 customers

  it('reproduces the high-end and regular estimates', () => {
    const high = fitShiftedBetaGeometric(cohort(d.high_end_pct_surviving!));
    toPrinted(high.params.alpha, '0.668');
    toPrinted(high.params.beta, '3.806');
    const regular = fitShiftedBetaGeometric(cohort(d.regular_pct_surviving!));
    toPrinted(regular.params.alpha, '0.704');
    toPrinted(regular.params.beta, '1.182');
  });

  it('gives the same fit from per-customer lifetimes with censoring', () => {
    const alive = cohort(d.regular_pct_surviving!);
    const lifetime: number[] = [];
    const censored: boolean[] = [];
    for (let t = 1; t < alive.length; t++) for (let k = 0; k < alive[t - 1]! - alive[t]!; k++) (lifetime.push(t), censored.push(false));
    for (let k = 0; k < alive.at(-1)!; k++) (lifetime.push(7), censored.push(true));
    const a = fitShiftedBetaGeometric({ lifetime, censored });
    const b = fitShiftedBetaGeometric(alive);
    relativeTo(a.params.alpha, b.params.alpha, 1e-6);
    relativeTo(a.params.beta, b.params.beta, 1e-6);
  });

  it('rejects increasing counts', () => {
    expect(() => fitShiftedBetaGeometric([100, 120])).toThrow(/non-increasing/);
  });
});

describe('sBG retention', () => {
  const model = { kind: 'sbg', params: { alpha: 0.704, beta: 1.182 } } as const;

  it('survival is the product of the retention rates and matches simulation', () => {
    const S = survivalCurve(model, 12);
    const rr = retentionCurve(model, 12);
    let prod = 1;
    rr.forEach((rate, t) => {
      prod *= rate;
      expect(S[t + 1]).toBeCloseTo(prod, 12);
    });
    expect(S[0]).toBe(1);
    const sim = simulateShiftedBetaGeometric(model, { customers: 100000, periods: 12, seed: 4 });
    for (let t = 0; t <= 12; t++) {
      const share = sim.alive[t]! / 100000;
      expect(Math.abs(share - S[t]!)).toBeLessThan(4 * Math.sqrt((S[t]! * (1 - S[t]!)) / 100000) + 1e-9);
    }
  });

  it('discounted expected (residual) lifetime equals the direct sum of discounted survival', () => {
    for (const [d, n] of [[0.1, 0], [0.01, 0], [0.1, 3], [0.001, 5]] as const) {
      // S(t)/S(n) as a running product of period retention (β+t)/(α+β+t), discounted
      let sum = 0;
      let term = 1;
      for (let t = n; t < 2_000_000 && term > 1e-18; t++) {
        sum += term;
        term *= (1.182 + t) / (0.704 + 1.182 + t) / (1 + d);
      }
      expect(expectedLifetime(model, { discountRate: d, renewals: n }) / sum).toBeCloseTo(1, 6);
    }
    expect(expectedLifetime(model)).toBe(Number.POSITIVE_INFINITY);
    expect(expectedLifetime({ kind: 'sbg', params: { alpha: 3, beta: 4 } })).toBeCloseTo(3, 12); // (α+β-1)/(α-1)
  });
});

describe('sBG simulator recovery', () => {
  it('recovers the parameters it simulated from, within 4 standard errors', () => {
    const truth = { alpha: 0.704, beta: 1.182 };
    const sim = simulateShiftedBetaGeometric(truth, { customers: 5000, periods: 8, seed: 26 });
    expectRecovered(fitShiftedBetaGeometric(sim.alive), truth);
    expectRecovered(fitShiftedBetaGeometric({ lifetime: sim.lifetime, censored: sim.censored }), truth);
  });
});
