import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  fitParetoNbd,
  probabilityAlive,
  probabilityOfPurchases,
  simulateParetoNbd,
  summarize,
} from '../../src/index.js';
import { expectRecovered } from '../helpers/recovery.js';
import { toPrinted, relativeTo, histories, cdnowSummary } from '../helpers/models.js';
import { tanhSinh } from '../helpers/numeric.js';
import { cdnowSample } from '../helpers/datasets.js';

const summary = cdnowSummary();

// CDNOW estimates (weeks), as published
const pnbd = { kind: 'pareto-nbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } } as const;

describe('Pareto/NBD on CDNOW (Fader & Hardie 2005 note; Fader, Hardie & Lee 2005)', () => {
  const m = fitParetoNbd(summary);
  // independent optimum: scripts/reference/pareto_nbd_cdnow.py (mpmath hyp2f1 likelihood, scipy Nelder-Mead)
  const reference = { r: 0.5532755123025964, alpha: 10.577612620348358, s: 0.6062134740359161, beta: 11.667908738228068 };

  it('reproduces the published estimates and log-likelihood', () => {
    toPrinted(m.params.r, '0.553');
    toPrinted(m.params.alpha, '10.578');
    toPrinted(m.params.s, '0.606');
    // the paper prints 11.669; the likelihood's optimum is 11.6679 (see the reference script),
    // one unit of the last digit away: the published value is within 1e-4 relative of it
    toPrinted(m.params.beta, '11.669', 1);
    relativeTo(m.params.beta, 11.669, 1e-4);
    expect(Math.abs(m.logLikelihood - -9595.0)).toBeLessThan(0.1);
  });

  it('gives the same fit from the raw transactions through summarize', () => {
    const raw = fitParetoNbd(summarize(cdnowSample(), { observationEnd: '1997-09-30', unit: 'week' }));
    for (const k of ['r', 'alpha', 's', 'beta'] as const) relativeTo(raw.params[k], reference[k], 2e-3);
    expect(Math.abs(raw.logLikelihood - -9595.0)).toBeLessThan(0.1);
  });

  it('agrees with an independent high-precision optimum to 1e-5 and across starting points', () => {
    for (const k of ['r', 'alpha', 's', 'beta'] as const) relativeTo(m.params[k], reference[k], 1e-5);
    const other = fitParetoNbd(summary, { initialParams: { r: 2, alpha: 2, s: 2, beta: 50 } });
    for (const k of ['r', 'alpha', 's', 'beta'] as const) relativeTo(other.params[k], reference[k], 1e-5);
  });
});

describe('Pareto/NBD predictions', () => {
  const { r, alpha, s, beta } = pnbd.params;

  it('P(alive) from the 2F1 likelihood equals the integral form M / (M + s ∫ (α+τ)^-(r+x) (β+τ)^-(s+1) dτ)', () => {
    const pa = probabilityAlive(pnbd, histories);
    histories.forEach((h, i) => {
      const x = h.frequency;
      // both terms scaled by (α+T)^(r+x) so that large x does not underflow
      const main = (beta + h.T) ** -s;
      const integral = tanhSinh((tau) => ((alpha + h.T) / (alpha + tau)) ** (r + x) * (beta + tau) ** -(s + 1), h.recency, h.T);
      expect(pa[i]! / (main / (main + s * integral))).toBeCloseTo(1, 8);
    });
  });

  it('conditional expectation equals P(alive) (r+x)/(α+T) ∫_0^t ((β+T)/(β+T+τ))^s dτ', () => {
    const pa = probabilityAlive(pnbd, histories);
    const ce = conditionalExpectedPurchases(pnbd, histories, 39);
    histories.forEach((h, i) => {
      const integral = tanhSinh((tau) => ((beta + h.T) / (beta + h.T + tau)) ** s, 0, 39);
      expect(ce[i]! / (pa[i]! * ((r + h.frequency) / (alpha + h.T)) * integral)).toBeCloseTo(1, 9);
    });
  });

  it('E[X(t)] equals ∫_0^t E[λ] P(alive at τ) dτ, and s = 1 is handled', () => {
    for (const t of [5, 39, 200]) {
      const direct = (r / alpha) * tanhSinh((tau) => (beta / (beta + tau)) ** s, 0, t);
      expect(expectedPurchases(pnbd, t) / direct).toBeCloseTo(1, 9);
    }
    const one = { kind: 'pareto-nbd', params: { r, alpha, s: 1, beta } } as const;
    expect(expectedPurchases(one, 39)).toBeCloseTo(((r * beta) / alpha) * Math.log(1 + 39 / beta), 12);
  });

  it('P(X(t) = n) sums to 1 with mean E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 300; n++) {
      const p = probabilityOfPurchases(pnbd, n, 39);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 9);
    expect(mean / expectedPurchases(pnbd, 39)).toBeCloseTo(1, 6);
  });
});

describe('Pareto/NBD simulator recovery', () => {
  it('recovers the parameters it simulated from, within 4 standard errors', () => {
    const truth = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const T = Float64Array.from({ length: 20000 }, (_, i) => 26 + (i % 27));
    expectRecovered(fitParetoNbd(simulateParetoNbd(truth, { customers: 20000, T, seed: 22 })), truth);
  });
});
