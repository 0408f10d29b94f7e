import { optionError } from '../errors.js';
import { numberLiteral } from './dialects.js';
import { summaryParts, type SummarySqlOptions } from './summarySql.js';

/** Options of {@link abcSql}: the table options of {@link summarySql} and the tier rule of `abc`. */
export interface AbcSqlOptions extends Omit<SummarySqlOptions, 'unit' | 'calibrationEnd'> {
  /** `'value'` (default: cumulative share of value, cuts [0.8, 0.95]) or `'customers'` (share of customers, cuts [0.2, 0.5]). */
  rule?: 'value' | 'customers' | undefined;
  /** The two cut points (A|B, B|C) as ascending shares in (0, 1]. */
  thresholds?: readonly [number, number] | undefined;
}

const FN = 'abcSql';

/**
 * ABC tiers in SQL: one query whose result has the columns and values of `abc(transactions,
 * options).customers` (customerId, value = the customer's total net value up to
 * `observationEnd`, rank, cumulativeShare, tier), ordered by rank. Customers are ranked by
 * value, descending, ties by customer id (binary order of its text); the cumulative share
 * counts non-positive values as 0. With rule 'value' a customer is in A while the share of
 * value before them is below the first cut (so A is never empty while any value is
 * positive), in B below the second; with rule 'customers' A holds the first ceil(cut · n)
 * ranks. Non-positive values are always C. The 'computed' rule (Ultsch & Lötsch 2015) needs
 * the whole curve and has no one-query form: run `abc` on this query's rows.
 *
 * @example
 * ```ts
 * const sql = abcSql({ dialect: 'postgres', table: 'sales.transactions', thresholds: [0.8, 0.95] });
 * // rows: { customerId, value, rank, cumulativeShare, tier }
 * ```
 */
export function abcSql(options: AbcSqlOptions): string {
  const { q, ctes } = summaryParts(FN, { ...options, unit: 'day' });
  const rule = options.rule ?? 'value';
  if (rule !== 'value' && rule !== 'customers') optionError(FN, 'rule', "must be 'value' or 'customers' in SQL (run abc on the rows for 'computed')", rule);
  const cuts = options.thresholds ?? (rule === 'customers' ? [0.2, 0.5] : [0.8, 0.95]);
  if (!Array.isArray(cuts) || cuts.length !== 2 || cuts.some((c) => typeof c !== 'number' || !(c > 0 && c <= 1)) || !((cuts[0] as number) <= (cuts[1] as number))) {
    optionError(FN, 'thresholds', 'must be two ascending shares in (0, 1]', cuts);
  }
  const [t1, t2] = cuts.map((c) => numberLiteral(FN, 'thresholds', c));
  const order = `value DESC, ${q.binaryOrder('customer_id')}`;
  const before = `COALESCE(SUM(positive) OVER (ORDER BY ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`;
  const tier =
    rule === 'value'
      ? `CASE WHEN value > 0 AND value_before / total < ${t1} THEN 'A' WHEN value > 0 AND value_before / total < ${t2} THEN 'B' ELSE 'C' END`
      : `CASE WHEN value > 0 AND ${q.ident('rank')} <= CEIL(${t1} * ${q.toDouble('n')} - 1e-9) THEN 'A' WHEN value > 0 AND ${q.ident('rank')} <= CEIL(${t2} * ${q.toDouble('n')} - 1e-9) THEN 'B' ELSE 'C' END`;
  return `WITH ${ctes},
abc_values AS (
  SELECT ${q.ident('customerId')} AS customer_id, ${q.ident('totalValue')} AS value,
    CASE WHEN ${q.ident('totalValue')} > 0 THEN ${q.ident('totalValue')} ELSE 0 END AS positive
  FROM customer_summary
),
abc_ranked AS (
  SELECT customer_id, value,
    ROW_NUMBER() OVER (ORDER BY ${order}) AS ${q.ident('rank')},
    SUM(positive) OVER (ORDER BY ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative,
    ${before} AS value_before,
    SUM(positive) OVER () AS total,
    COUNT(*) OVER () AS n
  FROM abc_values
)
SELECT customer_id AS ${q.ident('customerId')}, value AS ${q.ident('value')}, ${q.ident('rank')},
  CASE WHEN total > 0 THEN cumulative / total ELSE 0 END AS ${q.ident('cumulativeShare')},
  ${tier} AS ${q.ident('tier')}
FROM abc_ranked
ORDER BY ${q.ident('rank')}`;
}
