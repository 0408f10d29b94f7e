/**
 * The purchase pass of the value chain: per customer the first purchase day and the
 * periods with a purchase; per period active customers, revenue, each active customer's
 * revenue (for concentration) and per-segment figures; first and second buyers. @internal
 */
import { segmentOf, type ChainContext } from './context.js';

export interface SegmentStat {
  active: number;
  revenue: number;
}

export interface PurchaseActivity {
  /** First purchase day per customer (Infinity: none). */
  readonly firstPurchase: Float64Array;
  /** Customer c's active periods are activePeriods[activeStart[c] .. activeStart[c+1]-1], ascending. */
  readonly activeStart: Uint32Array;
  readonly activePeriods: number[];
  /** Per period 0..P (P: after the window): customers with a purchase, and their revenue. */
  readonly active: Float64Array;
  readonly revenue: Float64Array;
  /** Per reported-grid period: each active customer's revenue. */
  readonly periodValues: number[][];
  /** Per period: active customers and revenue per segment label. */
  readonly segStats: Array<Map<string, SegmentStat>>;
  /** Customers whose first (second) purchase day is in period p (clipped to 0..P). */
  readonly firstBuyers: Float64Array;
  readonly secondBuyers: Float64Array;
}

/** Record customer c's revenue `rev` in period p. */
function recordPeriod(ctx: ChainContext, a: PurchaseActivity, c: number, p: number, rev: number): void {
  if (p < 0 || p > ctx.P) return;
  a.activePeriods.push(p);
  a.active[p] = (a.active[p] as number) + 1;
  a.revenue[p] = (a.revenue[p] as number) + rev;
  if (p === ctx.P) return;
  a.periodValues[p]?.push(rev);
  const lab = segmentOf(ctx, c);
  if (lab === undefined) return;
  const m = a.segStats[p] as Map<string, SegmentStat>;
  const s = m.get(lab) ?? { active: 0, revenue: 0 };
  s.active++;
  s.revenue += rev;
  m.set(lab, s);
}

export function purchaseActivity(ctx: ChainContext): PurchaseActivity {
  const { P, nAll, nTx, pOf, clip } = ctx;
  const { dayStart, day, valueHi, valueLo, purchaseRows } = ctx.h.partial;
  const a: PurchaseActivity = {
    firstPurchase: new Float64Array(nAll).fill(Number.POSITIVE_INFINITY),
    activeStart: new Uint32Array(nAll + 1),
    activePeriods: [],
    active: new Float64Array(P + 1),
    revenue: new Float64Array(P + 1),
    periodValues: Array.from({ length: P }, () => []),
    segStats: Array.from({ length: P }, () => new Map()),
    firstBuyers: new Float64Array(P + 1),
    secondBuyers: new Float64Array(P + 1),
  };
  for (let c = 0; c < nAll; c++) {
    a.activeStart[c] = a.activePeriods.length;
    if (c >= nTx) continue;
    let count = 0;
    let curP = -2;
    let curRev = 0;
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
      if ((purchaseRows[i] as number) === 0) continue;
      const d = day[i] as number;
      const p = pOf(d);
      if (count === 0) {
        a.firstPurchase[c] = d;
        a.firstBuyers[clip(p)] = (a.firstBuyers[clip(p)] as number) + 1;
      } else if (count === 1) a.secondBuyers[clip(p)] = (a.secondBuyers[clip(p)] as number) + 1;
      if (p !== curP) {
        recordPeriod(ctx, a, c, curP, curRev);
        curP = p;
        curRev = 0;
      }
      curRev += (valueHi[i] as number) + (valueLo[i] as number);
      count++;
    }
    recordPeriod(ctx, a, c, curP, curRev);
  }
  a.activeStart[nAll] = a.activePeriods.length;
  return a;
}

/** Whether customer c has a purchase in period p. */
export function isActiveIn(a: PurchaseActivity, c: number, p: number): boolean {
  for (let k = a.activeStart[c] as number; k < (a.activeStart[c + 1] as number); k++) if (a.activePeriods[k] === p) return true;
  return false;
}
