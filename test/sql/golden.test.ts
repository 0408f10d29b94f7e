import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { abcSql, compressedSummarySql, predictionSql, rfmSql, summarySql, type Dialect } from '../../src/sql/index.js';

/**
 * BigQuery, Snowflake and Spark cannot run here. Their SQL is pinned by golden files (rewrite
 * them with UPDATE_GOLDEN=1 after a deliberate change, and read the diff), and every function
 * it calls must be one the dialect documents, listed below with the page that documents it.
 * DuckDB and PostgreSQL have golden files too, and are executed in the other tests.
 */
const DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const DIALECTS: readonly Dialect[] = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'spark'];

const COMMON = ['CAST', 'SUM', 'COUNT', 'MIN', 'MAX', 'AVG', 'COALESCE', 'GREATEST', 'RANK', 'ROW_NUMBER', 'FLOOR', 'CEIL', 'ROUND', 'CONCAT'];
/** Functions each dialect documents (besides CASE, which is syntax). */
const DOCUMENTED: Record<Dialect, { functions: readonly string[]; docs: string }> = {
  // https://duckdb.org/docs/sql/functions/date (date_diff), /functions/aggregates, /functions/window_functions
  duckdb: { functions: [...COMMON, 'DATE_DIFF'], docs: 'duckdb.org/docs/sql/functions' },
  // https://www.postgresql.org/docs/current/functions-datetime.html (date - date is an integer), functions-window.html
  postgres: { functions: COMMON, docs: 'postgresql.org/docs/current/functions.html' },
  // https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#date_diff, .../array_functions (UNNEST of ARRAY<STRUCT>)
  bigquery: { functions: [...COMMON, 'DATE_DIFF', 'UNNEST'], docs: 'cloud.google.com/bigquery/docs/reference/standard-sql/functions-and-operators' },
  // https://docs.snowflake.com/en/sql-reference/functions/datediff, .../functions/greatest, .../functions/rank
  snowflake: { functions: [...COMMON, 'DATEDIFF'], docs: 'docs.snowflake.com/en/sql-reference/functions-all' },
  // https://spark.apache.org/docs/latest/api/sql/#datediff (datediff(endDate, startDate)), #greatest, #rank
  spark: { functions: [...COMMON, 'DATEDIFF'], docs: 'spark.apache.org/docs/latest/api/sql/' },
};
/** Words followed by "(" that are syntax, not calls. */
const SYNTAX = new Set(['AS', 'IN', 'VALUES', 'OVER', 'FROM', 'JOIN', 'AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'SELECT', 'WHERE', 'ON', 'BY', 'V', 'DECIMAL', 'NUMERIC', 'NUMBER']);

const model = { kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as never;
const histories = [{ frequency: 0, recency: 0, T: 38.857142857142854 }, { frequency: 2, recency: 30.428571428571427, T: 38.857142857142854 }];
const base = { table: 'sales.transactions', fields: { customerId: 'customer_id', date: 'order_date', amount: 'net_amount' } };
const QUERIES: Record<string, (dialect: Dialect) => string> = {
  summary: (dialect) => summarySql({ dialect, ...base, observationEnd: '1997-09-30', unit: 'week' }),
  'summary-holdout': (dialect) => summarySql({ dialect, ...base, calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' }),
  compressed: (dialect) => compressedSummarySql({ dialect, ...base, unit: 'week' }),
  rfm: (dialect) => rfmSql({ dialect, ...base, asOf: '1998-06-30' }),
  'rfm-value-matrix-zh': (dialect) => rfmSql({ dialect, ...base, scheme: 'value-matrix', locale: 'zh', bins: 3 }),
  abc: (dialect) => abcSql({ dialect, ...base }),
  prediction: (dialect) => predictionSql({ dialect, ...base, observationEnd: '1997-09-30', unit: 'week', model, histories, horizon: 52 }),
};

/** Function names called in a query: a word followed by "(", outside string literals. */
function calledFunctions(sql: string): Set<string> {
  const code = sql.replace(/'(?:[^'\\]|\\.|'')*'/g, "''");
  const out = new Set<string>();
  for (const m of code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
    const word = m[1]!.toUpperCase();
    if (!SYNTAX.has(word)) out.add(word);
  }
  return out;
}

describe.each(DIALECTS)('the %s SQL', (dialect) => {
  it.each(Object.keys(QUERIES))('%s equals its golden file', (name) => {
    const sql = QUERIES[name]!(dialect);
    const file = `${DIR}${dialect}/${name}.sql`;
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(`${DIR}${dialect}`, { recursive: true });
      writeFileSync(file, `${sql}\n`);
    }
    // a missing golden file fails: it is written only on purpose, with UPDATE_GOLDEN=1
    expect(existsSync(file), `${file} is missing; run UPDATE_GOLDEN=1 and read the diff`).toBe(true);
    expect(`${sql}\n`).toBe(readFileSync(file, 'utf8'));
  });

  it("calls only functions the dialect documents, quotes identifiers its way and has balanced parentheses", () => {
    for (const name of Object.keys(QUERIES)) {
      const sql = QUERIES[name]!(dialect);
      const unknown = [...calledFunctions(sql)].filter((f) => !DOCUMENTED[dialect].functions.includes(f));
      expect(unknown, `${name}: not in ${DOCUMENTED[dialect].docs}`).toEqual([]);
      const code = sql.replace(/'(?:[^'\\]|\\.|'')*'/g, "''");
      let depth = 0;
      for (const ch of code) {
        depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
      const backticks = dialect === 'bigquery' || dialect === 'spark';
      expect(code.includes('`')).toBe(backticks);
      expect(code.includes('"')).toBe(!backticks);
      if (dialect === 'bigquery') expect(code).not.toMatch(/\bVALUES\b/);
    }
  });
});
