/**
 * Up-sell and cross-sell per period (valuechain.md's customize stage, second stage), over
 * the returning buyers of each period: customers with a purchase day in it and one before it.
 * - up-sell: their net value per purchase day in the period exceeds their own mean over all
 *   their earlier purchase days;
 * - cross-sell: they bought in the period a category they had never bought before (with
 *   categories), and `newCategories` counts those (customer, category) firsts.
 * @internal
 */
import { segmentOf, type ChainContext } from './context.js';

/** Per segment label: returning buyers, up-sold and cross-sold among them. */
export interface SegmentUpCross {
  returning: number;
  upSold: number;
  crossSold: number;
}

export interface UpCrossSell {
  returning: Float64Array;
  upSold: Float64Array;
  crossSold: Float64Array | undefined;
  newCategories: Float64Array | undefined;
  /** Per period, per segment label (empty maps without segments). */
  bySegment: Array<Map<string, SegmentUpCross>>;
}

function segmentCell(bySegment: Array<Map<string, SegmentUpCross>>, p: number, label: string): SegmentUpCross {
  const m = bySegment[p] as Map<string, SegmentUpCross>;
  let cell = m.get(label);
  if (!cell) m.set(label, (cell = { returning: 0, upSold: 0, crossSold: 0 }));
  return cell;
}

export function upCrossSell(ctx: ChainContext): UpCrossSell {
  const { P, pOf, nTx } = ctx;
  const { dayStart, day, valueHi, valueLo, purchaseRows } = ctx.h.partial;
  const returning = new Float64Array(P);
  const upSold = new Float64Array(P);
  const firstPurchase = new Float64Array(nTx).fill(Number.NaN);
  const bySegment = Array.from({ length: P }, () => new Map<string, SegmentUpCross>());
  // one customer's running state, closed at each change of period (one closure for all customers, not one each)
  let label: string | undefined;
  let beforeDays = 0;
  let beforeValue = 0;
  let p0 = -2;
  let inDays = 0;
  let inValue = 0;
  const close = (): void => {
    if (p0 >= 0 && p0 < P && inDays > 0 && beforeDays > 0) {
      const up = inValue / inDays > beforeValue / beforeDays;
      returning[p0] = (returning[p0] as number) + 1;
      if (up) upSold[p0] = (upSold[p0] as number) + 1;
      if (label !== undefined) {
        const cell = segmentCell(bySegment, p0, label);
        cell.returning++;
        if (up) cell.upSold++;
      }
    }
    beforeDays += inDays;
    beforeValue += inValue;
    inDays = 0;
    inValue = 0;
  };
  for (let c = 0; c < nTx; c++) {
    label = segmentOf(ctx, c);
    beforeDays = beforeValue = inDays = inValue = 0;
    p0 = -2;
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
      if ((purchaseRows[i] as number) === 0) continue;
      const d = day[i] as number;
      if (Number.isNaN(firstPurchase[c] as number)) firstPurchase[c] = d;
      const p = pOf(d);
      if (p !== p0) {
        close();
        p0 = p;
      }
      inDays++;
      inValue += (valueHi[i] as number) + (valueLo[i] as number);
    }
    close();
  }
  const cross = crossSell(ctx, firstPurchase, bySegment);
  return { returning, upSold, crossSold: cross?.customers, newCategories: cross?.pairs, bySegment };
}

/** First purchases of a category by customers who had bought before that period: customers and (customer, category) pairs per period. */
function crossSell(ctx: ChainContext, firstPurchase: Float64Array, bySegment: Array<Map<string, SegmentUpCross>>): { customers: Float64Array; pairs: Float64Array } | undefined {
  const tx = ctx.h.tx;
  const cat = tx.category;
  if (!cat) return undefined;
  const { P, pOf, startOf } = ctx;
  // categories to small integers first, so that (customer, category) is one exact number key
  const codes = new Map<unknown, number>();
  const code = new Int32Array(tx.length).fill(-1);
  for (let i = 0; i < tx.length; i++) {
    const v = cat[i];
    if (v === undefined || v === null || v === '' || !((tx.amount[i] as number) >= 0)) continue;
    let k = codes.get(v);
    if (k === undefined) codes.set(v, (k = codes.size));
    code[i] = k;
  }
  const nCat = Math.max(1, codes.size);
  const firstOf = new Map<number, number>();
  for (let i = 0; i < tx.length; i++) {
    if ((code[i] as number) < 0) continue;
    const key = (tx.customer[i] as number) * nCat + (code[i] as number);
    const d = tx.day[i] as number;
    const seen = firstOf.get(key);
    if (seen === undefined || d < seen) firstOf.set(key, d);
  }
  const customers = new Float64Array(P);
  const pairs = new Float64Array(P);
  const counted = new Set<number>();
  for (const [key, d] of firstOf) {
    const c = Math.floor(key / nCat);
    const p = pOf(d);
    if (p < 0 || p >= P || !((firstPurchase[c] as number) < startOf(p))) continue;
    pairs[p] = (pairs[p] as number) + 1;
    const cp = c * (P + 1) + p;
    if (!counted.has(cp)) {
      counted.add(cp);
      customers[p] = (customers[p] as number) + 1;
      const label = segmentOf(ctx, c);
      if (label !== undefined) segmentCell(bySegment, p, label).crossSold++;
    }
  }
  return { customers, pairs };
}
