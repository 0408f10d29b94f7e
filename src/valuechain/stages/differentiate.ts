/**
 * Differentiate: who the customers are worth. Per-segment activity and revenue, the
 * concentration of revenue (Gini, top-20 % share) and, over the window, the customer
 * classes. @internal
 */
import { classesFromHistory } from '../customerClasses.js';
import type { DifferentiateMetrics } from '../types.js';
import type { ChainContext } from './context.js';
import type { WindowTotals } from './overall.js';
import type { PurchaseActivity, SegmentStat } from './purchases.js';

/** Gini and top-20 % share of positive values (zero/negative as 0). */
export function concentration(values: readonly number[]): { gini: number | null; top20Share: number | null } {
  const n = values.length;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.max(0, values[i] as number);
  v.sort();
  // in units of the largest value, so sums of values near 1e308 stay finite
  const scale = n > 0 && (v[n - 1] as number) > 0 ? (v[n - 1] as number) : 1;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += (v[i] as number) / scale;
    weighted += ((i + 1) * (v[i] as number)) / scale;
  }
  if (!(total > 0)) return { gini: null, top20Share: null };
  let top = 0;
  const k = Math.ceil(0.2 * n - 1e-9);
  for (let i = n - k; i < n; i++) top += (v[i] as number) / scale;
  return { gini: (2 * weighted) / (n * total) - (n + 1) / n, top20Share: top / total };
}

function segmentRows(stats: Map<string, SegmentStat>): DifferentiateMetrics['segments'] {
  return [...stats.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([segment, s]) => ({ segment, activeCustomers: s.active, revenue: s.revenue }));
}

/** Counts of the customer classes at the window's end. */
function classCounts(ctx: ChainContext): NonNullable<DifferentiateMetrics['classes']> {
  const cl = classesFromHistory(ctx.h, ctx.last, {});
  const classes = { cashFlow: 0, quasiCashFlow: 0, lowYield: 0, other: 0, relationship: 0, transactional: 0 };
  for (let i = 0; i < cl.length; i++) {
    classes[cl.valueClass[i] as 'other']++;
    classes[cl.relationship[i] as 'relationship']++;
  }
  return classes;
}

export function differentiateStage(ctx: ChainContext, pur: PurchaseActivity) {
  return {
    period(p: number): DifferentiateMetrics {
      const conc = concentration(pur.periodValues[p] as number[]);
      return { segments: segmentRows(pur.segStats[p] as Map<string, SegmentStat>), gini: conc.gini, top20Share: conc.top20Share };
    },
    overall(win: WindowTotals): DifferentiateMetrics {
      const conc = concentration(win.values);
      const out: DifferentiateMetrics = { segments: segmentRows(win.segments), gini: conc.gini, top20Share: conc.top20Share };
      return ctx.nTx > 0 ? { ...out, classes: classCounts(ctx) } : out;
    },
  };
}
