import { Decimal, Dictionary, Int32, Table, tableFromArrays, TimestampMicrosecond, TimestampNanosecond, Utf8, vectorFromArray, DateDay, Float64, RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { abc, compressSummary, CustomerValueError, fitBgNbd, rfm, summarize, toRows } from '../../src/index.js';
import { arrowColumn } from '../../src/data/arrow.js';
import { cdnowMaster, cdnowSample } from '../helpers/datasets.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** CDNOW_master as an Arrow table the way engines hand it over: dictionary ids, DATE days, DOUBLE amounts. */
function cdnowArrow(): Table {
  const tx = cdnowMaster();
  return new Table({
    customerId: vectorFromArray(tx.customerId, new Dictionary(new Utf8(), new Int32())),
    date: vectorFromArray(tx.date.map((d) => new Date(day(d))), new DateDay()),
    amount: vectorFromArray(Array.from(tx.amount), new Float64()),
  });
}

describe('Apache Arrow tables are accepted wherever a table is', () => {
  it('summarize reads an Arrow table of CDNOW_master to the same summary as its columns', () => {
    const tx = cdnowMaster();
    const want = summarize(tx, { observationEnd: '1997-09-30', unit: 'week' });
    const got = summarize(cdnowArrow(), { observationEnd: '1997-09-30', unit: 'week' });
    expect(toRows(got)).toEqual(toRows(want));
  });

  it('reads timestamps in micro- and nanoseconds, 64-bit integer ids and several record batches', () => {
    const ids = [1, 1, 2, 3, 3, 3];
    const iso = ['2024-01-01', '2024-01-05', '2024-01-02', '2024-01-03', '2024-01-03', '2024-02-01'];
    const amount = [10, 20, 5, 7, -2, 9];
    const want = summarize({ customerId: ids, date: iso, amount }, { unit: 'day' });
    const micro = tableFromArrays({ customerId: BigInt64Array.from(ids, BigInt), amount: Float64Array.from(amount) });
    // apache-arrow takes epoch milliseconds and stores them in the type's unit (here 01:00 UTC)
    const withTime = (t: Table, type: TimestampMicrosecond | TimestampNanosecond): Table =>
      new Table({ customerId: t.getChild('customerId')!, date: vectorFromArray(iso.map((d) => day(d) + 3_600_000), type), amount: t.getChild('amount')! });
    const nanos = withTime(micro, new TimestampNanosecond());
    expect((nanos.getChild('date')!.toArray() as BigInt64Array)[0]).toBe(BigInt(day(iso[0]!) + 3_600_000) * 1_000_000n);
    expect(toRows(summarize(withTime(micro, new TimestampMicrosecond()), { unit: 'day' }))).toEqual(toRows(want));
    expect(toRows(summarize(nanos, { unit: 'day' }))).toEqual(toRows(want));
    // two record batches: the table's columns have two chunks
    const full = withTime(micro, new TimestampMicrosecond());
    const batches = [full.slice(0, 3), full.slice(3)].flatMap((t) => t.batches);
    const chunked = new Table(batches);
    expect(chunked.batches.length).toBe(2);
    expect(toRows(summarize(chunked, { unit: 'day' }))).toEqual(toRows(want));
    // a single record batch is a table too
    expect(toRows(summarize(full.batches[0] as RecordBatch, { unit: 'day' }))).toEqual(toRows(want));
  });

  it('keeps 64-bit ids above 2^53 distinct (as strings) and reads number columns without copying them', () => {
    const big = [2n ** 60n, 2n ** 60n + 1n];
    const t = tableFromArrays({ customerId: BigInt64Array.from(big), date: Float64Array.from([day('2024-01-01'), day('2024-01-02')]), amount: Float64Array.from([1, 2]) });
    expect(summarize(t).customerId).toEqual(big.map(String));
    const amount = t.getChild('amount')!;
    const read = arrowColumn(amount as never, 'amount', 'test', 'transactions') as Float64Array;
    expect(read.buffer).toBe(amount.data[0]!.values.buffer);
  });

  it('fits and segments from Arrow tables: compressed histories with an Int64 count, customer values for abc, a summary for rfm', () => {
    const s = summarize(cdnowSample(), { observationEnd: '1997-09-30', unit: 'week' });
    const c = compressSummary(s);
    const histories = tableFromArrays({ frequency: Int32Array.from(c.frequency), recency: Float64Array.from(c.recency), T: Float64Array.from(c.T), count: BigInt64Array.from(c.count, (x) => BigInt(x)) });
    expect(fitBgNbd(histories).params).toEqual(fitBgNbd(c).params);
    const values = tableFromArrays({ customerId: s.customerId as string[], value: Float64Array.from(s.totalValue) });
    expect(toRows(abc(values).customers)).toEqual(toRows(abc({ customerId: s.customerId, value: s.totalValue }).customers));
    const summaryTable = tableFromArrays({ customerId: s.customerId as string[], frequency: Int32Array.from(s.frequency), totalValue: Float64Array.from(s.totalValue), lastPurchase: s.lastPurchase as string[] });
    expect(toRows(rfm(summaryTable, { asOf: '1997-09-30' }).customers)).toEqual(toRows(rfm(s, { asOf: '1997-09-30' }).customers));
  });

  it('names the row of a null cell and refuses column types it does not read, naming the column', () => {
    const t = new Table({ customerId: vectorFromArray(['a', 'b', 'c']), date: vectorFromArray(['2024-01-01', '2024-01-02', '2024-01-03']), amount: vectorFromArray([1, null, 3], new Float64()) });
    expect(() => summarize(t)).toThrow(/row 1: amount/);
    const withDecimal = { numRows: 1, schema: { fields: [{ name: 'customerId' }, { name: 'date' }, { name: 'amount' }] }, getChild: (name: string) => (name === 'amount' ? { length: 1, nullCount: 0, type: new Decimal(2, 10, 128), get: () => null, toArray: () => [] } : vectorFromArray(name === 'date' ? ['2024-01-01'] : ['a'])) };
    let error: unknown;
    try {
      summarize(withDecimal as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CustomerValueError);
    expect((error as Error).message).toMatch(/column "amount" has Arrow type Decimal.*cast it/);
  });
});
