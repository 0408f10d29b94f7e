import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  customerLifetimeValue,
  customerLifetimeValueIntervals,
  conditionalExpectedPurchasesIntervals,
  CustomerValueError,
  expectedPurchases,
  fitBgNbd,
  fitNbd,
  fitParetoNbd,
  likelihoodRatioTest,
  logLikelihood,
  parameterIntervals,
  fitGammaGompertzNbd,
  probabilityAlive,
  probabilityOfPurchases,
  repeatPurchaseHistogram,
  trackingCurve,
  simulateParetoNbd,
  simulateWithCovariates,
  summarize,
} from '../../src/index.js';
import { covariateWorld } from '../helpers/covariateWorld.js';
import { quotedCsv } from '../helpers/datasets.js';

// the apparel retailer, calibration through 2006-12-31 (CLVTools' estimation.split = 104 weeks)
const raw = quotedCsv('apparelStaticCov.csv');
const apparelCov = { customerId: raw.Id!, Gender: raw.Gender!.map(Number), Channel: raw.Channel!.map(Number) };
const trans = quotedCsv('apparelTrans.csv');
const apparel = summarize({ customerId: trans.Id!, date: trans.Date!, amount: trans.Price!.map(Number) }, { unit: 'week', observationEnd: '2006-12-31' });
const both = { data: apparelCov, purchase: ['Gender', 'Channel'], dropout: ['Gender', 'Channel'] };

/** CLVTools 0.12's scaling, written out here: the parameters of a customer with covariates z. */
function scaled(kind: string, p: Record<string, number>, c: { purchase: Record<string, number>; dropout: Record<string, number> }, z: Record<string, number>) {
  const eta = (g: Record<string, number>) => Object.entries(g).reduce((s, [k, v]) => s + v * (z[k] as number), 0);
  const ep = eta(c.purchase);
  const ed = eta(c.dropout);
  if (kind === 'bg-nbd') return { ...p, alpha: p.alpha! * Math.exp(-ep), a: p.a! * Math.exp(ed), b: p.b! * Math.exp(ed) };
  return { ...p, alpha: p.alpha! * Math.exp(-ep), beta: p.beta! * Math.exp(-ed) };
}

const zOf = (i: number) => ({ Gender: apparelCov.Gender[i]!, Channel: apparelCov.Channel[i]! });
const rowOf = new Map(apparelCov.customerId.map((id, i) => [id, i]));

