/**
 * Correlated purchase and dropout rates for Pareto/NBD (CLVTools' `use.cor`), by the
 * Sarmanov family of Park & Fader (2004), "Modeling Browsing Behavior at Multiple Websites",
 * Marketing Science 23(3): the joint density of (λ, μ) is
 *
 * g(λ, μ) = g_1(λ) g_2(μ) [1 + ω (e^-λ - L_A)(e^-μ - L_B)], L_A = (α/(α+1))^r, L_B = (β/(β+1))^s,
 *
 * with the Gamma(r, α) and Gamma(s, β) marginals kept. Because e^-λ Gamma(λ; r, α) =
 * L_A Gamma(λ; r, α+1), g is a signed mixture of four product-Gamma models: weight
 * 1 + ωL_AL_B at (α, β), ωL_AL_B at (α+1, β+1) and -ωL_AL_B at (α+1, β) and (α, β+1).
 * So the likelihood is that mixture of Pareto/NBD likelihoods (as CLVTools computes it), a
 * new customer's expectations are the mixture of the four, and every conditional
 * prediction is the mixture with posterior weights ∝ weight · L_c(history) (CLVTools
 * predicts with the four base parameters only). ω keeps g >= 0 within
 * [-1 / max(L_AL_B, (1-L_A)(1-L_B)), 1 / max(L_A(1-L_B), (1-L_A)L_B)], and
 * Corr(λ, μ) = ω · √r/(1+α) (α/(1+α))^r · √s/(1+β) (β/(1+β))^s.
 * @internal
 */
import type { ParetoNbdParams } from './likelihood.js';

/** The four Pareto/NBD components of the correlated model and their (signed) prior weights, summing to 1. */
export function sarmanovComponents(p: Readonly<ParetoNbdParams>, omega: number): Array<{ p: ParetoNbdParams; w: number }> {
  const c = omega * laplace(p.r, p.alpha) * laplace(p.s, p.beta);
  // ω = 0 (or a vanishing product) is the uncorrelated model itself
  if (c === 0) return [{ p: { ...p }, w: 1 }];
  return [
    { p: { ...p }, w: 1 + c },
    { p: { ...p, alpha: p.alpha + 1, beta: p.beta + 1 }, w: c },
    { p: { ...p, alpha: p.alpha + 1 }, w: -c },
    { p: { ...p, beta: p.beta + 1 }, w: -c },
  ];
}

/** E[e^-λ] of Gamma(shape, rate): (rate/(rate+1))^shape. */
function laplace(shape: number, rate: number): number {
  return Math.exp(-shape * Math.log1p(1 / rate));
}

/** The ω for which the joint density stays >= 0. */
export function omegaBounds(p: Readonly<ParetoNbdParams>): [number, number] {
  const la = laplace(p.r, p.alpha);
  const lb = laplace(p.s, p.beta);
  return [-1 / Math.max(la * lb, (1 - la) * (1 - lb)), 1 / Math.max(la * (1 - lb), (1 - la) * lb)];
}

/** Corr(λ, μ) of the Sarmanov density. */
export function rateCorrelation(p: Readonly<ParetoNbdParams>, omega: number): number {
  const part = (shape: number, rate: number): number => (Math.sqrt(shape) / (1 + rate)) * laplace(shape, rate);
  return omega * part(p.r, p.alpha) * part(p.s, p.beta);
}

/**
 * A correlated fit whose logistic coordinate z of ω ran beyond ±12 (ω within 1e-5 of its
 * bound): the data want more correlation than the Sarmanov family allows at these
 * parameters. The record then says so in place of the optimizer's words about z, is not
 * converged, and ω's and rho's standard errors are NaN.
 */
export function atOmegaBound<M extends { converged: boolean; message: string; warnings: readonly string[]; correlation?: { omega: number; omegaStandardError?: number | undefined; rhoStandardError?: number | undefined } | undefined }>(fn: string, model: M, z: number): M {
  if (!(Math.abs(z) > 12) || !model.correlation) return model;
  const side = z > 0 ? 'upper' : 'lower';
  const warning = `${fn}: ω ran to its ${side} bound (${model.correlation.omega.toPrecision(4)}), the ${z > 0 ? 'largest' : 'most negative'} correlation the Sarmanov family allows at these parameters: the data ask for more, so ω is not estimated (the likelihood rises towards the bound)`;
  const warnings = [...model.warnings.filter((w) => !/\bz\b/.test(w)), warning];
  return { ...model, converged: false, message: `not identified: ${warning}`, warnings, correlation: { ...model.correlation, omegaStandardError: Number.NaN, ...(model.correlation.rhoStandardError === undefined ? {} : { rhoStandardError: Number.NaN }) } };
}
