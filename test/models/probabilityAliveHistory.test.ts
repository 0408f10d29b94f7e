import { describe, expect, it } from 'vitest';
import { probabilityAlive, probabilityAliveHistory, summarize } from '../../src/index.js';

const bgnbd = { kind: 'bg-nbd' as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: 'week' as const };
const tx = [
  { customerId: 'a', date: '2024-01-01', amount: 10 },
  { customerId: 'a', date: '2024-01-20', amount: 5 },
  { customerId: 'a', date: '2024-01-20', amount: 7 },
  { customerId: 'a', date: '2024-03-02', amount: 3 },
  { customerId: 'b', date: '2024-02-01', amount: 1 },
];

describe('probabilityAliveHistory', () => {
  it("equals P(alive) of the customer's summary as of each step's day", () => {
    const path = probabilityAliveHistory(bgnbd, tx, { customerId: 'a', observationEnd: '2024-05-31' });
    expect(path.date[0]).toBe('2024-01-01');
    expect(path.length).toBe(Math.floor((Date.parse('2024-05-31') - Date.parse('2024-01-01')) / (7 * 86_400_000)) + 1);
    for (let s = 0; s < path.length; s += 3) {
      const asOf = summarize(tx.filter((r) => r.customerId === 'a'), { observationEnd: path.date[s], unit: 'week' });
      expect(path.frequency[s]).toBe(asOf.frequency[0]);
      expect(path.recency[s]).toBeCloseTo(asOf.recency[0]!, 12);
      expect(path.T[s]).toBeCloseTo(asOf.T[0]!, 12);
      expect(path.probabilityAlive[s]).toBeCloseTo(probabilityAlive(bgnbd, asOf)[0]!, 12);
    }
  });

  it('Pareto/NBD: 1 on each purchase day, decaying between them; BG/NBD: a purchase sets it to (b+x-1)/(a+b+x-1)', () => {
    const pareto = { kind: 'pareto-nbd' as const, params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, unit: 'day' as const };
    const path = probabilityAliveHistory(pareto, tx, { customerId: 'a', step: 1 });
    expect(path.probabilityAlive[0]).toBe(1);
    const jump = path.date.indexOf('2024-01-20');
    expect(path.frequency[jump]).toBe(1); // same-day purchases merged
    expect(path.probabilityAlive[jump]).toBeCloseTo(1, 12);
    expect(path.probabilityAlive[jump - 1]).toBeLessThan(1);
    for (let s = 2; s < jump; s++) expect(path.probabilityAlive[s]).toBeLessThanOrEqual(path.probabilityAlive[s - 1]!);
    expect(path.date.at(-1)).toBe('2024-03-02');
    const bg = probabilityAliveHistory(bgnbd, tx, { customerId: 'a', unit: 'day', step: 1 });
    const { a, b } = bgnbd.params;
    expect(bg.probabilityAlive[jump]).toBeCloseTo((b + 1 - 1) / (a + b + 1 - 1), 12);
  });

  it('names the customer to follow', () => {
    expect(() => probabilityAliveHistory(bgnbd, tx)).toThrow(/customerId must name the customer to follow/);
    expect(() => probabilityAliveHistory(bgnbd, tx, { customerId: 'z' })).toThrow(/"z" has no purchases/);
    expect(() => probabilityAliveHistory(bgnbd, tx, { customerId: 'a', step: 0 })).toThrow(/step must be a finite number > 0/);
    const withCoefficients = { ...bgnbd, coefficients: { purchase: { g: 0.5 }, dropout: {} } };
    expect(() => probabilityAliveHistory(withCoefficients, tx, { customerId: 'a' })).toThrow(/^probabilityAliveHistory: the bg-nbd model was fitted with covariates/);
    const path = probabilityAliveHistory(withCoefficients, tx, { customerId: 'a', covariates: { data: [{ customerId: 'a', g: 1 }] } });
    expect(path.probabilityAlive.every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});
