import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, customerLifetimeValue, repeatPurchaseHistogram, simulateWithCovariates, expectedPurchases, fitBgNbd, fitParetoNbd, logLikelihood, probabilityAlive, probabilityOfPurchases, simulateParetoNbd, trackingCurve } from '../../src/index.js';
import { gammaDraw, uniforms } from '../helpers/erlangWorld.js';

const p = { r: 1.2, alpha: 4, s: 0.9, beta: 6 };
const la = (p.alpha / (p.alpha + 1)) ** p.r;
const lb = (p.beta / (p.beta + 1)) ** p.s;
const logGammaPdf = (v: number, shape: number, rate: number) => shape * Math.log(rate) + (shape - 1) * Math.log(v) - rate * v - lgamma(shape);

/** Posterior expectations under the Sarmanov density by a 2-D quadrature over (log λ, log μ), written apart from the library. */
function posterior(omega: number, x: number, tx: number, T: number, t: number) {
  const grid = Array.from({ length: 1500 }, (_, i) => Math.exp(-30 + (i * 36) / 1499));
  const h = 36 / 1499;
  let den = 0;
  let alive = 0;
  let future = 0;
  for (const lam of grid) {
    for (const mu of grid) {
      const g = Math.exp(logGammaPdf(lam, p.r, p.alpha) + logGammaPdf(mu, p.s, p.beta)) * (1 + omega * (Math.exp(-lam) - la) * (Math.exp(-mu) - lb)) * lam * mu * h * h;
      const a = Math.exp(x * Math.log(lam) - (lam + mu) * T);
      const dead = tx < T ? Math.exp(x * Math.log(lam) + Math.log(mu / (lam + mu))) * (Math.exp(-(lam + mu) * tx) - Math.exp(-(lam + mu) * T)) : 0;
      den += (a + dead) * g;
      alive += a * g;
      future += a * g * ((lam * -Math.expm1(-mu * t)) / mu);
    }
  }
  return { alive: alive / den, future: future / den };
}

