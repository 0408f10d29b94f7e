/**
 * Retain: whether customers stay. Active customers and revenue, retention and churn
 * between consecutive periods, revenue retention, win-back, repeat purchase, and mean
 * P(alive) with a purchase model. @internal
 */
import { DAYS_PER_UNIT } from '../../data/days.js';
import { probabilityAlive } from '../../models/predictions/probabilityAlive.js';
import { historyAsOf } from '../../summary/historyAsOf.js';
import { rate } from '../rate.js';
import type { RetainMetrics } from '../types.js';
import { previousSum, reportedSum, type ChainContext } from './context.js';
import type { IdentifyStage } from './identify.js';
import type { WindowTotals } from './overall.js';
import type { PurchaseActivity } from './purchases.js';

/** Customers active in p who were active in p - 1. */
function retainedCustomers(ctx: ChainContext, pur: PurchaseActivity): Float64Array {
  const retained = new Float64Array(ctx.P);
  for (let c = 0; c < ctx.nTx; c++) {
    const b = pur.activeStart[c + 1] as number;
    for (let k = pur.activeStart[c] as number; k + 1 < b; k++) {
      const p = pur.activePeriods[k] as number;
      if (pur.activePeriods[k + 1] === p + 1 && p + 1 < ctx.P) retained[p + 1] = (retained[p + 1] as number) + 1;
    }
  }
  return retained;
}

/** Revenue in p from customers active in p - 1 (`fromPrevious`), and their revenue in p - 1 (`ofPrevious`). */
function revenueRetention(ctx: ChainContext): { fromPrevious: Float64Array; ofPrevious: Float64Array } {
  const { P, pOf, nTx } = ctx;
  const { dayStart, day, valueHi, valueLo, purchaseRows } = ctx.h.partial;
  const fromPrevious = new Float64Array(P);
  const ofPrevious = new Float64Array(P);
  for (let c = 0; c < nTx; c++) {
    // days ascend, so periods ascend: close each period's revenue as the next starts
    let curP = -2;
    let prevP = -2;
    let cur = 0;
    const to = dayStart[c + 1] as number;
    for (let i = dayStart[c] as number; i <= to; i++) {
      const end = i === to;
      if (!end && (purchaseRows[i] as number) === 0) continue;
      const p = end ? -3 : pOf(day[i] as number);
      if (p !== curP) {
        if (curP >= 0 && curP < P) {
          if (curP + 1 < P) ofPrevious[curP + 1] = (ofPrevious[curP + 1] as number) + cur;
          if (prevP === curP - 1) fromPrevious[curP] = (fromPrevious[curP] as number) + cur;
        }
        prevP = curP;
        curP = p;
        cur = 0;
      }
      if (!end) cur += (valueHi[i] as number) + (valueLo[i] as number);
    }
  }
  return { fromPrevious, ofPrevious };
}

/**
 * Win-back, per period p (valuechain.md, as revised in the second stage):
 * - `lapsed`: customers lapsed at p's start (their last purchase day before it at least
 *   `inactivity` days earlier);
 * - `won`: those of them with a purchase day in p (so won ≤ lapsed: winBackRate is a share);
 * - `reactivated`: customers with a purchase day in p whose previous purchase day was at
 *   least `inactivity` days before it, counted once per period (the first stage's count: a
 *   customer can lapse and return within one long period, so it can exceed `lapsed`).
 */
