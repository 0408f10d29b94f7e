import { CustomerValueError, describeValue } from '../errors.js';

/**
 * Turn a column object (any result of customer-value, or `{ a: [...], b: Float64Array }`)
 * into an array of plain row objects. Only enumerable array-like properties are columns;
 * the row count is the `length` property when present, else the first column's length.
 *
 * @example
 * ```ts
 * toRows(summarize(transactions)).slice(0, 3);
 * // [{ customerId: 'a', frequency: 2, recency: 30.43, ... }, ...]
 * ```
 */
export function toRows<T extends object>(columns: T): Array<{ [K in keyof T]: T[K] extends ArrayLike<infer V> ? V : never }> {
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns) || ArrayBuffer.isView(columns)) {
    const message = `expects a column object (one array per field), got ${describeValue(columns)}`;
    throw new CustomerValueError('invalid_input', `toRows: ${message}`, [{ code: 'invalid_input', path: ['columns'], message, value: columns }]);
  }
  const names = Object.keys(columns).filter((k) => {
    const v = (columns as Record<string, unknown>)[k];
    return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
  });
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
