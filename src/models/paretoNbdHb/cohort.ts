/**
 * The cohort-level updates of the hierarchical Pareto/NBD (Abe 2009): the conjugate
 * normal-inverse-Wishart draw of (β, Γ), and group moves that shift or scale one side's
 * (λ or μ) latent log rates together with β and Γ.
 * @internal
 */
import type { Random } from '../../math/random.js';
import { sliceStep } from '../hierarchical/slice.js';

/** Prior: β | Γ ~ N(0, Γ / A0); Γ ~ IW(NU0, NU0 · I). */
export const A0 = 0.01;
export const NU0 = 4;

/** Draw (β, Γ) from the normal-inverse-Wishart posterior given the customers' (ln λ, ln μ). */
export function updateCohort(cohort: Float64Array, lambda: Float64Array, mu: Float64Array, rng: Random): void {
  const n = lambda.length;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    m1 += Math.log(lambda[i] as number);
    m2 += Math.log(mu[i] as number);
  }
  const b1 = m1 / (n + A0);
  const b2 = m2 / (n + A0);
  let s11 = A0 * b1 * b1;
  let s12 = A0 * b1 * b2;
  let s22 = A0 * b2 * b2;
  for (let i = 0; i < n; i++) {
    const d1 = Math.log(lambda[i] as number) - b1;
    const d2 = Math.log(mu[i] as number) - b2;
    s11 += d1 * d1;
    s12 += d1 * d2;
    s22 += d2 * d2;
  }
  const [g11, g12, g22] = inverseWishart2(NU0 + n, NU0 + s11, s12, NU0 + s22, rng);
  // β ~ N(b, Γ / (n + A0)) through the Cholesky factor of Γ
  const c = 1 / Math.sqrt(n + A0);
  const l11 = Math.sqrt(g11);
  const l21 = g12 / l11;
  const l22 = Math.sqrt(Math.max(0, g22 - l21 * l21));
  const z1 = rng.normal();
  const z2 = rng.normal();
  cohort[0] = b1 + c * l11 * z1;
  cohort[1] = b2 + c * (l21 * z1 + l22 * z2);
  cohort[2] = g11;
  cohort[3] = g12;
  cohort[4] = g22;
}

/**
 * A draw of Γ ~ Inverse-Wishart(ν, Ψ) for 2 × 2 Ψ = [[a, b], [b, d]]: W ~ Wishart(ν, Ψ⁻¹)
 * by the Bartlett decomposition, Γ = W⁻¹. Returns [Γ11, Γ12, Γ22].
 */
export function inverseWishart2(nu: number, a: number, b: number, d: number, rng: Random): [number, number, number] {
  // Ψ⁻¹ = L Lᵀ
  const det = a * d - b * b;
  const i11 = d / det;
  const i12 = -b / det;
  const i22 = a / det;
  const l11 = Math.sqrt(i11);
  const l21 = i12 / l11;
  const l22 = Math.sqrt(Math.max(0, i22 - l21 * l21));
  // Bartlett: A = [[√χ²_ν, 0], [N(0,1), √χ²_(ν-1)]]; W = (L A)(L A)ᵀ
  const a11 = Math.sqrt(2 * rng.gamma(nu / 2, 1));
  const a21 = rng.normal();
  const a22 = Math.sqrt(2 * rng.gamma((nu - 1) / 2, 1));
  const m11 = l11 * a11;
  const m21 = l21 * a11 + l22 * a21;
  const m22 = l22 * a22;
  const w11 = m11 * m11;
  const w12 = m11 * m21;
  const w22 = m21 * m21 + m22 * m22;
  const wdet = w11 * w22 - w12 * w12;
  return [w22 / wdet, -w12 / wdet, w11 / wdet];
}

/**
 * ln of the cohort prior at (β, Γ) up to a constant: N(β; 0, Γ/A0) · IW(Γ; NU0, NU0 I),
 * Γ = [[g11, g12], [g12, g22]]; -Infinity when Γ is not positive definite.
 */
export function logCohortPrior(b1: number, b2: number, g11: number, g12: number, g22: number): number {
  const det = g11 * g22 - g12 * g12;
  if (!(det > 0 && g11 > 0)) return -Infinity;
  const i11 = g22 / det;
  const i12 = -g12 / det;
  const i22 = g11 / det;
  const quad = A0 * (b1 * b1 * i11 + 2 * b1 * b2 * i12 + b2 * b2 * i22);
  // -½ ln|Γ/A0| - ½ A0 βᵀΓ⁻¹β, then -(ν+3)/2 ln|Γ| - ½ tr(ν I Γ⁻¹)
  return -0.5 * Math.log(det) - 0.5 * quad - ((NU0 + 3) / 2) * Math.log(det) - 0.5 * NU0 * (i11 + i22);
}

/**
 * Move one side (j = 0: λ, j = 1: μ) of every customer with the cohort, by generalized Gibbs
 * along two groups (Liu & Sabatti 2000): a shift ℓ_i → ℓ_i + a, β_j → β_j + a (the prior of
 * the ℓ_i given β is unchanged, the Jacobian 1), then a scale ℓ_i → β_j + c (ℓ_i - β_j) with
 * Γ → D Γ D, D = diag(c at j) (in ln c the target is the likelihood, the cohort prior at
 * D Γ D, and 3 ln c from the Jacobians and the Haar measure). These move the cohort and the
 * latent rates together, the directions a plain Gibbs sampler crawls along when each
 * customer's data say little (the spread of the dropout rates above all). `logLik(i, ℓ)` is
 * customer i's log likelihood at log rate ℓ on this side. Updates `cohort` and `logRate`.
 */
