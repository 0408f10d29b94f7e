/**
 * How static covariates act on a model's parameters (CLVTools 0.12's parameterization):
 * each linked parameter θ of a customer with covariates z is θ_i = θ · exp(sign · γ'z),
 * with γ the coefficients of the process the parameter belongs to. Pareto/NBD and
 * Gamma-Gompertz/NBD: α_i = α e^(-γ_purchase'z), β_i = β e^(-γ_dropout'z); BG/NBD:
 * α_i = α e^(-γ_purchase'z), a_i = a e^(γ_dropout'z), b_i = b e^(γ_dropout'z).
 * @internal
 */
import { CustomerValueError } from '../../errors.js';

/** One parameter a process's covariates scale. */
export interface CovariateLink {
  readonly param: string;
  /** θ_i = θ · exp(sign · γ'z). */
  readonly sign: 1 | -1;
}

/** The parameters each process's covariates scale. */
export interface CovariateLinks {
  readonly purchase: readonly CovariateLink[];
  readonly dropout: readonly CovariateLink[];
}

/** The two processes covariates act on. */
export const PROCESSES = ['purchase', 'dropout'] as const;
export type Process = (typeof PROCESSES)[number];

/** Coefficients of a model with covariates, by process and covariate name. */
export interface Coefficients {
  readonly purchase: Readonly<Record<string, number>>;
  readonly dropout: Readonly<Record<string, number>>;
}

/**
 * A customer's parameters: the base parameters with each linked one scaled by
 * exp(sign · η), η = γ'z of its process (`eta.purchase`, `eta.dropout`).
 */
export function scaledParams(links: CovariateLinks, base: Readonly<Record<string, number>>, etaPurchase: number, etaDropout: number): Record<string, number> {
  const p: Record<string, number> = { ...base };
  for (const link of links.purchase) p[link.param] = (base[link.param] as number) * Math.exp(link.sign * etaPurchase);
  for (const link of links.dropout) p[link.param] = (base[link.param] as number) * Math.exp(link.sign * etaDropout);
  return p;
}

/** Throw when a customer's scaled parameters are not finite and > 0 (coefficients times covariates beyond e^±700). */
export function checkScaled(fn: string, p: Readonly<Record<string, number>>, row: number): void {
  for (const [name, v] of Object.entries(p)) {
    if (v > 0 && Number.isFinite(v)) continue;
    const message = `the coefficients times this customer's covariates scale ${name} to ${String(v)}: the covariates or coefficients are too large`;
    throw new CustomerValueError('invalid_input', `${fn}: customers row ${row}: ${message}`, [{ code: 'invalid_value', path: ['customers', row, 'covariates'], message, value: v }]);
  }
}
