/**
 * The value-chain funnel per period: known -> differentiated (labelled, or without labels
 * a customer with a purchase up to the period's end) -> touched -> responded -> purchased
 * within the attribution window -> retained next period. @internal
 */
import type { CustomerId } from '../../data/types.js';
import type { FunnelRow } from '../types.js';

type Counts = Omit<FunnelRow, 'period'>;
import type { ChainContext } from './context.js';
import type { InteractionActivity } from './interactions.js';
import { isActiveIn, type PurchaseActivity } from './purchases.js';

/** Whether customer c counts as differentiated in period p. */
function differentiated(ctx: ChainContext, pur: PurchaseActivity, c: number, p: number): boolean {
  return ctx.segments ? ctx.segments.has(ctx.h.index.ids[c] as CustomerId) : (pur.firstPurchase[c] as number) <= ctx.endOf(p);
}

/** Whether customer c made a purchase in [from, from + window]. */
function boughtWithin(ctx: ChainContext, c: number, from: number): boolean {
  if (c >= ctx.nTx) return false;
  const { dayStart, day, purchaseRows } = ctx.h.partial;
  for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
    const d = day[i] as number;
    if ((purchaseRows[i] as number) > 0 && d >= from && d <= from + ctx.window) return true;
  }
  return false;
}

/** Known and differentiated customers per period (a customer is known from the first purchase or touch on). */
function countKnown(ctx: ChainContext, pur: PurchaseActivity, inter: InteractionActivity, funnel: Counts[]): void {
  for (let c = 0; c < ctx.nAll; c++) {
    const known = Math.min(pur.firstPurchase[c] as number, inter.firstTouch[c] as number);
    if (!Number.isFinite(known)) continue;
    for (let p = Math.max(0, ctx.pOf(known)); p < ctx.P; p++) {
      const f = funnel[p] as Counts;
      f.known++;
      if (differentiated(ctx, pur, c, p)) f.differentiated++;
    }
  }
}

/** Touched differentiated customers per period. */
function countTouched(ctx: ChainContext, pur: PurchaseActivity, inter: InteractionActivity, funnel: Counts[]): void {
  const it = ctx.h.interactions;
  if (!it) return;
  const stamp = new Int32Array(ctx.nAll).fill(-1);
  for (let k = 0; k < inter.order.length; k++) {
    const i = inter.order[k] as number;
    const c = it.customer[i] as number;
    const d = it.day[i] as number;
    if (ctx.endOpt !== undefined && d > ctx.endOpt) continue;
    const p = ctx.pOf(d);
    if (p < 0 || p >= ctx.P || stamp[c] === p) continue;
    stamp[c] = p;
    if (differentiated(ctx, pur, c, p)) (funnel[p] as Counts).touched++;
  }
}

export function funnelRows(ctx: ChainContext, pur: PurchaseActivity, inter: InteractionActivity): FunnelRow[] {
  const funnel = Array.from({ length: ctx.P }, () => ({ known: 0, differentiated: 0, touched: 0, responded: 0, purchased: 0, retained: 0 }));
  for (const [key, r] of inter.firstResponse) {
    const c = Math.floor(key / (ctx.P + 1));
    const p = key - c * (ctx.P + 1);
    const f = funnel[p];
    // responders must be in the previous stages: differentiated, and touched (a response is a touch)
    if (!f || !differentiated(ctx, pur, c, p)) continue;
    f.responded++;
    if (!boughtWithin(ctx, c, r)) continue;
    f.purchased++;
    if (isActiveIn(pur, c, p + 1)) f.retained++;
  }
  countKnown(ctx, pur, inter, funnel);
  countTouched(ctx, pur, inter, funnel);
  return funnel.slice(ctx.R0).map((f, k) => ({ period: ctx.labels[ctx.R0 + k] as string, ...f }));
}