export function groupMoves(j: 0 | 1, cohort: Float64Array, logRate: Float64Array, logLik: (i: number, l: number) => number, rng: Random): void {
  const n = logRate.length;
  const [b1, b2, g11, g12, g22] = cohort as unknown as [number, number, number, number, number];
  const byShift = (a: number): number => {
    let ll = 0;
    for (let i = 0; i < n; i++) ll += logLik(i, (logRate[i] as number) + a);
    return ll + logCohortPrior(j === 0 ? b1 + a : b1, j === 1 ? b2 + a : b2, g11, g12, g22);
  };
  const a = sliceStep(0, byShift(0), byShift, 0, 0.1, rng);
  cohort[j] = (cohort[j] as number) + a;
  for (let i = 0; i < n; i++) logRate[i] = (logRate[i] as number) + a;
  const center = cohort[j] as number;
  const byScale = (v: number): number => {
    const c = Math.exp(v);
    let ll = 0;
    for (let i = 0; i < n; i++) ll += logLik(i, center + c * ((logRate[i] as number) - center));
    const [h11, h22] = j === 0 ? [g11 * c * c, g22] : [g11, g22 * c * c];
    return ll + logCohortPrior(cohort[0] as number, cohort[1] as number, h11, g12 * c, h22) + 3 * v;
  };
  const v = sliceStep(0, byScale(0), byScale, 0, 0.1, rng);
  const c = Math.exp(v);
  for (let i = 0; i < n; i++) logRate[i] = center + c * ((logRate[i] as number) - center);
  if (j === 0) cohort[2] = g11 * c * c;
  else cohort[4] = g22 * c * c;
  cohort[3] = g12 * c;
}

/**
 * The non-centred move, interweaved with the conjugate (centred) update (Yu & Meng 2011):
 * with each customer's standardized log rates η_i = L⁻¹ (ℓ_i - β) held fixed (Γ = L Lᵀ),
 * move φ = (β_λ, β_μ, ln L11, L21, ln L22) by slice steps along random directions, so that
 * every customer's ℓ_i = β + L η_i moves with the cohort; the target is the likelihood of
 * all customers, the cohort prior and the Jacobian L11³ L22² of φ ↦ (β, Γ) (the η_i keep
 * their N(0, I) density). Strong where each customer's data are weak, as the centred
 * update is strong where they are strong. Updates `cohort`, `logLambda` and `logMu`.
 */
export function nonCentredMove(cohort: Float64Array, logLambda: Float64Array, logMu: Float64Array, logLik: (i: number, ll: number, lm: number) => number, rng: Random, moves = 2): void {
  const n = logLambda.length;
  const [b1, b2, g11, g12, g22] = cohort as unknown as [number, number, number, number, number];
  const l11 = Math.sqrt(g11);
  const l21 = g12 / l11;
  const l22 = Math.sqrt(Math.max(1e-300, g22 - l21 * l21));
  const e1 = new Float64Array(n);
  const e2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    e1[i] = ((logLambda[i] as number) - b1) / l11;
    e2[i] = ((logMu[i] as number) - b2 - l21 * (e1[i] as number)) / l22;
  }
  const phi = Float64Array.of(b1, b2, Math.log(l11), l21, Math.log(l22));
  const scale = [0.05, 0.1, 0.05, 0.1, 0.1];
  const dir = new Float64Array(5);
  const at = (s: number, k: number): number => (phi[k] as number) + s * (dir[k] as number);
  const target = (s: number): number => {
    const B1 = at(s, 0);
    const B2 = at(s, 1);
    const L11 = Math.exp(at(s, 2));
    const L21 = at(s, 3);
    const L22 = Math.exp(at(s, 4));
    let ll = 0;
    for (let i = 0; i < n; i++) ll += logLik(i, B1 + L11 * (e1[i] as number), B2 + L21 * (e1[i] as number) + L22 * (e2[i] as number));
    return ll + logCohortPrior(B1, B2, L11 * L11, L11 * L21, L21 * L21 + L22 * L22) + 3 * at(s, 2) + 2 * at(s, 4);
  };
  for (let m = 0; m < moves; m++) {
    let norm = 0;
    for (let k = 0; k < 5; k++) norm += (dir[k] = rng.normal()) ** 2;
    norm = Math.sqrt(norm);
    for (let k = 0; k < 5; k++) dir[k] = ((dir[k] as number) / norm) * (scale[k] as number);
    const s = sliceStep(0, target(0), target, 0, 1, rng);
    for (let k = 0; k < 5; k++) phi[k] = at(s, k);
  }
  const L11 = Math.exp(phi[2] as number);
  const L21 = phi[3] as number;
  const L22 = Math.exp(phi[4] as number);
  for (let i = 0; i < n; i++) {
    logLambda[i] = (phi[0] as number) + L11 * (e1[i] as number);
    logMu[i] = (phi[1] as number) + L21 * (e1[i] as number) + L22 * (e2[i] as number);
  }
  cohort[0] = phi[0] as number;
  cohort[1] = phi[1] as number;
  cohort[2] = L11 * L11;
  cohort[3] = L11 * L21;
  cohort[4] = L21 * L21 + L22 * L22;
}
