import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  fitGammaGompertzNbd,
  fitParetoNbd,
  logLikelihood,
  probabilityAlive,
  probabilityOfPurchases,
  simulateGammaGompertzNbd,
  type PurchaseModel,
} from '../../src/index.js';
import { cdnowSummary, histories, toPrinted } from '../helpers/models.js';
import { meanSe, tanhSinh } from '../helpers/numeric.js';
import { logLik as ggLogLik } from '../../src/models/gammaGompertzNbd/likelihood.js';

const rel = (a: number, b: number): number => Math.abs(a / b - 1);

/**
 * A history's likelihood from the individual model: λ integrated in closed form (the NBD
 * step, Γ(r+x)/Γ(r) as a product), then quadrature over η ~ Gamma(s, β) (normalized
 * numerically) and the death time τ, in the plain variables.
 */
function likelihoodByQuadrature(p: { r: number; alpha: number; b: number; s: number; beta: number }, x: number, tx: number, T: number): number {
  let rise = 1;
  for (let i = 0; i < x; i++) rise *= p.r + i;
  const nbd = (tau: number): number => rise * (p.alpha / (p.alpha + tau)) ** p.r / (p.alpha + tau) ** x;
  const onHalfLine = (f: (v: number) => number): number => tanhSinh((u) => f(u / (1 - u)) / (1 - u) ** 2, 0, 1);
  const ge = (eta: number): number => Math.exp((p.s - 1) * Math.log(eta) - p.beta * eta);
  const survive = (tau: number, eta: number): number => Math.exp(-eta * Math.expm1(p.b * tau));
  const given = (eta: number): number => {
    const dead = T > tx ? tanhSinh((tau) => nbd(tau) * eta * p.b * Math.exp(p.b * tau) * survive(tau, eta), tx, T) : 0;
    return nbd(T) * survive(T, eta) + dead;
  };
  return onHalfLine((eta) => ge(eta) * given(eta)) / onHalfLine(ge);
}

describe('Gamma-Gompertz/NBD likelihood (Bemmaor & Glady 2012)', () => {
  it('equals a quadrature of the individual likelihood over η and the death time', () => {
    const p = { r: 0.8, alpha: 6, b: 0.06, s: 1.2, beta: 2 };
    for (const [x, tx, T] of [[0, 0, 30], [2, 10, 40], [5, 35, 40], [1, 3, 60], [12, 20, 21]] as const) {
      const ll = logLikelihood({ kind: 'ggom-nbd', params: p }, [{ frequency: x, recency: tx, T }]) as number;
      expect(Math.abs(ll - Math.log(likelihoodByQuadrature(p, x, tx, T)))).toBeLessThan(1e-7);
    }
  });
});

