import { dayToIso, DAYS_PER_UNIT, type TimeUnit } from '../data/days.js';
import { optionError } from '../errors.js';
import { optionDay } from '../data/options.js';
import { columnName, dialectOf, numberLiteral, tableName, type Dialect, type DialectSyntax } from './dialects.js';

/** Options of {@link summarySql}. */
export interface SummarySqlOptions {
  /** 'duckdb', 'postgres', 'bigquery', 'snowflake' or 'spark'. */
  dialect: Dialect;
  /** The transactions table: 'name', 'schema.name' or 'catalog.schema.name' (each part quoted). */
  table: string;
  /** Column names of customerId, date and amount in the table. Default: those names. */
  fields?: { customerId?: string | undefined; date?: string | undefined; amount?: string | undefined } | undefined;
  /** Last day observed (inclusive). Default: the table's last day (and not before `calibrationEnd`). */
  observationEnd?: Date | string | number | undefined;
  /**
   * Last day of the calibration period (inclusive): the summary is taken at this day and the
   * holdout columns of `splitCalibrationHoldout` are added. Default: no holdout.
   */
  calibrationEnd?: Date | string | number | undefined;
  /** Unit of recency and T. Default 'week'. */
  unit?: TimeUnit | undefined;
}

/** Options of the queries that start from the summary: a table holding summarySql's result instead of the transactions. */
export interface FromSummaryOptions {
  /**
   * A table holding {@link summarySql}'s result for the same options (e.g. `CREATE TABLE
   * customer_summary AS <summarySql>`): the query reads it instead of summarizing `table`
   * again, which at 1e8 rows is most of the cost. `table`, `fields`, `observationEnd` and
   * `calibrationEnd` are then not used; `dialect` and `unit` are.
   */
  summaryTable?: string | undefined;
}

/** Where a query's summary comes from: the transactions `table`, or a materialized `summaryTable`. */
export type SummarySource = (SummarySqlOptions & FromSummaryOptions) | (Partial<Omit<SummarySqlOptions, 'dialect'>> & { dialect: Dialect; summaryTable: string });

/** The summary as common table expressions ending in `customer_summary`. @internal */
export interface SummaryParts {
  readonly q: DialectSyntax;
  /** `name AS (...)` clauses, comma-separated, without the leading WITH. */
  readonly ctes: string;
}

function dayOption(fn: string, name: string, value: Date | string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const day = optionDay(value);
  if (day === undefined || !Number.isFinite(day)) optionError(fn, name, 'must be a valid date', value);
  return day;
}

/** Validate the options and build the summary's CTEs (shared by every query of the subpath). @internal */
export function summaryParts(fn: string, options: SummarySource): SummaryParts {
  if (typeof options !== 'object' || options === null) optionError(fn, 'options', 'must be an object', options);
  const q = dialectOf(fn, options.dialect);
  if (options.summaryTable !== undefined) {
    const unit = options.unit ?? 'week';
    if (!Object.prototype.hasOwnProperty.call(DAYS_PER_UNIT, unit)) optionError(fn, 'unit', "must be 'day', 'week', 'month' or 'year'", unit);
    return { q, ctes: `customer_summary AS (SELECT * FROM ${tableName(fn, q, options.summaryTable)})` };
  }
  const table = tableName(fn, q, options.table);
  const f = options.fields ?? {};
  const id = columnName(fn, q, 'fields.customerId', f.customerId ?? 'customerId');
  const date = columnName(fn, q, 'fields.date', f.date ?? 'date');
  const amount = columnName(fn, q, 'fields.amount', f.amount ?? 'amount');
  const unit = options.unit ?? 'week';
  if (!Object.prototype.hasOwnProperty.call(DAYS_PER_UNIT, unit)) optionError(fn, 'unit', "must be 'day', 'week', 'month' or 'year'", unit);
  const per = numberLiteral(fn, 'unit', DAYS_PER_UNIT[unit]);
  const obsDay = dayOption(fn, 'observationEnd', options.observationEnd);
  const calDay = dayOption(fn, 'calibrationEnd', options.calibrationEnd);
  if (obsDay !== undefined && calDay !== undefined && obsDay < calDay) {
    optionError(fn, 'observationEnd', `must not be before calibrationEnd (${dayToIso(calDay)})`, options.observationEnd);
  }
  // the only values spliced in: validated dates, as ISO literals
  const lastDay = '(SELECT MAX(day) FROM raw_rows)';
  const cal = calDay === undefined ? undefined : q.date(dayToIso(calDay));
  const obs = obsDay !== undefined ? q.date(dayToIso(obsDay)) : cal ? `GREATEST(${lastDay}, ${cal})` : lastDay;
  const holdout = cal !== undefined;
  const col = (name: string): string => q.ident(name);
  const ctes = `raw_rows AS (
  SELECT ${q.toText(id)} AS customer_id, ${q.toDate(date)} AS day, ${q.toDouble(amount)} AS amount
  FROM ${table}
  WHERE ${id} IS NOT NULL AND ${date} IS NOT NULL AND ${amount} IS NOT NULL
),
bounds AS (SELECT ${cal ?? obs} AS end_day, ${obs} AS observation_end),
days AS (
  SELECT customer_id, day, SUM(${q.toMoney('amount')}) AS value, SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS purchase_rows
  FROM raw_rows CROSS JOIN bounds
  WHERE day <= bounds.observation_end
  GROUP BY customer_id, day
),
buyers AS (
  SELECT customer_id, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS purchase_days
  FROM days CROSS JOIN bounds
  WHERE purchase_rows > 0 AND day <= bounds.end_day
  GROUP BY customer_id
),
repeat_value AS (
  SELECT d.customer_id, SUM(d.value) AS value
  FROM days d JOIN buyers b ON d.customer_id = b.customer_id CROSS JOIN bounds
  WHERE d.purchase_rows > 0 AND d.day > b.first_day AND d.day <= bounds.end_day
  GROUP BY d.customer_id
),
totals AS (
  SELECT customer_id, SUM(value) AS total_value
  FROM days CROSS JOIN bounds
  WHERE day <= bounds.end_day
  GROUP BY customer_id
),${holdout ? `
holdout AS (
  SELECT customer_id, COUNT(*) AS purchase_days, SUM(value) AS value
  FROM days CROSS JOIN bounds
  WHERE purchase_rows > 0 AND day > bounds.end_day
  GROUP BY customer_id
),` : ''}
customer_summary AS (
  SELECT
    b.customer_id AS ${col('customerId')},
    CAST(b.purchase_days - 1 AS INTEGER) AS ${col('frequency')},
    ${q.toDouble(q.days('b.first_day', 'b.last_day'))} / ${per} AS ${col('recency')},
    ${q.toDouble(q.days('b.first_day', 'bounds.end_day'))} / ${per} AS ${col('T')},
    CASE WHEN b.purchase_days > 1 THEN ${q.toDouble('COALESCE(r.value, 0)')} / (b.purchase_days - 1) ELSE 0 END AS ${col('monetaryValue')},
    ${q.toDouble('t.total_value')} AS ${col('totalValue')},
    ${q.toText('b.first_day')} AS ${col('firstPurchase')},
    ${q.toText('b.last_day')} AS ${col('lastPurchase')}${holdout ? `,
    CAST(COALESCE(h.purchase_days, 0) AS INTEGER) AS ${col('frequencyHoldout')},
    CASE WHEN h.purchase_days > 0 THEN ${q.toDouble('h.value')} / h.purchase_days ELSE 0 END AS ${col('monetaryValueHoldout')},
    ${q.toDouble(q.days('bounds.end_day', 'bounds.observation_end'))} / ${per} AS ${col('durationHoldout')}` : ''}
  FROM buyers b
  CROSS JOIN bounds
  LEFT JOIN repeat_value r ON r.customer_id = b.customer_id
  JOIN totals t ON t.customer_id = b.customer_id${holdout ? `
  LEFT JOIN holdout h ON h.customer_id = b.customer_id` : ''}
)`;
  return { q, ctes };
}

