import { describe, expect, it } from 'vitest';
import { CustomerValueError, fitParetoNbd, probabilityAlive, samplePosterior, simulateParetoGgg } from '../../src/index.js';
import { Random } from '../../src/math/random.js';
import { drawLifetime } from '../../src/models/paretoGgg/latent.js';
import { drawIndividual } from '../../src/models/paretoGgg/poisson.js';
import { inverseWishart2 } from '../../src/models/paretoNbdHb/cohort.js';
import { cdnowSummary } from '../helpers/models.js';
import { tanhSinh } from '../helpers/numeric.js';

const cdnow = cdnowSummary();

describe("samplePosterior 'pareto-nbd-hb': Abe (2009) on CDNOW against BTYDplus", () => {
  const post = samplePosterior(cdnow, { model: 'pareto-nbd-hb', chains: 2, warmup: 1000, draws: 600, seed: 3 });

  it("medians near BTYDplus's abe.mcmc.DrawParameters (HowTo vignette, model M1, weeks)", () => {
    // BTYDplus prints the median and 95 % interval: log_lambda -3.54 [-3.70, -3.32], log_mu -3.59 [-3.96, -3.26],
    // var_log_lambda 1.34 [1.10, 1.65], cov 0.13 [-0.20, 0.74], var_log_mu 2.62 [1.44, 5.05]. Two Monte Carlo runs of
    // slowly mixing samplers: each median within a quarter of that interval's width of BTYDplus's
    const published = { meanLogLambda: [-3.54, -3.7, -3.32], meanLogMu: [-3.59, -3.96, -3.26], varLogLambda: [1.34, 1.1, 1.65], covLogLambdaLogMu: [0.13, -0.2, 0.74], varLogMu: [2.62, 1.44, 5.05] } as const;
    for (const [name, [median, lo, hi]] of Object.entries(published)) {
      expect(Math.abs(post.quantiles[name]!['50%'] - median)).toBeLessThan((hi - lo) / 4);
    }
  });

  it('per-customer P(alive) near the Pareto/NBD closed form at the MLE (Abe: lognormal rates, so near, not equal)', () => {
    const closed = probabilityAlive(fitParetoNbd(cdnow), cdnow);
    let diff = 0;
    for (let i = 0; i < closed.length; i++) diff += Math.abs(post.customers.probabilityAlive[i]! - closed[i]!);
    expect(diff / closed.length).toBeLessThan(0.05);
    expect(post.customers.length).toBe(2357);
    expect(post.individual.sets).toBe(200);
    expect(post.customers.lambda.every((v) => v > 0)).toBe(true);
  });
});

describe("samplePosterior 'pareto-ggg' with regularity: false: the Pareto/NBD (HB), drawn exactly", () => {
  const post = samplePosterior(cdnow, { model: 'pareto-ggg', regularity: false, chains: 2, draws: 1000, seed: 2 });
  const mle = fitParetoNbd(cdnow);

  it('its cohort posterior is the Pareto/NBD posterior: r and α centred on the MLE within 0.3 SE', () => {
    for (const name of ['r', 'alpha'] as const) expect(post.rhat[name]).toBeLessThan(1.05);
    for (const name of ['r', 'alpha'] as const) expect(Math.abs(post.mean[name]! - mle.params[name]) / mle.standardErrors[name]).toBeLessThan(0.3);
  });

  it('each customer draw given the cohort is exact: means of λ, μ and the share alive against quadrature', () => {
    const p = { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 };
    const rng = new Random(5);
    const out = new Float64Array(3);
    for (const [x, tx, T] of [[0, 0, 38], [2, 30.4, 38.9], [5, 10, 39]] as const) {
      // posterior of the lifetime given θ: alive ∝ (α+T)^-(r+x) (β/(β+T))^s / ..., dead at τ ∝ (α+τ)^-(r+x) s β^s (β+τ)^-(s+1)
      const dead = (tau: number): number => (p.alpha + tau) ** -(p.r + x) * p.s * p.beta ** p.s * (p.beta + tau) ** -(p.s + 1);
      const aliveMass = (p.alpha + T) ** -(p.r + x) * (p.beta / (p.beta + T)) ** p.s;
      const deadMass = tanhSinh(dead, tx, T);
      const pAlive = aliveMass / (aliveMass + deadMass);
      const lambdaMean = (pAlive * (p.r + x)) / (p.alpha + T) + tanhSinh((tau) => (dead(tau) * (p.r + x)) / (p.alpha + tau), tx, T) / (aliveMass + deadMass);
      const muMean = (pAlive * p.s) / (p.beta + T) + tanhSinh((tau) => (dead(tau) * (p.s + 1)) / (p.beta + tau), tx, T) / (aliveMass + deadMass);
      const N = 40_000;
      let l = 0;
      let m = 0;
      let a = 0;
      for (let j = 0; j < N; j++) {
        drawIndividual(p, pAlive, x, tx, T, rng, out);
        l += out[0]!;
        m += out[1]!;
        if (out[2]! > T) a++;
      }
      expect(Math.abs(a / N - pAlive)).toBeLessThan(0.01);
      expect(Math.abs(l / N / lambdaMean - 1)).toBeLessThan(0.03);
      expect(Math.abs(m / N / muMean - 1)).toBeLessThan(0.04);
    }
  });
});

