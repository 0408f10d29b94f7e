/**
 * Predictions at extreme but legal parameters stay finite and accurate. Every expected value
 * is checked against a route independent of the library's numerics: the test's own
 * tanh-sinh or Simpson quadrature over the Beta mixing distribution (test/helpers/numeric.ts), the
 * point-mass limit of a Beta(a, b) with a, b -> ∞ plus its second-order (delta-method)
 * correction, and closed forms.
 */
import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  expectedLifetime,
  expectedPurchases,
  probabilityAlive,
  probabilityOfPurchases,
  type PurchaseModel,
} from '../../src/index.js';
import { betaExpectation, narrowBetaExpectation } from '../helpers/numeric.js';

/** (1 - (c/(c + p t))^k) / p: expected purchases in t given p, λ ~ Gamma(k, c). */
const given = (k: number, c: number, t: number) => (p: number) => -Math.expm1(-k * Math.log1p((p * t) / c)) / p;

/** E[g(p)], p ~ Beta(a, b), a + b large: g(p̄) + g''(p̄) Var(p) / 2 (error O((a+b)^-2)). */
function deltaMethod(a: number, b: number, g: (p: number) => number): number {
  const m = a / (a + b);
  const v = (a * b) / ((a + b) ** 2 * (a + b + 1));
  const h = 1e-4 * m;
  const g2 = (g(m + h) - 2 * g(m) + g(m - h)) / (h * h);
  return g(m) + (g2 * v) / 2;
}

const rel = (x: number, y: number): number => Math.abs(x / y - 1);
const cases: Array<[number, number, number]> = [
  [0.243, 1e3, 3e3],
  [0.243, 3.4e5, 2.1e6], // the apparel data's 40-week fit
  [0.243, 1e12, 1e12],
  [2, 1e12, 3e12],
];

