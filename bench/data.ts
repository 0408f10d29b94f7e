/** Seeded synthetic transactions for the benchmarks. */
import { Random } from '../src/math/random.js';

/** Mulberry32: a small, fast, seeded PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchColumns {
  customerId: string[];
  date: Float64Array;
  amount: Float64Array;
}

/**
 * `rows` transactions of `rows / 10` customers (string ids `C0000001`...), each customer
 * with a random acquisition day in 2022 and purchases spread over 2022-2023, amounts
 * log-uniform in cents. By default the rows are in date order (as a transaction log is;
 * customers interleave at random); `sortedByDate = false` shuffles them completely.
 */
export function syntheticTransactions(rows: number, seed = 42, sortedByDate = true): BenchColumns {
  const rnd = mulberry32(seed);
  const customers = Math.max(1, Math.round(rows / 10));
  const ids = Array.from({ length: customers }, (_, i) => 'C' + String(i + 1).padStart(7, '0'));
  const start = Date.UTC(2022, 0, 1);
  const span = 730;
  const first = new Float64Array(customers);
  for (let c = 0; c < customers; c++) first[c] = Math.floor(rnd() * 365);
  const customerId = new Array<string>(rows);
  const date = new Float64Array(rows);
  const amount = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(rnd() * customers);
    customerId[i] = ids[c] as string;
    const d = (first[c] as number) + Math.floor(rnd() * (span - (first[c] as number)));
    date[i] = start + d * 86_400_000 + Math.floor(rnd() * 86_400_000);
    amount[i] = Math.round(Math.exp(3 + rnd() * 1.5) * 100) / 100;
  }
  if (!sortedByDate) return { customerId, date, amount };
  // a transaction log is in date order: counting sort of the rows by day
  const counts = new Uint32Array(span + 1);
  for (let i = 0; i < rows; i++) { const b = Math.floor(((date[i] as number) - start) / 86_400_000) + 1; counts[b] = (counts[b] as number) + 1; }
  for (let d = 0; d < span; d++) counts[d + 1] = (counts[d + 1] as number) + (counts[d] as number);
  const sId = new Array<string>(rows);
  const sDate = new Float64Array(rows);
  const sAmount = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const d = Math.floor(((date[i] as number) - start) / 86_400_000);
    const j = counts[d] as number;
    counts[d] = j + 1;
    sId[j] = customerId[i] as string;
    sDate[j] = date[i] as number;
    sAmount[j] = amount[i] as number;
  }
  return { customerId: sId, date: sDate, amount: sAmount };
}

export function toRowObjects(c: BenchColumns): Array<{ customerId: string; date: number; amount: number }> {
  const out = new Array(c.customerId.length);
  for (let i = 0; i < out.length; i++) out[i] = { customerId: c.customerId[i], date: c.date[i], amount: c.amount[i] };
  return out;
}

/**
 * A transaction log drawn from BG/NBD purchases (λ ~ Gamma(0.243, 4.414 weeks), dropout
 * p ~ Beta(0.793, 2.426)) and Gamma-Gamma spend (p 6.25, q 3.74, v 15.44), for `customers`
 * acquired uniformly over 2022 and observed to the end of 2023, in date order: a log whose
 * summary the quickstart's models fit as they would a real one.
 */
export function btydTransactions(customers: number, seed = 7): BenchColumns {
  const rng = new Random(seed);
  const start = Date.UTC(2022, 0, 1);
  const end = 730;
  const day: number[] = [];
  const who: number[] = [];
  const value: number[] = [];
  for (let c = 0; c < customers; c++) {
    const first = Math.floor(rng.uniform() * 365);
    const lambda = rng.gamma(0.243, 4.414 * 7); // per day
    const p = rng.beta(0.793, 2.426);
    const nu = rng.gamma(3.74, 15.44);
    let t = first;
    for (;;) {
      who.push(c);
      day.push(Math.floor(t));
      value.push(Math.round(rng.gamma(6.25, nu) * 100) / 100 + 0.01);
      if (rng.uniform() < p) break;
      t += rng.exponential(lambda);
      if (t >= end) break;
    }
  }
  const n = day.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => (day[a] as number) - (day[b] as number));
  const customerId = new Array<string>(n);
  const date = new Float64Array(n);
  const amount = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    customerId[k] = 'C' + String((who[i] as number) + 1).padStart(7, '0');
    date[k] = start + (day[i] as number) * 86_400_000 + (k % 86_400) * 1000;
    amount[k] = value[i] as number;
  }
  return { customerId, date, amount };
}
