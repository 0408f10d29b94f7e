/**
 * Priors of {@link samplePosterior}: per parameter, a log-normal, a gamma, or flat, written
 * as log densities of u = ln θ (the scale the sampler moves on, Jacobian included).
 * @internal
 */
import { optionError } from '../../errors.js';
import { logGamma } from '../../math/special.js';

/**
 * A prior of one positive parameter θ:
 * - `{ lognormal: [mu, sigma] }`: ln θ ~ Normal(mu, sigma²);
 * - `{ gamma: [shape, rate] }`: θ ~ Gamma(shape, rate), mean shape / rate;
 * - `'flat'`: p(θ) ∝ 1 on (0, ∞) (improper; the posterior is the likelihood, its mode the MLE).
 */
export type Prior = { readonly lognormal: readonly [number, number] } | { readonly gamma: readonly [number, number] } | 'flat';

/** Priors by parameter name, or one prior for all (e.g. `'flat'`). */
export type Priors = Prior | { readonly [param: string]: Prior | undefined };

/** The default prior of every parameter: ln θ ~ Normal(0, 5²), a 95 % range of e^±9.8 (6e-5 to 2e4) around 1. */
export const DEFAULT_PRIOR: Prior = { lognormal: [0, 5] };

/** log p(u) for u = ln θ, up to a constant: the prior density of θ times the Jacobian e^u. */
export type LogPrior = (u: number) => number;

function isPrior(v: unknown): v is Prior {
  return v === 'flat' || (typeof v === 'object' && v !== null && ('lognormal' in v || 'gamma' in v));
}

/** Resolve the user's priors for `names` into log densities on the log scale; errors name the parameter. */
export function resolvePriors(fn: string, names: readonly string[], priors: unknown): { priors: Record<string, Prior>; logPriors: LogPrior[] } {
  if (priors !== undefined && !isPrior(priors) && (typeof priors !== 'object' || priors === null || Array.isArray(priors))) {
    optionError(fn, 'priors', "must be a prior ('flat', { lognormal: [mu, sigma] }, { gamma: [shape, rate] }) or an object of them by parameter", priors);
  }
  if (priors !== undefined && !isPrior(priors)) {
    for (const key of Object.keys(priors as object)) if (!names.includes(key)) optionError(fn, `priors.${key}`, `is not a parameter of the model (${names.join(', ')})`, key);
  }
  const chosen: Record<string, Prior> = {};
  const logPriors = names.map((name) => {
    const raw = priors === undefined ? undefined : isPrior(priors) ? priors : (priors as Record<string, unknown>)[name];
    const prior = raw === undefined ? DEFAULT_PRIOR : raw;
    chosen[name] = checkPrior(fn, `priors.${name}`, prior);
    return logPriorOf(chosen[name] as Prior);
  });
  return { priors: chosen, logPriors };
}

function checkPrior(fn: string, path: string, prior: unknown): Prior {
  if (prior === 'flat') return prior;
  const p = prior as { lognormal?: unknown; gamma?: unknown };
  const pair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (typeof p === 'object' && p !== null && pair(p.lognormal) && (p.lognormal[1] as number) > 0) return { lognormal: [p.lognormal[0], p.lognormal[1]] };
  if (typeof p === 'object' && p !== null && pair(p.gamma) && p.gamma[0] > 0 && p.gamma[1] > 0) return { gamma: [p.gamma[0], p.gamma[1]] };
  return optionError(fn, path, "must be 'flat', { lognormal: [mu, sigma > 0] } or { gamma: [shape > 0, rate > 0] }", prior);
}

function logPriorOf(prior: Prior): LogPrior {
  if (prior === 'flat') return (u) => u;
  if ('lognormal' in prior) {
    const [mu, sigma] = prior.lognormal;
    return (u) => -0.5 * ((u - mu) / sigma) ** 2 - Math.log(sigma);
  }
  const [shape, rate] = prior.gamma;
  const c = shape * Math.log(rate) - logGamma(shape);
  return (u) => c + shape * u - rate * Math.exp(u);
}
