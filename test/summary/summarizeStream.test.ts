import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { CustomerValueError, summarize, summarizeStream, toRows, type TransactionInput } from '../../src/index.js';
import { cdnowMaster } from '../helpers/datasets.js';

const tx = cdnowMaster();
const n = tx.customerId.length;
const options = { observationEnd: '1997-09-30', unit: 'week', order: 'customerId', regularity: true } as const;

/** CDNOW_master cut into chunks of `size` rows, in the given form. */
function* chunks(size: number, form: 'rows' | 'columns' | 'arrow'): Generator<TransactionInput> {
  for (let s = 0; s < n; s += size) {
    const e = Math.min(n, s + size);
    const cols = { customerId: tx.customerId.slice(s, e), date: tx.date.slice(s, e), amount: tx.amount.slice(s, e) };
    if (form === 'columns') yield cols;
    else if (form === 'arrow') yield tableFromArrays(cols).batches[0]!;
    else yield cols.customerId.map((customerId, i) => ({ customerId, date: cols.date[i]!, amount: cols.amount[i]! }));
  }
}

async function* slowly<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((r) => setTimeout(r, 0));
    yield item;
  }
}

describe('summarizeStream: chunks in, the summary of all rows out', () => {
  it('equals summarize on CDNOW_master for rows, columns and Arrow record batches, sync and async, any chunk size', async () => {
    const want = toRows(summarize(tx, options));
    for (const [size, form] of [[7_000, 'rows'], [1_000, 'columns'], [50_000, 'arrow'], [n, 'columns']] as const) {
      expect(toRows(await summarizeStream(chunks(size, form), options))).toEqual(want);
    }
    expect(toRows(await summarizeStream(slowly(chunks(10_000, 'arrow')), options))).toEqual(want);
    const s = await summarizeStream(chunks(5_000, 'columns'), options);
    expect(s.report).toEqual(summarize(tx, options).report);
  });

  it('reports progress after each chunk and stops on abort, between chunks', async () => {
    const seen: Array<{ chunks: number; rows: number }> = [];
    await summarizeStream(chunks(20_000, 'columns'), { onProgress: (p) => seen.push({ ...p }) });
    expect(seen.length).toBe(Math.ceil(n / 20_000));
    expect(seen.at(-1)).toEqual({ chunks: seen.length, rows: n });
    const controller = new AbortController();
    let read = 0;
    const stream = summarizeStream(slowly(chunks(10_000, 'columns')), { signal: controller.signal, onProgress: (p) => { read = p.chunks; if (p.chunks === 2) controller.abort(); } });
    await expect(stream).rejects.toThrow(/abort/i);
    expect(read).toBe(2);
    const aborted = AbortSignal.abort(new Error('stopped before it began'));
    await expect(summarizeStream(chunks(10_000, 'columns'), { signal: aborted })).rejects.toThrow('stopped before it began');
  });

  it('names the chunk and the row counted from the start of the stream', async () => {
    const bad = [...chunks(1_000, 'columns')] as Array<{ customerId: string[]; date: string[]; amount: Float64Array | unknown[] }>;
    const third = bad[2]!;
    third.amount = Array.from(third.amount as Float64Array) as unknown[];
    (third.amount as unknown[])[17] = 'twelve';
    let error: unknown;
    try {
      await summarizeStream(bad as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CustomerValueError);
    expect((error as Error).message).toMatch(/^summarizeStream: chunk 2: .*row 2017/);
    expect((error as CustomerValueError).issues[0]!.path).toEqual(['transactions', 2017, 'amount']);
  });

  it('gives the empty summary of no chunks and refuses what is not iterable', async () => {
    expect((await summarizeStream([])).length).toBe(0);
    await expect(summarizeStream(42 as never)).rejects.toThrow(CustomerValueError);
  });
});
