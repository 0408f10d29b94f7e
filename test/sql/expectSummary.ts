import { expect } from 'vitest';
import type { CalibrationHoldoutSummary, CustomerSummary } from '../../src/index.js';

const near = (got: unknown, want: number, tol: number): boolean => Math.abs(Number(got) - want) <= tol * Math.max(1, Math.abs(want));

/**
 * Rows from an engine against summarize (or splitCalibrationHoldout): frequency and dates
 * exactly, recency and T to 1e-12, values to 1e-9 relative; the holdout columns when the
 * summary has them. Mismatches are collected (the first 5 shown) so a million rows check fast.
 */
export function expectSameSummary(rows: Array<Record<string, unknown>>, s: CustomerSummary | CalibrationHoldoutSummary): void {
  expect(rows.length).toBe(s.length);
  const at = new Map(s.customerId.map((id, i) => [String(id), i]));
  const h = 'frequencyHoldout' in s ? s : undefined;
  const bad: string[] = [];
  for (const row of rows) {
    const i = at.get(String(row.customerId));
    if (i === undefined) {
      bad.push(`unknown customer ${String(row.customerId)}`);
      continue;
    }
    const checks: Array<[string, boolean]> = [
      ['frequency', Number(row.frequency) === s.frequency[i]],
      ['recency', near(row.recency, s.recency[i]!, 1e-12)],
      ['T', near(row.T, s.T[i]!, 1e-12)],
      ['monetaryValue', near(row.monetaryValue, s.monetaryValue[i]!, 1e-9)],
      ['totalValue', near(row.totalValue, s.totalValue[i]!, 1e-9)],
      ['firstPurchase', String(row.firstPurchase) === s.firstPurchase[i]],
      ['lastPurchase', String(row.lastPurchase) === s.lastPurchase[i]],
    ];
    if (h) {
      checks.push(
        ['frequencyHoldout', Number(row.frequencyHoldout) === h.frequencyHoldout[i]],
        ['monetaryValueHoldout', near(row.monetaryValueHoldout, h.monetaryValueHoldout[i]!, 1e-9)],
        ['durationHoldout', near(row.durationHoldout, h.durationHoldout[i]!, 1e-12)],
      );
    }
    for (const [name, ok] of checks) if (!ok) bad.push(`${String(row.customerId)}.${name}: ${String(row[name])}`);
  }
  expect(bad.slice(0, 5)).toEqual([]);
}
