import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { CustomerValueError, summarize, toRows } from '../../src/index.js';
import { cdnowSample, csv } from '../helpers/datasets.js';

describe('summarize on CDNOW (Fader, Hardie & Lee 2005 summary files)', () => {
  const tx = cdnowSample();
  const s = summarize(tx, { observationEnd: '1997-09-30', unit: 'week' });
  const ref = csv('cdnow_customers_summary.csv');
  const refZ = csv('cdnow_customers_summary_with_transactions.csv');
  const row = new Map(s.customerId.map((id, i) => [id, i]));

  it('has all 2,357 customers and leaves out the 1,959 rows after 1997-09-30', () => {
    expect(s.length).toBe(2357);
    expect(ref.ID).toHaveLength(2357);
    expect(s.report.rows).toBe(6919);
    expect(s.report.afterObservationEnd + s.report.used).toBe(6919);
    // independent count of rows dated after the calibration end
    expect(s.report.afterObservationEnd).toBe(tx.date.filter((d) => d > '1997-09-30').length);
    expect(s.observationEnd).toBe('1997-09-30');
    expect(s.unit).toBe('week');
  });

  it('reproduces frequency exactly and recency, T to the file\'s two decimals', () => {
    let repeaters = 0;
    ref.ID!.forEach((id, j) => {
      const i = row.get(String(id));
      expect(i, `customer ${id}`).toBeDefined();
      expect(s.frequency[i!], `frequency of ${id}`).toBe(ref.frequency![j]);
      expect(Math.abs(s.recency[i!]! - ref.recency![j]!), `recency of ${id}`).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(s.T[i!]! - ref.T![j]!), `T of ${id}`).toBeLessThanOrEqual(0.005 + 1e-9);
      if (ref.frequency![j]! > 0) repeaters++;
    });
    expect(repeaters).toBe(946); // README of the datasets
  });

  it('reproduces zbar as monetaryValue within 0.01', () => {
    refZ.ID!.forEach((id, j) => {
      const i = row.get(String(id))!;
      expect(Math.abs(s.monetaryValue[i]! - refZ.zbar![j]!), `zbar of ${id}`).toBeLessThanOrEqual(0.01);
    });
  });

  it('totals every row up to the observation end', () => {
    let expected = 0;
    tx.date.forEach((d, i) => {
      if (d <= '1997-09-30') expected += tx.amount[i]!;
    });
    let total = 0;
    for (const v of s.totalValue) total += v;
    expect(total).toBeCloseTo(expected, 6);
  });
});

