/**
 * One measurement in a fresh process (so peak RSS is this measurement's own):
 *   node --import tsx bench/summarize.ts <rows> <columns|unsorted|rows|baseline>
 * columns: a date-ordered log as columns; unsorted: the same rows in random order;
 * numeric: the log with integer ids in an Int32Array; rows: the date-ordered log as row
 * objects; baseline: a bare group-by over the columns.
 * prints one JSON line.
 */
import { summarize } from '../src/index.js';
import { syntheticTransactions, toRowObjects, type BenchColumns } from './data.js';

/** A bare one-pass group-by over the same columns: id -> dense index, min/max day, count, sum. */
function baselineGroupBy(c: BenchColumns): number {
  const index = new Map<string, number>();
  const n = c.customerId.length;
  const cap = n;
  const first = new Int32Array(cap).fill(2147483647);
  const last = new Int32Array(cap).fill(-2147483648);
  const count = new Uint32Array(cap);
  const total = new Float64Array(cap);
  for (let i = 0; i < n; i++) {
    const id = c.customerId[i] as string;
    let g = index.get(id);
    if (g === undefined) {
      g = index.size;
      index.set(id, g);
    }
    const d = Math.floor((c.date[i] as number) / 86_400_000);
    if (d < (first[g] as number)) first[g] = d;
    if (d > (last[g] as number)) last[g] = d;
    count[g] = (count[g] as number) + 1;
    total[g] = (total[g] as number) + (c.amount[i] as number);
  }
  return index.size;
}

const rows = Number(process.argv[2] ?? 1e5);
const mode = process.argv[3] ?? 'columns';
const columns = syntheticTransactions(rows, 42, mode !== 'unsorted');
const input =
  mode === 'rows'
    ? toRowObjects(columns)
    : mode === 'numeric'
      ? { customerId: Int32Array.from(columns.customerId, (id) => Number(id.slice(1))), date: columns.date, amount: columns.amount }
      : columns;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssBefore = process.memoryUsage().rss;
const repeats = rows >= 1e7 ? 3 : 5;
const times: number[] = [];
let customers = 0;
for (let r = 0; r < repeats; r++) {
  const t0 = performance.now();
  customers = mode === 'baseline' ? baselineGroupBy(columns) : summarize(input as BenchColumns).length;
  times.push(performance.now() - t0);
  gc?.();
}
times.sort((a, b) => a - b);
const best = times[0] as number;
console.log(
  JSON.stringify({
    bench: 'summarize',
    mode,
    rows,
    customers,
    bestMs: Math.round(best),
    medianMs: Math.round(times[Math.floor(times.length / 2)] as number),
    rowsPerSecond: Math.round(rows / (best / 1000)),
    inputRssMB: Math.round(rssBefore / 2 ** 20),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
