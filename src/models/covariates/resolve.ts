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
import { customersOf } from '../predictions/shared.js';
import type { SummaryColumns, SummaryInput } from '../../summary/readSummary.js';
import { groupByCovariates, groupEta, groupRows, hasCoefficients, modelCoefficients, type ModelCoefficients } from './design.js';
import { checkScaled, scaledParams } from './links.js';
import type { Mixture } from './mixture.js';

type Spec = PurchaseModelSpec<Record<string, number>>;

/** The customers' covariates for a prediction: a table with a row per customer and the id column's name. */
export interface PredictionCovariates {
  /** Rows, columns or an arquero table with the columns the model's coefficients name. */
  data: unknown;
  /** The id column's name in `data`. Default 'customerId'. */
  customerId?: string | undefined;
}

/**
 * Customers that share parameters: `rows` undefined means every customer. With `mixture`
 * (correlated rates), predictions are the components' predictions weighted by each
 * customer's posterior weights, and `p` is the first component (the base parameters).
 */
export interface ParamGroup {
  readonly p: Record<string, number>;
  readonly rows: Uint32Array | undefined;
  readonly mixture?: Mixture | undefined;
}

/** A purchase model resolved for a set of customers. */
export interface PurchaseGroups {
  readonly kind: string;
  readonly spec: Spec;
  /** The base parameters (z = 0). */
  readonly p: Record<string, number>;
  readonly groups: readonly ParamGroup[];
  /**
   * The groups for another record of the same model (the same coefficient names, e.g. a
   * parameter draw), reusing the alignment and grouping of the customers.
   */
  regroup(model: unknown): readonly ParamGroup[];
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
    const regroup = (other: unknown): ParamGroup[] => {
      const q = checkModel(fn, other, [kind]).p;
      return withCorrelation(fn, other, spec, [{ p: q, rows: undefined }]);
    };
    return { kind, spec, p, groups: regroup(model), regroup };
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
  const regroup = (other: unknown): ParamGroup[] => {
    const base = checkModel(fn, other, [kind]).p;
    const c = modelCoefficients(fn, other, kind, links) ?? coef;
    const groups = rows.map((r, k) => {
      const at = g.first[k] as number;
      const q = scaledParams(links, base, groupEta(m.purchase, coef.purchaseNames.length, at, c.purchase), groupEta(m.dropout, coef.dropoutNames.length, at, c.dropout));
      checkScaled(fn, q, at);
      return { p: q, rows: r };
    });
    return withCorrelation(fn, other, spec, groups);
  };
  return { kind, spec, p, groups: regroup(model), regroup };
}

/** The groups as mixtures when the model has correlated rates (`model.correlation.omega`), checked against the spec and the bounds of ω. */
function withCorrelation(fn: string, model: unknown, spec: Spec, groups: ParamGroup[]): ParamGroup[] {
  const c = spec.correlation;
  return groups.map((g) => {
    // each group's own parameters bound ω (with covariates they differ by group)
    const omega = correlationOf(fn, model, spec, g.p);
    return omega === undefined ? g : { ...g, mixture: { components: c!.components(g.p, omega), rowLogLik: c!.rowLogLikelihood } };
  });
}

/** A record's ω, validated (undefined without `correlation`). */
function correlationOf(fn: string, model: unknown, spec: Spec, at?: Record<string, number>): number | undefined {
  const c = (model as { correlation?: { omega?: unknown } }).correlation;
  if (c === undefined) return undefined;
  const omega = c?.omega;
  const fail = (message: string): never => {
    throw new CustomerValueError('invalid_model', `${fn}: model.correlation.omega ${message}`, [{ code: 'invalid_param', path: ['model', 'correlation', 'omega'], message, value: omega }]);
  };
  if (!spec.correlation) fail(`is not supported: the ${spec.title} model has no correlated form`);
  if (typeof omega !== 'number' || !Number.isFinite(omega)) fail(`must be a finite number, got ${String(omega)}`);
  const [lo, hi] = spec.correlation!.bounds(at ?? (model as { params: Record<string, number> }).params);
  if (!((omega as number) >= lo && (omega as number) <= hi)) fail(`must be within [${lo.toPrecision(4)}, ${hi.toPrecision(4)}] for these parameters (the joint density stays >= 0), got ${String(omega)}`);
  return omega as number;
}

