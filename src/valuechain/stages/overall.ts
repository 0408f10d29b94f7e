/**
 * The window as one period: each customer's purchases in [start, end] and the customers
 * touched in it, which the stages' overall figures share. @internal
 */
import { segmentOf, type ChainContext } from './context.js';
import type { SegmentStat } from './purchases.js';

export interface WindowTotals {
  /** Revenue in the window of each customer with a purchase in it. */
  readonly values: number[];
  readonly revenue: number;
  readonly segments: Map<string, SegmentStat>;
  /** Customers with an interaction in the window. */
  readonly touched: number;
}

function touchedInWindow(ctx: ChainContext): number {
  const it = ctx.h.interactions;
  if (!it) return 0;
  const seen = new Uint8Array(ctx.nAll);
  let n = 0;
  for (let i = 0; i < it.length; i++) {
    const d = it.day[i] as number;
    if (d < ctx.first || d > ctx.last) continue;
    const c = it.customer[i] as number;
    if (!seen[c]) {
      seen[c] = 1;
      n++;
    }
  }
  return n;
}

export function windowTotals(ctx: ChainContext): WindowTotals {
  const { dayStart, day, valueHi, valueLo, purchaseRows } = ctx.h.partial;
  const values: number[] = [];
  const segments = new Map<string, SegmentStat>();
  let revenue = 0;
  for (let c = 0; c < ctx.nTx; c++) {
    let v = 0;
    let any = false;
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
      const d = day[i] as number;
      if ((purchaseRows[i] as number) === 0 || d < ctx.first || d > ctx.last) continue;
      v += (valueHi[i] as number) + (valueLo[i] as number);
      any = true;
    }
    if (!any) continue;
    values.push(v);
    revenue += v;
    const lab = segmentOf(ctx, c);
    if (lab === undefined) continue;
    const s = segments.get(lab) ?? { active: 0, revenue: 0 };
    s.active++;
    s.revenue += v;
    segments.set(lab, s);
  }
  return { values, revenue, segments, touched: touchedInWindow(ctx) };
}
