import { describe, expect, it } from 'vitest';
import {
  CustomerValueError,
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  expectedLifetime,
  expectedPurchases,
  probabilityAlive,
  probabilityOfPurchases,
  retentionCurve,
  simulateBgBb,
  simulateBgNbd,
  simulateGammaGamma,
  simulateModifiedBgNbd,
  simulateParetoNbd,
  simulateShiftedBetaGeometric,
  survivalCurve,
  type PurchaseModel,
} from '../../src/index.js';
import { betaExpectation, meanSe, tanhSinh } from '../helpers/numeric.js';

// CDNOW estimates (weeks), as published
const bgnbd = { kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
const pnbd = { kind: 'pareto-nbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } } as const;
const mbg = { kind: 'mbg-nbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } } as const;
const bgbb = { kind: 'bg-bb', params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } } as const;
const histories = [
  { frequency: 0, recency: 0, T: 38.86 },
  { frequency: 2, recency: 30.43, T: 38.86 },
  { frequency: 1, recency: 2, T: 30 },
  { frequency: 7, recency: 35, T: 36 },
  { frequency: 25, recency: 10, T: 39 },
  { frequency: 150, recency: 300, T: 310 },
];

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

/** Monte Carlo checks through the law of total expectation: E[prediction] = E[outcome]. */
describe.each([
  ['bg-nbd', bgnbd, simulateBgNbd],
  ['pareto-nbd', pnbd, simulateParetoNbd],
  ['mbg-nbd', mbg, simulateModifiedBgNbd],
] as const)('%s agrees with its own simulation', (_, model, simulate) => {
  const sim = simulate(model.params as never, { customers: 40000, T: 39, holdout: 39, seed: 11 });
  const ce = conditionalExpectedPurchases(model as PurchaseModel, sim, 39);
  const pa = probabilityAlive(model as PurchaseModel, sim);

  it('mean predicted holdout purchases = mean actual, overall and by frequency', () => {
    for (const group of [(x: number) => true, (x: number) => x === 0, (x: number) => x === 1, (x: number) => x >= 2]) {
      const idx = Array.from(sim.frequency.keys()).filter((i) => group(sim.frequency[i]!));
      const diff = idx.map((i) => sim.frequencyHoldout[i]! - ce[i]!);
      const { mean, se } = meanSe(diff);
      expect(Math.abs(mean)).toBeLessThan(4 * se + 1e-3);
    }
  });

  it('mean P(alive) = share alive at T', () => {
    const { mean, se } = meanSe(Array.from(sim.alive, (v, i) => v - pa[i]!));
    expect(Math.abs(mean)).toBeLessThan(4 * se);
  });

  it('E[X(t)] = mean purchases of new customers; P(X(t) = n) = their frequency distribution', () => {
    const fresh = simulate(model.params as never, { customers: 40000, T: 39, seed: 5 });
    const { mean, se } = meanSe(fresh.frequency);
    expect(Math.abs(mean - expectedPurchases(model as PurchaseModel, 39))).toBeLessThan(4 * se);
    for (let n = 0; n < 4; n++) {
      const p = probabilityOfPurchases(model as PurchaseModel, n, 39);
      const share = fresh.frequency.filter((x) => x === n).length / fresh.length;
      expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / fresh.length));
    }
  });

  it('is reproducible from its seed', () => {
    const again = simulate(model.params as never, { customers: 40000, T: 39, holdout: 39, seed: 11 });
    expect(Array.from(again.frequency.slice(0, 50))).toEqual(Array.from(sim.frequency.slice(0, 50)));
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
});

describe('Gamma-Gamma conditional spend', () => {
  const spend = { kind: 'gamma-gamma', params: { p: 6.25, q: 3.74, v: 15.44 } } as const;

  it('is the published weighted mean and agrees with simulation', () => {
    const { p, q, v } = spend.params;
    const [e] = conditionalExpectedSpend(spend, [{ frequency: 2, recency: 30, T: 39, monetaryValue: 22.35 }]);
    const w = (q - 1) / (p * 2 + q - 1);
    expect(e).toBeCloseTo(w * ((p * v) / (q - 1)) + (1 - w) * 22.35, 12);
    const freq = Array.from({ length: 50000 }, (_, i) => 1 + (i % 5));
    const sim = simulateGammaGamma(spend, { frequency: freq, seed: 9 });
    const pred = conditionalExpectedSpend(spend, { frequency: sim.frequency, recency: sim.frequency, T: Array.from(freq, () => 10), monetaryValue: sim.monetaryValue });
    const d = meanSe(Array.from(sim.meanValue, (m, i) => m - pred[i]!));
    expect(Math.abs(d.mean)).toBeLessThan(4 * d.se);
  });

  it('gives the population mean to customers without repeat purchases', () => {
    const [e] = conditionalExpectedSpend(spend, [{ frequency: 0, recency: 0, T: 10, monetaryValue: 0 }]);
    expect(e).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
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

describe('hand-written model records and bad models', () => {
  it('accepts a plain record and rejects bad ones with the parameter named', () => {
    expect(expectedPurchases({ kind: 'bg-nbd', params: { r: 1, alpha: 2, a: 0.5, b: 3 } }, 10)).toBeGreaterThan(0);
    expect(() => expectedPurchases({ kind: 'bg-nbd', params: { r: 1, alpha: -2, a: 0.5, b: 3 } }, 10)).toThrow(
      'expectedPurchases: model.params.alpha must be a finite number > 0, got -2',
    );
    expect(() => probabilityAlive({ kind: 'nope' } as never, [])).toThrow(/model.kind must be/);
  });
});