describe('summarize conventions', () => {
  const rows = [
    { customerId: 'a', date: '2024-01-01', amount: 10 },
    { customerId: 'b', date: '2024-01-08', amount: 5 },
    { customerId: 'a', date: '2024-01-15', amount: 30 },
    { customerId: 'a', date: '2024-01-15', amount: 20 },
    { customerId: 'a', date: '2024-01-22', amount: 40 },
  ];

  it('merges purchases per day and measures in the unit', () => {
    const s = summarize(rows, { observationEnd: '2024-01-29', unit: 'week' });
    expect(toRows(s)).toEqual([
      { customerId: 'a', frequency: 2, recency: 3, T: 4, monetaryValue: 45, totalValue: 100, firstPurchase: '2024-01-01', lastPurchase: '2024-01-22' },
      { customerId: 'b', frequency: 0, recency: 0, T: 3, monetaryValue: 0, totalValue: 5, firstPurchase: '2024-01-08', lastPurchase: '2024-01-08' },
    ]);
  });

  it('defaults observationEnd to the last transaction day and unit to day', () => {
    const s = summarize(rows);
    expect(s.observationEnd).toBe('2024-01-22');
    expect(Array.from(s.T)).toEqual([21, 14]);
    expect(s.unit).toBe('day');
  });

  it('uses month = 30.436875 days and year = 365.2425 days', () => {
    const m = summarize(rows, { unit: 'month', observationEnd: '2024-01-29' });
    expect(m.T[0]).toBeCloseTo(28 / 30.436875, 12);
    const y = summarize(rows, { unit: 'year', observationEnd: '2024-01-29' });
    expect(y.recency[0]).toBeCloseTo(21 / 365.2425, 12);
  });

  it('accepts rows, columns (typed arrays), arquero tables and field maps alike', () => {
    const expected = toRows(summarize(rows));
    const cols = {
      customerId: rows.map((r) => r.customerId),
      date: rows.map((r) => r.date),
      amount: Float64Array.from(rows, (r) => r.amount),
    };
    expect(toRows(summarize(cols))).toEqual(expected);
    expect(toRows(summarize(aq.table(cols)))).toEqual(expected);
    const renamed = rows.map((r) => ({ id: r.customerId, ts: r.date, value: r.amount }));
    expect(toRows(summarize(renamed, { fields: { customerId: 'id', date: 'ts', amount: 'value' } }))).toEqual(expected);
    const t = aq.table({ id: cols.customerId, ts: cols.date, value: cols.amount });
    expect(toRows(summarize(t, { fields: { customerId: 'id', date: 'ts', amount: 'value' } }))).toEqual(expected);
  });

  it('reads filtered and ordered arquero tables as they are', () => {
    const t = aq.from(rows).filter((d: { customerId: string }) => d.customerId === 'a');
    const s = summarize(t);
    expect(s.customerId).toEqual(['a']);
  });

  it('returns a column object arquero takes without copying', () => {
    const s = summarize(rows);
    const t = aq.table(s as unknown as Record<string, ArrayLike<unknown>>);
    expect(t.columnNames()).toEqual(['customerId', 'frequency', 'recency', 'T', 'monetaryValue', 'totalValue', 'firstPurchase', 'lastPurchase']);
    expect(t.numRows()).toBe(2);
    expect(t.column('frequency')).toBe(s.frequency); // no copy
  });

  it('orders customers by first appearance, or by id on request', () => {
    const r = [
      { customerId: 10, date: '2024-01-01', amount: 1 },
      { customerId: 'b', date: '2024-01-01', amount: 1 },
      { customerId: 2, date: '2024-01-01', amount: 1 },
      { customerId: 'a', date: '2024-01-01', amount: 1 },
    ];
    expect(summarize(r).customerId).toEqual([10, 'b', 2, 'a']);
    expect(summarize(r, { order: 'customerId' }).customerId).toEqual([2, 10, 'a', 'b']);
  });

  it('keeps 1 and "1" apart', () => {
    const s = summarize([
      { customerId: 1, date: '2024-01-01', amount: 1 },
      { customerId: '1', date: '2024-01-02', amount: 1 },
    ]);
    expect(s.length).toBe(2);
  });

  it('gives an empty summary for empty input', () => {
    for (const input of [[], { customerId: [], date: [], amount: [] }, aq.table({ customerId: [], date: [], amount: [] })]) {
      const s = summarize(input);
      expect(s.length).toBe(0);
      expect(s.frequency).toHaveLength(0);
      expect(s.report.rows).toBe(0);
    }
  });

  it('does not mutate its input and works on frozen input', () => {
    const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
    const copy = JSON.parse(JSON.stringify(frozen));
    summarize(frozen, { observationEnd: '2024-01-15' });
    expect(frozen).toEqual(copy);
    const cols = Object.freeze({ customerId: Object.freeze(['x', 'y']), date: Object.freeze(['2024-01-02', '2024-01-01']), amount: Object.freeze([1, 2]) });
    expect(summarize(cols).length).toBe(2);
  });
});

describe('returns and duplicate orders', () => {
  const rows = [
    { customerId: 'a', date: '2024-01-01', amount: 100, orderId: 'o1' },
    { customerId: 'a', date: '2024-01-01', amount: 100, orderId: 'o1' },
    { customerId: 'a', date: '2024-01-10', amount: 50, orderId: 'o2' },
    { customerId: 'a', date: '2024-01-10', amount: -20, orderId: 'r1' },
    { customerId: 'a', date: '2024-01-20', amount: -30, orderId: 'r2' },
    { customerId: 'b', date: '2024-01-05', amount: -5, orderId: 'r3' },
  ];

  it("'net' (default): returns reduce that day's value; a returns-only day is no purchase", () => {
    const s = summarize(rows, { observationEnd: '2024-01-31' });
    expect(s.customerId).toEqual(['a']);
    expect(s.frequency[0]).toBe(1);
    expect(s.recency[0]).toBe(9);
    expect(s.monetaryValue[0]).toBe(30);
    expect(s.totalValue[0]).toBe(200 + 30 - 30);
    expect(s.report.customersWithoutPurchases).toBe(1);
    expect(s.report.used).toBe(6);
  });

  it("'ignore' drops negative rows and counts them", () => {
    const s = summarize(rows, { returns: 'ignore' });
    expect(s.report.returnsIgnored).toBe(3);
    expect(s.monetaryValue[0]).toBe(50);
    expect(s.totalValue[0]).toBe(250);
  });

  it("'error' names the first negative row", () => {
    expect(() => summarize(rows, { returns: 'error' })).toThrow(
      "summarize: row 3: amount must not be negative with returns: 'error', got -20 (and 2 more issues)",
    );
  });

  it('drops repeated orderIds on request and reports how many', () => {
    const s = summarize(rows, { dropDuplicateOrders: true });
    expect(s.report.duplicateOrders).toBe(1);
    expect(s.totalValue[0]).toBe(100);
    expect(summarize(rows).report.duplicateOrders).toBe(0);
  });
});