describe('Pareto/NBD with correlated purchase and dropout rates (Sarmanov, CLVTools use.cor)', () => {
  const omega = 3;
  const model = { kind: 'pareto-nbd' as const, params: p, correlation: { omega } };
  const customers = [
    { frequency: 0, recency: 0, T: 30 },
    { frequency: 3, recency: 12, T: 30 },
    { frequency: 8, recency: 29, T: 30 },
  ];

  it('P(alive) and conditional expected purchases equal a 2-D quadrature of the Sarmanov posterior', () => {
    const alive = probabilityAlive(model, customers);
    const cond = conditionalExpectedPurchases(model, customers, 20);
    const plain = probabilityAlive({ kind: 'pareto-nbd', params: p }, customers);
    customers.forEach((c, i) => {
      const q = posterior(omega, c.frequency, c.recency, c.T, 20);
      expect(alive[i]).toBeCloseTo(q.alive, 4);
      expect(cond[i]).toBeCloseTo(q.future, 4);
    });
    // the correlation moves the answer (the test would not notice a model that ignored it otherwise)
    expect(Math.abs(alive[1]! - plain[1]!)).toBeGreaterThan(1e-3);
  });

  it("a new customer's expectations and pmf are the prior mixture of the four components (E[X(t)] by quadrature, the pmf sums to 1)", () => {
    const grid = Array.from({ length: 1500 }, (_, i) => Math.exp(-30 + (i * 36) / 1499));
    const h = 36 / 1499;
    let e = 0;
    for (const lam of grid) for (const mu of grid) e += Math.exp(logGammaPdf(lam, p.r, p.alpha) + logGammaPdf(mu, p.s, p.beta)) * (1 + omega * (Math.exp(-lam) - la) * (Math.exp(-mu) - lb)) * lam * mu * h * h * ((lam * -Math.expm1(-mu * 25)) / mu);
    expect(expectedPurchases(model, 25)).toBeCloseTo(e, 4);
    let sum = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const pn = probabilityOfPurchases(model, n, 25);
      sum += pn;
      mean += n * pn;
    }
    expect(sum).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(expectedPurchases(model, 25), 6);
  });

  it('with ω = 0 is Pareto/NBD exactly; CLV and the likelihood follow the mixture', () => {
    const zero = { ...model, correlation: { omega: 0 } };
    const plain = { kind: 'pareto-nbd' as const, params: p };
    expect(Array.from(conditionalExpectedPurchases(zero, customers, 10))).toEqual(Array.from(conditionalExpectedPurchases(plain, customers, 10)));
    expect(logLikelihood(zero, customers)).toBeCloseTo(logLikelihood(plain, customers) as number, 10);
    const clv = customerLifetimeValue({ purchaseModel: model, customers, horizon: 1, unit: 'week', modelUnit: 'week', spend: 2 });
    const cond = conditionalExpectedPurchases(model, customers, 1);
    customers.forEach((_, i) => expect(clv[i]).toBeCloseTo(2 * cond[i]!, 12));
  });

  it('recovers ω from customers drawn from the Sarmanov density apart from the library (4 SE), and ω = 0 data give ω near 0', () => {
    const draw = (w: number, n: number, seed: number) => {
      const u = uniforms(seed);
      const rows = { frequency: [] as number[], recency: [] as number[], T: [] as number[] };
      const bound = 1 + Math.abs(w);
      for (let i = 0; i < n; i++) {
        let lam = 0;
        let mu = 0;
        do {
          lam = gammaDraw(u, p.r, p.alpha);
          mu = gammaDraw(u, p.s, p.beta);
        } while (u() * bound > 1 + w * (Math.exp(-lam) - la) * (Math.exp(-mu) - lb));
        const T = 40;
        const death = -Math.log(u()) / mu;
        let x = 0;
        let last = 0;
        for (let t = -Math.log(u()) / lam; t <= Math.min(T, death); t += -Math.log(u()) / lam) {
          x++;
          last = t;
        }
        rows.frequency.push(x);
        rows.recency.push(last);
        rows.T.push(T);
      }
      return rows;
    };
    const m = fitParetoNbd(draw(3, 8000, 5), { correlation: true });
    expect(m.converged, m.message).toBe(true);
    expect(Math.abs((m.correlation!.omega - 3) / m.correlation!.omegaStandardError!)).toBeLessThan(4);
    expect(m.correlation!.rho).toBeGreaterThan(0);
    expect(m.correlation!.rhoStandardError).toBeGreaterThan(0);
    expect(m.covarianceNames).toEqual(['r', 'alpha', 's', 'beta', 'omega']);
    const flat = fitParetoNbd(draw(0, 8000, 6), { correlation: true });
    expect(Math.abs(flat.correlation!.omega / flat.correlation!.omegaStandardError!)).toBeLessThan(4);
  }, 60_000);

  it('the tracking curve and the repeat-purchase histogram use the prior mixture', () => {
    const tx = [
      { customerId: 'a', date: '2024-01-01', amount: 1 },
      { customerId: 'b', date: '2024-01-15', amount: 1 },
      { customerId: 'a', date: '2024-03-01', amount: 1 },
    ];
    const curve = trackingCurve({ ...model, unit: 'week' }, tx, { unit: 'week', observationEnd: '2024-06-30' });
    const k = curve.length - 1;
    const tA = (Date.parse(curve.date[k]!) - Date.parse('2024-01-01')) / 7 / 86_400_000;
    const tB = (Date.parse(curve.date[k]!) - Date.parse('2024-01-15')) / 7 / 86_400_000;
    expect(curve.expectedCumulative[k]).toBeCloseTo(expectedPurchases(model, tA) + expectedPurchases(model, tB), 10);
    const hist = repeatPurchaseHistogram(model, customers, { maxFrequency: 3 });
    for (let n = 0; n < 3; n++) expect(hist.expected[n]).toBeCloseTo(3 * probabilityOfPurchases(model, n, 30), 10);
  });

  it('refuses what it cannot do', () => {
    expect(() => fitBgNbd(customers, { correlation: true })).toThrow(/correlation is fitted for Pareto\/NBD only/);
    const withIds = customers.map((c, i) => ({ ...c, customerId: `k${i}` }));
    expect(() => fitBgNbd(withIds, { correlation: true, covariates: { data: withIds.map((c, i) => ({ customerId: c.customerId, g: i })), purchase: ['g'] } })).toThrow(/correlation is fitted for Pareto\/NBD only/);
    expect(() => probabilityAlive({ ...model, correlation: { omega: 100 } }, customers)).toThrow(/omega must be within/);
    expect(() => probabilityAlive({ kind: 'bg-nbd', params: { r: 1, alpha: 1, a: 1, b: 1 }, correlation: { omega: 1 } } as never, customers)).toThrow(/no correlated form/);
    expect(() => simulateParetoNbd(model, { customers: 5, T: 5 })).toThrow(/correlated rates/);
    expect(() => simulateWithCovariates({ ...model, coefficients: { purchase: { g: 0.1 }, dropout: {} } }, { covariates: { data: [{ customerId: 'a', g: 1 }] }, T: 5 })).toThrow(/does not draw correlated rates/);
  });
});

function lgamma(z: number): number {
  // Lanczos (g = 7), for the test's own Gamma densities
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - lgamma(1 - z);
  const x = z - 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
