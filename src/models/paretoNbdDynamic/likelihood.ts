/**
 * The Pareto/NBD with time-varying covariates (Bachmann, Meierer & Näf 2021): while alive
 * a customer buys at rate λ a(t), a(t) = e^(γ_p·x(t)), and drops out at hazard μ b(t),
 * b(t) = e^(γ_d·y(t)), with λ ~ Gamma(r, α), μ ~ Gamma(s, β) and covariates constant on
 * each piece of the customer's path. With A(t) = ∫_0^t a, B(t) = ∫_0^t b, integrating λ
 * and μ out:
 *
 * L = Π_j a(t_j) Γ(r+x)/Γ(r) α^r β^s [ (α+A(T))^-(r+x) (β+B(T))^-s
 *       + ∫_{t_x}^T s b(τ) (α+A(τ))^-(r+x) (β+B(τ))^-(s+1) dτ ].
 *
 * With constant covariates (a = e^(γ_p·z), b = e^(γ_d·z)) this is the static Pareto/NBD
 * with α/a and β/b, times the timing density a^x. The integral is taken piece by piece
 * (A and B are linear on a piece), each piece in panels over which α+A and β+B at most
 * double, by 8-point Gauss-Legendre on the integrand relative to its value at t_x.
 * @internal
 */
import { gaussLegendre } from '../../math/quadrature.js';
import { logAddExp, logGammaRatio } from '../../math/special.js';
import type { Paths } from './paths.js';

/** What the likelihood reads: histories, paths over [0, T] and the purchase covariates summed over each customer's repeat purchases. */
export interface DynamicData {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly paths: Paths;
  /** Distinct covariate vectors (purchase then dropout values), row-major, `kp + kd` wide. */
  readonly vectors: Float64Array;
  readonly kp: number;
  readonly kd: number;
  /** Per customer, Σ_j x(t_j) over the repeat purchases (kp wide). */
  readonly purchaseSums: Float64Array;
}

const GL = gaussLegendre(8);

/** e^(γ·z) for each distinct vector, for the purchase (from 0) or dropout (from kp) part. */
export function multipliers(d: DynamicData, gamma: ArrayLike<number>, from: number, width: number): Float64Array {
  const stride = d.kp + d.kd;
  const m = new Float64Array(d.vectors.length / stride);
  for (let v = 0; v < m.length; v++) {
    let eta = 0;
    for (let j = 0; j < width; j++) eta += (gamma[j] as number) * (d.vectors[v * stride + from + j] as number);
    m[v] = Math.exp(eta);
  }
  return m;
}

/** A(t) and B(t) at the end of customer i's path and at t_x, and the log of the dead-customer integral. */
export function pathTerms(d: DynamicData, i: number, p: { r: number; alpha: number; s: number; beta: number }, a: Float64Array, b: Float64Array, tx: number, until: number) {
  const { offset, start, end, vector } = d.paths;
  const k = p.r + (d.x[i] as number);
  let A = 0;
  let B = 0;
  let Atx = Number.NaN;
  let Btx = Number.NaN;
  let g0 = 0;
  let sum = 0;
  const g = (Av: number, Bv: number): number => -k * Math.log(p.alpha + Av) - (p.s + 1) * Math.log(p.beta + Bv);
  for (let q = offset[i] as number; q < (offset[i + 1] as number); q++) {
    const s0 = start[q] as number;
    const s1 = Math.min(end[q] as number, until);
    if (s1 <= s0) continue;
    const ak = a[vector[q] as number] as number;
    const bk = b[vector[q] as number] as number;
    if (Atx !== Atx && tx < s1) {
      Atx = A + ak * (tx - s0);
      Btx = B + bk * (tx - s0);
      g0 = g(Atx, Btx);
    }
    if (Atx === Atx) {
      // the dead-customer integral over [max(s0, t_x), s1], in doubling panels
      let u = Math.max(s0, tx);
      while (u < s1) {
        const Au = A + ak * (u - s0);
        const Bu = B + bk * (u - s0);
        const h = Math.min(s1 - u, (p.alpha + Au) / ak, (p.beta + Bu) / bk);
        let panel = 0;
        for (let j = 0; j < 8; j++) {
          const v = h * (0.5 + 0.5 * (GL.x[j] as number));
          panel += (GL.w[j] as number) * Math.exp(g(Au + ak * v, Bu + bk * v) - g0);
        }
        sum += bk * panel * 0.5 * h;
        u += h;
        if (g(Au + ak * h, Bu + bk * h) - g0 < -45) {
          u = s1;
        }
      }
    }
    A += ak * (s1 - s0);
    B += bk * (s1 - s0);
  }
  if (Atx !== Atx) {
    // t_x at the end of the path (no time left after the last purchase)
    Atx = A;
    Btx = B;
  }
  return { A, B, Atx, Btx, logDead: sum > 0 ? Math.log(p.s) + g0 + Math.log(sum) : Number.NEGATIVE_INFINITY };
}

/** The log-likelihood at θ = [r, α, s, β, γ_p..., γ_d...]. */
export function dynamicLogLik(d: DynamicData, theta: Float64Array): number {
  const p = { r: theta[0] as number, alpha: theta[1] as number, s: theta[2] as number, beta: theta[3] as number };
  const gp = theta.subarray(4, 4 + d.kp);
  const gd = theta.subarray(4 + d.kp, 4 + d.kp + d.kd);
  const a = multipliers(d, gp, 0, d.kp);
  const b = multipliers(d, gd, d.kp, d.kd);
  if (a.some((v) => !(v > 0 && v < Infinity)) || b.some((v) => !(v > 0 && v < Infinity))) return Number.NEGATIVE_INFINITY;
  const base = p.r * Math.log(p.alpha) + p.s * Math.log(p.beta);
  let ll = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i] as number;
    const T = d.T[i] as number;
    const { A, B, logDead } = pathTerms(d, i, p, a, b, d.tx[i] as number, T);
    const main = -(p.r + x) * Math.log(p.alpha + A) - p.s * Math.log(p.beta + B);
    let timing = 0;
    for (let j = 0; j < d.kp; j++) timing += (gp[j] as number) * (d.purchaseSums[i * d.kp + j] as number);
    ll += timing + logGammaRatio(p.r, x) + base + logAddExp(main, logDead);
  }
  return ll;
}