describe('static covariates (CLVTools 0.12 parameterization)', () => {
  const pnbd = fitParetoNbd(apparel, { covariates: both });

  it('fit Pareto/NBD on the apparel data with both covariates in both processes, every coefficient with a standard error', () => {
    expect(pnbd.converged).toBe(true);
    expect(Object.keys(pnbd.coefficients!.purchase)).toEqual(['Gender', 'Channel']);
    for (const process of ['purchase', 'dropout'] as const) {
      for (const name of ['Gender', 'Channel']) {
        const se = pnbd.coefficientStandardErrors![process][name]!;
        expect(se).toBeGreaterThan(0);
        expect(se).toBeLessThan(1);
      }
    }
    // nested in the model without covariates: the likelihood can only rise, and here by a
    // likelihood-ratio statistic far beyond chance (4 coefficients)
    const plain = fitParetoNbd(apparel);
    expect(pnbd.logLikelihood).toBeGreaterThan(plain.logLikelihood);
    const lr = likelihoodRatioTest(plain, pnbd);
    expect(lr.df).toBe(4);
    expect(lr.pValue).toBeLessThan(1e-6);
    expect(pnbd.covarianceNames).toEqual(['r', 'alpha', 's', 'beta', 'purchase.Gender', 'purchase.Channel', 'dropout.Gender', 'dropout.Channel']);
    expect(pnbd.covariance.length).toBe(8);
    const iv = parameterIntervals(pnbd, { level: 0.95 })['purchase.Gender']!;
    expect(iv.upper - iv.lower).toBeCloseTo(2 * 1.959964 * pnbd.coefficientStandardErrors!.purchase.Gender!, 5);
  });

  it('reach the same optimum from several starting points (1e-4 relative)', () => {
    const starts = [
      { r: 0.5, alpha: 10, s: 1, beta: 20, 'purchase.Gender': 1, 'dropout.Channel': -1 },
      { r: 3, alpha: 150, s: 0.3, beta: 100, 'purchase.Channel': -0.5, 'dropout.Gender': 0.5 },
    ];
    for (const initialParams of starts) {
      const m = fitParetoNbd(apparel, { covariates: both, initialParams });
      expect(Math.abs(m.logLikelihood - pnbd.logLikelihood)).toBeLessThan(1e-4 * Math.abs(pnbd.logLikelihood) * 1e-2);
      for (const [k, v] of Object.entries(pnbd.params)) expect(Math.abs((m.params as Record<string, number>)[k]! / v - 1)).toBeLessThan(1e-4);
      for (const process of ['purchase', 'dropout'] as const) {
        for (const [k, v] of Object.entries(pnbd.coefficients![process])) expect(Math.abs(m.coefficients![process][k]! - v)).toBeLessThan(1e-4 * Math.max(1, Math.abs(v)));
      }
    }
  });

  it("take each customer's likelihood at the scaled parameters: the sum equals Σ per-customer likelihoods of the plain model at θ_i", () => {
    const per = logLikelihood(pnbd, apparel, { covariates: { data: apparelCov }, perCustomer: true }) as Float64Array;
    let sum = 0;
    for (let i = 0; i < apparel.customerId.length; i++) {
      const z = zOf(rowOf.get(String(apparel.customerId[i]))!);
      const own = { kind: 'pareto-nbd' as const, params: scaled('pareto-nbd', pnbd.params, pnbd.coefficients!, z) as never };
      const row = [{ frequency: apparel.frequency[i]!, recency: apparel.recency[i]!, T: apparel.T[i]! }];
      const ll = logLikelihood(own, row) as number;
      expect(per[i]).toBeCloseTo(ll, 9);
      sum += ll;
    }
    expect(pnbd.logLikelihood).toBeCloseTo(sum, 6);
    expect(logLikelihood(pnbd, apparel, { covariates: { data: apparelCov } })).toBeCloseTo(sum, 6);
  });

  it('predict per customer at the scaled parameters: P(alive), conditional purchases, CLV', () => {
    const opts = { covariates: { data: apparelCov } };
    const alive = probabilityAlive(pnbd, apparel, opts);
    const ahead = probabilityAlive(pnbd, apparel, { ...opts, ahead: 10 });
    const cond = conditionalExpectedPurchases(pnbd, apparel, 52, opts);
    const clv = customerLifetimeValue({ purchaseModel: pnbd, customers: apparel, horizon: 12, unit: 'month', discountRate: 0.01, spend: 50, ...opts });
    for (const i of [0, 1, 17, 250, 599]) {
      const z = zOf(rowOf.get(String(apparel.customerId[i]))!);
      const own = { kind: 'pareto-nbd' as const, params: scaled('pareto-nbd', pnbd.params, pnbd.coefficients!, z) as never, unit: 'week' as const };
      const row = [{ frequency: apparel.frequency[i]!, recency: apparel.recency[i]!, T: apparel.T[i]! }];
      expect(alive[i]).toBeCloseTo(probabilityAlive(own, row)[0]!, 12);
      expect(ahead[i]).toBeCloseTo(probabilityAlive(own, row, { ahead: 10 })[0]!, 12);
      expect(cond[i]).toBeCloseTo(conditionalExpectedPurchases(own, row, 52)[0]!, 12);
      expect(clv[i]).toBeCloseTo(customerLifetimeValue({ purchaseModel: own, customers: row, horizon: 12, unit: 'month', discountRate: 0.01, spend: 50 })[0]!, 9);
    }
    // a new customer's expectation by profile
    const woman = scaled('pareto-nbd', pnbd.params, pnbd.coefficients!, { Gender: 1, Channel: 0 });
    expect(expectedPurchases(pnbd, 52, { profile: { Gender: 1, Channel: 0 } })).toBeCloseTo(expectedPurchases({ kind: 'pareto-nbd', params: woman as never }, 52), 12);
  });

  it('with coefficients 0 equal the model without covariates exactly', () => {
    const zero = { ...pnbd, coefficients: { purchase: { Gender: 0, Channel: 0 }, dropout: { Gender: 0, Channel: 0 } } };
    const plain = { kind: 'pareto-nbd' as const, params: pnbd.params };
    const opts = { covariates: { data: apparelCov } };
    expect(Array.from(probabilityAlive(zero, apparel, opts))).toEqual(Array.from(probabilityAlive(plain, apparel)));
    expect(Array.from(conditionalExpectedPurchases(zero, apparel, 20, opts))).toEqual(Array.from(conditionalExpectedPurchases(plain, apparel, 20)));
    expect(logLikelihood(zero, apparel, opts)).toBeCloseTo(logLikelihood(plain, apparel) as number, 8);
  });

  it('are invariant to rescaling a covariate: z -> 2z halves its coefficient and leaves the likelihood', () => {
    const doubled = { ...apparelCov, Channel: apparelCov.Channel.map((v) => 2 * v) };
    const m = fitParetoNbd(apparel, { covariates: { ...both, data: doubled } });
    expect(m.logLikelihood).toBeCloseTo(pnbd.logLikelihood, 4);
    expect(m.coefficients!.purchase.Channel! * 2).toBeCloseTo(pnbd.coefficients!.purchase.Channel!, 3);
    expect(m.coefficientStandardErrors!.dropout.Channel! * 2).toBeCloseTo(pnbd.coefficientStandardErrors!.dropout.Channel!, 2);
  });

  it('constrain a covariate to one coefficient in both processes', () => {
    const m = fitParetoNbd(apparel, { covariates: { ...both, constrain: ['Gender'] } });
    expect(m.coefficients!.purchase.Gender).toBe(m.coefficients!.dropout.Gender);
    expect(m.constrained).toEqual(['Gender']);
    expect(m.covarianceNames).toContain('both.Gender');
    expect(m.logLikelihood).toBeLessThanOrEqual(pnbd.logLikelihood + 1e-6);
    expect(likelihoodRatioTest(m, pnbd).df).toBe(1);
  });

  it('penalize the coefficients only, by l2 · Σγ²: at the penalized optimum ∂LL/∂γ = 2 l2 γ', () => {
    const l2 = 20;
    const m = fitParetoNbd(apparel, { covariates: both, l2 });
    const opts = { covariates: { data: apparelCov } };
    for (const [process, name] of [['purchase', 'Channel'], ['dropout', 'Gender']] as const) {
      const g = m.coefficients![process][name]!;
      expect(Math.abs(g)).toBeLessThan(Math.abs(pnbd.coefficients![process][name]!));
      const at = (d: number) => {
        const c = { purchase: { ...m.coefficients!.purchase }, dropout: { ...m.coefficients!.dropout } };
        c[process][name] = g + d;
        return logLikelihood({ ...m, coefficients: c }, apparel, opts) as number;
      };
      const h = 1e-4;
      expect((at(h) - at(-h)) / (2 * h)).toBeCloseTo(2 * l2 * g, 1);
    }
    // an enormous penalty leaves the model without covariates
    const flat = fitParetoNbd(apparel, { covariates: both, l2: 1e9 });
    const plain = fitParetoNbd(apparel);
    expect(flat.params.r).toBeCloseTo(plain.params.r, 3);
    expect(Math.abs(flat.coefficients!.dropout.Channel!)).toBeLessThan(1e-5);
  });

  it('recover known coefficients from customers simulated apart from the library (Pareto/NBD and BG/NBD, within 3.5 SE)', () => {
    const worlds = [
      { kind: 'pareto-nbd' as const, p: { r: 0.8, alpha: 6, s: 0.7, beta: 12 }, fit: fitParetoNbd },
      { kind: 'bg-nbd' as const, p: { r: 0.8, alpha: 6, a: 0.8, b: 3 }, fit: fitBgNbd },
    ];
    const gamma = { purchase: [0.6, -0.4] as [number, number], dropout: [-0.5, 0.7] as [number, number] };
    for (const w of worlds) {
      const world = covariateWorld(w.kind, w.p, gamma, 4000, 52, 11);
      const m = w.fit(world.summary, { covariates: { data: world.covariates, purchase: ['z1', 'z2'], dropout: ['z1', 'z2'] } });
      expect(m.converged, w.kind).toBe(true);
      for (const [process, truth] of [['purchase', gamma.purchase], ['dropout', gamma.dropout]] as const) {
        ['z1', 'z2'].forEach((name, j) => {
          const z = (m.coefficients![process][name]! - truth[j]!) / m.coefficientStandardErrors![process][name]!;
          expect(Math.abs(z), `${w.kind} ${process}.${name}`).toBeLessThan(3.5);
        });
      }
      for (const [k, v] of Object.entries(w.p)) {
        const z = ((m.params as Record<string, number>)[k]! - v) / (m.standardErrors as Record<string, number>)[k]!;
        expect(Math.abs(z), `${w.kind} ${k}`).toBeLessThan(3.5);
      }
    }
  });

  it('simulate with covariates: each group buys as many as its expected purchases by profile (Monte Carlo, 4 SE)', () => {
    const model = { kind: 'pareto-nbd' as const, params: { r: 0.8, alpha: 6, s: 0.7, beta: 12 }, coefficients: { purchase: { g: 0.8 }, dropout: { g: -0.5 } } };
    const n = 20000;
    const data = { customerId: Array.from({ length: n }, (_, i) => `s${i}`), g: Array.from({ length: n }, (_, i) => i % 2) };
    const sim = simulateWithCovariates(model, { covariates: { data }, T: 30, seed: 5 });
    expect(sim.customerId[3]).toBe('s3');
    for (const g of [0, 1]) {
      const xs = Array.from(sim.frequency).filter((_, i) => i % 2 === g);
      const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1));
      expect(Math.abs(mean - expectedPurchases(model, 30, { profile: { g } }))).toBeLessThan((4 * sd) / Math.sqrt(xs.length));
    }
  });

  it('refuse what they cannot do, naming the option', () => {
    expect(() => probabilityAlive(pnbd, apparel)).toThrow(/fitted with covariates \(purchase Gender, purchase Channel, dropout Gender, dropout Channel\): give options\.covariates/);
    expect(() => expectedPurchases(pnbd, 10)).toThrow(/profile must give the covariate values/);
    expect(() => expectedPurchases(pnbd, 10, { profile: { Gender: 1 } })).toThrow(/profile\.Channel must be a finite number/);
    expect(() => probabilityAlive({ kind: 'pareto-nbd', params: pnbd.params }, apparel, { covariates: { data: apparelCov } })).toThrow(/apply to models fitted with covariates only/);
    expect(() => probabilityAlive(pnbd, apparel, { covariates: { data: apparelCov.customerId.slice(1).map((customerId, i) => ({ customerId, Gender: apparelCov.Gender[i + 1], Channel: apparelCov.Channel[i + 1] })) } })).toThrow(CustomerValueError);
    expect(() => simulateParetoNbd(pnbd, { customers: 10, T: 10 })).toThrow(/does not take models with covariates/);
    expect(() => fitNbd(apparel, { covariates: both })).toThrow(/covariates are not supported/);
    expect(() => fitParetoNbd(apparel, { covariates: { ...both, constrain: ['Age'] } })).toThrow(/covariates\.constrain/);
    expect(() => probabilityAlive({ kind: 'nbd', params: { r: 1, alpha: 1 }, coefficients: { purchase: { g: 1 }, dropout: {} } } as never, apparel)).toThrow(/takes no covariates/);
  });

  it('BG/NBD scales α by the purchase covariates and both a and b by the dropout ones; on the apparel data it says the dropout coefficients are not identified', () => {
    const m = fitBgNbd(apparel, { covariates: both });
    expect(m.converged).toBe(false);
    expect(m.message).toMatch(/not identified/);
    const fixed = { kind: 'bg-nbd' as const, params: { r: 0.6, alpha: 20, a: 1.2, b: 8 }, coefficients: { purchase: { Gender: 0.4, Channel: 0.5 }, dropout: { Gender: -0.3, Channel: 0.2 } } };
    const opts = { covariates: { data: apparelCov } };
    const alive = probabilityAlive(fixed, apparel, opts);
    const per = logLikelihood(fixed, apparel, { ...opts, perCustomer: true }) as Float64Array;
    for (const i of [0, 5, 99, 420]) {
      const z = zOf(rowOf.get(String(apparel.customerId[i]))!);
      const own = { kind: 'bg-nbd' as const, params: scaled('bg-nbd', fixed.params, fixed.coefficients, z) as never };
      const row = [{ frequency: apparel.frequency[i]!, recency: apparel.recency[i]!, T: apparel.T[i]! }];
      expect(alive[i]).toBeCloseTo(probabilityAlive(own, row)[0]!, 12);
      expect(per[i]).toBeCloseTo(logLikelihood(own, row) as number, 9);
    }
  });

  it('Gamma-Gompertz/NBD: on the apparel data b runs off to 0 and the record is the Pareto/NBD limit with the same coefficients', () => {
    const m = fitGammaGompertzNbd(apparel, { covariates: both });
    expect(m.converged).toBe(false);
    expect(m.warnings[0]).toMatch(/Pareto\/NBD limit/);
    expect(m.params.beta / m.params.b).toBeCloseTo(pnbd.params.beta, 3);
    expect(m.coefficients!.dropout.Channel).toBeCloseTo(pnbd.coefficients!.dropout.Channel!, 6);
    expect(m.logLikelihood).toBeCloseTo(logLikelihood(m, apparel, { covariates: { data: apparelCov } }) as number, 4);
  });

  it('Gamma-Gompertz/NBD scales α and β as Pareto/NBD does: per-customer likelihood and P(alive) at θ_i', () => {
    const fixed = { kind: 'ggom-nbd' as const, params: { r: 0.8, alpha: 30, b: 0.02, s: 0.8, beta: 1 }, coefficients: { purchase: { Gender: 0.4 }, dropout: { Channel: -0.6 } } };
    const opts = { covariates: { data: apparelCov } };
    const alive = probabilityAlive(fixed, apparel, opts);
    const per = logLikelihood(fixed, apparel, { ...opts, perCustomer: true }) as Float64Array;
    for (const i of [2, 40, 333]) {
      const z = zOf(rowOf.get(String(apparel.customerId[i]))!);
      const own = { kind: 'ggom-nbd' as const, params: scaled('ggom-nbd', fixed.params, fixed.coefficients, z) as never };
      const row = [{ frequency: apparel.frequency[i]!, recency: apparel.recency[i]!, T: apparel.T[i]! }];
      expect(alive[i]).toBeCloseTo(probabilityAlive(own, row)[0]!, 12);
      expect(per[i]).toBeCloseTo(logLikelihood(own, row) as number, 9);
    }
  });

  it('with correlated rates too: ω shared by all customers, each customer Sarmanov at their own α_i, β_i', () => {
    const m = fitParetoNbd(apparel, { covariates: both, correlation: true });
    expect(m.logLikelihood).toBeGreaterThanOrEqual(pnbd.logLikelihood - 1e-6);
    expect(Number.isFinite(m.correlation!.omega)).toBe(true);
    // the apparel data ask for more correlation than the Sarmanov family allows: ω sits at its bound, and the record says so
    expect(m.converged).toBe(false);
    expect(m.message).toMatch(/ω ran to its upper bound/);
    expect(m.correlation!.omegaStandardError).toBeNaN();
    expect(m.covarianceNames!.at(-1)).toBe('omega');
    expect(likelihoodRatioTest(pnbd, m).df).toBe(1);
    const opts = { covariates: { data: apparelCov } };
    const alive = probabilityAlive(m, apparel, opts);
    const cond = conditionalExpectedPurchases(m, apparel, 52, opts);
    for (const i of [0, 9, 444]) {
      const z = zOf(rowOf.get(String(apparel.customerId[i]))!);
      const own = { kind: 'pareto-nbd' as const, params: scaled('pareto-nbd', m.params, m.coefficients!, z) as never, correlation: { omega: m.correlation!.omega } };
      const row = [{ frequency: apparel.frequency[i]!, recency: apparel.recency[i]!, T: apparel.T[i]! }];
      expect(alive[i]).toBeCloseTo(probabilityAlive(own, row)[0]!, 12);
      expect(cond[i]).toBeCloseTo(conditionalExpectedPurchases(own, row, 52)[0]!, 12);
    }
    // ω = 0 is the covariate model without correlation
    const zero = { ...pnbd, correlation: { omega: 0 } };
    expect(Array.from(probabilityAlive(zero, apparel, opts))).toEqual(Array.from(probabilityAlive(pnbd, apparel, opts)));
  });

  it('parameter intervals draw the coefficients too: their spread matches the delta method through the joint covariance', () => {
    const opts = { covariates: { data: apparelCov } };
    const rows = [0, 250].map((i) => ({ customerId: apparel.customerId[i], frequency: apparel.frequency[i]!, recency: apparel.recency[i]!, T: apparel.T[i]! }));
    const iv = conditionalExpectedPurchasesIntervals(pnbd, rows, 52, { ...opts, draws: 4000, seed: 3, level: 0.9 });
    const point = conditionalExpectedPurchases(pnbd, rows, 52, opts);
    expect(Array.from(iv.estimate)).toEqual(Array.from(point));
    // delta method: ∇f' Σ ∇f over [r, α, s, β, coefficients...] in the order of covarianceNames
    const names = pnbd.covarianceNames!;
    const value = (v: number[]) => {
      const params = { r: v[0]!, alpha: v[1]!, s: v[2]!, beta: v[3]! };
      const c = { purchase: { Gender: v[4]!, Channel: v[5]! }, dropout: { Gender: v[6]!, Channel: v[7]! } };
      return conditionalExpectedPurchases({ kind: 'pareto-nbd', params, coefficients: c }, rows, 52, opts);
    };
    const center = [pnbd.params.r, pnbd.params.alpha, pnbd.params.s, pnbd.params.beta, pnbd.coefficients!.purchase.Gender!, pnbd.coefficients!.purchase.Channel!, pnbd.coefficients!.dropout.Gender!, pnbd.coefficients!.dropout.Channel!];
    expect(names.length).toBe(center.length);
    const grads = center.map((c, j) => {
      const h = 1e-5 * Math.max(1, Math.abs(c));
      const up = center.slice();
      const down = center.slice();
      up[j] = c + h;
      down[j] = c - h;
      const a = value(up);
      const b = value(down);
      return [0, 1].map((i) => (a[i]! - b[i]!) / (2 * h));
    });
    for (const i of [0, 1]) {
      let v = 0;
      for (let a = 0; a < center.length; a++) for (let b = 0; b < center.length; b++) v += grads[a]![i]! * pnbd.covariance[a]![b]! * grads[b]![i]!;
      const sdDelta = Math.sqrt(v);
      const sdDraws = (iv.upper[i]! - iv.lower[i]!) / (2 * 1.6449);
      expect(sdDraws / sdDelta).toBeGreaterThan(0.85);
      expect(sdDraws / sdDelta).toBeLessThan(1.15);
    }
    const clv = customerLifetimeValueIntervals({ purchaseModel: pnbd, customers: rows, horizon: 12, unit: 'month', spend: 30, draws: 200, ...opts });
    expect(clv.lower[0]).toBeLessThan(clv.estimate[0]!);
    expect(clv.upper[0]).toBeGreaterThan(clv.estimate[0]!);
  });

  it('the repeat-purchase histogram and the tracking curve take each customer at their own parameters', () => {
    const opts = { covariates: { data: apparelCov } };
    const hist = repeatPurchaseHistogram(pnbd, apparel, { maxFrequency: 4, ...opts });
    const expected = [0, 0, 0, 0];
    for (let i = 0; i < apparel.customerId.length; i++) {
      const profile = zOf(rowOf.get(String(apparel.customerId[i]))!);
      for (let n = 0; n < 4; n++) expected[n]! += probabilityOfPurchases(pnbd, n, apparel.T[i]!, { profile });
    }
    for (let n = 0; n < 4; n++) expect(hist.expected[n]).toBeCloseTo(expected[n]!, 8);
    const tx = { customerId: trans.Id!, date: trans.Date!, amount: trans.Price!.map(Number) };
    const curve = trackingCurve(pnbd, tx, { unit: 'week', calibrationEnd: '2006-12-31', observationEnd: '2007-06-30', ...opts });
    const k = curve.length - 1;
    let e = 0;
    for (let i = 0; i < apparel.customerId.length; i++) {
      const profile = zOf(rowOf.get(String(apparel.customerId[i]))!);
      const t = (Date.parse(curve.date[k]!) - Date.parse(String(apparel.firstPurchase[i]))) / 7 / 86_400_000;
      if (t > 0) e += expectedPurchases(pnbd, t, { profile });
    }
    expect(curve.expectedCumulative[k]).toBeCloseTo(e, 6);
  });

  it('BG/NBD with covariates reaches the same optimum from several starting points (1e-4 relative)', () => {
    const world = covariateWorld('bg-nbd', { r: 0.8, alpha: 6, a: 0.8, b: 3 }, { purchase: [0.6, -0.4], dropout: [-0.5, 0.7] }, 1500, 52, 12);
    const cov = { data: world.covariates, purchase: ['z1', 'z2'], dropout: ['z1', 'z2'] };
    const ref = fitBgNbd(world.summary, { covariates: cov });
    for (const initialParams of [{ r: 0.3, alpha: 2, a: 2, b: 8, 'purchase.z1': -1 }, { r: 2, alpha: 20, a: 0.3, b: 1, 'dropout.z2': 1 }]) {
      const m = fitBgNbd(world.summary, { covariates: cov, initialParams });
      expect(Math.abs(m.logLikelihood - ref.logLikelihood)).toBeLessThan(1e-6 * Math.abs(ref.logLikelihood));
      for (const [k, v] of Object.entries(ref.params)) expect(Math.abs((m.params as Record<string, number>)[k]! / v - 1)).toBeLessThan(1e-4);
      for (const process of ['purchase', 'dropout'] as const) {
        for (const [k, v] of Object.entries(ref.coefficients![process])) expect(Math.abs(m.coefficients![process][k]! - v)).toBeLessThan(1e-4 * Math.max(1, Math.abs(v)));
      }
    }
  });
});

describe('correlated rates with covariates', () => {
  it('are fitted for Pareto/NBD only: other models say so, naming the option', () => {
    for (const [fit, title] of [[fitBgNbd, 'BG/NBD'], [fitGammaGompertzNbd, 'Gamma-Gompertz/NBD']] as const) {
      expect(() => fit(apparel, { covariates: both, correlation: true } as never)).toThrow(new RegExp(`correlation is fitted for Pareto/NBD only, not ${title}`));
    }
  });
});
