import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  fitModifiedBgNbd,
  probabilityAlive,
  simulateModifiedBgNbd,
} from '../../src/index.js';
import { expectRecovered } from '../helpers/recovery.js';
import { relativeTo, histories, cdnowSummary } from '../helpers/models.js';
import { betaExpectation } from '../helpers/numeric.js';

const summary = cdnowSummary();

// CDNOW estimates (weeks), as published
const mbg = { kind: 'mbg-nbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } } as const;

describe('MBG/NBD on CDNOW (Batislam, Denizel & Filiztekin 2007)', () => {
  it('agrees with an independent implementation (scripts/reference/mbg_nbd_cdnow.py)', () => {
    const m = fitModifiedBgNbd(summary);
    const reference = { r: 0.5248378537224015, alpha: 6.182990789024695, a: 0.8913566586640338, b: 1.614000590750185 };
    for (const k of ['r', 'alpha', 'a', 'b'] as const) relativeTo(m.params[k], reference[k], 1e-5);
    expect(m.logLikelihood).toBeCloseTo(-9582.132684899889, 4);
  });
});

describe('MBG/NBD predictions', () => {
  const { r, alpha, a, b } = mbg.params;

  it('E[X(t)] equals E_p[(1-p)/p (1 - (α/(α+pt))^r)]', () => {
    for (const t of [1, 39, 300]) {
      const direct = betaExpectation(a, b, (p) => ((1 - p) / p) * (1 - (alpha / (alpha + p * t)) ** r));
      expect(expectedPurchases(mbg, t) / direct).toBeCloseTo(1, 9);
    }
  });

  it('conditional expectation equals P(alive) E_p[(1 - ((α+T)/(α+T+pt))^(r+x)) / p], p ~ Beta(a, b+x+1)', () => {
    const pa = probabilityAlive(mbg, histories);
    const ce = conditionalExpectedPurchases(mbg, histories, 39);
    const ahead = probabilityAlive(mbg, histories, { ahead: 10 });
    histories.forEach((h, i) => {
      const x = h.frequency;
      const direct = betaExpectation(a, b + x + 1, (p) => (1 - ((alpha + h.T) / (alpha + h.T + p * 39)) ** (r + x)) / p);
      expect(ce[i]! / (pa[i]! * direct)).toBeCloseTo(1, 8);
      const surv = betaExpectation(a, b + x + 1, (p) => ((alpha + h.T) / (alpha + h.T + p * 10)) ** (r + x));
      expect(ahead[i]! / (pa[i]! * surv)).toBeCloseTo(1, 8);
    });
  });

  it('one-time buyers can be dead: P(alive | x = 0) < 1', () => {
    expect(probabilityAlive(mbg, [{ frequency: 0, recency: 0, T: 39 }])[0]).toBeLessThan(1);
  });
});

describe('MBG/NBD simulator recovery', () => {
  it('recovers the parameters it simulated from, within 4 standard errors', () => {
    const truth = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
    const T = Float64Array.from({ length: 20000 }, (_, i) => 26 + (i % 27));
    expectRecovered(fitModifiedBgNbd(simulateModifiedBgNbd(truth, { customers: 20000, T, seed: 23 })), truth);
  });
});
