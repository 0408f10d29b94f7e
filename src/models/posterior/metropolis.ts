/**
 * Adaptive Metropolis on R^d. Warm-up: random-walk Metropolis (Haario, Saksman & Tamminen
 * 2001; Roberts & Rosenthal 2009) with a normal proposal whose covariance is learnt from the
 * second half of warm-up and whose scale is tuned towards acceptance 0.234 (0.44 in one
 * dimension). After warm-up the kernel is frozen and each step is, with probability 0.7, an
 * independence Metropolis-Hastings proposal from a multivariate t (5 degrees of freedom)
 * with the warm-up's mean and covariance (nearly independent draws when the posterior is
 * near normal, as with many customers), else the tuned random walk (which keeps the chain
 * moving where the t fits badly). A mixture of Metropolis-Hastings kernels, each leaving
 * the target invariant, so the kept draws are an ordinary Markov chain.
 * @internal
 */
import { choleskyLower, lowerTimes } from '../../math/linalg.js';
import type { Random } from '../../math/random.js';

/** One chain's kept draws (draws × d, row-major) and its acceptance rate after warm-up. */
export interface Chain {
  readonly values: Float64Array;
  readonly acceptance: number;
}

/**
 * Run one chain of `warmup + draws` iterations from `start`, proposing u' = u + λ L z with
 * L the Cholesky factor of the proposal covariance (initially `L0`), and keep the last
 * `draws`. `logDensity` returns -Infinity outside the support.
 */
export function adaptiveMetropolis(logDensity: (u: Float64Array) => number, start: Float64Array, L0: Float64Array, warmup: number, draws: number, rng: Random, tick: () => void = () => {}): Chain {
  const d = start.length;
  const target = d === 1 ? 0.44 : 0.234;
  let L = L0;
  let logScale = Math.log(2.38 / Math.sqrt(d));
  const u = Float64Array.from(start);
  let current = logDensity(u);
  const proposal = new Float64Array(d);
  const z = new Float64Array(d);
  const step = new Float64Array(d);
  const values = new Float64Array(draws * d);
  // running mean and co-moments of the second half of warm-up (Welford), for the proposal covariance
  const mean = new Float64Array(d);
  const comoment = new Float64Array(d * d);
  let seen = 0;
  let accepted = 0;
  // the independence proposal: t_ν around `center` with scale factor `tL` (from the warm-up draws so far)
  const center = new Float64Array(d);
  let tL: Float64Array | undefined;
  let logQ = 0;
  const refit = (): void => {
    const next = learnt(comoment, seen, d);
    if (!next) return;
    L = next;
    tL = next;
    center.set(mean);
    logQ = logStudent(u, center, tL, d, step);
  };
  for (let it = 0; it < warmup + draws; it++) {
    tick();
    if (it === warmup && seen >= 50) refit();
    const jump = tL !== undefined && rng.uniform() < 0.7;
    for (let j = 0; j < d; j++) z[j] = rng.normal();
    let next: number;
    let nextQ = 0;
    let logRatio: number;
    if (jump) {
      // u' = center + WIDEN · tL z / √(w/ν), w ~ χ²_ν: a multivariate t_ν
      lowerTimes(tL as Float64Array, z, d, step);
      const f = WIDEN / Math.sqrt((2 * rng.gamma(NU / 2, 1)) / NU);
      for (let j = 0; j < d; j++) proposal[j] = (center[j] as number) + f * (step[j] as number);
      next = logDensity(proposal);
      nextQ = logStudent(proposal, center, tL as Float64Array, d, step);
      logRatio = next - current + logQ - nextQ;
    } else {
      lowerTimes(L, z, d, step);
      const scale = Math.exp(logScale);
      for (let j = 0; j < d; j++) proposal[j] = (u[j] as number) + scale * (step[j] as number);
      next = logDensity(proposal);
      if (tL) nextQ = logStudent(proposal, center, tL, d, step);
      logRatio = next - current;
    }
    const accept = logRatio >= 0 || Math.log(rng.open()) < logRatio;
    if (accept) {
      u.set(proposal);
      current = next;
      logQ = nextQ;
    }
    if (it < warmup) {
      if (!jump) logScale = Math.min(5, Math.max(-10, logScale + ((accept ? 1 : 0) - target) / Math.sqrt(it + 1)));
      if (it >= warmup / 2) {
        seen++;
        welford(u, mean, comoment, seen, d, z);
        if (seen >= 100 && seen % 50 === 0) refit();
      }
    } else {
      if (accept) accepted++;
      values.set(u, (it - warmup) * d);
    }
  }
  return { values, acceptance: draws > 0 ? accepted / draws : 0 };
}

const NU = 5;
/** The t proposal is widened by this factor over the warm-up covariance (a proposal wider than the target keeps the independence kernel geometrically ergodic). */
const WIDEN = 1.3;

/** ln of the t_ν density (up to a constant) at u, location `mean`, scale factor L; `work` is scratch. */
function logStudent(u: Float64Array, mean: Float64Array, L: Float64Array, d: number, work: Float64Array): number {
  // solve L y = u - mean, then |y|² is the Mahalanobis distance
  let q = 0;
  for (let i = 0; i < d; i++) {
    let s = (u[i] as number) - (mean[i] as number);
    for (let j = 0; j < i; j++) s -= (L[i * d + j] as number) * (work[j] as number);
    work[i] = s / (L[i * d + i] as number);
    q += (work[i] as number) ** 2;
  }
  return (-(NU + d) / 2) * Math.log1p(q / (NU * WIDEN * WIDEN));
}

function welford(u: Float64Array, mean: Float64Array, comoment: Float64Array, n: number, d: number, delta: Float64Array): void {
  for (let j = 0; j < d; j++) {
    delta[j] = (u[j] as number) - (mean[j] as number);
    mean[j] = (mean[j] as number) + (delta[j] as number) / n;
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) comoment[i * d + j] = (comoment[i * d + j] as number) + (delta[i] as number) * ((u[j] as number) - (mean[j] as number));
}

/** The Cholesky factor of the learnt covariance (regularized), undefined while it is singular. */
function learnt(comoment: Float64Array, n: number, d: number): Float64Array | undefined {
  const cov = new Float64Array(d * d);
  for (let i = 0; i < d * d; i++) cov[i] = (comoment[i] as number) / (n - 1);
  for (let i = 0; i < d; i++) cov[i * d + i] = (cov[i * d + i] as number) * (1 + 1e-6) + 1e-12;
  return choleskyLower(cov, d);
}
