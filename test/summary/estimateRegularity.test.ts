import { describe, expect, it } from 'vitest';
import { estimateRegularity } from '../../src/index.js';
import { gammaDraw, uniforms } from '../helpers/erlangWorld.js';

const DAY = 86_400_000;
const iso = (d: number): string => new Date(Date.UTC(2000, 0, 1) + d * DAY).toISOString().slice(0, 10);

/** Transactions of customers with Erlang-k gaps (sums of k exponentials) of mean about 100 days, rates Gamma-distributed. */
function erlangLog(k: number, customers: number, purchases: number, seed: number) {
  const u = uniforms(seed);
  const customerId: number[] = [];
  const date: string[] = [];
  for (let c = 0; c < customers; c++) {
    const rate = gammaDraw(u, 4, 400) * k; // per day: mean gap about 100 days
    let t = 0;
    for (let i = 0; i < purchases; i++) {
      customerId.push(c);
      date.push(iso(Math.round(t)));
      let gap = 0;
      for (let j = 0; j < k; j++) gap -= Math.log(u()) / rate;
      t += Math.max(gap, 1);
    }
  }
  return { customerId, date, amount: new Float64Array(date.length).fill(10) };
}

describe('estimateRegularity (Wheat & Morrison 1990)', () => {
  it('computes M over non-overlapping pairs by hand: days 0, 10, 30, 40, 50 give M = 1/3, 1/2 and k = 1/(8 · 1/72) - 1/2', () => {
    const days = [0, 10, 30, 40, 50];
    const r = estimateRegularity({ customerId: days.map(() => 'a'), date: days.map(iso), amount: days.map(() => 10) });
    expect(r.pairs).toBe(2);
    expect(r.customers).toBe(1);
    expect(r.meanM!).toBeCloseTo(5 / 12, 14);
    expect(r.varianceM!).toBeCloseTo(1 / 72, 14);
    expect(r.k!).toBeCloseTo(8.5, 10);
  });

  it('recovers k = 1 and k = 3 from simulated Erlang purchase times, within 4 standard errors', () => {
    for (const k of [1, 3]) {
      const r = estimateRegularity(erlangLog(k, 3000, 9, 7 + k));
      expect(r.pairs).toBe(3000 * 4);
      expect(Math.abs(r.k! - k)).toBeLessThan(4 * r.standardError!);
      expect(r.standardError!).toBeGreaterThan(0);
    }
  });

  it('says when there is nothing to estimate: null figures without pairs', () => {
    const r = estimateRegularity({ customerId: ['a', 'a'], date: ['2020-01-01', '2020-02-01'], amount: [5, 5] });
    expect(r.pairs).toBe(0);
    expect(r.k).toBeNull();
    expect(r.meanM).toBeNull();
  });
});
