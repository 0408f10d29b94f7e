import { expect } from 'vitest';
import { csv } from './datasets.js';

/** |estimate - published| within half a unit of the last printed digit (plus `slack` units). */
export function toPrinted(estimate: number, published: string, slack = 0): void {
  const decimals = published.split('.')[1]?.length ?? 0;
  expect(Math.abs(estimate - Number(published))).toBeLessThanOrEqual((0.5 + slack) * 10 ** -decimals + 1e-12);
}

/** |estimate / reference - 1| < tol. */
export function relativeTo(estimate: number, reference: number, tol: number): void {
  expect(Math.abs(estimate / reference - 1)).toBeLessThan(tol);
}

/** The CDNOW sample's summary as published (cdnow_customers_summary.csv, weeks). */
export function cdnowSummary() {
  const cdnow = csv('cdnow_customers_summary.csv');
  return { frequency: cdnow.frequency!, recency: cdnow.recency!, T: cdnow.T! };
}

/** Histories from a one-time buyer to a heavy buyer, for prediction checks (weeks). */
export const histories = [
  { frequency: 0, recency: 0, T: 38.86 },
  { frequency: 2, recency: 30.43, T: 38.86 },
  { frequency: 1, recency: 2, T: 30 },
  { frequency: 7, recency: 35, T: 36 },
  { frequency: 25, recency: 10, T: 39 },
  { frequency: 150, recency: 300, T: 310 },
];
