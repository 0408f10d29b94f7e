/**
 * What differs between the SQL dialects the generated queries target: identifier quoting,
 * date literals, the day difference, casts and text ordering.
 * @internal
 */
import { optionError } from '../errors.js';

/** The SQL dialects of `customer-value/sql`. */
export type Dialect = 'duckdb' | 'postgres' | 'bigquery' | 'snowflake' | 'spark';

export interface DialectSyntax {
  /** A quoted identifier (already checked to hold no quote character). */
  ident(name: string): string;
  /** A DATE literal of 'YYYY-MM-DD'. */
  date(iso: string): string;
  /** Whole days from date a to date b (b - a). */
  days(a: string, b: string): string;
  /** An expression cast to DATE, to DOUBLE and to text. */
  toDate(e: string): string;
  toDouble(e: string): string;
  toText(e: string): string;
  /** An amount as an exact decimal with 9 places (38 digits), so sums are exact and the same in every engine. */
  toMoney(e: string): string;
  /** A text expression ordered by code point (binary), as JavaScript compares strings. */
  binaryOrder(e: string): string;
  /** A string literal of text already checked to hold no backslash or control character. */
  text(s: string): string;
  /** A SELECT over literal rows (each tuple already written) with these column names and types. */
  rows(columns: ReadonlyArray<readonly [string, 'integer' | 'double']>, tuples: readonly string[]): string;
}

const doubleQuoted = (name: string): string => `"${name}"`;
const backticked = (name: string): string => `\`${name}\``;
const asIs = (e: string): string => e;
const dateLiteral = (iso: string): string => `DATE '${iso}'`;
const castDate = (e: string): string => `CAST(${e} AS DATE)`;
/** Standard SQL: a quote inside a literal is doubled. */
const doubledQuotes = (s: string): string => `'${s.replaceAll("'", "''")}'`;
/** BigQuery and Spark: a quote inside a literal is escaped with a backslash (doubling would concatenate). */
const backslashQuotes = (s: string): string => `'${s.replaceAll("'", "\\'")}'`;

const names = (columns: ReadonlyArray<readonly [string, string]>): string => columns.map(([n]) => n).join(', ');
/** Standard SQL: a parenthesized VALUES list with a column alias. */
const valuesRows = (columns: ReadonlyArray<readonly [string, string]>, tuples: readonly string[]): string =>
  `SELECT * FROM (VALUES\n    ${tuples.join(',\n    ')}\n  ) AS v(${names(columns)})`;
/** Spark SQL: an inline table, VALUES without parentheses. */
const inlineTable = (columns: ReadonlyArray<readonly [string, string]>, tuples: readonly string[]): string =>
  `SELECT * FROM VALUES\n    ${tuples.join(',\n    ')}\n  AS v(${names(columns)})`;
/** BigQuery has no VALUES: an array of typed structs, unnested. */
const unnestedStructs = (columns: ReadonlyArray<readonly [string, string]>, tuples: readonly string[]): string =>
  `SELECT * FROM UNNEST(ARRAY<STRUCT<${columns.map(([n, t]) => `${n} ${t === 'integer' ? 'INT64' : 'FLOAT64'}`).join(', ')}>>[\n    ${tuples.join(',\n    ')}\n  ])`;

