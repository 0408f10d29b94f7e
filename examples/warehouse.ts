/**
 * The warehouse round trip on the CDNOW sample, with DuckDB standing in for the warehouse:
 * the compressed histories are computed in the engine, BG/NBD is fitted here on those few
 * rows, and the per-customer predictions go back into the engine as one query. RFM segments
 * and ABC tiers are computed in the engine too.
 *
 * Run it with `npm run example:warehouse` (DuckDB's Node API, `@duckdb/node-api`, is a
 * dev dependency of this repository; in your project, `npm install @duckdb/node-api`).
 */
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { fitBgNbd } from 'customer-value';
import { abcSql, compressedSummarySql, predictionSql, rfmSql } from 'customer-value/sql';
import { heading, table } from './format.js';

const file = fileURLToPath(new URL('../data/cdnow-sample.csv', import.meta.url));
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
const run = async (sql: string): Promise<Array<Record<string, unknown>>> => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Array<Record<string, unknown>>;

// the "warehouse" table: the shipped sample, read by DuckDB itself
await connection.run(`CREATE TABLE transactions AS SELECT customerId, CAST(date AS DATE) AS date, amount FROM read_csv('${file.replaceAll("'", "''")}', header = true)`);

const base = { dialect: 'duckdb', table: 'transactions', observationEnd: '1997-09-30', unit: 'week' } as const;

// 1. one row per distinct history comes back, not one per customer
const histories = await run(compressedSummarySql(base));
console.log(heading(`Compressed histories: ${histories.length} rows for ${histories.reduce((s, r) => s + Number(r.count), 0)} customers`));

// 2. fit here
const model = fitBgNbd(histories as never);
console.log('BG/NBD', Object.fromEntries(Object.entries(model.params).map(([k, v]) => [k, Number(v.toFixed(4))])));

// 3. predictions back in the engine, per customer
const top = await run(`SELECT * FROM (${predictionSql({ ...base, model, histories, horizon: 39 })}) AS p ORDER BY "expectedPurchases" DESC LIMIT 5`);
console.log(heading('Top 5 customers by expected purchases in the next 39 weeks (computed in DuckDB)'));
console.log(table(top.map((r) => ({ customerId: r.customerId, frequency: r.frequency, pAlive: Number(r.probabilityAlive), expected: Number(r.expectedPurchases) })), 3));

// RFM segments and ABC tiers, also in the engine
const segments = await run(`SELECT segment, COUNT(*) AS customers FROM (${rfmSql({ dialect: 'duckdb', table: 'transactions', asOf: '1998-06-30' })}) AS r GROUP BY segment ORDER BY customers DESC`);
console.log(heading('RFM segments at 1998-06-30 (computed in DuckDB)'));
console.log(table(segments.map((r) => ({ segment: r.segment, customers: Number(r.customers) }))));
const tiers = await run(`SELECT tier, COUNT(*) AS customers, SUM(value) AS value FROM (${abcSql({ dialect: 'duckdb', table: 'transactions' })}) AS a GROUP BY tier ORDER BY tier`);
console.log(heading('ABC tiers (computed in DuckDB)'));
console.log(table(tiers.map((r) => ({ tier: r.tier, customers: Number(r.customers), value: Number(r.value) }))));
connection.closeSync();