describe('Gamma-Gompertz/NBD gradient', () => {
  it('equals central differences of the log-likelihood, whichever substitution the death-time integral takes', () => {
    const sim = simulateGammaGompertzNbd({ r: 0.8, alpha: 6, b: 0.05, s: 1.5, beta: 30 }, { customers: 300, T: 60, seed: 4 });
    for (const at of [Float64Array.of(0.7, 5, 0.04, 1.3, 25), Float64Array.of(0.7, 5, 0.4, 3, 0.5), Float64Array.of(2, 1, 1e-4, 0.6, 1e-3)]) {
      const data = { x: Float64Array.from(sim.frequency), tx: sim.recency, T: sim.T, w: new Float64Array(300).fill(1), n: 300, m: undefined, unit: undefined };
      const g = new Float64Array(5);
      ggLogLik(data, at, g);
      for (let k = 0; k < 5; k++) {
        const h = 1e-5 * at[k]!;
        const up = Float64Array.from(at);
        const down = Float64Array.from(at);
        up[k] = at[k]! + h;
        down[k] = at[k]! - h;
        const numeric = (ggLogLik(data, up) - ggLogLik(data, down)) / (2 * h);
        expect(Math.abs(g[k]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      }
    }
  });
});

describe('Gamma-Gompertz/NBD on CDNOW', () => {
  const summary = cdnowSummary();
  const pareto = fitParetoNbd(summary);
  const gg = fitGammaGompertzNbd(summary);

  it('reaches the Pareto/NBD log-likelihood with β/b equal to the Pareto/NBD β: the data sit at the nesting limit b -> 0', () => {
    expect(gg.logLikelihood).toBeGreaterThanOrEqual(pareto.logLikelihood - 1e-6);
    expect(rel(gg.params.beta / gg.params.b, pareto.params.beta)).toBeLessThan(1e-6);
    expect(rel(gg.params.r, pareto.params.r)).toBeLessThan(1e-6);
    expect(rel(gg.params.s, pareto.params.s)).toBeLessThan(1e-6);
    // said, not hidden: only β/b is identified
    expect(gg.converged).toBe(false);
    expect(gg.warnings.join(' ')).toMatch(/only β\/b = 11\.6/);
    expect(Number.isNaN(gg.standardErrors.b)).toBe(true);
  });

  it("has the published log-likelihood at CLVTools' printed estimates (-9594.98; the paper's Table 2 prints the same LL)", () => {
    const clvtools = { kind: 'ggom-nbd', params: { r: 0.55313, alpha: 10.5758, b: 0.0000011, s: 0.60682, beta: 0.000013 } } as PurchaseModel;
    toPrinted(logLikelihood(clvtools, summary) as number, '-9594.98');
  });
});

describe('Gamma-Gompertz/NBD predictions', () => {
  it('equal Pareto/NBD (r, α, s, β/b) at the nesting limit b -> 0, to 1e-6', () => {
    const b = 1e-9;
    const pn = { kind: 'pareto-nbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } } as PurchaseModel;
    const gg = { kind: 'ggom-nbd', params: { r: 0.553, alpha: 10.578, b, s: 0.606, beta: b * 11.669 } } as PurchaseModel;
    for (const [f, g] of [
      [probabilityAlive(gg, histories), probabilityAlive(pn, histories)],
      [probabilityAlive(gg, histories, { ahead: 26 }), probabilityAlive(pn, histories, { ahead: 26 })],
      [conditionalExpectedPurchases(gg, histories, 39), conditionalExpectedPurchases(pn, histories, 39)],
    ] as Array<[Float64Array, Float64Array]>) {
      for (let i = 0; i < f.length; i++) expect(rel(f[i]!, g[i]!)).toBeLessThan(1e-6);
    }
    for (const t of [1, 39, 200]) expect(rel(expectedPurchases(gg, t), expectedPurchases(pn, t))).toBeLessThan(1e-6);
    for (const n of [0, 1, 3, 8]) expect(Math.abs(probabilityOfPurchases(gg, n, 39) - probabilityOfPurchases(pn, n, 39))).toBeLessThan(1e-7);
  });

  describe('agree with simulated customers where the Gompertz hazard matters (b = 0.05)', () => {
    const params = { r: 0.8, alpha: 6, b: 0.05, s: 1.5, beta: 30 };
    const model = { kind: 'ggom-nbd', params } as PurchaseModel;
    const sim = simulateGammaGompertzNbd(params, { customers: 40_000, T: 52, holdout: 26, seed: 21 });
    const ce = conditionalExpectedPurchases(model, sim, 26);
    const alive = probabilityAlive(model, sim);
    const subsets: Record<string, (i: number) => boolean> = {
      'every customer': () => true,
      'x >= 3, no purchase for 20+ weeks': (i) => sim.frequency[i]! >= 3 && 52 - sim.recency[i]! > 20,
      'x >= 3, bought within 5 weeks': (i) => sim.frequency[i]! >= 3 && 52 - sim.recency[i]! < 5,
      'no repeat purchase': (i) => sim.frequency[i] === 0,
    };
    for (const [name, keep] of Object.entries(subsets)) {
      it(`${name}: holdout purchases and alive at T within 4 standard errors`, () => {
        const idx = Array.from({ length: sim.length }, (_, i) => i).filter(keep);
        expect(idx.length).toBeGreaterThan(1000);
        for (const [pred, outcome] of [[ce, sim.frequencyHoldout], [alive, sim.alive]] as Array<[Float64Array, ArrayLike<number>]>) {
          const o = meanSe(idx.map((i) => outcome[i]!));
          const m = idx.reduce((s, i) => s + pred[i]!, 0) / idx.length;
          expect(Math.abs(m - o.mean)).toBeLessThan(4 * o.se);
        }
      });
    }
    it('the pmf of a new customer matches the simulated frequencies', () => {
      for (let x = 0; x < 6; x++) {
        const pr = probabilityOfPurchases(model, x, 52);
        const share = sim.frequency.filter((f) => f === x).length / sim.length;
        expect(Math.abs(share - pr)).toBeLessThan(4 * Math.sqrt((pr * (1 - pr)) / sim.length));
      }
    });
  });
});
