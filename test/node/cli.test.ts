import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, fitBgNbd, probabilityAlive, summarize, toRows } from '../../src/index.js';
import { readCsv } from '../../src/node/index.js';
import { main } from '../../src/node/cli/main.js';
import { summarySql } from '../../src/sql/index.js';
import { DATASETS } from '../helpers/datasets.js';

const SAMPLE = fileURLToPath(new URL('../../data/cdnow-sample.csv', import.meta.url));
const MASTER = `${DATASETS}CDNOW_master.txt`;
const dir = mkdtempSync(join(tmpdir(), 'cv-cli-'));

/** Run the command line in this process; stdout, stderr and the exit code. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
  const stderr = { write: (s: string) => ((err += s), true), isTTY: false } as unknown as NodeJS.WriteStream;
  const code = await main(argv, { stdout, stderr });
  return { code, out, err };
}

/** CSV text back into rows of strings. */
const csvRows = (text: string): Array<Record<string, string>> => {
  const [head, ...lines] = text.trim().split('\n');
  const names = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, j) => [names[j], v])));
};

describe('the customer-value command line, on the CDNOW files', () => {
  it('summarize streams CDNOW_master.txt to the CSV of summarize, numbers exact', async () => {
    const r = await cli('summarize', MASTER, '--delimiter', 'whitespace', '--customer-id', 'customer_id', '--amount', 'dollar_value', '--observation-end', '1997-09-30', '--unit', 'week');
    expect(r.code).toBe(0);
    const want = toRows(summarize(readCsv(MASTER, { delimiter: 'whitespace', numeric: ['dollar_value'] }), { fields: { customerId: 'customer_id', amount: 'dollar_value' }, observationEnd: '1997-09-30', unit: 'week', order: 'customerId' }));
    expect(csvRows(r.out)).toEqual(want.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]))));
  });

  it("fit gives FHL (2005)'s BG/NBD estimates on the sample, and predict the library's predictions per customer", async () => {
    const model = join(dir, 'model.json');
    expect((await cli('fit', SAMPLE, '--observation-end', '1997-09-30', '--spend', 'gamma-gamma', '-o', model)).code).toBe(0);
    const json = JSON.parse(readFileSync(model, 'utf8')) as { purchase: { kind: string; params: Record<string, number> }; spend: { kind: string } };
    expect(Object.values(json.purchase.params).map((x) => Number(x.toFixed(3)))).toEqual([0.243, 4.414, 0.793, 2.426]);
    expect(json.spend.kind).toBe('gamma-gamma');
    const r = await cli('predict', SAMPLE, '--model', model, '--observation-end', '1997-09-30', '--horizon', '39');
    expect(r.code).toBe(0);
    const rows = csvRows(r.out);
    const s = summarize(readCsv(SAMPLE, { numeric: ['amount'] }), { observationEnd: '1997-09-30', unit: 'week', order: 'customerId' });
    const bg = fitBgNbd(s);
    const alive = probabilityAlive(bg, s);
    const expected = conditionalExpectedPurchases(bg, s, 39);
    expect(rows.length).toBe(s.length);
    rows.forEach((row, i) => {
      expect(row.customerId).toBe(s.customerId[i]);
      expect(Number(row.probabilityAlive)).toBeCloseTo(alive[i]!, 6);
      expect(Number(row.expectedPurchases)).toBeCloseTo(expected[i]!, 6);
    });
  });

  it('writes compressed histories, reads a summary file back for fit, prints a report and SQL', async () => {
    const summaryFile = join(dir, 'summary.csv');
    expect((await cli('summarize', SAMPLE, '--observation-end', '1997-09-30', '-o', summaryFile)).code).toBe(0);
    const fromSummary = JSON.parse((await cli('fit', summaryFile)).out) as { purchase: { params: Record<string, number> } };
    expect(fromSummary.purchase.params.r).toBeCloseTo(0.2426, 4);
    const compressed = csvRows((await cli('summarize', SAMPLE, '--observation-end', '1997-09-30', '--compressed')).out);
    expect(compressed.reduce((n, r) => n + Number(r.count), 0)).toBe(2357);
    const report = await cli('report', SAMPLE);
    expect(report.out).toMatch(/customers: 2357, observed to 1998-06-30/);
    expect(report.out).toMatch(/RFM segments[\s\S]*Champions\s+413/);
    expect(report.out).toMatch(/ABC tiers \(Gini 0\.\d+/);
    const sql = await cli('sql', 'summary', '--dialect', 'snowflake', '--table', 'SALES.TX', '--unit', 'day');
    expect(sql.out).toBe(`${summarySql({ dialect: 'snowflake', table: 'SALES.TX', unit: 'day' })};\n`);
  });

  it('reads Parquet through DuckDB, to the same summary as the CSV', async () => {
    const parquet = join(dir, 'sample.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`COPY (SELECT customerId, CAST(date AS DATE) AS date, amount FROM read_csv('${SAMPLE}', header = true, columns = {'customerId': 'VARCHAR', 'date': 'DATE', 'quantity': 'INTEGER', 'amount': 'DOUBLE'})) TO '${parquet}' (FORMAT parquet)`);
    c.closeSync();
    const fromParquet = await cli('summarize', parquet, '--observation-end', '1997-09-30');
    const fromCsv = await cli('summarize', SAMPLE, '--observation-end', '1997-09-30');
    expect(fromParquet.code).toBe(0);
    const a = csvRows(fromParquet.out);
    const b = csvRows(fromCsv.out);
    expect(a.map((r) => [r.customerId, r.frequency, r.recency, r.T, r.firstPurchase])).toEqual(b.map((r) => [r.customerId, r.frequency, r.recency, r.T, r.firstPurchase]));
    a.forEach((r, i) => expect(Number(r.totalValue)).toBeCloseTo(Number(b[i]!.totalValue), 9));
  });

  it('exits 1 for bad data naming the row, 2 for bad usage, 0 for help', async () => {
    const bad = join(dir, 'bad.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, 'customerId,date,amount\na,2024-01-01,1\nb,2024-13-01,2\n');
    const r = await cli('summarize', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/row 1: date must be a valid/);
    expect((await cli('fit', SAMPLE, '--model', 'no-such-model')).err).toMatch(/--model must be one of bg-nbd/);
    expect((await cli('summarize', SAMPLE, '--no-such-option')).code).toBe(2);
    expect((await cli('summarize', join(dir, 'missing.csv'))).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('predict', SAMPLE, '--horizon', 'soon', '--model', join(dir, 'model.json'))).err).toMatch(/--horizon must be a number/);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/usage: customer-value <command>/);
  });
});

describe('docs/cli.md stays true to the command line', () => {
  it('holds the help text the command prints, option for option', async () => {
    const { helpText } = await import('../../src/node/cli/args.js');
    expect(readFileSync(join(fileURLToPath(new URL('../../docs/', import.meta.url)), 'cli.md'), 'utf8')).toContain(helpText());
  });
});
