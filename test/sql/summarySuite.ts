import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressSummary, splitCalibrationHoldout, summarize } from '../../src/index.js';
import { compressedSummarySql, summarySql } from '../../src/sql/index.js';
import { cdnowMaster } from '../helpers/datasets.js';
import { duckdb, postgres, simulatedLog, type Engine } from './engines.js';
import { expectSameSummary } from './expectSummary.js';

const ENGINES = { duckdb, postgres };

/**
 * summarySql and compressedSummarySql executed in an embedded engine, against summarize and
 * splitCalibrationHoldout; `units` are the units the simulated 1e6-row log is summarized in.
 */
export function summarySqlSuite(dialect: keyof typeof ENGINES, units: ReadonlyArray<'day' | 'week' | 'month' | 'year'>): void {
  describe(`summarySql executed in ${dialect} (embedded), against summarize`, () => {
    let db: Engine;
    const cdnow = cdnowMaster();
    const log = simulatedLog(1_000_000, 100_000);
    beforeAll(async () => {
      db = await ENGINES[dialect]();
      await db.load('sales tx', cdnow);
      await db.load('log', log);
    }, 120_000);
    afterAll(() => db.close());

    it('matches summarize on CDNOW_master: frequency and days exactly, values to 1e-9', async () => {
      const s = summarize(cdnow, { observationEnd: '1997-09-30', unit: 'week' });
      expectSameSummary(await db.query(summarySql({ dialect, table: 'sales tx', observationEnd: '1997-09-30', unit: 'week' })), s);
    });

    it('compressedSummarySql equals compressSummary on CDNOW_master, row by row (the same doubles, the same counts)', async () => {
      const c = compressSummary(summarize(cdnow, { observationEnd: '1997-09-30', unit: 'week' }));
      const rows = await db.query(compressedSummarySql({ dialect, table: 'sales tx', observationEnd: '1997-09-30', unit: 'week' }));
      expect(rows.map((r) => [Number(r.frequency), Number(r.recency), Number(r.T), Number(r.count)])).toEqual(Array.from(c.frequency, (f, i) => [f, c.recency[i], c.T[i], c.count[i]]));
    });

    it('with calibrationEnd matches splitCalibrationHoldout on CDNOW_master, holdout columns included', async () => {
      for (const observationEnd of ['1998-06-30', undefined]) {
        const s = splitCalibrationHoldout(cdnow, { calibrationEnd: '1997-09-30', observationEnd, unit: 'week' });
        expectSameSummary(await db.query(summarySql({ dialect, table: 'sales tx', calibrationEnd: '1997-09-30', observationEnd, unit: 'week' })), s);
      }
    });

    it(`matches summarize on a simulated log of 1e6 rows with returns and same-day repeats, in ${units.join(' and ')}`, async () => {
      for (const unit of units) {
        const s = summarize(log, { unit });
        expectSameSummary(await db.query(summarySql({ dialect, table: 'log', unit })), s);
      }
      const split = splitCalibrationHoldout(log, { calibrationEnd: '2024-03-31', unit: 'week' });
      expectSameSummary(await db.query(summarySql({ dialect, table: 'log', calibrationEnd: '2024-03-31', unit: 'week' })), split);
    }, 120_000);

    it('leaves out rows with a NULL customer id, date or amount', async () => {
      await db.query(`CREATE TABLE nulls AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', 5.0), (NULL, DATE '2024-01-02', 1.0), ('b', NULL, 2.0), ('c', DATE '2024-01-03', NULL), ('a', DATE '2024-01-08', NULL)) AS v("customerId", "date", "amount")`);
      const rows = await db.query(summarySql({ dialect, table: 'nulls', unit: 'day' }));
      expect(rows.map((r) => [r.customerId, Number(r.frequency), Number(r.T), Number(r.totalValue)])).toEqual([['a', 0, 0, 5]]);
    });

    it('nets returns into their day, leaves out return-only customers and rows after the end, defaults the end to the last day', async () => {
      const tx = {
        customerId: ['a', 'a', 'a', 'b', 'c', 'c'],
        date: ['2024-01-01', '2024-01-08', '2024-01-08', '2024-01-05', '2024-01-03', '2024-02-20'],
        amount: [10, 30, -5, -20, 7, 9],
      };
      await db.load('small', tx);
      for (const observationEnd of ['2024-01-31', undefined]) {
        const s = summarize(tx, { observationEnd, unit: 'day' });
        const rows = await db.query(summarySql({ dialect, table: 'small', observationEnd, unit: 'day' }));
        expect(rows.map((r) => r.customerId)).toEqual([...s.customerId].sort());
        expectSameSummary(rows, s);
      }
    });
  });
}
