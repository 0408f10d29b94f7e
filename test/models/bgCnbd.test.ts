import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  customerLifetimeValue,
  expectedPurchases,
  fitBgCnbd,
  fitBgNbd,
  fitModifiedBgCnbd,
  fitModifiedBgNbd,
  logLikelihood,
  probabilityAlive,
  probabilityOfPurchases,
  simulateBgCnbd,
  simulateModifiedBgCnbd,
  summarize,
  type PurchaseModel,
} from '../../src/index.js';
import { cdnowSample } from '../helpers/datasets.js';
import { histories, toPrinted } from '../helpers/models.js';
import { meanSe, tanhSinh } from '../helpers/numeric.js';
import { expectRecovered } from '../helpers/recovery.js';
import { erlangWorld } from '../helpers/erlangWorld.js';

const tx = cdnowSample();
const cdnow = summarize({ customerId: tx.customerId, date: tx.date, amount: tx.amount }, { observationEnd: '1997-09-30', unit: 'week', regularity: true });
const rel = (a: number, b: number): number => Math.abs(a / b - 1);

describe('(M)BG/CNBD-k at k = 1 is BG/NBD and MBG/NBD', () => {
  const bg = fitBgNbd(cdnow);
  const mbg = fitModifiedBgNbd(cdnow);
  const pairs = [
    [{ kind: 'bg-cnbd-k', params: { k: 1, ...bg.params }, unit: 'week' }, bg],
    [{ kind: 'mbg-cnbd-k', params: { k: 1, ...mbg.params }, unit: 'week' }, mbg],
  ] as Array<[PurchaseModel, PurchaseModel]>;

  it('has the same log-likelihood, per customer, to 1e-10', () => {
    for (const [cnbd, nbd] of pairs) {
      expect(rel(logLikelihood(cnbd, cdnow) as number, logLikelihood(nbd, cdnow) as number)).toBeLessThan(1e-10);
      const a = logLikelihood(cnbd, cdnow, { perCustomer: true }) as Float64Array;
      const b = logLikelihood(nbd, cdnow, { perCustomer: true }) as Float64Array;
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-10 * Math.max(1, Math.abs(b[i]!)));
    }
  });

  it('predicts the same to 1e-10: P(alive) (now and 20 weeks ahead), conditional purchases, E[X(t)], the pmf, CLV', () => {
    for (const [cnbd, nbd] of pairs) {
      for (const [f, g] of [
        [probabilityAlive(cnbd, histories), probabilityAlive(nbd, histories)],
        [probabilityAlive(cnbd, histories, { ahead: 20 }), probabilityAlive(nbd, histories, { ahead: 20 })],
        [conditionalExpectedPurchases(cnbd, histories, 39), conditionalExpectedPurchases(nbd, histories, 39)],
        [conditionalExpectedPurchases(cnbd, histories, 520), conditionalExpectedPurchases(nbd, histories, 520)],
      ] as Array<[Float64Array, Float64Array]>) {
        for (let i = 0; i < f.length; i++) expect(rel(f[i]!, g[i]!)).toBeLessThan(1e-10);
      }
      for (const t of [1, 39, 1000]) expect(rel(expectedPurchases(cnbd, t), expectedPurchases(nbd, t))).toBeLessThan(1e-10);
      for (const n of [0, 1, 3, 10]) expect(Math.abs(probabilityOfPurchases(cnbd, n, 39) - probabilityOfPurchases(nbd, n, 39))).toBeLessThan(1e-12);
      const clv = (m: PurchaseModel) => customerLifetimeValue({ purchaseModel: m, customers: histories.map((h) => ({ ...h, monetaryValue: 30 })), horizon: 24, unit: 'month', discountRate: 0.01 });
      const a = clv(cnbd);
      const b = clv(nbd);
      for (let i = 0; i < a.length; i++) expect(rel(a[i]!, b[i]!)).toBeLessThan(1e-10);
    }
  });

  it('stays within 1e-6 of the closed forms where the phase sums run in strides (thousands of purchases, long horizons)', () => {
    const heavy = [{ frequency: 5000, recency: 51, T: 52 }, { frequency: 800, recency: 30, T: 52 }];
    for (const [cnbd, nbd] of pairs) {
      for (const t of [1000, 5000]) {
        const a = conditionalExpectedPurchases(cnbd, heavy, t);
        const b = conditionalExpectedPurchases(nbd, heavy, t);
        const sa = probabilityAlive(cnbd, heavy, { ahead: t });
        const sb = probabilityAlive(nbd, heavy, { ahead: t });
        for (let i = 0; i < heavy.length; i++) {
          expect(rel(a[i]!, b[i]!)).toBeLessThan(1e-6);
          expect(Math.abs(sa[i]! - sb[i]!)).toBeLessThan(1e-6 * Math.max(sb[i]!, 1e-300) + 1e-300);
        }
      }
    }
  });

  it('on CDNOW chooses k = 1 by likelihood, where it reproduces the published BG/NBD estimates (FHL 2005)', () => {
    const m = fitBgCnbd(cdnow);
    expect(m.params.k).toBe(1);
    toPrinted(m.params.r, '0.243');
    toPrinted(m.params.alpha, '4.414');
    toPrinted(m.params.a, '0.793');
    toPrinted(m.params.b, '2.426');
    toPrinted(m.logLikelihood, '-9582.4');
    // the profile falls away from k = 1 (CDNOW buyers are not regular): the scan stops at k = 3
    const ll = m.kLogLikelihoods!.map((p) => p.logLikelihood);
    expect(m.kLogLikelihoods!.map((p) => p.k)).toEqual([1, 2, 3]);
    for (let k = 1; k < ll.length; k++) expect(ll[k]!).toBeLessThan(ll[k - 1]!);
    // the full grid agrees: no k up to 12 beats k = 1
    for (let k = 4; k <= 12; k++) expect(fitBgCnbd(cdnow, { k }).logLikelihood).toBeLessThan(m.logLikelihood);
    // a chosen k is a parameter: AIC = -2 LL + 2 * 5
    expect(m.aic).toBeCloseTo(-2 * m.logLikelihood + 10, 8);
    expect(fitModifiedBgCnbd(cdnow).params.k).toBe(1);
  });
});

