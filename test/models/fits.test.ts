import { describe, expect, it } from 'vitest';
import {
  CustomerValueError,
  compressSummary,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitModifiedBgNbd,
  fitParetoNbd,
  fitShiftedBetaGeometric,
  summarize,
} from '../../src/index.js';
import { cdnowSample, csv } from '../helpers/datasets.js';

const cdnow = csv('cdnow_customers_summary.csv');
const summary = { frequency: cdnow.frequency!, recency: cdnow.recency!, T: cdnow.T! };

/** |estimate - published| within half a unit of the last printed digit (plus `slack` units). */
function toPrinted(estimate: number, published: string, slack = 0): void {
  const decimals = published.split('.')[1]?.length ?? 0;
  expect(Math.abs(estimate - Number(published))).toBeLessThanOrEqual((0.5 + slack) * 10 ** -decimals + 1e-12);
}

function relativeTo(estimate: number, reference: number, tol: number): void {
  expect(Math.abs(estimate / reference - 1)).toBeLessThan(tol);
}

describe('BG/NBD on CDNOW (Fader, Hardie & Lee 2005, Marketing Science)', () => {
  const m = fitBgNbd(summary);

  it('reproduces the published estimates and log-likelihood', () => {
    toPrinted(m.params.r, '0.243');
    toPrinted(m.params.alpha, '4.414');
    toPrinted(m.params.a, '0.793');
    toPrinted(m.params.b, '2.426');
    expect(Math.abs(m.logLikelihood - -9582.4)).toBeLessThan(0.1);
    expect(m.converged).toBe(true);
    expect(m.kind).toBe('bg-nbd');
    expect(m.n).toBe(2357);
    expect(m.aic).toBeCloseTo(-2 * m.logLikelihood + 8, 8);
    expect(m.bic).toBeCloseTo(-2 * m.logLikelihood + 4 * Math.log(2357), 8);
  });

  it('finds the same optimum from several starting points (1e-5 relative)', () => {
    for (const initialParams of [{ r: 1, alpha: 1, a: 1, b: 1 }, { r: 0.05, alpha: 30, a: 3, b: 0.5 }, { r: 2, alpha: 0.5, a: 0.2, b: 10 }]) {
      const other = fitBgNbd(summary, { initialParams });
      for (const k of ['r', 'alpha', 'a', 'b'] as const) relativeTo(other.params[k], m.params[k], 1e-5);
    }
  });

  it('gives standard errors close to the inverse observed information (lifetimes prints 0.013, 0.378, 0.186, 0.705)', () => {
    expect(m.standardErrors.r).toBeCloseTo(0.0126, 3);
    expect(m.standardErrors.alpha).toBeCloseTo(0.378, 2);
    expect(m.standardErrors.a).toBeCloseTo(0.186, 2);
    expect(m.standardErrors.b).toBeCloseTo(0.705, 2);
  });

  it('gives the same fit from the raw transactions through summarize and from a compressed summary', () => {
    const raw = summarize(cdnowSample(), { observationEnd: '1997-09-30', unit: 'week' });
    const fromRaw = fitBgNbd(raw);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) relativeTo(fromRaw.params[k], m.params[k], 1e-3);
    expect(fromRaw.unit).toBe('week');
    const compressed = compressSummary(summary);
    expect(compressed.length).toBeLessThan(2357);
    const c = fitBgNbd(compressed);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) relativeTo(c.params[k], m.params[k], 1e-6);
    expect(c.logLikelihood).toBeCloseTo(m.logLikelihood, 6);
    expect(c.n).toBe(2357);
  });

  it('shrinks the parameters with an L2 penalty', () => {
    const p = fitBgNbd(summary, { l2: 100 });
    expect(p.l2).toBe(100);
    expect(p.params.alpha).toBeLessThan(m.params.alpha);
    expect(p.logLikelihood).toBeLessThan(m.logLikelihood);
  });

  it('stays finite for very large frequencies and long histories', () => {
    const big = fitBgNbd({ frequency: [0, 1, 5, 400, 2500, 3], recency: [0, 10, 50, 3000, 3600, 20], T: [100, 200, 400, 3650, 3650, 30] });
    expect(Number.isFinite(big.logLikelihood)).toBe(true);
    for (const v of Object.values(big.params)) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('Pareto/NBD on CDNOW (Fader & Hardie 2005 note; Fader, Hardie & Lee 2005)', () => {
  const m = fitParetoNbd(summary);
  // independent optimum: scripts/reference/pareto_nbd_cdnow.py (mpmath hyp2f1 likelihood, scipy Nelder-Mead)
  const reference = { r: 0.5532755123025964, alpha: 10.577612620348358, s: 0.6062134740359161, beta: 11.667908738228068 };

  it('reproduces the published estimates and log-likelihood', () => {
    toPrinted(m.params.r, '0.553');
    toPrinted(m.params.alpha, '10.578');
    toPrinted(m.params.s, '0.606');
    // the paper prints 11.669; the likelihood's optimum is 11.6679 (see the reference script),
    // one unit of the last digit away: the published value is within 1e-4 relative of it
    toPrinted(m.params.beta, '11.669', 1);
    relativeTo(m.params.beta, 11.669, 1e-4);
    expect(Math.abs(m.logLikelihood - -9595.0)).toBeLessThan(0.1);
  });

  it('gives the same fit from the raw transactions through summarize', () => {
    const raw = fitParetoNbd(summarize(cdnowSample(), { observationEnd: '1997-09-30', unit: 'week' }));
    for (const k of ['r', 'alpha', 's', 'beta'] as const) relativeTo(raw.params[k], reference[k], 2e-3);
    expect(Math.abs(raw.logLikelihood - -9595.0)).toBeLessThan(0.1);
  });

  it('agrees with an independent high-precision optimum to 1e-5 and across starting points', () => {
    for (const k of ['r', 'alpha', 's', 'beta'] as const) relativeTo(m.params[k], reference[k], 1e-5);
    const other = fitParetoNbd(summary, { initialParams: { r: 2, alpha: 2, s: 2, beta: 50 } });
    for (const k of ['r', 'alpha', 's', 'beta'] as const) relativeTo(other.params[k], reference[k], 1e-5);
  });
});

describe('MBG/NBD on CDNOW (Batislam, Denizel & Filiztekin 2007)', () => {
  it('agrees with an independent implementation (scripts/reference/mbg_nbd_cdnow.py)', () => {
    const m = fitModifiedBgNbd(summary);
    const reference = { r: 0.5248378537224015, alpha: 6.182990789024695, a: 0.8913566586640338, b: 1.614000590750185 };
    for (const k of ['r', 'alpha', 'a', 'b'] as const) relativeTo(m.params[k], reference[k], 1e-5);
    expect(m.logLikelihood).toBeCloseTo(-9582.132684899889, 4);
  });
});

describe('BG/BB on the donations data (Fader, Hardie & Shang 2010)', () => {
  const donations = csv('donations.csv');
  const m = fitBgBb(donations, { fields: { T: 'periods', count: 'weights' } });

  it('reproduces the published estimates and log-likelihood', () => {
    expect(m.n).toBe(11104);
    toPrinted(m.params.alpha, '1.204');
    toPrinted(m.params.beta, '0.750');
    toPrinted(m.params.gamma, '0.657');
    toPrinted(m.params.delta, '2.783');
    expect(Math.abs(m.logLikelihood - -33225.6)).toBeLessThan(0.1);
  });

  it('accepts the weights as an option too, and rejects impossible histories', () => {
    const w = fitBgBb({ frequency: donations.frequency!, recency: donations.recency!, T: donations.periods! }, { weights: donations.weights! });
    relativeTo(w.params.delta, m.params.delta, 1e-6);
    expect(() => fitBgBb({ frequency: [3], recency: [2], T: [6] })).toThrow(CustomerValueError);
  });
});

describe('Gamma-Gamma on the CDNOW repeat customers (Fader, Hardie & Lee 2005, JMR)', () => {
  const z = csv('cdnow_customers_summary_with_transactions.csv');
  const m = fitGammaGamma({ frequency: z.x!, recency: z.t_x!, T: z.T!, monetaryValue: z.zbar! });

  it('reproduces p = 6.25, q = 3.74, v = 15.44 (optimum 15.448) on the 946 repeat customers', () => {
    expect(m.n).toBe(946);
    toPrinted(m.params.p, '6.25');
    toPrinted(m.params.q, '3.74');
    toPrinted(m.params.v, '15.448');
  });

  it('gives the published digits from the raw transactions through summarize', () => {
    const raw = fitGammaGamma(summarize(cdnowSample(), { observationEnd: '1997-09-30', unit: 'week' }));
    expect(raw.n).toBe(946);
    toPrinted(raw.params.p, '6.25');
    toPrinted(raw.params.q, '3.74');
    toPrinted(raw.params.v, '15.44');
  });

  it('needs positive spend and two repeat customers', () => {
    expect(() => fitGammaGamma({ frequency: [1, 2], recency: [1, 2], T: [3, 3], monetaryValue: [5, 0] })).toThrow(
      "fitGammaGamma: a repeat customer's monetaryValue must be > 0, got 0",
    );
    expect(() => fitGammaGamma({ frequency: [1, 0], recency: [1, 0], T: [3, 3], monetaryValue: [5, 0] })).toThrow(
      'fitGammaGamma requires at least 2 repeat customers, got 1',
    );
  });
});

describe('shifted-beta-geometric (Fader & Hardie 2007)', () => {
  const d = csv('sbg_retention.csv');
  const cohort = (col: number[]) => col.slice(0, 8).map((pct) => Math.round(pct * 10)); // years 0-7, 1,000 customers

  it('reproduces the high-end and regular estimates', () => {
    const high = fitShiftedBetaGeometric(cohort(d.high_end_pct_surviving!));
    toPrinted(high.params.alpha, '0.668');
    toPrinted(high.params.beta, '3.806');
    const regular = fitShiftedBetaGeometric(cohort(d.regular_pct_surviving!));
    toPrinted(regular.params.alpha, '0.704');
    toPrinted(regular.params.beta, '1.182');
  });

  it('gives the same fit from per-customer lifetimes with censoring', () => {
    const alive = cohort(d.regular_pct_surviving!);
    const lifetime: number[] = [];
    const censored: boolean[] = [];
    for (let t = 1; t < alive.length; t++) for (let k = 0; k < alive[t - 1]! - alive[t]!; k++) (lifetime.push(t), censored.push(false));
    for (let k = 0; k < alive.at(-1)!; k++) (lifetime.push(7), censored.push(true));
    const a = fitShiftedBetaGeometric({ lifetime, censored });
    const b = fitShiftedBetaGeometric(alive);
    relativeTo(a.params.alpha, b.params.alpha, 1e-6);
    relativeTo(a.params.beta, b.params.beta, 1e-6);
  });

  it('rejects increasing counts', () => {
    expect(() => fitShiftedBetaGeometric([100, 120])).toThrow(/non-increasing/);
  });
});

describe('fit failures are errors, never NaN', () => {
  it('throws on empty input and bad options', () => {
    expect(() => fitBgNbd({ frequency: [], recency: [], T: [] })).toThrow('fitBgNbd requires at least 1 customers, got 0');
    expect(() => fitBgNbd(summary, { l2: -1 })).toThrow(CustomerValueError);
    expect(() => fitBgNbd(summary, { initialParams: { r: -1 } })).toThrow(/initialParams.r/);
  });
});

describe('data that cannot identify a model', () => {
  it('throws with the reason instead of returning parameters at the boundary', () => {
    expect(() => fitBgNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] })).toThrow(/no maximum inside the parameter space/);
    expect(() => fitGammaGamma({ frequency: [2, 2, 2], recency: [1, 1, 1], T: [3, 3, 3], monetaryValue: [10, 10, 10] })).toThrow(CustomerValueError);
    expect(() => fitBgNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] })).toThrow(/r ran off to/);
  });
});
