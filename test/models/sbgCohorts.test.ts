import { describe, expect, it } from 'vitest';
import { expectedLifetime, fitShiftedBetaGeometric } from '../../src/index.js';

const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

describe('fitShiftedBetaGeometric across cohorts', () => {
  it('fits each cohort as alone, pools them by tenure, and finds that the two paper cohorts differ', () => {
    const fit = fitShiftedBetaGeometric({ cohorts: { regular, highEnd } });
    const alone = fitShiftedBetaGeometric(regular);
    expect(fit.cohorts.regular!.params.alpha).toBeCloseTo(alone.params.alpha, 8);
    expect(fit.cohorts.highEnd!.params.beta).toBeCloseTo(fitShiftedBetaGeometric(highEnd).params.beta, 8);
    // the pooled model is the sBG of everyone's lifetimes together
    const lifetime: number[] = [];
    const censored: boolean[] = [];
    for (const c of [regular, highEnd]) {
      for (let t = 1; t < c.length; t++) for (let k = 0; k < c[t - 1]! - c[t]!; k++) (lifetime.push(t), censored.push(false));
      for (let k = 0; k < c.at(-1)!; k++) (lifetime.push(c.length - 1), censored.push(true));
    }
    const together = fitShiftedBetaGeometric({ lifetime, censored });
    expect(fit.pooled.logLikelihood).toBeCloseTo(together.logLikelihood, 6);
    expect(fit.pooled.params.alpha).toBeCloseTo(together.params.alpha, 6);
    expect(fit.test.df).toBe(2);
    expect(fit.test.pValue).toBeLessThan(1e-10);
    expect(fit.separateLogLikelihood).toBeCloseTo(fit.cohorts.regular!.logLikelihood + fit.cohorts.highEnd!.logLikelihood, 10);
    // per-cohort lifetimes from each cohort's model
    expect(expectedLifetime(fit.cohorts.highEnd!, { discountRate: 0.1 })).toBeGreaterThan(expectedLifetime(fit.cohorts.regular!, { discountRate: 0.1 }));
  });

  it('pooling shared gives every cohort the pooled model; identical cohorts do not differ', () => {
    const full = fitShiftedBetaGeometric({ cohorts: { a: regular, b: regular } }, { pooling: 'shared' });
    expect(full.cohorts.a).toBe(full.pooled);
    expect(full.test.statistic).toBeLessThan(1e-6);
    expect(full.test.pValue).toBeGreaterThan(0.99);
  });

  it('names the cohort with bad counts, and a bad pooling', () => {
    expect(() => fitShiftedBetaGeometric({ cohorts: { good: regular, bad: [100, 120] } })).toThrow(/cohort "bad": row 1/);
    expect(() => fitShiftedBetaGeometric({ cohorts: { a: regular } }, { pooling: 'some' as never })).toThrow(/pooling must be 'none' or 'shared'/);
    expect(() => fitShiftedBetaGeometric({ cohorts: {} })).toThrow(/at least one named cohort/);
  });
});
