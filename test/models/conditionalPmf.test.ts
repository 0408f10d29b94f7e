import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, conditionalProbabilityOfPurchases, simulateBgBb, type PurchaseModel } from '../../src/index.js';
import { kindsOf, registry } from '../../src/models/registry.js';
import type { PurchaseModelSpec } from '../../src/models/spec.js';

const histories = [
  { frequency: 0, recency: 0, T: 39 },
  { frequency: 2, recency: 30.43, T: 38.86 },
  { frequency: 7, recency: 12, T: 40 },
  { frequency: 25, recency: 38, T: 39 },
];
const withPmf = kindsOf('purchase').filter((k) => (registry[k] as unknown as PurchaseModelSpec<Record<string, number>>).conditionalPmf && !registry[k].discrete);

describe('conditionalProbabilityOfPurchases', () => {
  it('covers the continuous models with a dropout that allows it', () => {
    expect(withPmf.sort()).toEqual(['bg-cnbd-k', 'bg-nbd', 'ggom-nbd', 'mbg-cnbd-k', 'mbg-nbd', 'nbd', 'pareto-nbd']);
  });

  it.each(withPmf)('%s: sums to 1 over n, with mean the conditional expected purchases (a different formula)', (kind) => {
    const spec = registry[kind] as unknown as PurchaseModelSpec<Record<string, number>>;
    const model = { kind, params: spec.example } as PurchaseModel;
    const t = 26;
    const total = new Float64Array(histories.length);
    const mean = new Float64Array(histories.length);
    for (let n = 0; n <= 300; n++) {
      const p = conditionalProbabilityOfPurchases(model, histories, n, t);
      for (let i = 0; i < p.length; i++) {
        total[i]! += p[i]!;
        mean[i]! += n * p[i]!;
      }
    }
    const cond = conditionalExpectedPurchases(model, histories, t);
    for (let i = 0; i < histories.length; i++) {
      expect(total[i]).toBeCloseTo(1, 7);
      expect(mean[i]! / cond[i]!).toBeCloseTo(1, 6);
    }
  });

  it('Pareto/NBD: P(Y = 0) and P(Y = 1) equal a 2-D quadrature over the posterior of (λ, μ)', () => {
    const p = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const t = 20;
    for (const h of histories.slice(0, 3)) {
      const { frequency: x, recency: tx, T } = h;
      let den = 0;
      let p0 = 0;
      let p1 = 0;
      const grid = Array.from({ length: 1200 }, (_, i) => Math.exp(-30 + (i * 36) / 1199));
      const step = 36 / 1199;
      for (const lam of grid) {
        for (const mu of grid) {
          const prior = Math.exp(p.r * Math.log(p.alpha) + p.r * Math.log(lam) - p.alpha * lam + p.s * Math.log(p.beta) + p.s * Math.log(mu) - p.beta * mu) * step * step;
          const alive = Math.exp(x * Math.log(lam) - (lam + mu) * T);
          const dead = tx < T ? Math.exp(x * Math.log(lam) + Math.log(mu / (lam + mu))) * (Math.exp(-(lam + mu) * tx) - Math.exp(-(lam + mu) * T)) : 0;
          const c = lam + mu;
          // given alive at T: no purchase in t; exactly one (dying after it, or alive at T + t)
          const none = Math.exp(-c * t) + (mu / c) * -Math.expm1(-c * t);
          const one = lam * t * Math.exp(-c * t) + ((lam * mu) / (c * c)) * (1 - Math.exp(-c * t) * (1 + c * t));
          den += (alive + dead) * prior;
          p0 += (alive * none + dead) * prior;
          p1 += alive * one * prior;
        }
      }
      const model = { kind: 'pareto-nbd' as const, params: p };
      expect(conditionalProbabilityOfPurchases(model, [h], 0, t)[0]).toBeCloseTo(p0 / den, 5);
      expect(conditionalProbabilityOfPurchases(model, [h], 1, t)[0]).toBeCloseTo(p1 / den, 5);
    }
  });

  it('BG/BB: sums to 1, has the conditional expectation as mean, and matches simulated holdouts', () => {
    const model = { kind: 'bg-bb' as const, params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
    const discrete = [
      { frequency: 0, recency: 0, T: 6 },
      { frequency: 3, recency: 5, T: 6 },
      { frequency: 6, recency: 6, T: 6 },
      { frequency: 2, recency: 2, T: 6 },
    ];
    const nStar = 5;
    const total = new Float64Array(4);
    const mean = new Float64Array(4);
    const pmf = Array.from({ length: nStar + 1 }, (_, k) => conditionalProbabilityOfPurchases(model, discrete, k, nStar));
    pmf.forEach((p, k) => p.forEach((v, i) => ((total[i]! += v), (mean[i]! += k * v))));
    const cond = conditionalExpectedPurchases(model, discrete, nStar);
    for (let i = 0; i < 4; i++) {
      expect(total[i]).toBeCloseTo(1, 10);
      expect(mean[i]! / cond[i]!).toBeCloseTo(1, 9);
    }
    // the independent simulator: 400,000 customers over 6 opportunities, holdout 5; each history class against the pmf
    const sim = simulateBgBb(model, { customers: 400_000, T: 6, holdout: nStar, seed: 7 });
    discrete.forEach((h, i) => {
      const counts = new Float64Array(nStar + 1);
      let n = 0;
      for (let j = 0; j < sim.length; j++) {
        if (sim.frequency[j] !== h.frequency || sim.recency[j] !== h.recency) continue;
        counts[sim.frequencyHoldout[j]!]! += 1;
        n++;
      }
      for (let k = 0; k <= nStar; k++) {
        const p = pmf[k]![i]!;
        expect(Math.abs(counts[k]! / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-4);
      }
    });
  });

  it('BG/CNBD-k and MBG/CNBD-k at k = 1 are BG/NBD and MBG/NBD', () => {
    const q = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const [cnbd, nbd] of [['bg-cnbd-k', 'bg-nbd'], ['mbg-cnbd-k', 'mbg-nbd']] as const) {
      for (const n of [0, 1, 4]) {
        const a = conditionalProbabilityOfPurchases({ kind: cnbd, params: { k: 1, ...q } }, histories, n, 26);
        const b = conditionalProbabilityOfPurchases({ kind: nbd, params: q }, histories, n, 26);
        for (let i = 0; i < histories.length; i++) expect(a[i]! / b[i]!).toBeCloseTo(1, 9);
      }
    }
  });

  it('refuses a bad n', () => {
    expect(() => conditionalProbabilityOfPurchases({ kind: 'nbd', params: { r: 1, alpha: 1 } }, histories, 1.5, 2)).toThrow(/n must be a whole number/);
  });
});
