import { describe, expect, it } from 'vitest';
import { predictiveDistribution, samplePosterior, simulateBgNbd, simulateNbd, customerLifetimeValueIntervals, CustomerValueError } from '../../src/index.js';
import { effectiveSampleSize, splitRhat } from '../../src/models/posterior/diagnostics.js';
import { logGamma } from '../../src/math/special.js';
import { Random } from '../../src/math/random.js';
import { cdnowSummary } from '../helpers/models.js';

describe('samplePosterior: flat priors on many customers reproduce the MLE and its Hessian standard errors', () => {
  const truth = { r: 0.8, alpha: 6, a: 0.7, b: 3 };
  const sim = simulateBgNbd(truth, { customers: 20000, T: Float64Array.from({ length: 20000 }, (_, i) => 26 + (i % 27)), seed: 3 });
  const post = samplePosterior(sim, { model: 'bg-nbd', priors: 'flat', chains: 2, draws: 1000, warmup: 500, seed: 7 });

  it('posterior means within 0.25 SE of the MLE, sds within 12 % of the SEs (their Monte Carlo error is about 1/√(2·ESS) ≈ 4 %), the chains agree', () => {
    // Bernstein-von Mises. What separates a flat-prior posterior mean from the MLE (its mode) at 20,000 customers: its skew
    // (for a near log-normal posterior 1.5 SE/θ in SEs: 0.02-0.07 here; more for BG/NBD's correlated a, b) and the Monte
    // Carlo error sd/√ESS (0.03-0.05 SE); 0.25 SE bounds both. The exact check of the sampler is the quadrature below.
    const est = post.estimate;
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const se = est.standardErrors[name];
      expect(Math.abs(post.mean[name]! - est.params[name]) / se).toBeLessThan(0.25);
      expect(Math.abs(post.sd[name]! / se - 1)).toBeLessThan(0.12);
      expect(post.rhat[name]).toBeLessThan(1.02);
      expect(post.ess[name]).toBeGreaterThan(250);
      expect(post.quantiles[name]!['2.5%']).toBeLessThan(post.quantiles[name]!['50%']);
    }
    expect(post.converged).toBe(true);
    expect(post.draws.r).toHaveLength(2000);
    expect(post.kind).toBe('bg-nbd');
    expect(post.params.r).toBe(post.mean.r);
    for (const a of post.acceptance) expect(a).toBeGreaterThan(0.2);
  });

  it('the record carries its draws into predictiveDistribution and the CLV intervals', () => {
    const customers = { frequency: [0, 3, 10], recency: [0, 20, 40], T: [40, 40, 40] };
    const pd = predictiveDistribution({ purchaseModel: post, customers, horizon: 52, draws: 400, seed: 2 });
    // the parameter draws give P(alive) a spread; a point model gives none
    expect(pd.aliveUpper[1]! - pd.aliveLower[1]!).toBeGreaterThan(0);
    const iv = customerLifetimeValueIntervals({ purchaseModel: post, customers, horizon: 52, spend: 10, draws: 100, seed: 1 } as never);
    expect(iv.upper[2]! - iv.lower[2]!).toBeGreaterThan(0);
    expect(iv.estimate[2]).toBeGreaterThan(iv.lower[2]!);
  });
});