/** One history's likelihood by 2-D quadrature over λ ~ Gamma(r, α) and p ~ Beta(a, b), from the raw intervals. */
function likelihoodByQuadrature(p: { k: number; r: number; alpha: number; a: number; b: number }, gaps: number[], T: number, mbg: boolean): number {
  const { k, r, alpha, a, b } = p;
  const x = gaps.length;
  const tx = gaps.reduce((s, g) => s + g, 0);
  let fact = 1;
  for (let i = 2; i < k; i++) fact *= i;
  const erlangPdf = (lambda: number, g: number): number => (lambda ** k * g ** (k - 1) * Math.exp(-lambda * g)) / fact;
  const survive = (lambda: number, d: number): number => {
    let s = 0;
    let term = 1;
    for (let j = 0; j < k; j++) {
      if (j > 0) term *= (lambda * d) / j;
      s += term;
    }
    return s * Math.exp(-lambda * d);
  };
  const v = mbg ? 1 : 0;
  const gammaPdf = (l: number): number => Math.exp(r * Math.log(alpha) + (r - 1) * Math.log(l) - alpha * l);
  const betaPdf = (q: number): number => Math.exp((a - 1) * Math.log(q) + (b - 1) * Math.log1p(-q));
  const inner = (q: number): number =>
    tanhSinh((u) => {
      const l = u / (1 - u);
      let dens = 1;
      for (const g of gaps) dens *= erlangPdf(l, g);
      const dead = x + v > 0 ? (1 - q) ** (x + v - 1) * q : 0;
      return dens * (dead + (1 - q) ** (x + v) * survive(l, T - tx)) * gammaPdf(l) / (1 - u) ** 2;
    }, 0, 1);
  const gammaNorm = tanhSinh((u) => gammaPdf(u / (1 - u)) / (1 - u) ** 2, 0, 1);
  return tanhSinh((q) => betaPdf(q) * inner(q), 0, 1) / tanhSinh(betaPdf, 0, 1) / gammaNorm;
}

