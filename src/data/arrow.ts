/**
 * Apache Arrow tables and record batches (what DuckDB, Polars, Spark and pyarrow hand over),
 * read by their structure: the core does not import apache-arrow.
 * @internal
 */
import { CustomerValueError } from '../errors.js';

/** The structural part of an Arrow vector that customer-value reads. */
export interface ArrowVectorLike {
  readonly length: number;
  readonly nullCount: number;
  readonly type: { readonly typeId: number; readonly bitWidth?: number; readonly unit?: number; toString(): string };
  get(i: number): unknown;
  toArray(): ArrayLike<unknown>;
}

/**
 * The structural part of an Apache Arrow `Table` or `RecordBatch` that customer-value reads:
 * `numRows`, the schema's field names and `getChild(name)`. Any apache-arrow table fits.
 */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: ReadonlyArray<{ readonly name: string }> };
  getChild(name: string): ArrowVectorLike | null;
}

/** True for Arrow tables and record batches (a numeric `numRows`, a schema, `getChild`). */
export function isArrowTable(x: unknown): x is ArrowTableLike {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Partial<ArrowTableLike>;
  return typeof t.numRows === 'number' && typeof t.getChild === 'function' && Array.isArray(t.schema?.fields);
}

// Arrow's type ids (apache-arrow `Type`)
const INT = 2;
const FLOAT = 3;
const UTF8 = 5;
const BOOL = 6;
const DATE = 8;
const TIMESTAMP = 10;
const LARGE_UTF8 = 20;
const DICTIONARY = -1;
/** Milliseconds per timestamp unit: second, millisecond, microsecond, nanosecond. */
const MS_PER_UNIT = [1000, 1, 1e-3, 1e-6];

/** Values one by one through `get` (nulls as null), numbers for 64-bit integers and timestamps. */
function viaGet(v: ArrowVectorLike, toNumber: (x: unknown) => unknown): unknown[] {
  const out = new Array<unknown>(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v.get(i);
    out[i] = x === null || x === undefined ? null : toNumber(x);
  }
  return out;
}

/** 64-bit integers as numbers while exact, else as decimal strings (ids above 2^53 stay distinct). */
function int64Column(v: ArrowVectorLike): ArrayLike<unknown> {
  const big = v.toArray() as BigInt64Array;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  let safe = true;
  for (let i = 0; i < big.length && safe; i++) safe = (big[i] as bigint) <= max && (big[i] as bigint) >= -max;
  if (v.nullCount > 0) return viaGet(v, (x) => (safe ? Number(x) : String(x)));
  if (!safe) return Array.from(big, (x) => String(x));
  return Float64Array.from(big, (x) => Number(x));
}

/** Timestamps as epoch milliseconds (Float64Array), whatever their unit. */
function timestampColumn(v: ArrowVectorLike): ArrayLike<unknown> {
  const scale = MS_PER_UNIT[v.type.unit ?? 1] ?? 1;
  const raw = v.toArray() as BigInt64Array | Int32Array | Float64Array;
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = Number(raw[i]) * scale;
  if (v.nullCount === 0) return out;
  const withNulls: unknown[] = Array.from(out);
  for (let i = 0; i < v.length; i++) if (v.get(i) === null) withNulls[i] = null;
  return withNulls;
}

/**
 * One Arrow column as the arrays the readers take, column by column, never row objects:
 * floats and integers up to 32 bits as their typed array (no copy for a single chunk),
 * 64-bit integers as numbers (or strings past 2^53), dates and timestamps as epoch
 * milliseconds, strings and dictionary strings as strings, booleans as booleans. Null cells
 * become null, so validation names their rows. Other types (decimals, lists, ...) are refused
 * naming the column: cast them in the engine first.
 */
export function arrowColumn(v: ArrowVectorLike, name: string, fn: string, inputName: string): ArrayLike<unknown> {
  const id = v.type.typeId;
  if (id === INT && (v.type.bitWidth ?? 32) === 64) return int64Column(v);
  if (id === INT || id === FLOAT) return v.nullCount > 0 ? viaGet(v, (x) => x) : v.toArray();
  if (id === TIMESTAMP) return timestampColumn(v);
  if (id === DATE) return viaGet(v, (x) => (x instanceof Date ? x.getTime() : Number(x)));
  if (id === UTF8 || id === LARGE_UTF8 || id === DICTIONARY || id === BOOL) return v.nullCount > 0 ? viaGet(v, (x) => x) : v.toArray();
  const message = `column "${name}" has Arrow type ${String(v.type)}, which customer-value does not read; cast it to a float, integer, string, date or timestamp first`;
  throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [{ code: 'invalid_column', path: [inputName, name], message, value: String(v.type) }]);
}
