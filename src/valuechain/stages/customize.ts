/**
 * Customize: offers and breadth. Offer acceptance, cross-sell breadth (distinct categories
 * bought per active customer) when transactions carry a category, and the up-sell and
 * cross-sell rates of the returning buyers (upCrossSell.ts). @internal
 */
import { rate } from '../rate.js';
import type { CustomizeMetrics } from '../types.js';
import { reportedSum, type ChainContext } from './context.js';
import type { InteractionActivity } from './interactions.js';
import type { PurchaseActivity } from './purchases.js';
import { upCrossSell, type SegmentUpCross } from './upCrossSell.js';

/** Distinct (customer, category) pairs per period, or undefined without categories. */
function categoryBreadth(ctx: ChainContext): Float64Array | undefined {
  const tx = ctx.h.tx;
  const cat = tx.category;
  if (!cat) return undefined;
  const { P, pOf } = ctx;
  const out = new Float64Array(P);
  // categories to small integers first, so that (customer, period, category) is one exact number key
  const catIndex = new Map<unknown, number>();
  const code = new Int32Array(tx.length).fill(-1);
  for (let i = 0; i < tx.length; i++) {
    const v = cat[i];
    if (v === undefined || v === null || v === '') continue;
    let ci = catIndex.get(v);
    if (ci === undefined) catIndex.set(v, (ci = catIndex.size));
    code[i] = ci;
  }
  const nCat = Math.max(1, catIndex.size);
  const seen = new Set<number>();
  for (let i = 0; i < tx.length; i++) {
    const ci = code[i] as number;
    if (ci < 0) continue;
    const p = pOf(tx.day[i] as number);
    if (p < 0 || p >= P) continue;
    const key = ((tx.customer[i] as number) * (P + 1) + p) * nCat + ci;
    if (!seen.has(key)) {
      seen.add(key);
      out[p] = (out[p] as number) + 1;
    }
  }
  return out;
}

/** Up-sell and cross-sell rates per segment label, sorted by label. */
function segmentRates(cells: Map<string, SegmentUpCross>, categories: boolean): CustomizeMetrics['segments'] {
  return [...cells.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([segment, c]) => ({ segment, returningBuyers: c.returning, upSellRate: rate(c.upSold, c.returning), crossSellRate: categories ? rate(c.crossSold, c.returning) : null }));
}

function mergeSegments(maps: Array<Map<string, SegmentUpCross>>): Map<string, SegmentUpCross> {
  const out = new Map<string, SegmentUpCross>();
  for (const m of maps) {
    for (const [label, c] of m) {
      const t = out.get(label) ?? { returning: 0, upSold: 0, crossSold: 0 };
      t.returning += c.returning;
      t.upSold += c.upSold;
      t.crossSold += c.crossSold;
      out.set(label, t);
    }
  }
  return out;
}

export function customizeStage(ctx: ChainContext, inter: InteractionActivity, pur: PurchaseActivity) {
  const cross = categoryBreadth(ctx);
  const ups = upCrossSell(ctx);
  return {
    period(p: number): CustomizeMetrics {
      return {
        offerAcceptanceRate: rate(inter.accepted[p] as number, inter.offers[p] as number),
        crossSellBreadth: cross ? rate(cross[p] as number, pur.active[p] as number) : null,
        upSellRate: rate(ups.upSold[p] as number, ups.returning[p] as number),
        crossSellRate: ups.crossSold ? rate(ups.crossSold[p] as number, ups.returning[p] as number) : null,
        newCategories: ups.newCategories ? (ups.newCategories[p] as number) : null,
        segments: segmentRates(ups.bySegment[p] as Map<string, SegmentUpCross>, ups.crossSold !== undefined),
      };
    },
    overall(): CustomizeMetrics {
      return {
        offerAcceptanceRate: rate(reportedSum(ctx, inter.accepted), reportedSum(ctx, inter.offers)),
        crossSellBreadth: cross ? rate(reportedSum(ctx, cross), reportedSum(ctx, pur.active)) : null,
        upSellRate: rate(reportedSum(ctx, ups.upSold), reportedSum(ctx, ups.returning)),
        crossSellRate: ups.crossSold ? rate(reportedSum(ctx, ups.crossSold), reportedSum(ctx, ups.returning)) : null,
        newCategories: ups.newCategories ? reportedSum(ctx, ups.newCategories) : null,
        segments: segmentRates(mergeSegments(ups.bySegment.slice(ctx.R0)), ups.crossSold !== undefined),
      };
    },
  };
}
