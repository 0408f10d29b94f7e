import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  discountedExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  fitNbd,
  probabilityAlive,
  probabilityOfPurchases,
  simulateNbd,
  type PurchaseModel,
} from '../../src/index.js';
import { expectRecovered } from '../helpers/recovery.js';
import { cdnowSummary, histories } from '../helpers/models.js';
import { digammaRef, tanhSinh } from '../helpers/numeric.js';

const summary = cdnowSummary();

describe('NBD on CDNOW (no dropout: the baseline of every BTYD comparison)', () => {
  const m = fitNbd(summary);

  it('is at the maximum: both score equations hold, computed here (α: Σ r/α - (r+x)/(α+T); r: Σ ψ(r+x) - ψ(r) + ln(α/(α+T)))', () => {
    const { r, alpha } = m.params;
    let scoreAlpha = 0;
    let scaleAlpha = 0;
    let scoreR = 0;
    let scaleR = 0;
    for (let i = 0; i < summary.frequency.length; i++) {
      const x = summary.frequency[i]!;
      const T = summary.T[i]!;
      const ta = r / alpha - (r + x) / (alpha + T);
      const tr = digammaRef(r + x) - digammaRef(r) + Math.log(alpha / (alpha + T));
      scoreAlpha += ta;
      scaleAlpha += Math.abs(ta);
      scoreR += tr;
      scaleR += Math.abs(tr);
    }
    expect(Math.abs(scoreAlpha) / scaleAlpha).toBeLessThan(1e-6);
    expect(Math.abs(scoreR) / scaleR).toBeLessThan(1e-6);
    expect(m.converged).toBe(true);
  });

  it('is nested in BG/NBD: BG/NBD fits at least as well, and BG/NBD without dropout predicts as the NBD does', () => {
    expect(fitBgNbd(summary).logLikelihood).toBeGreaterThan(m.logLikelihood);
    // a ~ 2, b ~ 1e9: the dropout probability is about 2e-9
    const nodrop = { kind: 'bg-nbd', params: { ...m.params, a: 2, b: 1e9 } } as PurchaseModel;
    expect(expectedPurchases(nodrop, 39) / expectedPurchases(m, 39)).toBeCloseTo(1, 6);
    // given alive (a long silence after many purchases still makes a 2e-9 dropout likely)
    const a = conditionalExpectedPurchases(m, histories, 39);
    const b = conditionalExpectedPurchases(nodrop, histories, 39);
    const alive = probabilityAlive(nodrop, histories);
    for (let i = 0; i < a.length; i++) expect(b[i]! / alive[i]! / a[i]!).toBeCloseTo(1, 5);
  });

  it('predicts in closed form: E[X(t)] = r t / α, P(alive) = 1, E[Y(t)|x,T] = (r+x) t/(α+T), DERT by integration', () => {
    const { r, alpha } = m.params;
    expect(expectedPurchases(m, 39)).toBeCloseTo((r * 39) / alpha, 12);
    expect(Array.from(probabilityAlive(m, histories))).toEqual(histories.map(() => 1));
    const h = histories[1]!;
    expect(conditionalExpectedPurchases(m, [h], 39)[0]).toBeCloseTo(((r + h.frequency) * 39) / (alpha + h.T), 12);
    const delta = Math.log1p(0.01);
    const integral = tanhSinh((u) => { const t = u / (1 - u); return (Math.exp(-delta * t) * (r + h.frequency)) / (alpha + h.T) / (1 - u) ** 2; }, 0, 1);
    expect(discountedExpectedPurchases(m, [h], { discountRate: 0.01 })[0]! / integral).toBeCloseTo(1, 8);
    // the pmf is the negative binomial: sums to 1, mean r t / α
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 500; n++) {
      const p = probabilityOfPurchases(m, n, 39);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo((r * 39) / alpha, 8);
  });
});

describe('NBD simulator recovery', () => {
  it('recovers the parameters it simulated from, within 4 standard errors', () => {
    const truth = { r: 0.385, alpha: 12.07 };
    const T = Float64Array.from({ length: 20000 }, (_, i) => 26 + (i % 27));
    expectRecovered(fitNbd(simulateNbd(truth, { customers: 20000, T, seed: 27 })), truth);
  });
});
