/**
 * Customers grouped by their covariate values, and a model record's coefficients read and
 * checked: what the covariate fit and the predictions share.
 * @internal
 */
import { CustomerValueError } from '../../errors.js';
import type { CovariateMatrices } from '../../data/covariates.js';
import { PROCESSES, type CovariateLinks } from './links.js';

/** Customers with identical covariate rows (both processes) share a group and so their parameters. */
export interface CovariateGroups {
  /** Each customer's group. */
  readonly groupOf: Uint32Array;
  /** Each group's first customer (whose covariate rows are the group's). */
  readonly first: Uint32Array;
  /** Customers per group. */
  readonly size: Uint32Array;
}

/** Group customers by their covariate rows: one pass, one key per customer. */
export function groupByCovariates(m: CovariateMatrices, n: number): CovariateGroups {
  const kp = m.purchaseNames.length;
  const kd = m.dropoutNames.length;
  const groupOf = new Uint32Array(n);
  const index = new Map<string, number>();
  const first: number[] = [];
  const size: number[] = [];
  const parts: number[] = new Array<number>(kp + kd);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < kp; j++) parts[j] = m.purchase[i * kp + j] as number;
    for (let j = 0; j < kd; j++) parts[kp + j] = m.dropout[i * kd + j] as number;
    const key = parts.join(',');
    let g = index.get(key);
    if (g === undefined) {
      g = first.length;
      index.set(key, g);
      first.push(i);
      size.push(0);
    }
    groupOf[i] = g;
    size[g] = (size[g] as number) + 1;
  }
  return { groupOf, first: Uint32Array.from(first), size: Uint32Array.from(size) };
}

/** The rows of each group, in input order. */
export function groupRows(groups: CovariateGroups): Uint32Array[] {
  const rows = Array.from(groups.size, (s) => new Uint32Array(s));
  const fill = new Uint32Array(groups.size.length);
  for (let i = 0; i < groups.groupOf.length; i++) {
    const g = groups.groupOf[i] as number;
    const at = fill[g] as number;
    (rows[g] as Uint32Array)[at] = i;
    fill[g] = at + 1;
  }
  return rows;
}

/** γ'z of group g's first customer for one process. */
export function groupEta(matrix: Float64Array, width: number, row: number, gamma: ArrayLike<number>): number {
  let eta = 0;
  for (let j = 0; j < width; j++) eta += (gamma[j] as number) * (matrix[row * width + j] as number);
  return eta;
}

/** A model record's coefficients, checked: names and values per process. */
export interface ModelCoefficients {
  readonly purchaseNames: readonly string[];
  readonly dropoutNames: readonly string[];
  readonly purchase: Float64Array;
  readonly dropout: Float64Array;
}

/**
 * Read `model.coefficients` ({ purchase: { name: γ }, dropout: { name: γ } }): undefined when
 * the record has none; an error when the kind takes no covariates or a value is not finite.
 */
export function modelCoefficients(fn: string, model: unknown, kind: string, links: CovariateLinks | undefined): ModelCoefficients | undefined {
  const c = (model as { coefficients?: unknown }).coefficients;
  if (c === undefined) return undefined;
  const fail = (path: Array<string | number>, message: string, value: unknown): never => {
    throw new CustomerValueError('invalid_model', `${fn}: model.${path.join('.')} ${message}`, [{ code: 'invalid_param', path: ['model', ...path], message, value }]);
  };
  if (!links) fail(['coefficients'], `is not supported: the ${kind} model takes no covariates`, c);
  if (typeof c !== 'object' || c === null) fail(['coefficients'], 'must be { purchase: { name: number }, dropout: { name: number } }', c);
  const read = (process: (typeof PROCESSES)[number]): { names: string[]; values: Float64Array } => {
    const part = (c as Record<string, unknown>)[process] ?? {};
    if (typeof part !== 'object' || part === null || Array.isArray(part)) fail(['coefficients', process], 'must be an object { name: number }', part);
    const names = Object.keys(part as object);
    const values = Float64Array.from(names, (name) => {
      const v = (part as Record<string, unknown>)[name];
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(['coefficients', process, name], `must be a finite number, got ${String(v)}`, v);
      return v as number;
    });
    return { names, values };
  };
  const p = read('purchase');
  const d = read('dropout');
  if (p.names.length + d.names.length === 0) return undefined;
  return { purchaseNames: p.names, dropoutNames: d.names, purchase: p.values, dropout: d.values };
}

/** True when a model record carries coefficients (a fit with covariates). */
export function hasCoefficients(model: unknown): boolean {
  const c = (model as { coefficients?: { purchase?: object; dropout?: object } } | null)?.coefficients;
  return typeof c === 'object' && c !== null && Object.keys(c.purchase ?? {}).length + Object.keys(c.dropout ?? {}).length > 0;
}

/** Throw for a model with coefficients or correlated rates in a function that cannot use them (rather than ignore them). */
export function refuseVariants(fn: string, model: unknown): void {
  if ((model as { correlation?: unknown } | null)?.correlation !== undefined) {
    const message = 'does not take models with correlated rates (model.correlation); the predictions, intervals and diagnostics do (there is no simulator of the Sarmanov density yet)';
    throw new CustomerValueError('invalid_model', `${fn} ${message}`, [{ code: 'invalid_model', path: ['model', 'correlation'], message }]);
  }
  if (!hasCoefficients(model)) return;
  const message = `does not take models with covariates; the per-customer predictions (probabilityAlive, conditionalExpectedPurchases, customerLifetimeValue, valueDecomposition, discountedExpectedPurchases, holdoutComparison, logLikelihood, repeatPurchaseHistogram, trackingCurve and the intervals with options.covariates), simulateWithCovariates and the population ones (expectedPurchases, probabilityOfPurchases with options.profile) do`;
  throw new CustomerValueError('invalid_model', `${fn} ${message}`, [{ code: 'invalid_model', path: ['model', 'coefficients'], message }]);
}

/** Free parameters of a model record: its parameters plus its distinct coefficients (a constrained covariate counts once) plus ω of correlated rates. */
export function parameterCount(model: { readonly params: object; readonly coefficients?: { readonly purchase: object; readonly dropout: object } | undefined; readonly constrained?: readonly string[] | undefined; readonly correlation?: object | undefined }, base: number): number {
  const c = model.coefficients;
  const omega = model.correlation === undefined ? 0 : 1;
  if (!c) return base + omega;
  return base + Object.keys(c.purchase).length + Object.keys(c.dropout).length - (model.constrained?.length ?? 0) + omega;
}