describe("samplePosterior 'pareto-ggg' (Platzer & Reutterer 2016)", () => {
  it('the lifetime move leaves its conditional invariant: the share alive against quadrature', () => {
    for (const [k, lambda, s, beta, tx, T] of [[3, 0.4, 0.8, 10, 12, 30], [0.6, 1.5, 2, 5, 1, 8], [1, 0.2, 0.5, 12, 0, 39]] as const) {
      // density of τ ∝ (β+τ)^-(s+1) Q(k, kλ (min(τ, T) - t_x)), Q by quadrature of the gamma density (Γ(k) cancels)
      const Q = (z: number): number => (z <= 0 ? 1 : tanhSinh((v) => v ** (k - 1) * Math.exp(-v), z, z + 80 + 10 * k) / tanhSinh((v) => v ** (k - 1) * Math.exp(-v), 0, 80 + 10 * k));
      const before = tanhSinh((tau) => (beta + tau) ** -(s + 1) * Q(k * lambda * (tau - tx)), tx, T);
      const after = ((beta + T) ** -s / s) * Q(k * lambda * (T - tx));
      const exact = after / (before + after);
      const rng = new Random(9);
      let tau = T + 1;
      let alive = 0;
      const N = 30_000;
      for (let j = 0; j < N; j++) {
        if (tau > T) tau = T + (beta + T) * Math.expm1(-Math.log(rng.open()) / s);
        tau = drawLifetime(k, lambda, s, beta, tx, T, tau, rng);
        if (tau > T) alive++;
      }
      expect(Math.abs(alive / N - exact)).toBeLessThan(0.015);
    }
  });

  it('recovers regular timing on simulated data, and finds none in Poisson purchases', () => {
    const truth = { r: 2, alpha: 8, s: 0.6, beta: 20, t: 16, gamma: 4 };
    const regular = simulateParetoGgg(truth, { customers: 600, T: 52, seed: 4 });
    const post = samplePosterior(regular, { model: 'pareto-ggg', chains: 2, warmup: 300, draws: 300, seed: 1 });
    const meanK = Float64Array.from(post.draws.t!, (t, j) => t / post.draws.gamma![j]!);
    const sorted = Float64Array.from(meanK).sort();
    // the mean regularity t/γ = 4: inside the central 95 % of its posterior, and far from 1 (Poisson)
    expect(sorted[Math.floor(0.025 * sorted.length)]).toBeLessThan(4);
    expect(sorted[Math.floor(0.975 * sorted.length)]).toBeGreaterThan(4);
    expect(sorted[0]).toBeGreaterThan(2);
    // who is alive: the posterior P(alive) separates the simulated alive from the dead
    let aliveP = 0;
    let deadP = 0;
    let alive = 0;
    for (let i = 0; i < regular.length; i++) {
      if (regular.alive[i]) {
        aliveP += post.customers.probabilityAlive[i]!;
        alive++;
      } else deadP += post.customers.probabilityAlive[i]!;
    }
    expect(aliveP / alive - deadP / (regular.length - alive)).toBeGreaterThan(0.4);
    // Poisson purchases: k_i ~ Gamma(400, 400), all within a few % of 1
    const poisson = simulateParetoGgg({ ...truth, t: 400, gamma: 400 }, { customers: 600, T: 52, seed: 5 });
    const flat = samplePosterior(poisson, { model: 'pareto-ggg', chains: 2, warmup: 300, draws: 300, seed: 1 });
    const k = flat.mean.t! / flat.mean.gamma!;
    expect(k).toBeGreaterThan(0.6);
    expect(k).toBeLessThan(1.6);
  });

  it('refuses what it cannot sample, naming the option', () => {
    expect(() => samplePosterior(cdnow, { model: 'pareto-ggg', draws: 10 })).toThrow(/logIntervalSum/);
    expect(() => samplePosterior({ ...cdnow, count: cdnow.frequency.map(() => 2) }, { model: 'pareto-nbd-hb', draws: 10 })).toThrow(/row 0: count must be 1/);
    expect(() => samplePosterior(cdnow, { model: 'pareto-nbd-hb', draws: 10, priors: 'flat' })).toThrow(CustomerValueError);
    expect(() => samplePosterior(cdnow, { model: 'pareto-nbd-hb', draws: 10, regularity: false })).toThrow(/regularity is an option of 'pareto-ggg' only/);
    expect(() => samplePosterior(cdnow, { model: 'pareto-ggg', draws: 10, thin: 0 })).toThrow(/thin/);
  });
});

