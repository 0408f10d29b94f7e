import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustomerValueError, summarize } from '../../src/index.js';
import { readCsv } from '../../src/node/index.js';
import { parseCsvText } from '../../src/node/readCsv.js';

describe('customer-value/node readCsv', () => {
  it('parses quoted fields, doubled quotes, CRLF and a missing final newline', () => {
    expect(parseCsvText('a,b\r\n"x, y","say ""hi"""\r\n1,2')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', '2'],
    ]);
    expect(parseCsvText('a;b\n1;2\n', ';')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads the shipped CDNOW sample into columns that summarize accepts', () => {
    const tx = readCsv(new URL('../../data/cdnow-sample.csv', import.meta.url).pathname, { numeric: ['amount', 'quantity'] });
    expect(tx.length).toBe(6919);
    expect(tx.amount).toBeInstanceOf(Float64Array);
    const s = summarize(tx, { observationEnd: '1997-09-30', unit: 'week' });
    expect(s.length).toBe(2357);
  });

  it('names the row and column of a cell that is not a number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-csv-'));
    const file = join(dir, 't.csv');
    writeFileSync(file, 'customerId,date,amount\na,2024-01-01,1\nb,2024-01-02,"12,50"\n');
    expect(() => readCsv(file, { numeric: ['amount'] })).toThrow(CustomerValueError);
    expect(() => readCsv(file, { numeric: ['amount'] })).toThrow('readCsv: row 1: amount must be a number, got "12,50"');
    expect(() => readCsv(file, { numeric: ['price'] })).toThrow(/column "price" is missing/);
  });
});