describe('(M)BG/CNBD-k likelihood at k > 1', () => {
  const p = { k: 3, r: 1.4, alpha: 5, a: 1.3, b: 2.5 };
  const cases = [
    { gaps: [], T: 20 },
    { gaps: [4], T: 20 },
    { gaps: [4, 5, 6], T: 20 },
    { gaps: [2, 2.5, 1.5, 3, 2], T: 30 },
    { gaps: [3, 3], T: 6 },
  ];
  it('equals the 2-D integral of the individual Erlang-k likelihood over λ and p, for BG and MBG', () => {
    for (const mbg of [false, true]) {
      for (const c of cases) {
        const row = {
          frequency: c.gaps.length,
          recency: c.gaps.reduce((s, g) => s + g, 0),
          T: c.T,
          logIntervalSum: c.gaps.reduce((s, g) => s + Math.log(g), 0),
        };
        const ll = logLikelihood({ kind: mbg ? 'mbg-cnbd-k' : 'bg-cnbd-k', params: p }, [row]) as number;
        expect(Math.abs(ll - Math.log(likelihoodByQuadrature(p, c.gaps, c.T, mbg)))).toBeLessThan(1e-8);
      }
    }
  });
});

describe('(M)BG/CNBD-k predictions against an independent simulation of the Erlang-k world', () => {
  for (const mbg of [false, true]) {
    const p = { k: 3, r: 2, alpha: 6, a: 1.2, b: 3 };
    const model = { kind: mbg ? 'mbg-cnbd-k' : 'bg-cnbd-k', params: p } as PurchaseModel;
    const t = 26;
    const w = erlangWorld(p, 200_000, 52, t, mbg, mbg ? 5 : 4);
    const ce = conditionalExpectedPurchases(model, w, t);
    const alive = probabilityAlive(model, w);
    const ahead = probabilityAlive(model, w, { ahead: t });
    // subsets chosen on the calibration data only, so E[outcome | subset] = E[prediction | subset]
    const subsets: Record<string, (i: number) => boolean> = {
      'overdue regular buyers (x >= 3, no purchase for 15+ weeks)': (i) => w.frequency[i]! >= 3 && w.T[i]! - w.recency[i]! > 15,
      'buyers who just bought (x >= 3, within 3 weeks)': (i) => w.frequency[i]! >= 3 && w.T[i]! - w.recency[i]! < 3,
      'one purchase, then 5-20 weeks': (i) => w.frequency[i] === 1 && w.T[i]! - w.recency[i]! > 5 && w.T[i]! - w.recency[i]! < 20,
      'no repeat purchase': (i) => w.frequency[i] === 0,
    };
    for (const [name, keep] of Object.entries(subsets)) {
      it(`${mbg ? 'MBG' : 'BG'}/CNBD-3, ${name}: holdout purchases, alive at T and alive at T + 26 match within 4 standard errors`, () => {
        const idx = Array.from({ length: w.frequency.length }, (_, i) => i).filter(keep);
        expect(idx.length).toBeGreaterThan(2000);
        for (const [pred, outcome] of [
          [ce, w.holdout],
          [alive, w.aliveAtT],
          [ahead, w.aliveAfter],
        ] as Array<[Float64Array, ArrayLike<number>]>) {
          const o = meanSe(idx.map((i) => outcome[i]!));
          const m = idx.reduce((s, i) => s + pred[i]!, 0) / idx.length;
          expect(Math.abs(m - o.mean)).toBeLessThan(4 * o.se + 1e-12);
        }
      });
    }
    it(`${mbg ? 'MBG' : 'BG'}/CNBD-3: the pmf of a new customer's purchases matches the simulated frequencies`, () => {
      const counts = new Float64Array(8);
      for (let i = 0; i < w.frequency.length; i++) if (w.frequency[i]! < 8) counts[w.frequency[i]!] = counts[w.frequency[i]!]! + 1;
      const n = w.frequency.length;
      for (let x = 0; x < 8; x++) {
        const pr = probabilityOfPurchases(model, x, 52);
        expect(Math.abs(counts[x]! / n - pr)).toBeLessThan(4 * Math.sqrt((pr * (1 - pr)) / n));
      }
    });
  }
});

