import { CustomerValueError, describeValue } from '../errors.js';
import { isColumn } from './input.js';

/** Nested objects flattened into dotted keys: `{ retain: { retentionRate: { value: 0.4 } } }` -> `{ 'retain.retentionRate.value': 0.4 }`. */
function flatten(row: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && !(v instanceof Date)) flatten(v as Record<string, unknown>, key, out);
    else if (v !== undefined) out[key] = v;
  }
  return out;
}


/**
 * Turn any result of customer-value into an array of plain row objects:
 *
 * - a column object (a summary, `rfm(...).customers`, intervals, ...): one row per index of
 *   its enumerable array-like columns (the row count is `length` when present);
 * - a per-customer typed array with ids (`customerLifetimeValue`): `{ customerId, value }`;
 * - an array of row objects (`valueChain(...).periods`, `.funnel`, `.campaigns`): the rows
 *   with nested objects flattened to dotted keys (`'retain.retentionRate.value'`);
 * - a result holding a `customers` table (`rfm`, `abc`, `holdoutComparison`): its customers.
 *
 * @example
 * ```ts
 * toRows(summarize(transactions)).slice(0, 3);
 * // [{ customerId: 'a', frequency: 2, recency: 30.43, ... }, ...]
 * toRows(valueChain(tx, interactions).periods)[0]['retain.retentionRate.value'];
 * ```
 */
export function toRows<I>(values: Float64Array & { readonly customerId: readonly I[] }): Array<{ customerId: I; value: number }>;
export function toRows(rows: ReadonlyArray<object>): Array<Record<string, unknown>>;
export function toRows<C extends object>(result: { customers: C }): Array<{ [K in keyof C]: C[K] extends ArrayLike<infer V> ? V : never }>;
export function toRows<T extends object>(columns: T): Array<{ [K in keyof T]: T[K] extends ArrayLike<infer V> ? V : never }>;
export function toRows(columns: unknown): Array<Record<string, unknown>> {
  if (ArrayBuffer.isView(columns) && Array.isArray((columns as { customerId?: unknown }).customerId)) {
    const ids = (columns as unknown as { customerId: unknown[] }).customerId;
    return Array.from(columns as unknown as ArrayLike<number>, (value, i) => ({ customerId: ids[i], value }));
  }
  if (Array.isArray(columns) && columns.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    return columns.map((r) => flatten(r as Record<string, unknown>));
  }
  if (typeof columns === 'object' && columns !== null && !Array.isArray(columns) && !ArrayBuffer.isView(columns)) {
    const own = Object.keys(columns).some((k) => isColumn((columns as Record<string, unknown>)[k]));
    const customers = (columns as { customers?: unknown }).customers;
    if (!own && typeof customers === 'object' && customers !== null) return toRows(customers as object) as Array<Record<string, unknown>>;
  }
  return columnRows(columns);
}

function columnRows(columns: unknown): Array<Record<string, unknown>> {
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns) || ArrayBuffer.isView(columns)) {
    const message = `expects a column object (one array per field), an array of row objects or a per-customer result, got ${describeValue(columns)}`;
    throw new CustomerValueError('invalid_input', `toRows: ${message}`, [{ code: 'invalid_input', path: ['columns'], message, value: columns }]);
  }
  const names = Object.keys(columns).filter((k) => isColumn((columns as Record<string, unknown>)[k]));
  if (names.length === 0 && Object.keys(columns).length > 0) {
    const message = 'expects a column object (one array per field), got an object without array columns';
    throw new CustomerValueError('invalid_input', `toRows: ${message}`, [{ code: 'invalid_input', path: ['columns'], message, value: columns }]);
  }
  const first = names[0];
  const declared = (columns as { length?: unknown }).length;
  const n = typeof declared === 'number' ? declared : first === undefined ? 0 : ((columns as Record<string, ArrayLike<unknown>>)[first]?.length ?? 0);
  const cols = names.map((k) => (columns as Record<string, ArrayLike<unknown>>)[k] as ArrayLike<unknown>);
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let j = 0; j < names.length; j++) row[names[j] as string] = (cols[j] as ArrayLike<unknown>)[i];
    rows[i] = row;
  }
  return rows;
}
