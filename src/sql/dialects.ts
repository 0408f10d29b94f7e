/**
 * What differs between the SQL dialects the generated queries target: identifier quoting,
 * date literals, the day difference and the cast of a column to a date.
 * @internal
 */
import { optionError } from '../errors.js';

export type Dialect = 'duckdb' | 'postgres';

export interface DialectSyntax {
  /** A quoted identifier. */
  ident(name: string): string;
  /** A DATE literal of 'YYYY-MM-DD'. */
  date(iso: string): string;
  /** Whole days from date a to date b (b - a). */
  days(a: string, b: string): string;
  /** An expression cast to DATE, to DOUBLE and to text. */
  toDate(e: string): string;
  toDouble(e: string): string;
  toText(e: string): string;
}

const doubleQuoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export const DIALECTS: { readonly [D in Dialect]: DialectSyntax } = {
  duckdb: {
    ident: doubleQuoted,
    date: (iso) => `DATE '${iso}'`,
    days: (a, b) => `date_diff('day', ${a}, ${b})`,
    toDate: (e) => `CAST(${e} AS DATE)`,
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    toText: (e) => `CAST(${e} AS VARCHAR)`,
  },
  postgres: {
    ident: doubleQuoted,
    date: (iso) => `DATE '${iso}'`,
    days: (a, b) => `(${b} - ${a})`,
    toDate: (e) => `CAST(${e} AS DATE)`,
    toDouble: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
    toText: (e) => `CAST(${e} AS TEXT)`,
  },
};

/** The dialect's syntax, or an error naming the option. */
export function dialectOf(fn: string, dialect: unknown): DialectSyntax {
  if (typeof dialect !== 'string' || !Object.prototype.hasOwnProperty.call(DIALECTS, dialect)) {
    optionError(fn, 'dialect', `must be one of ${Object.keys(DIALECTS).map((d) => `'${d}'`).join(', ')}`, dialect);
  }
  return DIALECTS[dialect as Dialect];
}

/**
 * A table name: one or more dot-separated parts, each quoted as an identifier (so any name is
 * safe); control characters and empty parts are refused.
 */
export function tableName(fn: string, syntax: DialectSyntax, table: unknown): string {
  if (typeof table !== 'string' || table.length === 0 || table.length > 512) optionError(fn, 'table', 'must be a non-empty table name', table);
  const parts = (table as string).split('.');
  // eslint-disable-next-line no-control-regex
  if (parts.some((p) => p.length === 0 || /[\u0000-\u001f]/.test(p))) optionError(fn, 'table', "must be a name or schema.name without control characters or empty parts", table);
  return parts.map((p) => syntax.ident(p)).join('.');
}

/** A column name, quoted; the same checks. */
export function columnName(fn: string, syntax: DialectSyntax, option: string, name: unknown): string {
  // eslint-disable-next-line no-control-regex
  if (typeof name !== 'string' || name.length === 0 || name.length > 256 || /[\u0000-\u001f]/.test(name)) optionError(fn, option, 'must be a non-empty column name without control characters', name);
  return syntax.ident(name as string);
}