/**
 * One SQL query whose result has the columns and values of `summarize` (customerId,
 * frequency, recency, T, monetaryValue, totalValue, firstPurchase, lastPurchase), computed
 * where the data live: rows up to `observationEnd` merged per UTC day, a purchase day a day
 * with a row of amount >= 0, returns netted into their day's value, customers without a
 * purchase day left out, ordered by customerId (binary order, as JavaScript sorts strings).
 * With `calibrationEnd` the result is `splitCalibrationHoldout`'s instead: the summary
 * at the calibration end plus frequencyHoldout, monetaryValueHoldout and durationHoldout.
 *
 * Identifiers are checked (no quotes, semicolons, comment marks, backslashes or control
 * characters) and quoted for the dialect; the only values spliced in, the dates, are
 * validated and written as DATE literals. No option can inject SQL: a name that could is
 * refused with a `CustomerValueError` naming the option.
 *
 * @example
 * ```ts
 * const sql = summarySql({ dialect: 'duckdb', table: 'transactions', observationEnd: '1997-09-30', unit: 'week' });
 * // run it in DuckDB, then fitBgNbd(rows) here
 * ```
 */
export function summarySql(options: SummarySqlOptions): string {
  const { q, ctes } = summaryParts('summarySql', options);
  return `WITH ${ctes}
SELECT * FROM customer_summary
ORDER BY ${q.binaryOrder(q.ident('customerId'))}`;
}

/**
 * The compressed histories in SQL, as `compressSummary` returns them: one row per
 * distinct (frequency, recency, T) of {@link summarySql}'s result with the number of
 * customers in `count`, ordered by frequency, recency and T. This is all a fit needs, and
 * it is small at any scale: run it in the warehouse and fit its rows here (frequency and
 * count are INTEGER, so drivers hand them over as numbers, not 64-bit big integers). With
 * `summaryTable` it groups a materialized summary instead of summarizing the transactions.
 *
 * @example
 * ```ts
 * const sql = compressedSummarySql({ dialect: 'postgres', table: 'sales.transactions', unit: 'week' });
 * // rows = the query's result; fitBgNbd({ frequency, recency, T, count }) on its columns
 * ```
 */
export function compressedSummarySql(options: SummarySource): string {
  const { q, ctes } = summaryParts('compressedSummarySql', options);
  const [f, r, t, c] = ['frequency', 'recency', 'T', 'count'].map((x) => q.ident(x));
  return `WITH ${ctes}
SELECT ${f}, ${r}, ${t}, CAST(COUNT(*) AS INTEGER) AS ${c}
FROM customer_summary
GROUP BY ${f}, ${r}, ${t}
ORDER BY ${f}, ${r}, ${t}`;
}
