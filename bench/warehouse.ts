/**
 * The warehouse round trip against the in-process summary, one measurement per process:
 *   node --import tsx bench/warehouse.ts <rows> <duckdb|js>
 * Both modes hold the same seeded, BTYD-shaped log, computed in SQL and in JavaScript alike
 * (IEEE doubles in the same order): with u = h1(i) / 2^32 and v = h2(i) / 2^32, row i belongs
 * to customer c = floor(C u²) (C = rows / 10, so purchase rates vary), falls on day
 * floor(730 v life(c)) from 2023-01-01 with life(c) = (h1(c) mod 1000 + 1) / 1000 (customers
 * stop buying at different times) and has amount 1 + (h1(i) mod 10000) / 100; h1(x) =
 * x · 2654435761 mod 2^32, h2(x) = x · 2246822519 mod 2^32.
 * duckdb: the log generated in DuckDB (a table), then summarySql materialized in DuckDB,
 * compressedSummarySql of that summary table back here, fitBgNbd here, predictionSql joining
 * the summary table and the predictions (loaded as a table) materialized in DuckDB.
 * js: the log as typed arrays, then summarize, compressSummary and fitBgNbd here.
 * Prints one JSON line: times in ms and the process's peak RSS (DuckDB's memory included).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { compressSummary, fitBgNbd, summarize } from '../src/index.js';
import { compressedSummarySql, historyPredictions, predictionSql, summarySql } from '../src/sql/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const rows = Number(process.argv[2] ?? 1e7);
const mode = process.argv[3] ?? 'duckdb';
const customers = Math.max(1, Math.floor(rows / 10));
const base = { table: 'tx', observationEnd: '2024-12-30', unit: 'week' } as const;
const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const out = await f();
  return [out, Math.round(performance.now() - t)];
};

async function inDuckDb(): Promise<Record<string, unknown>> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const [, generateMs] = await time(() =>
    c.run(`CREATE TABLE tx AS
      SELECT CAST(c AS VARCHAR) AS "customerId",
        DATE '2023-01-01' + CAST(FLOOR(730.0 * v * ((((c * 2654435761) % 4294967296) % 1000 + 1) / 1000.0)) AS INTEGER) AS "date",
        1 + (h % 10000) / 100.0 AS "amount"
      FROM (
        SELECT h, CAST(FLOOR(${customers}.0 * ((h / 4294967296.0) * (h / 4294967296.0))) AS BIGINT) AS c, ((i * 2246822519) % 4294967296) / 4294967296.0 AS v
        FROM (SELECT i, (i * 2654435761) % 4294967296 AS h FROM range(${rows}) t(i))
      )`),
  );
  const [, summaryMs] = await time(() => c.run(`CREATE TABLE customer_summary AS ${summarySql({ dialect: 'duckdb', ...base })}`));
  const [histories, compressedMs] = await time(async () => (await c.runAndReadAll(compressedSummarySql({ dialect: 'duckdb', summaryTable: 'customer_summary', unit: base.unit }))).getRowObjectsJS() as Array<Record<string, unknown>>);
  const [model, fitMs] = await time(() => fitBgNbd(histories as never));
  // predictions per history here, loaded into the engine as a table (a CSV file), joined there
  const [, predictMs] = await time(async () => {
    const p = historyPredictions(model, histories, { horizon: 52, unit: base.unit });
    const lines = ['frequency,recencyDays,TDays,probabilityAlive,expectedPurchases'];
    for (let i = 0; i < p.length; i++) lines.push(`${p.frequency[i]},${p.recencyDays[i]},${p.TDays[i]},${p.probabilityAlive[i]},${p.expectedPurchases[i]}`);
    const file = join(mkdtempSync(join(tmpdir(), 'cv-bench-')), 'predictions.csv');
    writeFileSync(file, lines.join('\n'));
    await c.run(`CREATE TABLE history_predictions AS SELECT * FROM read_csv('${file}', header = true)`);
    await c.run(`CREATE TABLE predictions AS ${predictionSql({ dialect: 'duckdb', summaryTable: 'customer_summary', unit: base.unit, model, predictionsTable: 'history_predictions', horizon: 52 })}`);
  });
  const summarized = Number((await c.runAndReadAll('SELECT COUNT(*) AS n FROM customer_summary')).getRowObjectsJS()[0]!.n);
  const missing = Number((await c.runAndReadAll('SELECT COUNT(*) AS n FROM predictions WHERE "probabilityAlive" IS NULL')).getRowObjectsJS()[0]!.n);
  if (missing > 0) throw new Error(`${missing} customers without predictions`);
  c.closeSync();
  return { generateMs, summaryMs, compressedMs, fitMs, predictMs, roundTripMs: summaryMs + compressedMs + fitMs + predictMs, customers: summarized, histories: histories.length, r: model.params.r };
}

async function inProcess(): Promise<Record<string, unknown>> {
  const [data, generateMs] = await time(() => {
    const customerId = new Int32Array(rows);
    const date = new Float64Array(rows);
    const amount = new Float64Array(rows);
    const start = Date.UTC(2023, 0, 1);
    for (let i = 0; i < rows; i++) {
      const h = Math.imul(i, 2654435761 | 0) >>> 0;
      const u = h / 4294967296;
      const c = Math.floor(customers * (u * u));
      const v = (Math.imul(i, 2246822519 | 0) >>> 0) / 4294967296;
      const life = (((Math.imul(c, 2654435761 | 0) >>> 0) % 1000) + 1) / 1000;
      customerId[i] = c;
      date[i] = start + Math.floor(730 * v * life) * 86_400_000;
      amount[i] = 1 + (h % 10000) / 100;
    }
    return { customerId, date, amount };
  });
  const [s, summaryMs] = await time(() => summarize(data, { observationEnd: base.observationEnd, unit: base.unit }));
  const [c, compressedMs] = await time(() => compressSummary(s));
  const [model, fitMs] = await time(() => fitBgNbd(c));
  return { generateMs, summaryMs, compressedMs, fitMs, customers: s.length, histories: c.length, r: model.params.r };
}

const result = mode === 'js' ? await inProcess() : await inDuckDb();
console.log(JSON.stringify({ bench: 'warehouse', mode, rows, ...result, peakRssMb: peakMb() }));
