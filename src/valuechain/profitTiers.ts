/**
 * Profit tiers and the whale curve of {@link customerProfitability}.
 * @internal
 */
import { abc } from '../abc/abc.js';
import type { CustomerId } from '../data/types.js';

/** A, B, C by cumulative share of positive profit; 'loss' for the customers who cost more than they bring. */
export type ProfitTier = 'A' | 'B' | 'C' | 'loss';

/** One tier's customers and profit. */
export interface ProfitTierSummary {
  readonly tier: ProfitTier;
  readonly customers: number;
  readonly profit: number;
  /** customers / all customers (null when there are none). */
  readonly customerShare: number | null;
  /** profit / total profit (null when the total is 0; above 1 for the profitable tiers when there are losses). */
  readonly profitShare: number | null;
  /** profit / the sum of positive profits, for A, B and C (null for 'loss'). */
  readonly shareOfPositive: number | null;
}

/**
 * Kaplan's whale curve: customers ranked by profit, highest first, and the cumulative profit
 * of the top share as a share of the total profit. It rises above 1 while the profitable
 * customers accumulate, then falls back to 1 through the loss tail; its peak says how much
 * more than the total the profitable customers earn.
 */
export interface WhaleCurve {
  /** The cumulative customer shares (k/n) and profit shares, k = 0..n, as plotted (empty when the total profit is not positive). */
  readonly customerShare: Float64Array;
  readonly profitShare: Float64Array;
  /** The peak of the curve, and the customer share where it is reached (null when the total profit is not positive). */
  readonly peakProfitShare: number | null;
  readonly peakCustomerShare: number | null;
}

/** Tiers of each customer: abc on profit for the positive part, 'loss' below 0. */
export function profitTiers(ids: CustomerId[], profit: Float64Array, thresholds: readonly [number, number] | undefined): ProfitTier[] {
  if (ids.length === 0) return [];
  const tiers = abc({ customerId: ids, value: profit.map((v) => Math.max(0, v)) }, { input: 'customers', thresholds }).customers.tier;
  return tiers.map((t, k) => ((profit[k] as number) < 0 ? 'loss' : t));
}

/** The whale curve of the profits. */
export function whaleCurve(profit: Float64Array): WhaleCurve {
  const n = profit.length;
  const sorted = Float64Array.from(profit).sort().reverse();
  let total = 0;
  for (let k = 0; k < n; k++) total += sorted[k] as number;
  const customerShare = new Float64Array(n + 1);
  const profitShare = new Float64Array(n + 1);
  let cum = 0;
  let peak = 0;
  let at = 0;
  for (let k = 1; k <= n; k++) {
    cum += sorted[k - 1] as number;
    customerShare[k] = k / n;
    profitShare[k] = cum / total;
    if (cum > peak) {
      peak = cum;
      at = k / n;
    }
  }
  if (!(total > 0)) return { customerShare: new Float64Array(0), profitShare: new Float64Array(0), peakProfitShare: null, peakCustomerShare: null };
  return { customerShare, profitShare, peakProfitShare: peak / total, peakCustomerShare: at };
}
