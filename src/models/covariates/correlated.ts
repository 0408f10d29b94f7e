/**
 * Static covariates together with correlated purchase and dropout rates (Pareto/NBD's
 * Sarmanov form): each customer's (λ, μ) follows the Sarmanov density at their own scaled
 * α_i, β_i with one ω for all, which must keep every group's density >= 0, so ω is mapped
 * onto the intersection of the groups' bounds by a logistic function of the fitted z.
 * Gradients by central differences (the map couples ω to every parameter).
 * @internal
 */
import { fitLikelihood } from '../fit.js';
import { numericGradient } from '../../math/optimize.js';
import type { FittedModel } from '../types.js';
import { withCoefficients, type CovariateFit } from './fit.js';
import { mixtureLogLik } from './mixture.js';
import { atOmegaBound } from '../paretoNbd/correlation.js';

/** ω at z given the groups' parameters: lo + (hi - lo) / (1 + e^-z) over the common bounds. */
function omegaAt(c: CovariateFit, qs: Array<Record<string, number>>, z: number): number {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (const q of qs) {
    const [l, h] = c.spec.correlation!.bounds(q);
    lo = Math.max(lo, l);
    hi = Math.min(hi, h);
  }
  return lo + (hi - lo) / (1 + Math.exp(-z));
}

/** The joint fit of parameters, coefficients and ω; the record carries `correlation: { omega, omegaStandardError }`. */
export function fitCorrelatedCovariates(fn: string, c: CovariateFit): FittedModel {
  // reached through the spec's correlation record, which the covariate fit checked
  const corr = c.spec.correlation!;
  const nc = c.coefs.length;
  const logLik = (theta: Float64Array): number => {
    const qs = c.groupParams(theta);
    if (!qs) return Number.NEGATIVE_INFINITY;
    const omega = omegaAt(c, qs, theta[c.kb + nc] as number);
    let ll = 0;
    qs.forEach((q, g) => {
      const mix = { components: corr.components(q, omega), rowLogLik: corr.rowLogLikelihood };
      const h = c.histories[g]!;
      for (let i = 0; i < h.x.length; i++) ll += (h.w[i] as number) * mixtureLogLik(mix, h.x[i] as number, h.tx[i] as number, h.T[i] as number);
    });
    return ll;
  };
  // z such that ω starts at 0 (or the initialParams.omega given): the share of the bounds it sits at
  const q0 = c.groupParams(c.start) as Array<Record<string, number>>;
  const lo = omegaAt(c, q0, Number.NEGATIVE_INFINITY);
  const hi = omegaAt(c, q0, Number.POSITIVE_INFINITY);
  const share = Math.min(Math.max(((c.options.initialParams?.omega ?? 0) - lo) / (hi - lo), 1e-6), 1 - 1e-6);
  const names = [...c.names, 'z'];
  const fit = fitLikelihood(
    { kind: c.spec.kind as never, fn, names: names as never, start: [...c.start, Math.log(share / (1 - share))], n: c.base.n, unit: c.base.unit, analyticGradient: false, logLik, freeFrom: c.kb, correlated: true, penalized: [c.kb, c.kb + nc] },
    { ...c.options, initialParams: undefined },
  );
  const all = fit.params as unknown as Record<string, number>;
  const theta = names.map((n) => all[n] as number);
  const at = (v: ArrayLike<number>): number => omegaAt(c, c.groupParams(v) as Array<Record<string, number>>, v[c.kb + nc] as number);
  const gv = new Float64Array(theta.length);
  numericGradient(at, Float64Array.from(theta), gv);
  const g = Array.from(gv);
  // the covariance with ω in place of z: J Σ J', J the identity with ∇ω as its last row
  const J = theta.map((_, i) => (i < theta.length - 1 ? theta.map((__, j): number => (i === j ? 1 : 0)) : g));
  const quad = (a: number[], b: number[]): number => a.reduce((s, ai, i) => s + b.reduce((t, bj, j) => t + ai * (fit.covariance[i]?.[j] as number) * bj, 0), 0);
  const covariance = J.map((a) => J.map((b) => quad(a, b)));
  const variance = quad(g, g);
  const record = withCoefficients({ ...fit, params: Object.fromEntries(c.names.map((n) => [n, all[n] as number])) as never, standardErrors: Object.fromEntries(c.names.map((n) => [n, (fit.standardErrors as unknown as Record<string, number>)[n] as number])) as never }, c.kb, c.coefs, c.m.purchaseNames, c.m.dropoutNames);
  const out = { ...record, covariance, covarianceNames: [...c.names, 'omega'], correlation: { omega: at(theta), omegaStandardError: variance > 0 ? Math.sqrt(variance) : Number.NaN } };
  return atOmegaBound(fn, out, theta[c.kb + nc] as number);
}
