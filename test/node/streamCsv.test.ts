import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CustomerValueError, summarize, summarizeStream, toRows } from '../../src/index.js';
import { readCsv, streamCsv } from '../../src/node/index.js';
import { DATASETS } from '../helpers/datasets.js';

const dir = mkdtempSync(join(tmpdir(), 'cv-stream-'));

async function collect(it: AsyncIterable<Record<string, string[] | Float64Array>>): Promise<Array<Record<string, string[] | Float64Array>>> {
  const out = [];
  for await (const c of it) out.push(c);
  return out;
}

/** Chunks concatenated back into one column object. */
function concat(chunks: Array<Record<string, string[] | Float64Array>>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const c of chunks) for (const [k, v] of Object.entries(c)) (out[k] ??= []).push(...Array.from(v as ArrayLike<unknown>));
  return out;
}

describe('streamCsv: a CSV larger than memory, as column chunks', () => {
  it('streams CDNOW_master (whitespace-separated, 2 MB in 1 MiB pieces) into summarizeStream, equal to readCsv + summarize', async () => {
    const file = `${DATASETS}CDNOW_master.txt`;
    const numeric = ['number_of_cds', 'dollar_value'];
    const fields = { customerId: 'customer_id', date: 'date', amount: 'dollar_value' };
    const progress: number[] = [];
    const chunks = streamCsv(file, { delimiter: 'whitespace', numeric, chunkRows: 10_000, onProgress: (p) => progress.push(p.rows) });
    const streamed = await summarizeStream(chunks, { fields, numericDates: 'yyyymmdd', unit: 'week' });
    const whole = summarize(readCsv(file, { delimiter: 'whitespace', numeric }), { fields, numericDates: 'yyyymmdd', unit: 'week' });
    expect(toRows(streamed)).toEqual(toRows(whole));
    expect(progress.at(-1)).toBe(69_659);
    expect(progress[0]).toBe(10_000);
  });

  it('cuts only at record ends: quoted fields with commas, doubled quotes and line breaks across piece boundaries', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `"id ""${i % 977}""","${i % 3 === 0 ? 'line\nbreak, and more' : 'plain'}",${(i % 50) + 0.25}`);
    const file = join(dir, 'quoted.csv');
    writeFileSync(file, `customerId,note,amount\r\n${rows.join('\r\n')}\r\n`);
    const streamed = concat(await collect(streamCsv(file, { numeric: ['amount'], chunkRows: 7_000 })));
    const whole = readCsv(file, { numeric: ['amount'] });
    expect(streamed.customerId).toEqual(whole.customerId);
    expect(streamed.note).toEqual(whole.note);
    expect(streamed.amount).toEqual(Array.from(whole.amount as Float64Array));
    expect(streamed.note![0]).toBe('line\nbreak, and more');
    expect(streamed.customerId![5]).toBe('id "5"');
  });

  it('names the data row counted from the top of the file, and stops on abort', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `customerId,date,amount\n${Array.from({ length: 25_000 }, (_, i) => `c${i},2024-01-01,${i === 23_456 ? 'n/a' : 1}`).join('\n')}\n`);
    await expect(collect(streamCsv(file, { numeric: ['amount'], chunkRows: 5_000 }))).rejects.toThrow(/streamCsv: row 23456: amount must be a number, got "n\/a"/);
    const controller = new AbortController();
    const seen: number[] = [];
    const stream = streamCsv(file, { chunkRows: 1_000, signal: controller.signal, onProgress: (p) => { seen.push(p.rows); if (p.rows === 3_000) controller.abort(); } });
    await expect(collect(stream)).rejects.toThrow(/abort/i);
    expect(seen.at(-1)).toBe(3_000);
    await expect(collect(streamCsv(join(dir, 'missing.csv')))).rejects.toThrow(CustomerValueError);
    await expect(collect(streamCsv(file, { chunkRows: 0 }))).rejects.toThrow(/chunkRows/);
  });
});
