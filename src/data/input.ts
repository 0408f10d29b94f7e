import { CustomerValueError, describeValue } from '../errors.js';
import { arrowColumn, isArrowTable } from './arrow.js';
import type { TableLike } from './types.js';

/** Raw columns of some record input, before validation. @internal */
export interface RawColumns {
  readonly n: number;
  /** Column per field name (our names), undefined when the input lacks it. */
  readonly cols: Record<string, ArrayLike<unknown> | undefined>;
}

/** True for arquero tables and anything shaped like one. @internal */
export function isTableLike(x: unknown): x is TableLike {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as TableLike).columnNames === 'function' &&
    typeof (x as TableLike).array === 'function' &&
    typeof (x as TableLike).numRows === 'function'
  );
}

/** An array or a typed array (not a DataView): what a column is. @internal */
export function isColumn(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

/** A column the readers take: 64-bit integer arrays are not numbers. */
function isArrayLikeColumn(x: unknown): x is ArrayLike<unknown> {
  return isColumn(x) && !(x instanceof BigInt64Array) && !(x instanceof BigUint64Array);
}

/**
 * Turn rows, a column object or a table into columns named by our field names. Rows are
 * read once; columns and tables are used without copying.
 * @internal
 */
export function resolveColumns(
  input: unknown,
  fn: string,
  inputName: string,
  fieldNames: readonly string[],
  fields: Readonly<Record<string, string | undefined>> | undefined,
  required: readonly string[] = [],
): RawColumns {
  const source = (f: string): string => fields?.[f] ?? f;
  const cols: Record<string, ArrayLike<unknown> | undefined> = {};
  if (Array.isArray(input)) {
    const n = input.length;
    const arrays = fieldNames.map(() => new Array<unknown>(n));
    const keys = fieldNames.map(source);
    const k = keys.length;
    for (let i = 0; i < n; i++) {
      const row: unknown = input[i];
      if (typeof row !== 'object' || row === null) {
        const message = `row ${i} must be an object, got ${describeValue(row)}`;
        throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [
          { code: 'invalid_row', path: [inputName, i], message, value: row },
        ]);
      }
      for (let j = 0; j < k; j++) (arrays[j] as unknown[])[i] = (row as Record<string, unknown>)[keys[j] as string];
    }
    fieldNames.forEach((f, j) => {
      const a = arrays[j] as unknown[];
      // an optional field absent from every row is an absent column
      let any = required.includes(f);
      for (let i = 0; i < n && !any; i++) any = a[i] !== undefined;
      cols[f] = any ? a : undefined;
    });
    return { n, cols };
  }
  if (isArrowTable(input)) {
    const names = new Set(input.schema.fields.map((f) => f.name));
    for (const f of fieldNames) {
      const child = names.has(source(f)) ? input.getChild(source(f)) : null;
      cols[f] = child ? arrowColumn(child, source(f), fn, inputName) : undefined;
    }
    return requirePresent({ n: input.numRows, cols }, fn, inputName, required, source);
  }
  if (isTableLike(input)) {
    const names = new Set(input.columnNames());
    for (const f of fieldNames) {
      const col = names.has(source(f)) ? input.array(source(f)) : undefined;
      if (col !== undefined && !isArrayLikeColumn(col)) {
        const message = `column "${source(f)}" must be an array or typed array of numbers or strings, got ${describeValue(col)}`;
        throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [{ code: 'invalid_column', path: [inputName, source(f)], message, value: col }]);
      }
      cols[f] = col;
    }
    return requirePresent({ n: input.numRows(), cols }, fn, inputName, required, source);
  }
  if (isColumnObject(input)) {
    let n = -1;
    let firstName = '';
    for (const f of fieldNames) {
      const name = source(f);
      const col = (input as Record<string, unknown>)[name];
      if (col === undefined) {
        cols[f] = undefined;
        continue;
      }
      if (!isArrayLikeColumn(col)) {
        const big = col instanceof BigInt64Array || col instanceof BigUint64Array;
        const message = `column "${name}" must be an array or typed array${big ? ' of numbers (convert 64-bit integer columns to numbers first)' : ''}, got ${describeValue(col)}`;
        throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [
          { code: 'invalid_column', path: [inputName, name], message, value: col },
        ]);
      }
      if (n === -1) {
        n = col.length;
        firstName = name;
      } else if (col.length !== n) {
        const message = `column "${name}" has ${col.length} rows but column "${firstName}" has ${n}`;
        throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [
          { code: 'column_length', path: [inputName, name], message, value: col.length },
        ]);
      }
      cols[f] = col;
    }
    return requirePresent({ n: Math.max(n, 0), cols }, fn, inputName, required, source);
  }
  const message = `${inputName} must be an array of objects, a column object, an arquero table or an Arrow table, got ${describeValue(input)}`;
  throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [
    { code: 'invalid_input', path: [inputName], message, value: input },
  ]);
}

/**
 * Whether records have a column (or the first row a property) of this name: arrays of
 * objects, column objects, arquero and Arrow tables. @internal
 */
export function hasColumn(input: unknown, name: string): boolean {
  if (Array.isArray(input)) return input.length > 0 && typeof input[0] === 'object' && input[0] !== null && name in input[0];
  if (isArrowTable(input)) return input.schema.fields.some((f) => f.name === name);
  if (isTableLike(input)) return input.columnNames().includes(name);
  return typeof input === 'object' && input !== null && name in input;
}

/** A plain object (not a Map, Set, Date, typed array, ...): what a column object is. */
function isColumnObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * A column object or table must have every required column, even with no rows: columns
 * whose names match no field would otherwise read as empty input.
 */
function requirePresent(raw: RawColumns, fn: string, inputName: string, required: readonly string[], source: (f: string) => string): RawColumns {
  const missing = required.filter((f) => raw.cols[f] === undefined);
  if (missing.length === 0) return raw;
  const issues = missing.map((f) => {
    const name = source(f);
    const message = `column "${name}"${name === f ? '' : ` (mapped from field "${f}")`} is missing`;
    return { code: 'missing_column' as const, path: [inputName, name], message };
  });
  throw new CustomerValueError('invalid_input', `${fn}: ${issues.map((i) => i.message).join('; ')}`, issues);
}

/** Throw when a required column is absent. @internal */
export function requireColumn(
  raw: RawColumns,
  field: string,
  fn: string,
  inputName: string,
  fields: Readonly<Record<string, string | undefined>> | undefined,
  hint = '',
): ArrayLike<unknown> {
  const col = raw.cols[field];
  if (col !== undefined || raw.n === 0) return col ?? [];
  const name = fields?.[field] ?? field;
  const mapped = name === field ? '' : ` (mapped from field "${field}")`;
  const message = `column "${name}"${mapped} is missing${hint}`;
  throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [
    { code: 'missing_column', path: [inputName, name], message },
  ]);
}