/**
 * Read the customers for a purchase model (each history checked against what the model can
 * produce) and resolve its parameter groups: what every per-customer prediction starts with.
 */
export function customerGroups(fn: string, model: unknown, customers: SummaryInput, covariates: unknown, needMonetary = false): PurchaseGroups & { readonly c: SummaryColumns } {
  const { kind } = checkModel(fn, model, kindsOf('purchase'));
  const c = customersOf(fn, customers, needMonetary, registry[kind] as unknown as Spec);
  return { c, ...purchaseGroups(fn, model, c, covariates) };
}

/**
 * The parameters of one customer profile (a new customer's covariate values,
 * `{ name: value }`), for the population-level predictions. A model with coefficients
 * needs a value for each covariate; a model without refuses the option.
 */
export function profileParams(fn: string, model: unknown, profile: unknown): { kind: string; spec: Spec; components: Array<{ p: Record<string, number>; w: number }> } {
  const { kind, p } = checkModel(fn, model, kindsOf('purchase'));
  const spec = registry[kind] as unknown as Spec;
  const coef = modelCoefficients(fn, model, kind, spec.covariateLinks);
  const mix = (q: Record<string, number>) => {
    const omega = correlationOf(fn, model, spec, q);
    return omega === undefined ? [{ p: q, w: 1 }] : spec.correlation!.components(q, omega);
  };
  if (!coef) {
    if (profile !== undefined) optionError(fn, 'profile', `applies to models fitted with covariates only; this ${kind} model has no coefficients`, profile);
    return { kind, spec, components: mix(p) };
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
  return { kind, spec, components: mix(q) };
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
  if (groups.length === 1 && only && only.rows === undefined) return onGroup(only, columns, compute);
  const out = new Float64Array(n);
  for (const g of groups) {
    const r = g.rows as Uint32Array;
    const cols = columns.map((c) => (c === undefined ? c : Float64Array.from(r, (i) => c[i] as number)));
    const part = onGroup(g, cols, compute);
    for (let k = 0; k < r.length; k++) out[r[k] as number] = part[k] as number;
  }
  return out;
}

/**
 * One group's results: `compute` at its parameters, or for a mixture the components'
 * results weighted by each customer's posterior weights w_c L_c / Σ w_c' L_c' (columns
 * 0-2 are frequency, recency and T).
 */
function onGroup<C extends ArrayLike<number> | undefined>(g: ParamGroup, cols: ReadonlyArray<C | Float64Array>, compute: (p: Record<string, number>, cols: ReadonlyArray<C | Float64Array>) => Float64Array): Float64Array {
  const mix = g.mixture;
  if (!mix) return compute(g.p, cols);
  const [X, TX, TT] = cols as unknown as ArrayLike<number>[];
  const n = (X as ArrayLike<number>).length;
  const parts = mix.components.map((c) => compute(c.p, cols));
  const out = new Float64Array(n);
  const lls = new Float64Array(parts.length);
  for (let i = 0; i < n; i++) {
    let m = Number.NEGATIVE_INFINITY;
    mix.components.forEach((c, k) => {
      lls[k] = mix.rowLogLik(c.p, X![i] as number, TX![i] as number, TT![i] as number);
      m = Math.max(m, lls[k] as number);
    });
    let num = 0;
    let den = 0;
    mix.components.forEach((c, k) => {
      const v = c.w * Math.exp((lls[k] as number) - m);
      num += v * ((parts[k] as Float64Array)[i] as number);
      den += v;
    });
    out[i] = num / den;
  }
  return out;
}

/** Whether a prediction goes through the per-customer route: the model has coefficients or correlated rates, or the caller gave covariates. */
export function perCustomerModel(model: unknown, covariates: unknown): boolean {
  return covariates !== undefined || hasCoefficients(model) || (model as { correlation?: unknown } | null)?.correlation !== undefined;
}

/** A group's prior components: its mixture's (correlated rates) or its parameters with weight 1. For population quantities (E[X(t)], the pmf) of the group's customers. */
export function priorComponents(g: ParamGroup): ReadonlyArray<{ p: Record<string, number>; w: number }> {
  return g.mixture?.components ?? [{ p: g.p, w: 1 }];
}
