/**
 * What the commands read: transactions (CSV streamed, or Parquet / Arrow IPC through DuckDB
 * when `@duckdb/node-api` is installed) summarized, or a summary CSV as written by
 * `customer-value summarize`.
 * @internal
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { summarizeStream } from '../../summary/summarizeStream.js';
import type { CustomerSummary } from '../../summary/types.js';
import { splitCalibrationHoldout } from '../../summary/splitCalibrationHoldout.js';
import { summarySql } from '../../sql/summarySql.js';
import { parseCsvText, readCsv } from '../readCsv.js';
import { streamCsv } from '../streamCsv.js';
import { UsageError, type CliOptions } from './args.js';
import type { Bar } from './progressBar.js';

const SUMMARY_NUMBERS = ['frequency', 'recency', 'T', 'monetaryValue', 'totalValue', 'count', 'logIntervalSum', 'frequencyHoldout', 'monetaryValueHoldout', 'durationHoldout'];

/** The reading options every command shares, as the library names them. */
export function readOptions(o: CliOptions) {
  const given = Object.entries({ customerId: o['customer-id'], date: o.date, amount: o.amount }).filter(([, v]) => v !== undefined);
  return {
    fields: Object.fromEntries(given) as { customerId?: string; date?: string; amount?: string },
    numericDates: o['date-format'] as never,
    observationEnd: o['observation-end'],
    unit: (o.unit ?? 'week') as never,
  };
}

const isDuckDbFile = (file: string): boolean => /\.(parquet|arrow|feather|ipc)$/i.test(file);

/** The header of a CSV file (its first line only), to tell a summary from transactions. */
function header(file: string, delimiter: string | undefined): string[] {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(65_536);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const first = buf.toString('utf8', 0, n).split(/\r?\n/)[0] ?? '';
  return delimiter === 'whitespace' ? first.trim().split(/[ \t]+/) : (parseCsvText(first, delimiter ?? ',')[0] ?? []);
}

/** The file exists and is a file, or a usage error naming it. */
export function checkFile(file: string | undefined): string {
  if (file === undefined) throw new UsageError('a file is needed');
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    throw new UsageError(`cannot read ${JSON.stringify(file)}`);
  }
  return file;
}

/** True when the CSV's header has `frequency`: a summary, not transactions. */
export function isSummaryFile(file: string, o: CliOptions): boolean {
  return !isDuckDbFile(file) && header(file, o.delimiter).includes('frequency');
}

/** A summary CSV as columns (numbers where the summary has numbers). */
export function readSummaryFile(file: string, o: CliOptions): Record<string, string[] | Float64Array> {
  const names = header(file, o.delimiter);
  return readCsv(file, { delimiter: o.delimiter ?? ',', numeric: SUMMARY_NUMBERS.filter((n) => names.includes(n)) });
}

/** Parquet or Arrow files through DuckDB's Node API (an optional install), summarized in DuckDB. */
async function summarizeWithDuckDb(file: string, o: CliOptions): Promise<Record<string, unknown[]>> {
  const name = '@duckdb/node-api';
  let duckdb: { DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<{ run(sql: string): Promise<unknown>; runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Array<Record<string, unknown>> }> }> }> } };
  try {
    duckdb = (await import(name)) as typeof duckdb;
  } catch {
    throw new UsageError(`reading ${JSON.stringify(file)} needs DuckDB: npm install @duckdb/node-api (or convert the file to CSV)`);
  }
  const db = await duckdb.DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const reader = /\.parquet$/i.test(file) ? 'read_parquet' : 'read_arrow';
  await c.run(`CREATE VIEW transactions AS SELECT * FROM ${reader}('${file.replaceAll("'", "''")}')`);
  const r = readOptions(o);
  const rows = (await c.runAndReadAll(summarySql({ dialect: 'duckdb', table: 'transactions', fields: r.fields, observationEnd: r.observationEnd, calibrationEnd: o['calibration-end'], unit: r.unit }))).getRowObjectsJS();
  const cols: Record<string, unknown[]> = {};
  for (const row of rows) for (const [k, v] of Object.entries(row)) (cols[k] ??= []).push(typeof v === 'bigint' ? Number(v) : v);
  return cols;
}

/** Transactions summarized as `summarize` (or `splitCalibrationHoldout`) would, streaming CSV files. */
export async function summarizeFile(file: string, o: CliOptions, bar: Bar): Promise<CustomerSummary | Record<string, unknown[]>> {
  if (isDuckDbFile(file)) return summarizeWithDuckDb(file, o);
  const r = readOptions(o);
  const csv = { delimiter: o.delimiter ?? ',', numeric: [r.fields.amount ?? 'amount'] };
  if (o['calibration-end'] !== undefined) {
    return splitCalibrationHoldout(readCsv(file, csv), { ...r, calibrationEnd: o['calibration-end'] });
  }
  const chunks = streamCsv(file, { ...csv, chunkRows: 200_000, onProgress: (p) => bar.update(p.bytes, p.totalBytes, p.rows) });
  const summary = await summarizeStream(chunks, { ...r, order: 'customerId' });
  bar.end();
  return summary;
}
