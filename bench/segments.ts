/**
 * rfm + abc on a 1e6-customer summary, against three typed-array sorts of the same columns.
 *   node --import tsx bench/segments.ts
 */
import { abc, rfm } from '../src/index.js';
import { mulberry32 } from './data.js';

const n = 1e6;
const rnd = mulberry32(9);
const end = Date.UTC(2023, 11, 31);
const iso = Array.from({ length: 730 }, (_, d) => new Date(end - d * 86_400_000).toISOString().slice(0, 10));
const customerId = Array.from({ length: n }, (_, i) => 'C' + String(i + 1).padStart(7, '0'));
const frequency = new Float64Array(n);
const totalValue = new Float64Array(n);
const lastPurchase: string[] = new Array(n);
const recencyDays = new Float64Array(n);
for (let i = 0; i < n; i++) {
  frequency[i] = Math.floor(-Math.log(1 - rnd()) * 3);
  totalValue[i] = Math.round(Math.exp(3 + 1.5 * rnd()) * (frequency[i]! + 1) * 100) / 100;
  const d = Math.floor(rnd() * 730);
  recencyDays[i] = d;
  lastPurchase[i] = iso[d]!;
}
const summary = { customerId, frequency, totalValue, lastPurchase };

function best(f: () => void, k = 5): number {
  let b = Number.POSITIVE_INFINITY;
  for (let r = 0; r < k; r++) {
    const t = performance.now();
    f();
    b = Math.min(b, performance.now() - t);
  }
  return Math.round(b);
}

const sorts = best(() => {
  Float64Array.from(recencyDays).sort();
  Float64Array.from(frequency).sort();
  Float64Array.from(totalValue).sort();
});
const rfmMs = best(() => rfm(summary, { asOf: '2023-12-31' }));
const abcMs = best(() => abc({ customerId, value: totalValue }));
console.log(
  JSON.stringify({
    bench: 'rfm+abc',
    customers: n,
    rfmMs,
    abcMs,
    totalMs: rfmMs + abcMs,
    targetMs: 1000,
    threeTypedSortsMs: sorts,
    ratioToSorts: Math.round(((rfmMs + abcMs) / sorts) * 100) / 100,
    targetRatio: 4,
  }),
);