describe('(M)BG/CNBD-k fits', () => {
  const truth = { k: 3, r: 1.2, alpha: 3, a: 0.6, b: 2.5 };
  const sim = simulateBgCnbd(truth, { customers: 8000, T: 52, seed: 3 });
  const fit = fitBgCnbd(sim);

  it('recover k and the parameters they simulated from (within 4 standard errors)', () => {
    expect(fit.params.k).toBe(3);
    expect(fit.standardErrors.k).toBe(0);
    const { k: _k, ...rest } = truth;
    expectRecovered(fit, rest);
    const mTruth = { k: 2, r: 1, alpha: 2, a: 0.8, b: 2 };
    const m = fitModifiedBgCnbd(simulateModifiedBgCnbd(mTruth, { customers: 8000, T: 52, seed: 1 }));
    expect(m.params.k).toBe(2);
    const { k: _mk, ...mRest } = mTruth;
    expectRecovered(m, mRest);
  });

  it('reach the same optimum from several starting points (to 1e-4 relative)', () => {
    for (const initialParams of [{ r: 0.2, alpha: 0.5, a: 3, b: 10 }, { r: 5, alpha: 20, a: 0.2, b: 0.5 }]) {
      const again = fitBgCnbd(sim, { k: 3, initialParams });
      for (const name of ['r', 'alpha', 'a', 'b'] as const) expect(rel(again.params[name], fit.params[name])).toBeLessThan(1e-4);
    }
  });

  it('have the log-likelihood logLikelihood evaluates, and a covariance with a zero row for the fixed k', () => {
    expect(logLikelihood(fit, sim)).toBeCloseTo(fit.logLikelihood, 8);
    expect(fit.covariance).toHaveLength(5);
    expect(fit.covariance[0]).toEqual([0, 0, 0, 0, 0]);
    expect(fit.covariance[1]![1]).toBeCloseTo(fit.standardErrors.r ** 2, 12);
  });

  it('need logIntervalSum only where k > 1 or k is chosen, and say so', () => {
    const bare = { frequency: sim.frequency, recency: sim.recency, T: sim.T };
    expect(() => fitBgCnbd(bare)).toThrow(/logIntervalSum.*regularity: true/);
    expect(() => fitBgCnbd(bare, { k: 2 })).toThrow(/logIntervalSum/);
    expect(fitBgCnbd(bare, { k: 1 }).params.k).toBe(1);
  });

  it('reject a k that is not a whole number from 1 to 50, in options and in model records', () => {
    for (const k of [0, 1.5, 51, Number.NaN]) {
      expect(() => fitBgCnbd(sim, { k })).toThrow(/k must be|k .*whole/);
      expect(() => probabilityAlive({ kind: 'bg-cnbd-k', params: { ...truth, k } }, sim)).toThrow(/model\.params\.k must be a whole number from 1 to 50/);
    }
  });

  it('reject a logIntervalSum that no intervals can give, naming the row', () => {
    const rows = [
      { frequency: 0, recency: 0, T: 10, logIntervalSum: 0.5 },
      { frequency: 2, recency: 4, T: 10, logIntervalSum: 2 * Math.log(2) + 0.01 },
    ];
    expect(() => fitBgCnbd(rows, { k: 2 })).toThrow(/row 0.*logIntervalSum.*must be 0 when frequency is 0/s);
    expect(() => fitBgCnbd([rows[1]!], { k: 2 })).toThrow(/logIntervalSum.*must not exceed/);
  });
});
