/**
 * Purchase models with covariates at prediction time: every customer's parameters, as a
 * few groups of customers that share them. Generic prediction code runs its computation
 * once per group and never looks at the covariates itself.
 * @internal
 */
import { alignCovariates } from '../../data/covariates.js';
import { CustomerValueError, optionError } from '../../errors.js';
import { checkModel, kindsOf, registry } from '../registry.js';
import type { PurchaseModelSpec } from '../spec.js';
import { groupByCovariates, groupEta, groupRows, hasCoefficients, modelCoefficients, type ModelCoefficients } from './design.js';
import { checkScaled, scaledParams } from './links.js';

type Spec = PurchaseModelSpec<Record<string, number>>;

/** The customers' covariates for a prediction: a table with a row per customer and the id column's name. */
export interface PredictionCovariates {
  /** Rows, columns or an arquero table with the columns the model's coefficients name. */
  data: unknown;
  /** The id column's name in `data`. Default 'customerId'. */
  customerId?: string | undefined;
}

/** Customers that share parameters: `rows` undefined means every customer. */
export interface ParamGroup {
  readonly p: Record<string, number>;
  readonly rows: Uint32Array | undefined;
}

/** A purchase model resolved for a set of customers. */
export interface PurchaseGroups {
  readonly kind: string;
  readonly spec: Spec;
  /** The base parameters (z = 0). */
  readonly p: Record<string, number>;
  readonly groups: readonly ParamGroup[];
}

/** The covariate names of a model's coefficients, for messages. */
function covariateList(c: ModelCoefficients): string {
  return [...c.purchaseNames.map((n) => `purchase ${n}`), ...c.dropoutNames.map((n) => `dropout ${n}`)].join(', ');
}

/**
 * Resolve a purchase model for customers: one group of all customers for a model without
 * coefficients; for a model with coefficients, the customers' covariates (the `covariates`
 * option, `{ data, customerId? }`, joined by customerId) grouped by value, each group with
 * its scaled parameters. A model with coefficients needs the option; a model without
 * refuses it.
 */
export function purchaseGroups(fn: string, model: unknown, customers: { readonly customerId: ArrayLike<unknown> | undefined; readonly n: number }, covariates: unknown): PurchaseGroups {
  const { customerId: customerIds, n } = customers;
  const { kind, p } = checkModel(fn, model, kindsOf('purchase'));
  const spec = registry[kind] as unknown as Spec;
  const coef = modelCoefficients(fn, model, kind, spec.covariateLinks);
  if (!coef) {
    if (covariates !== undefined) optionError(fn, 'covariates', `apply to models fitted with covariates only; this ${kind} model has no coefficients`, covariates);
    return { kind, spec, p, groups: [{ p, rows: undefined }] };
  }
  if (covariates === undefined) {
    const message = `the ${kind} model was fitted with covariates (${covariateList(coef)}): give options.covariates ({ data, customerId? }) with a row per customer`;
    throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [{ code: 'invalid_option', path: ['covariates'], message }]);
  }
  const o = covariates as { data?: unknown; customerId?: unknown };
  const m = alignCovariates(fn, { data: o?.data, customerId: o?.customerId, purchase: coef.purchaseNames, dropout: coef.dropoutNames }, customerIds, n);
  const g = groupByCovariates(m, n);
  const rows = groupRows(g);
  const links = spec.covariateLinks!;
  const groups = rows.map((r, k) => {
    const at = g.first[k] as number;
    const q = scaledParams(links, p, groupEta(m.purchase, coef.purchaseNames.length, at, coef.purchase), groupEta(m.dropout, coef.dropoutNames.length, at, coef.dropout));
    checkScaled(fn, q, at);
    return { p: q, rows: r };
  });
  return { kind, spec, p, groups };
}

/**
 * The parameters of one customer profile (a new customer's covariate values,
 * `{ name: value }`), for the population-level predictions. A model with coefficients
 * needs a value for each covariate; a model without refuses the option.
 */
export function profileParams(fn: string, model: unknown, profile: unknown): { kind: string; spec: Spec; p: Record<string, number> } {
  const { kind, p } = checkModel(fn, model, kindsOf('purchase'));
  const spec = registry[kind] as unknown as Spec;
  const coef = modelCoefficients(fn, model, kind, spec.covariateLinks);
  if (!coef) {
    if (profile !== undefined) optionError(fn, 'profile', `applies to models fitted with covariates only; this ${kind} model has no coefficients`, profile);
    return { kind, spec, p };
  }
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
    optionError(fn, 'profile', `must give the covariate values of the customer ({ name: number }) for this model fitted with covariates (${covariateList(coef)})`, profile);
  }
  const value = (name: string): number => {
    const v = (profile as Record<string, unknown>)[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) optionError(fn, `profile.${name}`, 'must be a finite number', v);
    return v as number;
  };
  const eta = (names: readonly string[], gamma: Float64Array): number => names.reduce((s, name, j) => s + (gamma[j] as number) * value(name), 0);
  const q = scaledParams(spec.covariateLinks!, p, eta(coef.purchaseNames, coef.purchase), eta(coef.dropoutNames, coef.dropout));
  checkScaled(fn, q, 0);
  return { kind, spec, p: q };
}

/**
 * Run `compute` once per parameter group on that group's rows of `columns` and put the
 * results back in input order: the whole columns when there is one group of everyone.
 */
export function byGroup<C extends ArrayLike<number> | undefined>(
  n: number,
  groups: readonly ParamGroup[],
  columns: readonly C[],
  compute: (p: Record<string, number>, cols: ReadonlyArray<C | Float64Array>) => Float64Array,
): Float64Array {
  const only = groups[0];
  if (groups.length === 1 && only && only.rows === undefined) return compute(only.p, columns);
  const out = new Float64Array(n);
  for (const { p, rows } of groups) {
    const r = rows as Uint32Array;
    const cols = columns.map((c) => (c === undefined ? c : Float64Array.from(r, (i) => c[i] as number)));
    const part = compute(p, cols);
    for (let k = 0; k < r.length; k++) out[r[k] as number] = part[k] as number;
  }
  return out;
}

/** Whether a prediction goes through the covariate route: the model has coefficients or the caller gave covariates. */
export function usesCovariates(model: unknown, covariates: unknown): boolean {
  return covariates !== undefined || hasCoefficients(model);
}