/** Each dialect's syntax; the functions used are listed per dialect in test/sql/golden. */
export const DIALECTS: { readonly [D in Dialect]: DialectSyntax } = {
  duckdb: {
    ident: doubleQuoted,
    date: dateLiteral,
    days: (a, b) => `date_diff('day', ${a}, ${b})`,
    toDate: castDate,
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    toText: (e) => `CAST(${e} AS VARCHAR)`,
    toMoney: (e) => `CAST(${e} AS DECIMAL(38, 9))`,
    binaryOrder: asIs,
    text: doubledQuotes,
    rows: valuesRows,
  },
  postgres: {
    ident: doubleQuoted,
    date: dateLiteral,
    days: (a, b) => `(${b} - ${a})`,
    toDate: castDate,
    toDouble: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
    toText: (e) => `CAST(${e} AS TEXT)`,
    toMoney: (e) => `CAST(${e} AS NUMERIC(38, 9))`,
    binaryOrder: (e) => `${e} COLLATE "C"`,
    text: doubledQuotes,
    rows: valuesRows,
  },
  bigquery: {
    ident: backticked,
    date: dateLiteral,
    days: (a, b) => `DATE_DIFF(${b}, ${a}, DAY)`,
    toDate: castDate,
    toDouble: (e) => `CAST(${e} AS FLOAT64)`,
    toText: (e) => `CAST(${e} AS STRING)`,
    toMoney: (e) => `CAST(${e} AS NUMERIC)`,
    binaryOrder: asIs,
    text: backslashQuotes,
    rows: unnestedStructs,
  },
  snowflake: {
    ident: doubleQuoted,
    date: dateLiteral,
    days: (a, b) => `DATEDIFF(day, ${a}, ${b})`,
    toDate: castDate,
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    toText: (e) => `CAST(${e} AS VARCHAR)`,
    toMoney: (e) => `CAST(${e} AS NUMBER(38, 9))`,
    binaryOrder: asIs, // binary unless the column has a collation specification
    text: doubledQuotes,
    rows: valuesRows,
  },
  spark: {
    ident: backticked,
    date: dateLiteral,
    days: (a, b) => `DATEDIFF(${b}, ${a})`,
    toDate: castDate,
    toDouble: (e) => `CAST(${e} AS DOUBLE)`,
    toText: (e) => `CAST(${e} AS STRING)`,
    toMoney: (e) => `CAST(${e} AS DECIMAL(38, 9))`,
    binaryOrder: asIs,
    text: backslashQuotes,
    rows: inlineTable,
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
 * What a name may not hold: quote characters of any dialect, statement separators, comment
 * starts, backslashes and control characters. Anything else (letters of any script, digits,
 * spaces, `_`, `$`, `-`, ...) is quoted as an identifier.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /["'`;\\\u0000-\u001f\u007f]|--|\/\*|\*\//;

/** One identifier: a non-empty string of at most 256 characters with nothing {@link UNSAFE_NAME} refuses. */
function safeName(fn: string, option: string, name: unknown, whole: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 256 || UNSAFE_NAME.test(name)) {
    optionError(fn, option, 'must be a non-empty name without quotes, semicolons, comment marks, backslashes or control characters', whole);
  }
  return name as string;
}

/**
 * A table name: one to three dot-separated parts (name, schema.name, catalog.schema.name),
 * each checked and quoted as an identifier. Names that could end the quoting are refused,
 * not escaped, so no table name can inject SQL.
 */
export function tableName(fn: string, syntax: DialectSyntax, table: unknown): string {
  if (typeof table !== 'string' || table.length === 0 || table.length > 512) optionError(fn, 'table', 'must be a non-empty table name', table);
  const parts = (table as string).split('.');
  if (parts.length > 3) optionError(fn, 'table', 'must be name, schema.name or catalog.schema.name', table);
  return parts.map((p) => syntax.ident(safeName(fn, 'table', p, table))).join('.');
}

/** A column name, checked as {@link tableName}'s parts are, and quoted. */
export function columnName(fn: string, syntax: DialectSyntax, option: string, name: unknown): string {
  return syntax.ident(safeName(fn, option, name, name));
}

/** A finite number as a SQL numeric literal (never NaN or Infinity, never exponent-free garbage). */
export function numberLiteral(fn: string, option: string, x: unknown): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) optionError(fn, option, 'must be a finite number', x);
  const s = String(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** A string as the dialect's string literal: quotes escaped, control characters and backslashes refused. */
export function stringLiteral(fn: string, syntax: DialectSyntax, option: string, s: unknown): string {
  // eslint-disable-next-line no-control-regex
  if (typeof s !== 'string' || s.length > 256 || /[\\\u0000-\u001f\u007f]/.test(s)) {
    optionError(fn, option, 'must be a string of at most 256 characters without backslashes or control characters', s);
  }
  return syntax.text(s as string);
}
