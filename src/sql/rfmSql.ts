import { parseOptions } from '../data/options.js';
import { optionError } from '../errors.js';
import { rfmOptionsSchema, type RfmScheme } from '../rfm/rfm.js';
import { QUADRANT, STANDARD, VALUE_MATRIX, type Locale, type Range, type RfmRule } from '../rfm/schemes.js';
import { numberLiteral, stringLiteral, type DialectSyntax } from './dialects.js';
import { summaryParts, type SummarySqlOptions } from './summarySql.js';

/** Options of {@link rfmSql}: the table options of {@link summarySql} and the scoring options of `rfm`. */
export interface RfmSqlOptions extends Omit<SummarySqlOptions, 'unit' | 'calibrationEnd' | 'observationEnd'> {
  /** Analysis date (inclusive): R counts days from the last purchase to it. Default: the table's last day. */
  asOf?: Date | string | number | undefined;
  /** Number of score bins, 2 to 9. Default 5. */
  bins?: number | undefined;
  /** M as the total value (default) or the mean value per purchase day. */
  monetary?: 'total' | 'mean' | undefined;
  /** Fixed ascending thresholds instead of quantiles, as in `rfm`. */
  thresholds?: { recency?: number[] | undefined; frequency?: number[] | undefined; monetary?: number[] | undefined } | undefined;
  /** 'standard' (default), 'value-matrix', 'quadrant' or custom rules, as in `rfm`. */
  scheme?: RfmScheme | readonly RfmRule[] | undefined;
  /** Segment labels: 'en' (default) or 'zh'. */
  locale?: Locale | undefined;
  /** Segment of customers no custom rule matches. Default 'Other'. */
  fallback?: string | undefined;
}

const FN = 'rfmSql';

