import { expect } from 'vitest';
import type { CustomerSummary } from '../../src/index.js';

/** Rows from an engine against summarize: frequency and dates exactly, recency and T to 12 digits, values to 1e-9 relative. */
export function expectSameSummary(rows: Array<Record<string, unknown>>, s: CustomerSummary): void {
  expect(rows.length).toBe(s.length);
  const at = new Map(s.customerId.map((id, i) => [String(id), i]));
  for (const row of rows) {
    const i = at.get(String(row.customerId))!;
    expect(Number(row.frequency)).toBe(s.frequency[i]);
    expect(Number(row.recency)).toBeCloseTo(s.recency[i]!, 12);
    expect(Number(row.T)).toBeCloseTo(s.T[i]!, 12);
    expect(Math.abs(Number(row.monetaryValue) - s.monetaryValue[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(s.monetaryValue[i]!)));
    expect(Math.abs(Number(row.totalValue) - s.totalValue[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(s.totalValue[i]!)));
    expect(String(row.firstPurchase)).toBe(s.firstPurchase[i]);
    expect(String(row.lastPurchase)).toBe(s.lastPurchase[i]);
  }
}
