import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/datasets beside the checkout. */
export const DATASETS = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

function lines(file: string): string[] {
  return readFileSync(DATASETS + file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
}

/** `YYYYMMDD` -> `YYYY-MM-DD`, independently of the library's parser. */
const iso = (d: string): string => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

export interface RawTransactions {
  customerId: string[];
  date: string[];
  amount: Float64Array;
  quantity: Float64Array;
}

/** CDNOW_sample.txt: master_id sample_id date cds value; customerId = sample_id as a number string. */
export function cdnowSample(): RawTransactions & { sampleId: number[] } {
  const rows = lines('CDNOW_sample.txt').map((l) => l.trim().split(/\s+/));
  return {
    customerId: rows.map((r) => String(Number(r[1]))),
    sampleId: rows.map((r) => Number(r[1])),
    date: rows.map((r) => iso(r[2] as string)),
    quantity: Float64Array.from(rows, (r) => Number(r[3])),
    amount: Float64Array.from(rows, (r) => Number(r[4])),
  };
}

/** CDNOW_master.txt (header skipped). */
export function cdnowMaster(): RawTransactions {
  const rows = lines('CDNOW_master.txt').slice(1).map((l) => l.trim().split(/\s+/));
  return {
    customerId: rows.map((r) => r[0] as string),
    date: rows.map((r) => iso(r[1] as string)),
    quantity: Float64Array.from(rows, (r) => Number(r[2])),
    amount: Float64Array.from(rows, (r) => Number(r[3])),
  };
}

/** A CSV with a header, numeric-looking cells as numbers. */
export function csv(file: string): Record<string, number[]> {
  const [head, ...rest] = lines(file);
  const names = (head as string).split(',');
  const out: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const l of rest) {
    const cells = l.split(',');
    names.forEach((n, j) => (out[n] as number[]).push(Number(cells[j])));
  }
  return out;
}

/** A CSV with a quoted header and cells (as CLVTools writes them): cells as strings, quotes removed. */
export function quotedCsv(file: string): Record<string, string[]> {
  const [head, ...rest] = lines(file);
  const unquote = (c: string): string => c.replace(/^"(.*)"$/, '$1');
  const names = (head as string).split(',').map(unquote);
  const out: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const l of rest) l.split(',').forEach((c, j) => (out[names[j] as string] as string[]).push(unquote(c)));
  return out;
}