/** `x BETWEEN lo AND hi` for a range whose infinite ends are left out; 'TRUE' for no range. */
function inRange(x: string, r: Range | undefined, option: string): string {
  if (r === undefined) return 'TRUE';
  const parts: string[] = [];
  if (r[0] !== Number.NEGATIVE_INFINITY) parts.push(`${x} >= ${numberLiteral(FN, option, r[0])}`);
  if (r[1] !== Number.POSITIVE_INFINITY) parts.push(`${x} <= ${numberLiteral(FN, option, r[1])}`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** Quantile score 1 + floor(bins · w / n), w = customers with a strictly worse value, as `rfm` scores. */
function quantileScore(q: DialectSyntax, bins: number, value: string, higherIsBetter: boolean): string {
  const worse = `(RANK() OVER (ORDER BY ${value} ${higherIsBetter ? 'ASC' : 'DESC'}) - 1)`;
  // a double division, as rfm's: a decimal one (Snowflake's NUMBER) could round up to the next integer
  return `1 + CAST(FLOOR(${q.toDouble(`${bins} * ${worse}`)} / COUNT(*) OVER ()) AS INTEGER)`;
}

/** Threshold score: 1 + the thresholds met (value >= t, or days <= t for recency). */
function thresholdScore(value: string, thresholds: readonly number[], higherIsBetter: boolean, option: string): string {
  return ['1', ...thresholds.map((t) => `CASE WHEN ${value} ${higherIsBetter ? '>=' : '<='} ${numberLiteral(FN, option, t)} THEN 1 ELSE 0 END`)].join(' + ');
}

/** Conditions joined with AND, the always-true ones left out. */
const all = (conds: readonly string[]): string => conds.filter((c) => c !== 'TRUE').join(' AND ') || 'TRUE';

/** The segment as a CASE over the scores (and raw values, or their means for the high/low schemes). */
function segmentCase(q: DialectSyntax, scheme: RfmScheme | readonly RfmRule[], locale: Locale, fallback: string): string {
  const lit = (s: string): string => stringLiteral(FN, q, 'scheme', s);
  if (scheme === 'standard') {
    const whens = STANDARD.map((s) => `WHEN ${all([inRange('r_score', s.r, 'scheme'), inRange('f_score', s.f, 'scheme'), inRange('m_score', s.m, 'scheme')])} THEN ${lit(s[locale])}`);
    return `CASE ${whens.join(' ')} END`;
  }
  if (scheme === 'value-matrix' || scheme === 'quadrant') {
    const high = { r: 'recency < mean_recency', f: 'frequency > mean_frequency', m: 'monetary > mean_monetary' };
    const flag = (cond: string, on: boolean): string => (on ? `(${cond})` : `NOT (${cond})`);
    const table = scheme === 'value-matrix' ? VALUE_MATRIX : QUADRANT;
    const whens = table.map((s) => {
      const conds = [flag(high.r, s.r), flag(high.f, s.f), ...('m' in s ? [flag(high.m, (s as { m: boolean }).m)] : [])];
      return `WHEN ${all(conds)} THEN ${lit(s[locale])}`;
    });
    return `CASE ${whens.join(' ')} END`;
  }
  const whens = (scheme as readonly RfmRule[]).map((rule) => {
    const conds = [
      inRange('r_score', rule.r, 'scheme'), inRange('f_score', rule.f, 'scheme'), inRange('m_score', rule.m, 'scheme'),
      inRange('recency', rule.recency, 'scheme'), inRange('frequency', rule.frequency, 'scheme'), inRange('monetary', rule.monetary, 'scheme'),
    ];
    return `WHEN ${all(conds)} THEN ${lit(rule.segment)}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${stringLiteral(FN, q, 'fallback', fallback)} END`;
}

/**
 * RFM in SQL: one query whose result has the columns and values of `rfm(transactions,
 * options).customers` (customerId; recency in days from the last purchase to `asOf`;
 * frequency in purchase days; monetary; rScore, fScore, mScore; cell such as '545'; score;
 * segment), computed where the data live, ordered by customerId. Quantile scores follow
 * `rfm`'s tie rule, score = 1 + floor(bins · w / n) with w the customers with a strictly worse
 * value, through RANK() window functions; fixed `thresholds` and the 'standard',
 * 'value-matrix' and 'quadrant' schemes or custom rules as in `rfm`, labels in English or
 * Chinese. Natural breaks (`binning: 'ckmeans'`) have no SQL form and are refused.
 * Numbers and labels spliced in are validated and escaped for the dialect.
 *
 * @example
 * ```ts
 * const sql = rfmSql({ dialect: 'duckdb', table: 'transactions', asOf: '1998-06-30' });
 * // rows: { customerId, recency, frequency, monetary, rScore, fScore, mScore, cell, score, segment }
 * ```
 */
export function rfmSql(options: RfmSqlOptions): string {
  const o = parseOptions(FN, rfmOptionsSchema, options) as unknown as RfmSqlOptions & { binning?: string; input?: string };
  if (o.binning !== undefined && o.binning !== 'quantile') optionError(FN, 'binning', "must be 'quantile' in SQL (natural breaks have no SQL form)", o.binning);
  const { q, ctes } = summaryParts(FN, { ...o, observationEnd: o.asOf, unit: 'day' });
  const scheme = o.scheme ?? 'standard';
  const th = o.thresholds;
  let bins = o.bins ?? 5;
  if (th) {
    const lists = [th.recency, th.frequency, th.monetary];
    if (lists.some((l) => l === undefined) || new Set(lists.map((l) => l?.length)).size !== 1) optionError(FN, 'thresholds', 'needs recency, frequency and monetary lists of the same length', th);
    for (const t of lists as number[][]) for (let i = 1; i < t.length; i++) if (!((t[i] as number) > (t[i - 1] as number))) optionError(FN, 'thresholds', 'must be strictly ascending', t);
    bins = (th.recency as number[]).length + 1;
  }
  if (scheme === 'standard' && bins !== 5) optionError(FN, 'bins', "must be 5 for the 'standard' scheme", bins);
  const score = (value: string, list: number[] | undefined, higher: boolean, option: string): string =>
    list ? thresholdScore(value, list, higher, option) : quantileScore(q, bins, value, higher);
  const id = q.ident('customerId');
  const monetary = o.monetary === 'mean' ? `${q.ident('totalValue')} / (${q.ident('frequency')} + 1)` : q.ident('totalValue');
  const cell = `CONCAT(${['r_score', 'f_score', 'm_score'].map((s) => q.toText(s)).join(', ')})`;
  return `WITH ${ctes},
rfm_raw AS (
  SELECT ${id} AS customer_id, ${q.ident('T')} - ${q.ident('recency')} AS recency, ${q.ident('frequency')} + 1 AS frequency, ${monetary} AS monetary
  FROM customer_summary
),
rfm_scores AS (
  SELECT customer_id, recency, frequency, monetary,
    ${score('recency', th?.recency, false, 'thresholds.recency')} AS r_score,
    ${score('frequency', th?.frequency, true, 'thresholds.frequency')} AS f_score,
    ${score('monetary', th?.monetary, true, 'thresholds.monetary')} AS m_score,
    AVG(recency) OVER () AS mean_recency, AVG(frequency) OVER () AS mean_frequency, AVG(monetary) OVER () AS mean_monetary
  FROM rfm_raw
)
SELECT
  customer_id AS ${id}, recency AS ${q.ident('recency')}, frequency AS ${q.ident('frequency')}, monetary AS ${q.ident('monetary')},
  r_score AS ${q.ident('rScore')}, f_score AS ${q.ident('fScore')}, m_score AS ${q.ident('mScore')},
  ${cell} AS ${q.ident('cell')}, r_score + f_score + m_score AS ${q.ident('score')},
  ${segmentCase(q, scheme, o.locale ?? 'en', o.fallback ?? 'Other')} AS ${q.ident('segment')}
FROM rfm_scores
ORDER BY ${q.binaryOrder('customer_id')}`;
}
