import { CustomerValueError, IssueCollector, optionError } from '../errors.js';
import { requireColumn, resolveColumns } from './input.js';
import type { RecordsInput } from './types.js';

/** Static covariates of the customers: a table with an id column and numeric columns. */
export interface CovariatesOption {
  /** Rows, columns or an arquero table, one row per customer. */
  data: RecordsInput<Record<string, unknown>>;
  /** Columns that act on the purchase process. Default: none. */
  purchase?: readonly string[] | undefined;
  /** Columns that act on the dropout process. Default: none. */
  dropout?: readonly string[] | undefined;
  /** The id column's name in `data`. Default 'customerId'. */
  customerId?: string | undefined;
  /** Covariates in both lists whose coefficient is the same in both processes (CLVTools' `names.cov.constr`). Fitting only. */
  constrain?: readonly string[] | undefined;
}

/** Covariates aligned to a summary's rows: row-major matrices, one row per customer. @internal */
export interface CovariateMatrices {
  readonly purchase: Float64Array;
  readonly dropout: Float64Array;
  readonly purchaseNames: readonly string[];
  readonly dropoutNames: readonly string[];
}

/**
 * Read a `covariates` option and align it to customers by id (ids compared as strings, so
 * 17 and '17' are one customer). Every customer needs exactly one row; every value must be
 * a finite number; a column may act on both processes. Errors name the row, the column or
 * the customer.
 * @internal
 */
export function alignCovariates(fn: string, option: unknown, customerIds: ArrayLike<unknown> | undefined, n: number): CovariateMatrices {
  const o = option as Partial<CovariatesOption> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) optionError(fn, 'covariates', 'must be an object { data, purchase?, dropout? }', option);
  const names = (key: 'purchase' | 'dropout'): string[] => {
    const v = o[key] ?? [];
    if (!Array.isArray(v) || v.some((c) => typeof c !== 'string' || c === '')) optionError(fn, `covariates.${key}`, 'must be a list of column names', v);
    if (new Set(v).size !== v.length) optionError(fn, `covariates.${key}`, 'must not name a column twice', v);
    return v as string[];
  };
  const purchaseNames = names('purchase');
  const dropoutNames = names('dropout');
  const idField = o.customerId ?? 'customerId';
  if (purchaseNames.length + dropoutNames.length === 0) optionError(fn, 'covariates', 'must name at least one purchase or dropout column', option);
  if (customerIds === undefined) {
    throw new CustomerValueError('invalid_input', `${fn}: covariates need the customers' customerId column to be joined on`, [
      { code: 'missing_column', path: ['customers', 'customerId'], message: 'column "customerId" is missing' },
    ]);
  }
  const columns = [...new Set([...purchaseNames, ...dropoutNames])];
  const raw = resolveColumns(o.data, fn, 'covariates', [idField, ...columns], undefined, [idField, ...columns]);
  const ids = requireColumn(raw, idField, fn, 'covariates', undefined);
  const issues = new IssueCollector(fn, 'covariates');
  const rowOf = new Map<string, number>();
  for (let i = 0; i < raw.n; i++) {
    const key = String(ids[i]);
    if (ids[i] === undefined || ids[i] === null || key === '') issues.row(i, idField, 'missing_id', 'must be a customer id', ids[i]);
    else if (rowOf.has(key)) issues.row(i, idField, 'duplicate_id', `must appear once (also row ${rowOf.get(key)})`, ids[i]);
    else rowOf.set(key, i);
  }
  const values = new Map<string, ArrayLike<unknown>>();
  for (const c of columns) {
    let col = requireColumn(raw, c, fn, 'covariates', undefined);
    // rows without the key at all: a missing column, not n bad values
    if (raw.n > 0 && Array.from({ length: raw.n }, (_, i) => col[i]).every((v) => v === undefined)) col = requireColumn({ n: raw.n, cols: {} }, c, fn, 'covariates', undefined);
    for (let i = 0; i < raw.n; i++) {
      const v = col[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        issues.row(i, c, 'invalid_value', 'must be a finite number', v);
        if (issues.full(c)) break;
      }
    }
    values.set(c, col);
  }
  issues.throwIfAny();
  const fill = (list: readonly string[]): Float64Array => {
    const m = new Float64Array(n * list.length);
    const missing = new IssueCollector(fn, 'customers');
    for (let r = 0; r < n; r++) {
      const at = rowOf.get(String(customerIds[r]));
      if (at === undefined) {
        missing.row(r, 'customerId', 'missing_id', 'must have a row in covariates.data', customerIds[r]);
        if (missing.full('customerId')) break;
        continue;
      }
      for (let j = 0; j < list.length; j++) m[r * list.length + j] = (values.get(list[j] as string) as ArrayLike<number>)[at] as number;
    }
    missing.throwIfAny();
    return m;
  };
  return { purchase: fill(purchaseNames), dropout: fill(dropoutNames), purchaseNames, dropoutNames };
}
