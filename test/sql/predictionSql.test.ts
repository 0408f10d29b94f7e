import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, fitBgNbd, fitParetoNbd, probabilityAlive, summarize, type PurchaseModel } from '../../src/index.js';
import { compressedSummarySql, historyPredictions, predictionSql, summarySql } from '../../src/sql/index.js';
import { cdnowMaster } from '../helpers/datasets.js';
import { duckdb, postgres, type Engine } from './engines.js';

const ENGINES = { duckdb, postgres };
const base = { table: 'tx', observationEnd: '1997-09-30', unit: 'week' } as const;

/** Engine predictions against the library's, per customer of summarize: to 1e-12 relative. */
function expectSamePredictions(rows: Array<Record<string, unknown>>, model: PurchaseModel, horizon: number): void {
  const s = summarize(cdnowMaster(), { observationEnd: base.observationEnd, unit: base.unit });
  const alive = probabilityAlive(model, s);
  const expected = conditionalExpectedPurchases(model, s, horizon);
  const at = new Map(s.customerId.map((id, i) => [String(id), i]));
  expect(rows.length).toBe(s.length);
  let worst = 0;
  for (const row of rows) {
    const i = at.get(String(row.customerId))!;
    worst = Math.max(worst, Math.abs(Number(row.probabilityAlive) - alive[i]!) / alive[i]!, Math.abs(Number(row.expectedPurchases) - expected[i]!) / Math.max(1e-300, expected[i]!));
  }
  expect(worst).toBeLessThan(1e-12);
}

describe.each(Object.keys(ENGINES) as Array<keyof typeof ENGINES>)('the round trip in %s: compressed histories out, fit here, predictions back in SQL', (dialect) => {
  let db: Engine;
  beforeAll(async () => {
    db = await ENGINES[dialect]();
    await db.load('tx', cdnowMaster());
  }, 60_000);
  afterAll(() => db.close());

  it('fits BG/NBD and Pareto/NBD on the engine rows (as returned) and joins per-customer predictions back, equal to the library per customer', async () => {
    const histories = await db.query(compressedSummarySql({ dialect, ...base }));
    expect(typeof histories[0]!.frequency).toBe('number');
    for (const fit of [fitBgNbd, fitParetoNbd]) {
      const model = fit(histories as never);
      // the engine's compressed histories give the fit summarize's give
      const here = fit(summarize(cdnowMaster(), { observationEnd: base.observationEnd, unit: base.unit }));
      // to the optimizer's tolerance: weighted rows sum in another order
      for (const [k, v] of Object.entries(here.params)) expect(Math.abs((model.params as Record<string, number>)[k]! - v) / v).toBeLessThan(1e-6);
      const rows = await db.query(predictionSql({ dialect, ...base, model, histories, horizon: 52 }));
      expectSamePredictions(rows, model, 52);
    }
  });

  it('reads a materialized summary table (summaryTable) instead of summarizing again, with the same rows', async () => {
    await db.query(`CREATE TABLE summary_w AS ${summarySql({ dialect, ...base })}`);
    const histories = await db.query(compressedSummarySql({ dialect, summaryTable: 'summary_w', unit: 'week' }));
    expect(histories).toEqual(await db.query(compressedSummarySql({ dialect, ...base })));
    const model = fitBgNbd(histories as never);
    const rows = await db.query(predictionSql({ dialect, summaryTable: 'summary_w', unit: 'week', model, histories, horizon: 52 }));
    expectSamePredictions(rows, model, 52);
  });

  it('keeps customers whose history was not given, with NULL predictions (nothing dropped)', async () => {
    const histories = await db.query(compressedSummarySql({ dialect, ...base }));
    const model = fitBgNbd(histories as never);
    const rows = await db.query(predictionSql({ dialect, ...base, model, histories: histories.slice(1), horizon: 10 }));
    const missing = rows.filter((r) => r.probabilityAlive === null);
    expect(missing.length).toBe(Number(histories[0]!.count));
    expect(rows.length).toBe(23570);
  });
});

describe('predictionsTable: a table of historyPredictions in the engine instead of inline values', () => {
  it('joins a loaded predictions table in DuckDB and gives the same rows', async () => {
    const db = await duckdb();
    await db.load('tx', cdnowMaster());
    const histories = await db.query(compressedSummarySql({ dialect: 'duckdb', ...base }));
    const model = fitBgNbd(histories as never);
    const p = historyPredictions(model, histories, { horizon: 52, unit: 'week' });
    expect(p.length).toBe(histories.length);
    const values = Array.from({ length: p.length }, (_, i) => `(${p.frequency[i]}, ${p.recencyDays[i]}, ${p.TDays[i]}, ${p.probabilityAlive[i]}, ${p.expectedPurchases[i]})`);
    await db.query(`CREATE TABLE hp AS SELECT * FROM (VALUES ${values.join(',')}) v("frequency", "recencyDays", "TDays", "probabilityAlive", "expectedPurchases")`);
    const rows = await db.query(predictionSql({ dialect: 'duckdb', ...base, model, predictionsTable: 'hp', horizon: 52 }));
    expectSamePredictions(rows, model, 52);
    await db.close();
  });

  it('refuses a model with covariates, missing histories and both sources at once', () => {
    const model = { kind: 'bg-nbd', params: { r: 1, alpha: 1, a: 1, b: 1 }, coefficients: { purchase: {}, dropout: {} } } as never;
    expect(() => historyPredictions(model, [{ frequency: 0, recency: 0, T: 1 }], { horizon: 1 })).toThrow(/covariates/);
    const bg = { kind: 'bg-nbd', params: { r: 1, alpha: 1, a: 1, b: 1 } } as never;
    expect(() => predictionSql({ dialect: 'duckdb', table: 'tx', model: bg, horizon: 1 })).toThrow(/histories/);
    expect(() => predictionSql({ dialect: 'duckdb', table: 'tx', model: bg, horizon: 1, histories: [], predictionsTable: 'hp' })).toThrow(/histories cannot be given together/);
  });
});

describe('the round trip reproduces the paper', () => {
  it("fits FHL (2005)'s BG/NBD estimates on the CDNOW sample's histories computed in DuckDB (r 0.243, alpha 4.414, a 0.793, b 2.426)", async () => {
    const { readCsv } = await import('../../src/node/index.js');
    const tx = readCsv(fileURLToPath(new URL('../../data/cdnow-sample.csv', import.meta.url)), { numeric: ['amount'] });
    const db = await duckdb();
    await db.load('tx', { customerId: tx.customerId as string[], date: tx.date as string[], amount: tx.amount as Float64Array });
    const histories = await db.query(compressedSummarySql({ dialect: 'duckdb', ...base }));
    await db.close();
    const { r, alpha, a, b } = fitBgNbd(histories as never).params;
    expect([r, alpha, a, b].map((x) => Number(x.toFixed(3)))).toEqual([0.243, 4.414, 0.793, 2.426]);
  });
});
