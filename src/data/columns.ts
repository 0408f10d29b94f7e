/**
 * Attach non-enumerable properties (`length` and metadata) to a column object, so that
 * `aq.table(result)` and `Object.keys(result)` see only the columns.
 * @internal
 */
export function withMeta<T extends object, M extends Record<string, unknown>>(columns: T, meta: M): T & Readonly<M> {
  for (const [k, v] of Object.entries(meta)) {
    Object.defineProperty(columns, k, { value: v, enumerable: false, writable: false, configurable: false });
  }
  return columns as T & Readonly<M>;
}
