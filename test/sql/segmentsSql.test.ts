import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abc, rfm, type RfmOptions } from '../../src/index.js';
import { abcSql, rfmSql, summarySql, type RfmSqlOptions } from '../../src/sql/index.js';
import { cdnowMaster } from '../helpers/datasets.js';
import { duckdb, postgres, type Engine } from './engines.js';

const ENGINES = { duckdb, postgres };
const RFM_COLUMNS = ['customerId', 'recency', 'frequency', 'monetary', 'rScore', 'fScore', 'mScore', 'cell', 'score', 'segment'] as const;

/** Engine rows against a column result: every column, numbers to 1e-9 relative, in the order given. */
function expectSameColumns(rows: Array<Record<string, unknown>>, cols: Record<string, ArrayLike<unknown>>, names: readonly string[]): void {
  const bad: string[] = [];
  rows.forEach((row, i) => {
    for (const name of names) {
      const want = cols[name]![i];
      const got = row[name];
      const ok = typeof want === 'number' ? Math.abs(Number(got) - want) <= 1e-9 * Math.max(1, Math.abs(want)) : String(got) === String(want);
      if (!ok) bad.push(`row ${i} ${name}: ${String(got)} vs ${String(want)}`);
    }
  });
  expect(rows.length).toBe(cols[names[0]!]!.length);
  expect(bad.slice(0, 5)).toEqual([]);
}

describe.each(Object.keys(ENGINES) as Array<keyof typeof ENGINES>)('rfmSql and abcSql executed in %s (embedded)', (dialect) => {
  let db: Engine;
  const cdnow = cdnowMaster();
  beforeAll(async () => {
    db = await ENGINES[dialect]();
    await db.load('tx', cdnow);
  }, 60_000);
  afterAll(() => db.close());

  const sqlAndRfm = async (options: Omit<RfmSqlOptions, 'dialect' | 'table'>): Promise<void> => {
    const rows = await db.query(rfmSql({ dialect, table: 'tx', ...options }));
    const want = rfm(cdnow, options as RfmOptions).customers;
    // rfm sorts customers by first appearance; the query by id: compare by id
    const order = Array.from(want.customerId.keys()).sort((a, b) => (String(want.customerId[a]) < String(want.customerId[b]) ? -1 : 1));
    const sorted = Object.fromEntries(RFM_COLUMNS.map((c) => [c, order.map((i) => (want[c] as ArrayLike<unknown>)[i])]));
    expectSameColumns(rows, sorted, RFM_COLUMNS);
  };

  it("equals rfm's customers on CDNOW_master with the standard scheme: scores, cells and segments", async () => {
    await sqlAndRfm({ asOf: '1998-06-30' });
  });

  it('equals rfm with the value-matrix scheme in Chinese, mean monetary, 4 bins, and the default asOf', async () => {
    await sqlAndRfm({ scheme: 'value-matrix', locale: 'zh', monetary: 'mean', bins: 4 });
    await sqlAndRfm({ scheme: 'quadrant', bins: 3, asOf: '1997-12-31' });
  });

  it("equals rfm with thresholds and custom rules whose labels hold quotes (Can't, O''Brien), ranges on raw values and infinite ends", async () => {
    const scheme = [
      { segment: "Can't lose", r: [1, 2] as const, f: [3, 3] as const },
      { segment: "O''Brien's big spenders", monetary: [200, Number.POSITIVE_INFINITY] as const },
      { segment: 'recent', recency: [Number.NEGATIVE_INFINITY, 60] as const },
    ];
    await sqlAndRfm({ thresholds: { recency: [90, 180, 365], frequency: [2, 4, 8], monetary: [20, 60, 150] }, scheme, fallback: "the 'rest'" });
  });

  it('abcSql equals abc on the same customer values, for both rules; cumulative shares to 1e-12', async () => {
    // SQL sums amounts as DECIMAL(38, 9), summarize as compensated doubles: the totals agree to
    // 1e-9 (summarySql's test), and abcSql must equal abc on the engine's own totals exactly
    const values = await db.query(summarySql({ dialect, table: 'tx', unit: 'day' }));
    const input = { customerId: values.map((r) => String(r.customerId)), value: values.map((r) => Number(r.totalValue)) };
    for (const [rule, thresholds] of [['value', undefined], ['value', [0.5, 0.9]], ['customers', undefined]] as const) {
      const rows = await db.query(abcSql({ dialect, table: 'tx', rule, thresholds }));
      const a = abc(input, { rule, thresholds }).customers;
      const byRank = new Array<number>(a.length);
      a.rank.forEach((r, i) => (byRank[r - 1] = i));
      const want = Object.fromEntries(['customerId', 'value', 'rank', 'tier'].map((c) => [c, byRank.map((i) => (a[c as 'tier'] as ArrayLike<unknown>)[i])]));
      expectSameColumns(rows, want, ['customerId', 'value', 'rank', 'tier']);
      const worst = rows.reduce((m, row, k) => Math.max(m, Math.abs(Number(row.cumulativeShare) - a.cumulativeShare[byRank[k]!]!)), 0);
      expect(worst).toBeLessThan(1e-12);
      expect(new Set(rows.map((r) => r.tier))).toEqual(new Set(['A', 'B', 'C']));
    }
  });

  it('abcSql ranks ties by id and puts non-positive values in C, as abc does', async () => {
    await db.load('ties', { customerId: ['b', 'a', 'c', 'd', 'e'], date: ['2024-01-01', '2024-01-01', '2024-01-02', '2024-01-02', '2024-01-03'], amount: [5, 5, 0, 10, 1] });
    const rows = await db.query(abcSql({ dialect, table: 'ties' }));
    const a = abc({ customerId: ['b', 'a', 'c', 'd', 'e'], value: [5, 5, 0, 10, 1] }).customers;
    expect(rows.map((r) => [r.customerId, Number(r.rank), r.tier])).toEqual([['d', 1, 'A'], ['a', 2, 'A'], ['b', 3, 'B'], ['e', 4, 'C'], ['c', 5, 'C']].map(([id]) => {
      const i = a.customerId.indexOf(id as string);
      return [id, a.rank[i], a.tier[i]];
    }));
  });
});

describe('rfmSql and abcSql refuse what has no SQL form, naming the option', () => {
  it('refuses natural breaks, the computed ABC rule and bad cuts', () => {
    expect(() => rfmSql({ dialect: 'duckdb', table: 'tx', binning: 'ckmeans' } as never)).toThrow(/binning/);
    expect(() => rfmSql({ dialect: 'duckdb', table: 'tx', bins: 4 })).toThrow(/bins must be 5 for the 'standard' scheme/);
    expect(() => abcSql({ dialect: 'duckdb', table: 'tx', rule: 'computed' as never })).toThrow(/rule/);
    expect(() => abcSql({ dialect: 'duckdb', table: 'tx', thresholds: [0.9, 0.5] })).toThrow(/thresholds/);
  });
});
