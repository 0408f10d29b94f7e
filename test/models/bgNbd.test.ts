import { describe, expect, it } from 'vitest';
import {
  compressSummary,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  probabilityOfPurchases,
  simulateBgNbd,
  summarize,
} from '../../src/index.js';
import { expectRecovered } from '../helpers/recovery.js';
import { toPrinted, relativeTo, histories, cdnowSummary } from '../helpers/models.js';
import { betaExpectation } from '../helpers/numeric.js';
import { cdnowSample } from '../helpers/datasets.js';

const summary = cdnowSummary();

// CDNOW estimates (weeks), as published
const bgnbd = { kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;

describe('BG/NBD on CDNOW (Fader, Hardie & Lee 2005, Marketing Science)', () => {
  const m = fitBgNbd(summary);

  it('reproduces the published estimates and log-likelihood', () => {
    toPrinted(m.params.r, '0.243');
    toPrinted(m.params.alpha, '4.414');
    toPrinted(m.params.a, '0.793');
    toPrinted(m.params.b, '2.426');
    expect(Math.abs(m.logLikelihood - -9582.4)).toBeLessThan(0.1);
    expect(m.converged).toBe(true);
    expect(m.kind).toBe('bg-nbd');
    expect(m.n).toBe(2357);
    expect(m.aic).toBeCloseTo(-2 * m.logLikelihood + 8, 8);
    expect(m.bic).toBeCloseTo(-2 * m.logLikelihood + 4 * Math.log(2357), 8);
  });

  it('finds the same optimum from several starting points (1e-5 relative)', () => {
    for (const initialParams of [{ r: 1, alpha: 1, a: 1, b: 1 }, { r: 0.05, alpha: 30, a: 3, b: 0.5 }, { r: 2, alpha: 0.5, a: 0.2, b: 10 }]) {
      const other = fitBgNbd(summary, { initialParams });
      for (const k of ['r', 'alpha', 'a', 'b'] as const) relativeTo(other.params[k], m.params[k], 1e-5);
    }
  });

  it('gives standard errors close to the inverse observed information (lifetimes prints 0.013, 0.378, 0.186, 0.705)', () => {
    expect(m.standardErrors.r).toBeCloseTo(0.0126, 3);
    expect(m.standardErrors.alpha).toBeCloseTo(0.378, 2);
    expect(m.standardErrors.a).toBeCloseTo(0.186, 2);
    expect(m.standardErrors.b).toBeCloseTo(0.705, 2);
  });

  it('gives the same fit from the raw transactions through summarize and from a compressed summary', () => {
    const raw = summarize(cdnowSample(), { observationEnd: '1997-09-30', unit: 'week' });
    const fromRaw = fitBgNbd(raw);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) relativeTo(fromRaw.params[k], m.params[k], 1e-3);
    expect(fromRaw.unit).toBe('week');
    const compressed = compressSummary(summary);
    expect(compressed.length).toBeLessThan(2357);
    const c = fitBgNbd(compressed);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) relativeTo(c.params[k], m.params[k], 1e-6);
    expect(c.logLikelihood).toBeCloseTo(m.logLikelihood, 6);
    expect(c.n).toBe(2357);
  });

  it('shrinks the parameters with an L2 penalty', () => {
    const p = fitBgNbd(summary, { l2: 100 });
    expect(p.l2).toBe(100);
    expect(p.params.alpha).toBeLessThan(m.params.alpha);
    expect(p.logLikelihood).toBeLessThan(m.logLikelihood);
  });

  it('stays finite for very large frequencies and long histories', () => {
    const big = fitBgNbd({ frequency: [0, 1, 5, 400, 2500, 3], recency: [0, 10, 50, 3000, 3600, 20], T: [100, 200, 400, 3650, 3650, 30] });
    expect(Number.isFinite(big.logLikelihood)).toBe(true);
    for (const v of Object.values(big.params)) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('BG/NBD predictions', () => {
  const { r, alpha, a, b } = bgnbd.params;

  it('reproduces the published example: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks', () => {
    const [v] = conditionalExpectedPurchases(bgnbd, [{ frequency: 2, recency: 30.43, T: 38.86 }], 39);
    expect(v).toBeCloseTo(1.226, 3);
  });

  it('E[X(t)] equals E_p[(1 - (α/(α+pt))^r) / p] by numerical integration over p ~ Beta(a, b)', () => {
    for (const t of [1, 10, 39, 78, 500]) {
      const direct = betaExpectation(a, b, (p) => (1 - (alpha / (alpha + p * t)) ** r) / p);
      expect(expectedPurchases(bgnbd, t) / direct).toBeCloseTo(1, 9);
    }
  });

  it('conditional expectation equals P(alive) E_p[(1 - ((α+T)/(α+T+pt))^(r+x)) / p], p ~ Beta(a, b+x)', () => {
    const pa = probabilityAlive(bgnbd, histories);
    const ce = conditionalExpectedPurchases(bgnbd, histories, 52);
    histories.forEach((h, i) => {
      const x = h.frequency;
      const direct = betaExpectation(a, b + x, (p) => (1 - ((alpha + h.T) / (alpha + h.T + p * 52)) ** (r + x)) / p);
      expect(ce[i]! / (pa[i]! * direct)).toBeCloseTo(1, 8);
    });
  });

  it('holds for a = 1 (removable singularity) and stays continuous around it', () => {
    const at = (aa: number) => ({ kind: 'bg-nbd', params: { r, alpha, a: aa, b } }) as const;
    const one = expectedPurchases(at(1), 39);
    const direct = betaExpectation(1, b, (p) => (1 - (alpha / (alpha + p * 39)) ** r) / p);
    expect(one / direct).toBeCloseTo(1, 7);
    expect(expectedPurchases(at(1 + 1e-3), 39) / one).toBeCloseTo(1, 3);
    const c1 = conditionalExpectedPurchases(at(1), histories, 39);
    const pa = probabilityAlive(at(1), histories);
    histories.forEach((h, i) => {
      const x = h.frequency;
      const direct = betaExpectation(1, b + x, (p) => (1 - ((alpha + h.T) / (alpha + h.T + p * 39)) ** (r + x)) / p);
      expect(c1[i]! / (pa[i]! * direct)).toBeCloseTo(1, 7);
    });
    // just outside the bridged interval the closed form takes over without a jump
    const below = conditionalExpectedPurchases(at(1 - 1.2e-4), histories, 39);
    const above = conditionalExpectedPurchases(at(1 + 1.2e-4), histories, 39);
    c1.forEach((v, i) => expect(v / ((below[i]! + above[i]!) / 2)).toBeCloseTo(1, 7));
  });

  it('P(alive ahead) equals P(alive) E_p[((α+T)/(α+T+pt))^(r+x)]', () => {
    const pa = probabilityAlive(bgnbd, histories);
    const ahead = probabilityAlive(bgnbd, histories, { ahead: 26 });
    histories.forEach((h, i) => {
      const direct = betaExpectation(a, b + h.frequency, (p) => ((alpha + h.T) / (alpha + h.T + p * 26)) ** (r + h.frequency));
      expect(ahead[i]! / (pa[i]! * direct)).toBeCloseTo(1, 8);
    });
  });

  it('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = probabilityOfPurchases(bgnbd, n, 39);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 10);
    expect(mean / expectedPurchases(bgnbd, 39)).toBeCloseTo(1, 6);
  });
});

describe('BG/NBD simulator recovery', () => {
  it('recovers the parameters it simulated from, within 4 standard errors', () => {
    const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const T = Float64Array.from({ length: 20000 }, (_, i) => 26 + (i % 27));
    expectRecovered(fitBgNbd(simulateBgNbd(truth, { customers: 20000, T, seed: 21 })), truth);
  });
});
