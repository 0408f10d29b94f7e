import { describe, expect, it } from 'vitest';
import { CustomerValueError } from '../../src/index.js';
import { abcSql, compressedSummarySql, predictionSql, rfmSql, summarySql, type Dialect } from '../../src/sql/index.js';

const DIALECTS: readonly Dialect[] = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'spark'];
const model = { kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as never;
const BUILDERS: Record<string, (o: Record<string, unknown>) => string> = {
  summarySql: (o) => summarySql(o as never),
  compressedSummarySql: (o) => compressedSummarySql(o as never),
  rfmSql: (o) => rfmSql(o as never),
  abcSql: (o) => abcSql(o as never),
  predictionSql: (o) => predictionSql({ model, horizon: 1, histories: [{ frequency: 0, recency: 0, T: 1 }], ...o } as never),
};
/** Names that would end a quoted identifier or start a comment or a second statement in some dialect. */
const HOSTILE_NAMES = ['tx"; DROP TABLE tx; --', 'tx`; DROP TABLE tx; --', "tx'; DROP TABLE tx; --", 'tx; DELETE FROM tx', 'tx -- comment', 'tx /* c */', 'a\\"b', 'tx\nDROP', 'tx\u0000', ''];
const HOSTILE_DATES = ["2024-01-01'; DROP TABLE tx; --", '2024-13-45', 'yesterday', Number.NaN, {}];

function refused(run: () => string, option: RegExp): void {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CustomerValueError);
  expect((error as Error).message).toMatch(option);
}

describe.each(DIALECTS)('no option injects SQL in %s: hostile names and dates are refused with a CustomerValueError naming the option', (dialect) => {
  it.each(Object.keys(BUILDERS))('%s', (name) => {
    const build = BUILDERS[name]!;
    for (const bad of HOSTILE_NAMES) {
      refused(() => build({ dialect, table: bad }), /table/);
      refused(() => build({ dialect, table: `sales.${bad}` }), /table/);
      for (const field of ['customerId', 'date', 'amount']) refused(() => build({ dialect, table: 'tx', fields: { [field]: bad } }), new RegExp(`fields\\.${field}`));
    }
    const dateOptions = name === 'rfmSql' ? ['asOf'] : name === 'abcSql' || name === 'compressedSummarySql' ? ['observationEnd'] : ['observationEnd', 'calibrationEnd'];
    for (const option of dateOptions) {
      if (name === 'predictionSql' && option === 'calibrationEnd') continue;
      for (const bad of HOSTILE_DATES) refused(() => build({ dialect, table: 'tx', [option]: bad }), new RegExp(option));
    }
    refused(() => build({ dialect, table: 'a.b.c.d' }), /table/);
  });

  it('accepts names with spaces, hyphens, dollars and any script, quoted for the dialect', () => {
    const sql = summarySql({ dialect, table: 'my-project.ventes 2024.transactions$', fields: { customerId: '客户', date: 'Order Date', amount: 'montant_€' } });
    const [open, close] = dialect === 'bigquery' || dialect === 'spark' ? ['`', '`'] : ['"', '"'];
    for (const part of ['my-project', 'ventes 2024', 'transactions$', '客户', 'Order Date', 'montant_€']) expect(sql).toContain(`${open}${part}${close}`);
  });

  it('escapes segment labels for the dialect and refuses backslashes and control characters in them', () => {
    const sql = rfmSql({ dialect, table: 'tx', scheme: [{ segment: "Can't lose", r: [1, 2] }], fallback: "O'Brien" });
    const quote = dialect === 'bigquery' || dialect === 'spark' ? "\\'" : "''";
    expect(sql).toContain(`'Can${quote}t lose'`);
    expect(sql).toContain(`'O${quote}Brien'`);
    refused(() => rfmSql({ dialect, table: 'tx', scheme: [{ segment: "x\\' OR 1=1 --", r: [1, 2] }] }), /scheme/);
    refused(() => rfmSql({ dialect, table: 'tx', scheme: [{ segment: 'a', r: [1, 2] }], fallback: 'line\nbreak' }), /fallback/);
    refused(() => predictionSql({ dialect, table: 'tx', model, horizon: 1, predictionsTable: 'p"; DROP TABLE p; --' }), /predictionsTable|table/);
  });
});
