/**
 * The customer ids a per-customer result carries, so results join by id rather than by
 * position.
 * @internal
 */
import { resolveColumns } from './input.js';
import type { CustomerId } from './types.js';

/**
 * The `customerId` column of the customers input (the same array when it is one, so no
 * copy), or the row positions 0..n-1 when the input has no ids (a compressed summary).
 */
export function customerIdsOf(customers: unknown, n: number, fn: string): readonly CustomerId[] {
  const col = resolveColumns(customers, fn, 'customers', ['customerId'], undefined).cols.customerId;
  if (col !== undefined && col.length === n) return Array.isArray(col) ? (col as CustomerId[]) : (Array.from(col) as CustomerId[]);
  return Array.from({ length: n }, (_, i) => i);
}

/** The values with a non-enumerable `customerId` beside them (typed-array results stay typed arrays). */
export function withCustomerIds(values: Float64Array, ids: readonly CustomerId[]): Float64Array & { readonly customerId: readonly CustomerId[] } {
  Object.defineProperty(values, 'customerId', { value: ids, enumerable: false });
  return values as Float64Array & { readonly customerId: readonly CustomerId[] };
}