function winBack(ctx: ChainContext): { reactivated: Float64Array; won: Float64Array; lapsed: Float64Array } {
  const { P, pOf, startOf, endOf, inactivity, nTx } = ctx;
  const { dayStart, day, purchaseRows } = ctx.h.partial;
  const reactivated = new Float64Array(P);
  const won = new Float64Array(P);
  const lapsed = new Float64Array(P);
  for (let c = 0; c < nTx; c++) {
    const from = dayStart[c] as number;
    const to = dayStart[c + 1] as number;
    let prev = Number.NaN;
    let lastCounted = -1;
    let firstP = -1;
    for (let i = from; i < to; i++) {
      if ((purchaseRows[i] as number) === 0) continue;
      const d = day[i] as number;
      const p = pOf(d);
      if (firstP < 0) firstP = p;
      else if (p >= 0 && p < P && d - prev >= inactivity && p !== lastCounted) {
        reactivated[p] = (reactivated[p] as number) + 1;
        lastCounted = p;
      }
      prev = d;
    }
    if (firstP < 0) continue;
    let i = from;
    let lastBefore = Number.NaN;
    for (let p = Math.max(0, firstP + 1); p < P; p++) {
      const s0 = startOf(p);
      for (; i < to && (day[i] as number) < s0; i++) if ((purchaseRows[i] as number) > 0) lastBefore = day[i] as number;
      if (!(s0 - lastBefore >= inactivity)) continue;
      lapsed[p] = (lapsed[p] as number) + 1;
      const e = endOf(p);
      for (let j = i; j < to && (day[j] as number) <= e; j++) {
        if ((purchaseRows[j] as number) > 0) {
          won[p] = (won[p] as number) + 1;
          break;
        }
      }
    }
  }
  return { reactivated, won, lapsed };
}

/** Mean P(alive) of the customers who bought up to each period's end, under the purchase model. */
function meanAliveByPeriod(ctx: ChainContext): Array<number | null> {
  const out = new Array<number | null>(ctx.P).fill(null);
  const model = ctx.options.purchaseModel;
  if (!model) return out;
  const per = DAYS_PER_UNIT[model.unit ?? ctx.options.modelUnit ?? 'week'];
  for (let p = 0; p < ctx.P; p++) {
    const e = ctx.endOf(p);
    const hist = historyAsOf(ctx.h.partial, e);
    const X: number[] = [];
    const TX: number[] = [];
    const TT: number[] = [];
    for (let c = 0; c < ctx.nTx; c++) {
      const days = hist.days[c] as number;
      if (days === 0) continue;
      const f = hist.first[c] as number;
      X.push(days - 1);
      TX.push(((hist.last[c] as number) - f) / per);
      TT.push((e - f) / per);
    }
    if (X.length === 0) continue;
    const pa = probabilityAlive(model, { frequency: X, recency: TX, T: TT });
    out[p] = pa.reduce((s, v) => s + v, 0) / pa.length;
  }
  return out;
}

export function retainStage(ctx: ChainContext, pur: PurchaseActivity, identify: IdentifyStage) {
  const retained = retainedCustomers(ctx, pur);
  const rev = revenueRetention(ctx);
  const wb = winBack(ctx);
  const meanAlive = meanAliveByPeriod(ctx);
  const { active } = pur;
  return {
    period(p: number): RetainMetrics {
      const prev = p > 0 ? (active[p - 1] as number) : 0;
      return {
        activeCustomers: active[p] as number,
        revenue: pur.revenue[p] as number,
        retentionRate: p > 0 ? rate(retained[p] as number, prev) : rate(0, 0),
        churnRate: p > 0 ? rate(prev - (retained[p] as number), prev) : rate(0, 0),
        revenueRetention: rate(rev.fromPrevious[p] as number, rev.ofPrevious[p] as number),
        winBackRate: rate(wb.won[p] as number, wb.lapsed[p] as number),
        reactivated: wb.reactivated[p] as number,
        repeatPurchaseRate: rate(identify.repeaters[p] as number, identify.buyers[p] as number),
        meanProbabilityAlive: meanAlive[p] ?? null,
      };
    },
    overall(win: WindowTotals, last: RetainMetrics | undefined): RetainMetrics {
      const before = previousSum(ctx, active, 1);
      return {
        activeCustomers: win.values.length,
        revenue: win.revenue,
        retentionRate: rate(previousSum(ctx, retained), before),
        churnRate: rate(before - previousSum(ctx, retained), before),
        revenueRetention: rate(reportedSum(ctx, rev.fromPrevious), reportedSum(ctx, rev.ofPrevious)),
        winBackRate: rate(reportedSum(ctx, wb.won), reportedSum(ctx, wb.lapsed)),
        reactivated: reportedSum(ctx, wb.reactivated),
        repeatPurchaseRate: last ? last.repeatPurchaseRate : rate(0, 0),
        meanProbabilityAlive: last ? last.meanProbabilityAlive : null,
      };
    },
  };
}
