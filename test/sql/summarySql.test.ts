import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { compressSummary, CustomerValueError, summarize } from '../../src/index.js';
import { compressedSummarySql, summarySql } from '../../src/sql/index.js';
import { cdnowMaster } from '../helpers/datasets.js';
import { expectSameSummary } from './expectSummary.js';

/** Run SQL in an in-memory DuckDB holding the rows as table "tx", read back as objects. */
async function inDuckDb(rows: { customerId: string[]; date: string[]; amount: ArrayLike<number> }, sql: string, table = 'tx'): Promise<Array<Record<string, unknown>>> {
  const dir = mkdtempSync(join(tmpdir(), 'cv-sql-'));
  const file = join(dir, 'tx.csv');
  writeFileSync(file, ['customerId,date,amount', ...rows.customerId.map((id, i) => `${id},${rows.date[i]},${rows.amount[i]}`)].join('\n'));
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`CREATE TABLE "${table.replaceAll('"', '""')}" AS SELECT * FROM read_csv('${file}', header = true, columns = {'customerId': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE'})`);
  const r = await c.runAndReadAll(sql);
  return r.getRowObjects() as Array<Record<string, unknown>>;
}

describe('summarySql in DuckDB (embedded), against summarize', () => {
  it('matches summarize on CDNOW_master: frequency and days exactly, values to 1e-9', async () => {
    const tx = cdnowMaster();
    const s = summarize(tx, { observationEnd: '1997-09-30', unit: 'week' });
    const rows = await inDuckDb(tx, summarySql({ dialect: 'duckdb', table: 'tx', observationEnd: '1997-09-30', unit: 'week' }));
    expectSameSummary(rows, s);
  });

  it('compressedSummarySql equals compressSummary on CDNOW_master, row by row (the same doubles, the same counts)', async () => {
    const tx = cdnowMaster();
    const c = compressSummary(summarize(tx, { observationEnd: '1997-09-30', unit: 'week' }));
    const rows = await inDuckDb(tx, compressedSummarySql({ dialect: 'duckdb', table: 'tx', observationEnd: '1997-09-30', unit: 'week' }));
    expect(rows.map((r) => [Number(r.frequency), Number(r.recency), Number(r.T), Number(r.count)])).toEqual(Array.from(c.frequency, (f, i) => [f, c.recency[i], c.T[i], c.count[i]]));
  });

  it('nets returns into their day, leaves out return-only customers and rows after the end, defaults the end to the last day', async () => {
    const tx = {
      customerId: ['a', 'a', 'a', 'b', 'c', 'c'],
      date: ['2024-01-01', '2024-01-08', '2024-01-08', '2024-01-05', '2024-01-03', '2024-02-20'],
      amount: [10, 30, -5, -20, 7, 9],
    };
    for (const observationEnd of ['2024-01-31', undefined]) {
      const s = summarize(tx, { observationEnd, unit: 'day' });
      const rows = await inDuckDb(tx, summarySql({ dialect: 'duckdb', table: 'tx', observationEnd, unit: 'day' }));
      expect(rows.map((r) => [r.customerId, Number(r.frequency), Number(r.recency), Number(r.T), Number(r.monetaryValue), Number(r.totalValue)])).toEqual(
        Array.from(s.customerId, (id, i) => [id, s.frequency[i], s.recency[i], s.T[i], s.monetaryValue[i], s.totalValue[i]]).sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1)),
      );
    }
  });

  it('quotes names, so a hostile table or column name is a name, not SQL', async () => {
    const tx = { customerId: ['a'], date: ['2024-01-01'], amount: [1] };
    const table = 'tx"; DROP TABLE tx; --';
    const rows = await inDuckDb(tx, summarySql({ dialect: 'duckdb', table, unit: 'day' }), table);
    expect(rows.length).toBe(1);
    expect(summarySql({ dialect: 'postgres', table: 'sales.tx', fields: { customerId: 'cust"id' } })).toContain('"sales"."tx"');
    expect(summarySql({ dialect: 'postgres', table: 'tx', fields: { customerId: 'cust"id' } })).toContain('"cust""id"');
  });

  it('refuses bad options, naming them', () => {
    expect(() => summarySql({ dialect: 'oracle' as never, table: 'tx' })).toThrow(/dialect must be one of 'duckdb', 'postgres'/);
    expect(() => summarySql({ dialect: 'duckdb', table: '' })).toThrow(CustomerValueError);
    expect(() => summarySql({ dialect: 'duckdb', table: 'a..b' })).toThrow(/table/);
    expect(() => summarySql({ dialect: 'duckdb', table: 'tx', observationEnd: "2024-01-01'; DROP TABLE tx; --" })).toThrow(/observationEnd/);
    expect(() => summarySql({ dialect: 'duckdb', table: 'tx', unit: 'fortnight' as never })).toThrow(/unit/);
  });
});