describe('the inverse-Wishart draw of the Abe cohort update', () => {
  it('has mean Ψ / (ν - 3) (2 × 2)', () => {
    const rng = new Random(1);
    const [nu, a, b, d] = [12, 3, 1, 2];
    const sum = [0, 0, 0];
    const N = 100_000;
    for (let j = 0; j < N; j++) {
      const g = inverseWishart2(nu, a, b, d, rng);
      for (let q = 0; q < 3; q++) sum[q]! += g[q]!;
    }
    [a, b, d].forEach((v, q) => expect(Math.abs(sum[q]! / N / (v / (nu - 3)) - 1)).toBeLessThan(0.02));
  });
});

describe('predictiveDistribution from a hierarchical posterior', () => {
  it("Pareto/NBD (HB): the predictive mean equals the Pareto/NBD's conditional expectation (the same model)", async () => {
    const { conditionalExpectedPurchases, predictiveDistribution } = await import('../../src/index.js');
    const post = samplePosterior(cdnow, { model: 'pareto-ggg', regularity: false, chains: 2, draws: 500, seed: 8 });
    const pd = predictiveDistribution({ purchaseModel: post, customers: cdnow, horizon: 39, draws: 400, seed: 1 });
    const ce = conditionalExpectedPurchases({ kind: 'pareto-nbd', params: post.mean as never }, cdnow, 39);
    const sum = (v: ArrayLike<number>): number => Array.from(v).reduce((a, b) => a + b, 0);
    // the mean over the posterior vs the expectation at the posterior mean: equal to first order; 400 draws × 2357 customers
    expect(Math.abs(sum(pd.purchasesMean) / sum(ce) - 1)).toBeLessThan(0.03);
    expect(pd.aliveMean[0]).toBe(post.customers.probabilityAlive[0]);
    expect(() => predictiveDistribution({ purchaseModel: post, customers: { frequency: [1], recency: [1], T: [2] }, horizon: 1 })).toThrow(/customers must be the 2357 customers/);
  });

  it('Pareto/GGG: 90 % predictive intervals of holdout purchases cover about 90 % of simulated customers', async () => {
    const { predictiveDistribution } = await import('../../src/index.js');
    const sim = simulateParetoGgg({ r: 2, alpha: 8, s: 0.6, beta: 20, t: 16, gamma: 4 }, { customers: 500, T: 40, holdout: 26, seed: 12 });
    const post = samplePosterior(sim, { model: 'pareto-ggg', chains: 2, warmup: 300, draws: 300, seed: 3 });
    const pd = predictiveDistribution({ purchaseModel: post, customers: sim, horizon: 26, draws: 600, level: 0.9, seed: 4 });
    let inside = 0;
    for (let i = 0; i < sim.length; i++) if (sim.frequencyHoldout[i]! >= pd.purchasesLower[i]! && sim.frequencyHoldout[i]! <= pd.purchasesUpper[i]!) inside++;
    // counts are discrete, so a central interval covers at least its level; sampling sd of the share at 500 customers ≈ 1.3 %
    expect(inside / sim.length).toBeGreaterThan(0.86);
    expect(inside / sim.length).toBeLessThan(0.99);
  });
});