describe('BG/NBD and MBG/NBD with large a and b', () => {
  it.each(cases)('r = %d, a = %d, b = %d: E[X(t)], the conditional expectation and P(alive ahead) are finite and match the Beta mixing', (r, a, b) => {
    const alpha = 4.4;
    const bg = { kind: 'bg-nbd', params: { r, alpha, a, b } } as PurchaseModel;
    const mbg = { kind: 'mbg-nbd', params: { r, alpha, a, b } } as PurchaseModel;
    const route = a < 1e4 ? (A: number, B: number, g: (p: number) => number) => narrowBetaExpectation(A, B, g) : deltaMethod;
    const tol = a < 1e4 ? 1e-9 : a < 1e8 ? 1e-8 : 1e-10;
    expect(rel(expectedPurchases(bg, 39), route(a, b, given(r, alpha, 39)))).toBeLessThan(tol);
    expect(rel(expectedPurchases(mbg, 39), route(a, b, (p) => (1 - p) * given(r, alpha, 39)(p)))).toBeLessThan(tol);
    const h = { frequency: 3, recency: 20, T: 40 };
    const pa = probabilityAlive(bg, [h])[0]!;
    const ce = conditionalExpectedPurchases(bg, [h], 39)[0]!;
    expect(rel(ce, pa * route(a, b + 3, given(r + 3, alpha + 40, 39)))).toBeLessThan(tol);
    const ahead = probabilityAlive(bg, [h], { ahead: 10 })[0]!;
    expect(rel(ahead, pa * route(a, b + 3, (p) => Math.exp(-(r + 3) * Math.log1p((10 * p) / (alpha + 40)))))).toBeLessThan(tol);
    for (const v of [pa, ce, ahead, probabilityOfPurchases(bg, 2, 39), probabilityOfPurchases(mbg, 2, 39)]) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('BG/NBD with a large NBD shape r', () => {
  it.each([
    [1e3, 0.8, 2.4],
    [1e8, 0.8, 2.4],
    [1e8, 3, 5],
  ])('r = %d, a = %d, b = %d: finite and equal to the Beta mixing', (r, a, b) => {
    const alpha = 4.4;
    const bg = { kind: 'bg-nbd', params: { r, alpha, a, b } } as PurchaseModel;
    expect(rel(expectedPurchases(bg, 39), betaExpectation(a, b, given(r, alpha, 39)))).toBeLessThan(1e-8);
    const h = { frequency: 3, recency: 40, T: 40 };
    const pa = probabilityAlive(bg, [h])[0]!;
    const ce = conditionalExpectedPurchases(bg, [h], 39)[0]!;
    expect(pa).toBeGreaterThan(0);
    expect(rel(ce, pa * betaExpectation(a, b + 3, given(r + 3, alpha + 40, 39)))).toBeLessThan(1e-8);
  });
});

describe('BG/BB, Gamma-Gamma and sBG at extreme parameters', () => {
  it('BG/BB with all parameters 1e12 is the model with p = θ = 1/2 fixed', () => {
    const m = { kind: 'bg-bb', params: { alpha: 1e12, beta: 1e12, gamma: 1e12, delta: 1e12 } } as PurchaseModel;
    // alive at opportunity t with probability (1/2)^t, then buys with probability 1/2
    let e = 0;
    for (let t = 1; t <= 5; t++) e += 0.5 * 0.5 ** t;
    expect(rel(expectedPurchases(m, 5), e)).toBeLessThan(1e-9);
    // P(X(2) = 0): dead at 1; alive at 1, no buy, dead at 2; alive at both, no buy twice
    expect(rel(probabilityOfPurchases(m, 0, 2), 0.5 + 0.5 * 0.5 * 0.5 + 0.25 * 0.25)).toBeLessThan(1e-9);
    const h = [{ frequency: 2, recency: 4, T: 6 }];
    // alive at 7 given alive at 4 (the last purchase): each of 5, 6, 7 survived with 1/2, against dying at 5, 6 or 7 unseen
    const aliveNext = probabilityAlive(m, h)[0]!;
    expect(Number.isFinite(aliveNext) && aliveNext > 0 && aliveNext < 1).toBe(true);
    expect(rel(conditionalExpectedPurchases(m, h, 5)[0]!, aliveNext * 0.5 * (1 + 0.5 + 0.25 + 0.125 + 0.0625))).toBeLessThan(1e-9);
  });

  it('Gamma-Gamma is Infinity where the expectation diverges (p x + q <= 1), finite otherwise', () => {
    const tiny = { kind: 'gamma-gamma', params: { p: 1e-12, q: 1e-12, v: 1e-12 } } as const;
    expect(Array.from(conditionalExpectedSpend(tiny, [{ frequency: 2, recency: 4, T: 6, monetaryValue: 20 }]))).toEqual([Number.POSITIVE_INFINITY]);
    const big = { kind: 'gamma-gamma', params: { p: 1e12, q: 1e12, v: 1e12 } } as const;
    // p (v + x m) / (p x + q - 1) with x = 2, m = 20
    expect(rel(conditionalExpectedSpend(big, [{ frequency: 2, recency: 4, T: 6, monetaryValue: 20 }])[0]!, (1e12 * (1e12 + 40)) / (3e12 - 1))).toBeLessThan(1e-12);
  });

  it('sBG with α = β = 1e12 has retention 1/2: the discounted lifetime is the geometric series', () => {
    const m = { kind: 'sbg', params: { alpha: 1e12, beta: 1e12 } } as const;
    expect(rel(expectedLifetime(m, { discountRate: 0.1 }), 1 / (1 - 0.5 / 1.1))).toBeLessThan(1e-9);
    expect(rel(expectedLifetime(m, { discountRate: 0.1, renewals: 5 }), 1 / (1 - 0.5 / 1.1))).toBeLessThan(1e-9);
    expect(rel(expectedLifetime(m), 2)).toBeLessThan(1e-9);
  });
});
