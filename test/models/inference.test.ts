import { describe, expect, it } from 'vitest';
import { CustomerValueError, fitBgNbd, fitNbd, fitParetoNbd, likelihoodRatioTest, parameterIntervals, type FittedModel } from '../../src/index.js';
import { normalQuantile, normalUpperTail } from '../../src/math/normal.js';
import { cdnowSummary } from '../helpers/models.js';
import { tanhSinh } from '../helpers/numeric.js';

const summary = cdnowSummary();

describe('likelihoodRatioTest', () => {
  const nbd = fitNbd(summary);
  const bg = fitBgNbd(summary);

  it('NBD inside BG/NBD on CDNOW: statistic 2ΔLL on 2 df, p = e^(-statistic/2) (the χ²_2 tail)', () => {
    const t = likelihoodRatioTest(nbd, bg);
    expect(t.df).toBe(2);
    expect(t.statistic).toBeCloseTo(2 * (bg.logLikelihood - nbd.logLikelihood), 9);
    expect(t.statistic).toBeGreaterThan(100); // dropout matters on CDNOW
    expect(t.pValue).toBeCloseTo(Math.exp(-t.statistic / 2), 14);
  });

  it('gives the χ² tail for any df and statistic: against quadrature of the χ² density', () => {
    // hand-made records whose log-likelihoods differ by x/2
    const record = (kind: 'nbd' | 'bg-nbd', ll: number) => ({ ...(kind === 'nbd' ? nbd : bg), kind, logLikelihood: ll, n: 100 }) as unknown as FittedModel;
    for (const x of [0.3, 1, 3.84, 12]) {
      for (const df of [1, 2, 3, 5]) {
        const p = likelihoodRatioTest(record('nbd', -100), record('bg-nbd', -100 + x / 2), { df }).pValue;
        const k = df / 2;
        const density = (u: number): number => Math.exp((k - 1) * Math.log(u) - u / 2);
        const onHalfLine = (from: number): number => tanhSinh((v) => density(from + v / (1 - v)) / (1 - v) ** 2, 0, 1);
        expect(Math.abs(p - onHalfLine(x) / onHalfLine(0))).toBeLessThan(1e-9);
      }
    }
    // the textbook 5 % point of χ²_1
    expect(likelihoodRatioTest(record('nbd', -100), record('bg-nbd', -100 + 3.841458820694124 / 2), { df: 1 }).pValue).toBeCloseTo(0.05, 12);
  });

  it('refuses fits on different customers, a general model that fits worse, and a non-positive df', () => {
    const other = fitNbd({ frequency: summary.frequency.slice(0, 500), recency: summary.recency.slice(0, 500), T: summary.T.slice(0, 500) });
    expect(() => likelihoodRatioTest(other, bg)).toThrow(/same customers/);
    expect(() => likelihoodRatioTest(bg, nbd, { df: 1 })).toThrow(/fits worse/);
    expect(() => likelihoodRatioTest(fitParetoNbd(summary), bg)).toThrow(CustomerValueError);
  });
});

describe('parameterIntervals', () => {
  it('are exp(ln θ ± z se/θ) with z the normal quantile', () => {
    const bg = fitBgNbd(summary);
    const iv = parameterIntervals(bg, { level: 0.95 });
    const z = 1.959963984540054;
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const est = bg.params[name];
      const se = bg.standardErrors[name];
      expect(iv[name]!.lower).toBeCloseTo(est * Math.exp((-z * se) / est), 12);
      expect(iv[name]!.upper).toBeCloseTo(est * Math.exp((z * se) / est), 12);
      expect(iv[name]!.lower).toBeLessThan(est);
    }
    expect(() => parameterIntervals(bg, { level: 1 })).toThrow(/level/);
  });

  it('use a normal quantile exact to 1e-14 at published values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 15);
  });
});