describe('samplePosterior against the posterior by quadrature (NBD, 60 customers, informative priors)', () => {
  const sim = simulateNbd({ r: 1.2, alpha: 4 }, { customers: 60, T: 20, seed: 5 });
  const x = Array.from(sim.frequency);
  const T = Array.from(sim.T);
  // NBD likelihood of counts x in (0, T] with timings (the timing factor does not involve r, α): Γ(r+x)/Γ(r) α^r / (α+T)^(r+x)
  const logLik = (r: number, alpha: number): number => x.reduce((s, xi, i) => s + logGamma(r + xi) - logGamma(r) + r * Math.log(alpha) - (r + xi) * Math.log(alpha + (T[i] as number)), 0);
  /** Posterior mean and sd of r and α on a 400 × 400 grid in (ln r, ln α). */
  function quadrature(logPrior: (lr: number, la: number) => number): Record<'r' | 'alpha', { mean: number; sd: number }> {
    const n = 400;
    const lo = [-4, -3];
    const hi = [4, 6];
    let z = 0;
    const m1: [number, number] = [0, 0];
    const m2: [number, number] = [0, 0];
    const lp: number[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const lr = lo[0]! + ((hi[0]! - lo[0]!) * (i + 0.5)) / n;
      const la = lo[1]! + ((hi[1]! - lo[1]!) * (j + 0.5)) / n;
      lp.push(logLik(Math.exp(lr), Math.exp(la)) + logPrior(lr, la));
    }
    const top = lp.reduce((a, b) => Math.max(a, b), -Infinity);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const w = Math.exp(lp[i * n + j]! - top);
      const r = Math.exp(lo[0]! + ((hi[0]! - lo[0]!) * (i + 0.5)) / n);
      const a = Math.exp(lo[1]! + ((hi[1]! - lo[1]!) * (j + 0.5)) / n);
      z += w;
      m1[0] += w * r;
      m1[1] += w * a;
      m2[0] += w * r * r;
      m2[1] += w * a * a;
    }
    const mean = m1.map((v) => v / z);
    const sd = m2.map((v, k) => Math.sqrt(v / z - mean[k]! ** 2));
    return { r: { mean: mean[0]!, sd: sd[0]! }, alpha: { mean: mean[1]!, sd: sd[1]! } };
  }
  const check = (post: ReturnType<typeof samplePosterior<'nbd'>>, exact: ReturnType<typeof quadrature>): void => {
    for (const name of ['r', 'alpha'] as const) {
      // Monte Carlo error of the mean sd/√ESS ≈ 0.03 sd; of the sd about 3 %
      expect(Math.abs(post.mean[name]! - exact[name].mean) / exact[name].sd).toBeLessThan(0.12);
      expect(Math.abs(post.sd[name]! / exact[name].sd - 1)).toBeLessThan(0.1);
    }
  };

  it('log-normal priors (the density of ln θ is normal: no Jacobian)', () => {
    const post = samplePosterior(sim, { model: 'nbd', priors: { r: { lognormal: [0, 0.5] }, alpha: { lognormal: [1, 1] } }, draws: 2000, seed: 3 });
    check(post, quadrature((lr, la) => -0.5 * (lr / 0.5) ** 2 - 0.5 * (la - 1) ** 2));
    expect(post.priors.r).toEqual({ lognormal: [0, 0.5] });
  });

  it('gamma priors (θ^(a-1) e^(-bθ), times the Jacobian θ on the log grid)', () => {
    const post = samplePosterior(sim, { model: 'nbd', priors: { r: { gamma: [3, 2] }, alpha: { gamma: [2, 0.5] } }, draws: 2000, seed: 4 });
    check(post, quadrature((lr, la) => 3 * lr - 2 * Math.exp(lr) + 2 * la - 0.5 * Math.exp(la)));
  });

  it('the default prior is ln θ ~ Normal(0, 5²) on every parameter', () => {
    const post = samplePosterior(sim, { model: 'nbd', draws: 2000, seed: 5 });
    expect(post.priors).toEqual({ r: { lognormal: [0, 5] }, alpha: { lognormal: [0, 5] } });
    check(post, quadrature((lr, la) => -0.5 * (lr / 5) ** 2 - 0.5 * (la / 5) ** 2));
  });

  it('is seeded: the same seed gives the same draws, another seed others', () => {
    const a = samplePosterior(sim, { model: 'nbd', draws: 50, seed: 9 });
    const b = samplePosterior(sim, { model: 'nbd', draws: 50, seed: 9 });
    const c = samplePosterior(sim, { model: 'nbd', draws: 50, seed: 10 });
    expect(a.draws.r).toEqual(b.draws.r);
    expect(a.draws.r).not.toEqual(c.draws.r);
  });
});

