import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { compressSummary, summarize } from '../../src/index.js';
import { compressedSummarySql, summarySql } from '../../src/sql/index.js';
import { cdnowMaster } from '../helpers/datasets.js';
import { expectSameSummary } from './expectSummary.js';

describe('summarySql in PostgreSQL (embedded PGlite), against summarize', () => {
  it('matches summarize on CDNOW_master: frequency and days exactly, values to 1e-9', async () => {
    const tx = cdnowMaster();
    const db = new PGlite();
    await db.exec(`CREATE TABLE "sales tx" ("customerId" TEXT, "date" DATE, "amount" DOUBLE PRECISION)`);
    await db.query(`INSERT INTO "sales tx" SELECT * FROM unnest($1::text[], $2::date[], $3::float8[])`, [tx.customerId, tx.date, Array.from(tx.amount)]);
    const s = summarize(tx, { observationEnd: '1997-09-30', unit: 'week' });
    const rows = (await db.query<Record<string, unknown>>(summarySql({ dialect: 'postgres', table: 'sales tx', observationEnd: '1997-09-30', unit: 'week' }))).rows;
    const compressed = (await db.query<Record<string, unknown>>(compressedSummarySql({ dialect: 'postgres', table: 'sales tx', observationEnd: '1997-09-30', unit: 'week' }))).rows;
    await db.close();
    const c = compressSummary(s);
    // the compressed histories row by row: the same doubles (recency and T are double divisions in both) and counts
    expect(compressed.map((r) => [Number(r.frequency), Number(r.recency), Number(r.T), Number(r.count)])).toEqual(Array.from(c.frequency, (f, i) => [f, c.recency[i], c.T[i], c.count[i]]));
    expectSameSummary(rows, s);
  }, 60_000);
});
