import { describe, expect, it } from 'vitest';
import { conditionalExpectedSpend, fitGammaGammaIndividual, spendFrequencyIndependence, summarize } from '../../src/index.js';
import { gammaDraw, uniforms } from '../helpers/erlangWorld.js';
import { csv } from '../helpers/datasets.js';

/** Customers with 1 + Poisson(3) purchase days each, values Gamma(p, ν_i), ν_i ~ Gamma(q, v): drawn apart from the library. */
function spendWorld(truth: { p: number; q: number; v: number }, n: number, seed: number) {
  const u = uniforms(seed);
  const rows = { customerId: [] as string[], date: [] as string[], amount: [] as number[] };
  for (let i = 0; i < n; i++) {
    const nu = gammaDraw(u, truth.q, truth.v);
    let k = 1;
    for (let e = -Math.log(u()); e < 3; e += -Math.log(u())) k++;
    for (let j = 0; j <= k; j++) {
      rows.customerId.push(`c${i}`);
      rows.date.push(new Date(Date.UTC(2020, 0, 1) + j * 7 * 86_400_000).toISOString().slice(0, 10));
      rows.amount.push(gammaDraw(u, truth.p, nu));
    }
  }
  return rows;
}

describe('Gamma-Gamma on individual transactions (pymc-marketing GammaGammaModelIndividual)', () => {
  it('recovers p, q and v from individual values drawn apart from the library (4 SE)', () => {
    const truth = { p: 4, q: 3, v: 12 };
    const m = fitGammaGammaIndividual(spendWorld(truth, 3000, 4));
    expect(m.converged).toBe(true);
    for (const [k, v] of Object.entries(truth)) {
      const z = ((m.params as Record<string, number>)[k]! - v) / (m.standardErrors as Record<string, number>)[k]!;
      expect(Math.abs(z), k).toBeLessThan(4);
    }
    // p is identified from the spread within customers: far tighter than from the means alone
    expect(m.standardErrors.p / m.params.p).toBeLessThan(0.05);
  });

  it('its log-likelihood is the sum over customers of ∫ Π Gamma(z_j; p, ν) Gamma(ν; q, v) dν (quadrature in ln ν)', () => {
    const rows = spendWorld({ p: 2, q: 2.5, v: 8 }, 12, 9);
    const m = fitGammaGammaIndividual(rows);
    const { p, q, v } = m.params;
    const byCustomer = new Map<string, number[]>();
    rows.customerId.forEach((c, i) => byCustomer.set(c, [...(byCustomer.get(c) ?? []), rows.amount[i]!]));
    let total = 0;
    for (const values of byCustomer.values()) {
      const zs = values.slice(1); // repeat purchases only (the default)
      let integral = 0;
      const h = 0.002;
      for (let y = -15; y < 10; y += h) {
        const nu = Math.exp(y);
        let log = q * Math.log(v) + (q - 1) * y - v * nu - lgamma(q) + y; // Gamma(ν; q, v) dν = ... ν d(ln ν)
        for (const z of zs) log += p * Math.log(nu) + (p - 1) * Math.log(z) - nu * z - lgamma(p);
        integral += Math.exp(log) * h;
      }
      total += Math.log(integral);
    }
    expect(m.logLikelihood).toBeCloseTo(total, 5);
  });

  it('predicts with conditionalExpectedSpend on the same summary: p (v + Σz) / (p x + q - 1)', () => {
    const rows = spendWorld({ p: 3, q: 4, v: 10 }, 200, 2);
    const m = fitGammaGammaIndividual(rows);
    const s = summarize(rows);
    const e = conditionalExpectedSpend(m, s);
    const { p, q, v } = m.params;
    for (const i of [0, 7, 150]) {
      const x = s.frequency[i]!;
      const total = x * s.monetaryValue[i]!;
      expect(e[i]).toBeCloseTo((p * (v + total)) / (p * x + q - 1), 9);
    }
  });

  it('leaves out customers with a non-positive purchase value and counts them', () => {
    const rows = spendWorld({ p: 3, q: 4, v: 10 }, 50, 3);
    const refunded = { customerId: [...rows.customerId, 'r', 'r'], date: [...rows.date, '2020-01-01', '2020-01-08'], amount: [...rows.amount, 10, 0] };
    const m = fitGammaGammaIndividual(refunded);
    expect(m.excludedNonPositiveSpend).toBe(1);
    expect(m.n).toBe(50);
  });
});

describe('spendFrequencyIndependence: the Gamma-Gamma assumption checked', () => {
  it('finds the weak correlation of frequency and mean spend on CDNOW (0.11 in the Fader-Hardie-Lee data as lifetimes prints it)', () => {
    const z = csv('cdnow_customers_summary_with_transactions.csv');
    const out = spendFrequencyIndependence({ frequency: z.x!, recency: z.t_x!, T: z.T!, monetaryValue: z.zbar! });
    expect(out.customers).toBe(946);
    expect(out.pearson.r).toBeCloseTo(0.11, 2);
    expect(out.pearson.pValue).toBeLessThan(0.001);
    expect(out.spearman.rho).toBeGreaterThan(0);
  });

  it('gives p-values that are uniform under independence (simulated: about 5 % below 0.05) and rank correlation 1 for a monotone relation', () => {
    const u = uniforms(7);
    let small = 0;
    const runs = 400;
    for (let k = 0; k < runs; k++) {
      const frequency = Array.from({ length: 40 }, () => 1 + Math.floor(5 * u()));
      const monetaryValue = Array.from({ length: 40 }, () => 1 + 10 * u());
      const out = spendFrequencyIndependence({ frequency, recency: frequency, T: frequency.map((f) => f + 1), monetaryValue });
      if (out.pearson.pValue < 0.05) small++;
    }
    // binomial(400, 0.05): mean 20, sd 4.4
    expect(Math.abs(small - 20)).toBeLessThan(4 * 4.4);
    const frequency = [1, 2, 3, 4, 5];
    const mono = spendFrequencyIndependence({ frequency, recency: frequency, T: [9, 9, 9, 9, 9], monetaryValue: [1, 4, 9, 16, 25] });
    expect(mono.spearman.rho).toBeCloseTo(1, 12);
  });
});

function lgamma(z: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const x = z - 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