describe('samplePosterior: options, fixed whole parameters, improper posteriors', () => {
  const cdnow = cdnowSummary();
  it('refuses bad priors, kinds and counts, naming the option', () => {
    const bad = (o: object, re: RegExp): void => {
      expect(() => samplePosterior(cdnow, { model: 'nbd', draws: 20, ...o } as never)).toThrow(CustomerValueError);
      expect(() => samplePosterior(cdnow, { model: 'nbd', draws: 20, ...o } as never)).toThrow(re);
    };
    bad({ priors: { s: 'flat' } }, /priors\.s is not a parameter of the model \(r, alpha\)/);
    bad({ priors: { r: { lognormal: [0, -1] } } }, /priors\.r must be/);
    bad({ priors: { r: { gamma: [1] } } }, /priors\.r must be/);
    bad({ priors: 'vague' }, /priors must be a prior/);
    bad({ model: 'sbg' }, /model must be one of 'bg-nbd'/);
    bad({ chains: 0 }, /chains/);
    bad({ draws: 5 }, /draws/);
  });

  it("holds the CNBD-k order at the fit's k and samples the rest", () => {
    const post = samplePosterior(cdnow, { model: 'bg-cnbd-k', fit: { k: 1 }, draws: 100, warmup: 100, chains: 2, seed: 1 });
    expect(post.fixed).toEqual({ k: 1 });
    expect(post.draws.k!.every((v) => v === 1)).toBe(true);
    expect(Object.keys(post.rhat)).toEqual(['r', 'alpha', 'a', 'b']);
  });

  it('flat priors where the data do not identify a parameter: the chains wander and converged says so', () => {
    // 30 customers cannot tell Pareto/NBD's s and β from s, β → ∞ together (a homogeneous dropout rate): the flat posterior is improper
    const few = { frequency: cdnow.frequency.slice(0, 30), recency: cdnow.recency.slice(0, 30), T: cdnow.T.slice(0, 30) };
    const post = samplePosterior(few, { model: 'pareto-nbd', priors: 'flat', draws: 500, chains: 2, seed: 2 });
    expect(post.converged).toBe(false);
    for (const v of Object.values(post.mean)) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('MCMC diagnostics (BDA3 §11.4-11.5)', () => {
  const rng = new Random(11);
  const chain = (n: number, rho: number, shift = 0): Float64Array => {
    const v = new Float64Array(n);
    let s = rng.normal();
    for (let i = 0; i < n; i++) v[i] = shift + (s = rho * s + Math.sqrt(1 - rho * rho) * rng.normal());
    return v;
  };
  it('independent draws: ESS near the number of draws, R-hat near 1', () => {
    const chains = [chain(2000, 0), chain(2000, 0), chain(2000, 0), chain(2000, 0)];
    expect(effectiveSampleSize(chains) / 8000).toBeGreaterThan(0.9);
    expect(effectiveSampleSize(chains) / 8000).toBeLessThan(1.1);
    expect(splitRhat(chains)).toBeLessThan(1.005);
  });
  it('AR(1) draws: ESS near N (1 - ρ) / (1 + ρ)', () => {
    const chains = [chain(5000, 0.8), chain(5000, 0.8), chain(5000, 0.8), chain(5000, 0.8)];
    expect(effectiveSampleSize(chains) / ((20000 * 0.2) / 1.8)).toBeGreaterThan(0.85);
    expect(effectiveSampleSize(chains) / ((20000 * 0.2) / 1.8)).toBeLessThan(1.15);
  });
  it('chains around different values: R-hat well above 1', () => {
    expect(splitRhat([chain(1000, 0), chain(1000, 0, 2)])).toBeGreaterThan(1.3);
  });
});