describe('bad input', () => {
  const good = { customerId: 'a', date: '2024-01-01', amount: 1 };
  const err = (input: unknown, options?: object): CustomerValueError => {
    try {
      summarize(input as never, options as never);
    } catch (e) {
      expect(e).toBeInstanceOf(CustomerValueError);
      return e as CustomerValueError;
    }
    throw new Error('did not throw');
  };

  it('names row, field and value', () => {
    const rows = Array.from({ length: 1049 }, () => ({ ...good }));
    (rows[1048] as { amount: unknown }).amount = '12,50';
    const e = err(rows);
    expect(e.message).toBe('summarize: row 1048: amount must be a finite number, got "12,50"');
    expect(e.code).toBe('invalid_input');
    expect(e.issues[0]!.path).toEqual(['transactions', 1048, 'amount']);
    expect(e.issues[0]!.value).toBe('12,50');
  });

  it.each([
    [{ ...good, customerId: undefined }, 'row 0: customerId is missing, got undefined'],
    [{ ...good, customerId: '' }, 'row 0: customerId is missing, got ""'],
    [{ ...good, customerId: Number.NaN }, 'row 0: customerId must be a non-empty string or a finite number, got NaN'],
    [{ ...good, customerId: { id: 1 } }, 'row 0: customerId must be a non-empty string or a finite number, got a value of type object'],
    [{ ...good, date: '1997-13-45' }, 'row 0: date must be a valid Date, ISO 8601 date string or epoch milliseconds, got "1997-13-45"'],
    [{ ...good, date: '1997-02-29' }, 'row 0: date must be a valid Date, ISO 8601 date string or epoch milliseconds, got "1997-02-29"'],
    [{ ...good, date: new Date(Number.NaN) }, 'row 0: date must be a valid Date, ISO 8601 date string or epoch milliseconds, got Invalid Date'],
    [{ ...good, date: undefined }, 'row 0: date is missing, got undefined'],
    [{ ...good, amount: Number.POSITIVE_INFINITY }, 'row 0: amount must be a finite number, got Infinity'],
    [{ ...good, amount: null }, 'row 0: amount must be a finite number, got null'],
    [{ ...good, amount: '12.50' }, 'row 0: amount must be a finite number, got "12.50"'],
  ])('rejects %o', (row, message) => {
    expect(err([row]).message).toBe(`summarize: ${message}`);
  });

  it('reports every bad row (up to 100) in issues', () => {
    const rows = [{ ...good, amount: 'x' }, good, { ...good, date: 'no' }];
    const e = err(rows);
    expect(e.issues.map((i) => i.path)).toEqual([
      ['transactions', 0, 'amount'],
      ['transactions', 2, 'date'],
    ]);
    expect(e.message).toMatch(/\(and 1 more issue\)$/);
    const many = Array.from({ length: 500 }, () => ({ ...good, amount: 'x' }));
    expect(err(many).issues).toHaveLength(100);
  });

  it('checks typed columns too', () => {
    const e = err({ customerId: ['a', 'b'], date: [0, 1], amount: new Float64Array([1, Number.NaN]) });
    expect(e.message).toBe('summarize: row 1: amount must be a finite number, got NaN');
  });

  it('rejects rows that are not objects, unequal columns, missing columns and bad options', () => {
    expect(err([good, 7]).message).toBe('summarize: row 1 must be an object, got 7');
    expect(err({ customerId: ['a'], date: ['2024-01-01', '2024-01-02'], amount: [1] }).message).toBe(
      'summarize: column "date" has 2 rows but column "customerId" has 1',
    );
    expect(err({ id: ['a'], date: ['2024-01-01'], amount: [1] }, { fields: { customerId: 'id2' } }).message).toBe(
      'summarize: column "id2" (mapped from field "customerId") is missing',
    );
    expect(err('rows').message).toMatch(/^summarize: transactions must be an array of objects/);
    expect(err([good], { unit: 'fortnight' }).message).toBe(
      "summarize: unit must be 'day', 'week', 'month' or 'year', got \"fortnight\"",
    );
    expect(err([good], { observationEnd: '2024-02-30' }).message).toBe(
      'summarize: observationEnd must be a valid Date, ISO 8601 date string or epoch milliseconds, got "2024-02-30"',
    );
    expect(err([good], { returns: 'keep' }).code).toBe('invalid_options');
  });
});
