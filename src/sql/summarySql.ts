import { dayToIso, DAYS_PER_UNIT, type TimeUnit } from '../data/days.js';
import { optionError } from '../errors.js';
import { optionDay } from '../data/options.js';
import { columnName, dialectOf, tableName, type Dialect } from './dialects.js';

/** Options of {@link summarySql}. */
export interface SummarySqlOptions {
  /** 'duckdb' or 'postgres'. */
  dialect: Dialect;
  /** The transactions table, 'name' or 'schema.name' (each part quoted). */
  table: string;
  /** Column names of customerId, date and amount in the table. Default: those names. */
  fields?: { customerId?: string | undefined; date?: string | undefined; amount?: string | undefined } | undefined;
  /** Last day observed (inclusive). Default: the table's last day. */
  observationEnd?: Date | string | number | undefined;
  /** Unit of recency and T. Default 'week'. */
  unit?: TimeUnit | undefined;
}

/**
 * One SQL query whose result has the columns and values of {@link summarize} (customerId,
 * frequency, recency, T, monetaryValue, totalValue, firstPurchase, lastPurchase), computed
 * where the data live: rows up to `observationEnd` merged per UTC day, a purchase day a day
 * with a row of amount >= 0, returns netted into their day's value, customers without a
 * purchase day left out, ordered by customerId. Identifiers are quoted for the dialect and
 * the one value spliced in, the date, is validated first, so no option can inject SQL.
 *
 * @example
 * ```ts
 * const sql = summarySql({ dialect: 'duckdb', table: 'transactions', observationEnd: '1997-09-30', unit: 'week' });
 * // run it in DuckDB, then fitBgNbd(rows) here
 * ```
 */
export function summarySql(options: SummarySqlOptions): string {
  const fn = 'summarySql';
  if (typeof options !== 'object' || options === null) optionError(fn, 'options', 'must be an object', options);
  const q = dialectOf(fn, options.dialect);
  const table = tableName(fn, q, options.table);
  const f = options.fields ?? {};
  const id = columnName(fn, q, 'fields.customerId', f.customerId ?? 'customerId');
  const date = columnName(fn, q, 'fields.date', f.date ?? 'date');
  const amount = columnName(fn, q, 'fields.amount', f.amount ?? 'amount');
  const unit = options.unit ?? 'week';
  if (!Object.prototype.hasOwnProperty.call(DAYS_PER_UNIT, unit)) optionError(fn, 'unit', "must be 'day', 'week', 'month' or 'year'", unit);
  const per = DAYS_PER_UNIT[unit];
  let endDay: number | undefined;
  if (options.observationEnd !== undefined) {
    endDay = optionDay(options.observationEnd);
    if (endDay === undefined || !Number.isFinite(endDay)) optionError(fn, 'observationEnd', 'must be a valid date', options.observationEnd);
  }
  // the one spliced value: a validated ISO date
  const end = endDay === undefined ? '(SELECT MAX(day) FROM raw_rows)' : q.date(dayToIso(endDay));
  const n = (x: number): string => (Number.isInteger(x) ? `${x}.0` : String(x));
  return `WITH raw_rows AS (
  SELECT ${q.toText(id)} AS customer_id, ${q.toDate(date)} AS day, ${q.toDouble(amount)} AS amount
  FROM ${table}
),
obs AS (SELECT ${end} AS end_day),
days AS (
  SELECT customer_id, day, SUM(amount) AS value, SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS purchase_rows
  FROM raw_rows, obs
  WHERE day <= obs.end_day
  GROUP BY customer_id, day
),
buyers AS (
  SELECT customer_id, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS purchase_days
  FROM days WHERE purchase_rows > 0
  GROUP BY customer_id
),
repeat_value AS (
  SELECT d.customer_id, SUM(d.value) AS value
  FROM days d JOIN buyers b ON d.customer_id = b.customer_id
  WHERE d.purchase_rows > 0 AND d.day > b.first_day
  GROUP BY d.customer_id
),
totals AS (SELECT customer_id, SUM(value) AS total_value FROM days GROUP BY customer_id)
SELECT
  b.customer_id AS ${q.ident('customerId')},
  b.purchase_days - 1 AS ${q.ident('frequency')},
  ${q.toDouble(q.days('b.first_day', 'b.last_day'))} / ${n(per)} AS ${q.ident('recency')},
  ${q.toDouble(q.days('b.first_day', 'obs.end_day'))} / ${n(per)} AS ${q.ident('T')},
  CASE WHEN b.purchase_days > 1 THEN COALESCE(r.value, 0) / (b.purchase_days - 1) ELSE 0 END AS ${q.ident('monetaryValue')},
  t.total_value AS ${q.ident('totalValue')},
  ${q.toText('b.first_day')} AS ${q.ident('firstPurchase')},
  ${q.toText('b.last_day')} AS ${q.ident('lastPurchase')}
FROM buyers b
CROSS JOIN obs
LEFT JOIN repeat_value r ON r.customer_id = b.customer_id
JOIN totals t ON t.customer_id = b.customer_id
ORDER BY b.customer_id`;
}

/**
 * The compressed histories in SQL, as {@link compressSummary} returns them: one row per
 * distinct (frequency, recency, T) of {@link summarySql}'s result with the number of
 * customers in `count`, ordered by frequency, recency and T. This is all a fit needs, and
 * it is small at any scale: run it in the warehouse and fit its rows here.
 *
 * @example
 * ```ts
 * const sql = compressedSummarySql({ dialect: 'postgres', table: 'sales.transactions', unit: 'week' });
 * // rows = the query's result; fitBgNbd({ frequency, recency, T, count }) on its columns
 * ```
 */
export function compressedSummarySql(options: SummarySqlOptions): string {
  const inner = summarySql(options);
  const q = dialectOf('compressedSummarySql', options.dialect);
  const [f, r, t, c] = ['frequency', 'recency', 'T', 'count'].map((x) => q.ident(x));
  return `SELECT ${f}, ${r}, ${t}, COUNT(*) AS ${c}
FROM (
${inner}
) AS customer_summary
GROUP BY ${f}, ${r}, ${t}
ORDER BY ${f}, ${r}, ${t}`;
}
