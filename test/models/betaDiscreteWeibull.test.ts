import { describe, expect, it } from 'vitest';
import { expectedLifetime, fitBetaDiscreteWeibull, fitShiftedBetaGeometric, likelihoodRatioTest, retentionCurve, survivalCurve } from '../../src/index.js';
import { gammaDraw, uniforms } from '../helpers/erlangWorld.js';

// Fader & Hardie (2007): the "regular" and "high end" cohorts
const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

describe('beta-discrete-Weibull retention (Fader, Hardie, Liu, Davin & Steenburgh 2018)', () => {
  it('is the sBG at c = 1: survival, retention and lifetimes to 1e-12', () => {
    const sbg = { kind: 'sbg' as const, params: { alpha: 0.704, beta: 1.182 } };
    const bdw = { kind: 'bdw' as const, params: { alpha: 0.704, beta: 1.182, c: 1 } };
    const a = survivalCurve(sbg, 20);
    const b = survivalCurve(bdw, 20);
    const ra = retentionCurve(sbg, 20);
    const rb = retentionCurve(bdw, 20);
    for (let t = 0; t <= 20; t++) {
      expect(b[t]).toBeCloseTo(a[t]!, 12);
      if (t > 0) expect(rb[t - 1]).toBeCloseTo(ra[t - 1]!, 12);
    }
    for (const renewals of [0, 3]) expect(expectedLifetime(bdw, { discountRate: 0.1, renewals })).toBeCloseTo(expectedLifetime(sbg, { discountRate: 0.1, renewals }), 10);
    const steady = { kind: 'sbg' as const, params: { alpha: 2.5, beta: 3 } };
    expect(expectedLifetime({ kind: 'bdw', params: { ...steady.params, c: 1 } }, { renewals: 2 })).toBeCloseTo(expectedLifetime(steady, { renewals: 2 }), 8);
  });

  it('nests the sBG on the paper cohorts: its likelihood is at least the sBG one, and the LR test has df 1', () => {
    for (const cohort of [regular, highEnd]) {
      const sbg = fitShiftedBetaGeometric(cohort);
      const bdw = fitBetaDiscreteWeibull(cohort);
      expect(bdw.logLikelihood).toBeGreaterThanOrEqual(sbg.logLikelihood - 1e-6);
      expect(likelihoodRatioTest(sbg, bdw).df).toBe(1);
    }
  });

  it('recovers α, β and c from cohorts drawn apart from the library (4 SE)', () => {
    const truth = { alpha: 1.3, beta: 2.2, c: 0.6 };
    const u = uniforms(41);
    const n = 20000;
    const periods = 15;
    const lifetime: number[] = [];
    const censored: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const g1 = gammaDraw(u, truth.alpha, 1);
      const theta = g1 / (g1 + gammaDraw(u, truth.beta, 1));
      // churns in the first period t whose survival draw fails: P(T > t) = (1-θ)^(t^c)
      let t = 1;
      while (t <= periods && u() < (1 - theta) ** (t ** truth.c) / (1 - theta) ** ((t - 1) ** truth.c)) t++;
      lifetime.push(Math.min(t, periods));
      censored.push(t > periods);
    }
    const m = fitBetaDiscreteWeibull({ lifetime, censored });
    expect(m.converged).toBe(true);
    for (const [k, v] of Object.entries(truth)) expect(Math.abs(((m.params as Record<string, number>)[k]! - v) / (m.standardErrors as Record<string, number>)[k]!), k).toBeLessThan(4);
  });

  it('has an infinite expected lifetime when αc <= 1 and a finite discounted one', () => {
    const heavy = { kind: 'bdw' as const, params: { alpha: 0.8, beta: 1, c: 1.1 } };
    expect(expectedLifetime(heavy)).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(expectedLifetime(heavy, { discountRate: 0.1 }))).toBe(true);
  });
});
