/**
 * Identify: acquisition. New customers, prospects (touched, not yet buying) and their
 * conversion, time to first purchase, acquisition cost, relationship vs transactional
 * customers; also who is known when, which the other stages use. @internal
 */
import { rate } from '../rate.js';
import type { IdentifyMetrics, ValueChainReport } from '../types.js';
import { median, reportedSum, type ChainContext } from './context.js';
import type { InteractionActivity } from './interactions.js';
import type { PurchaseActivity } from './purchases.js';

export interface IdentifyStage {
  /** Known customers (bought or touched) at the end of each period. */
  readonly known: Float64Array;
  /** Customers with a first (a second) purchase day up to the end of each period. */
  readonly buyers: Float64Array;
  readonly repeaters: Float64Array;
  period(p: number): IdentifyMetrics;
  overall(): IdentifyMetrics;
  readonly customers: ValueChainReport['customers'];
}

/** Interaction cost per customer up to and including the first purchase day. */
function costBeforeFirstPurchase(ctx: ChainContext, firstPurchase: Float64Array): Float64Array {
  const pre = new Float64Array(ctx.nAll);
  const it = ctx.h.interactions;
  if (!it) return pre;
  for (let i = 0; i < it.length; i++) {
    const c = it.customer[i] as number;
    const fp = firstPurchase[c] as number;
    if ((it.day[i] as number) <= fp && Number.isFinite(fp)) pre[c] = (pre[c] as number) + (it.cost[i] as number);
  }
  return pre;
}

/** Running totals over the grid: known, prospects, buyers and repeat buyers at each period's end. */
function runningTotals(P: number, knownDiff: Float64Array, prospectsDiff: Float64Array, pur: PurchaseActivity) {
  const known = new Float64Array(P);
  const prospects = new Float64Array(P);
  const buyers = new Float64Array(P);
  const repeaters = new Float64Array(P);
  let k = 0;
  let pr = 0;
  let b = 0;
  let r = 0;
  for (let p = 0; p < P; p++) {
    known[p] = k += knownDiff[p] as number;
    prospects[p] = pr += prospectsDiff[p] as number;
    buyers[p] = b += pur.firstBuyers[p] as number;
    repeaters[p] = r += pur.secondBuyers[p] as number;
  }
  return { known, prospects, buyers, repeaters };
}

export function identifyStage(ctx: ChainContext, pur: PurchaseActivity, inter: InteractionActivity): IdentifyStage {
  const { P, R0, nAll, pOf, clip, first, last } = ctx;
  const { firstPurchase } = pur;
  const { firstTouch } = inter;
  const newC = new Float64Array(P);
  const prospectsDiff = new Float64Array(P + 1);
  const knownDiff = new Float64Array(P + 1);
  const convNum = new Float64Array(P);
  const acqCost = new Float64Array(P);
  const ttfp: number[][] = Array.from({ length: P }, () => []);
  const preCost = costBeforeFirstPurchase(ctx, firstPurchase);
  let onlyTx = 0;
  let onlyIt = 0;
  let both = 0;
  for (let c = 0; c < nAll; c++) {
    const fp = firstPurchase[c] as number;
    const ft = firstTouch[c] as number;
    const hasP = Number.isFinite(fp);
    const hasT = Number.isFinite(ft);
    if (!hasP && !hasT) continue;
    if (hasP && hasT) both++;
    else if (hasP) onlyTx++;
    else onlyIt++;
    const pk = clip(pOf(Math.min(fp, ft)));
    knownDiff[pk < 0 ? 0 : pk] = (knownDiff[pk < 0 ? 0 : pk] as number) + 1;
    if (hasT && (!hasP || ft < fp)) {
      // a prospect from the period of the first touch until the period before the first purchase
      const pt = clip(pOf(ft));
      const pp = hasP ? clip(pOf(fp)) : P;
      if (pp > pt) {
        prospectsDiff[pt < 0 ? 0 : pt] = (prospectsDiff[pt < 0 ? 0 : pt] as number) + 1;
        prospectsDiff[pp] = (prospectsDiff[pp] as number) - 1;
        if (pp >= 0 && pp < P && pOf(ft) < pOf(fp)) convNum[pp] = (convNum[pp] as number) + 1;
      }
    }
    if (!hasP) continue;
    const p = pOf(fp);
    if (p < 0 || p >= P) continue;
    newC[p] = (newC[p] as number) + 1;
    acqCost[p] = (acqCost[p] as number) + (preCost[c] as number);
    if (hasT && ft <= fp) (ttfp[p] as number[]).push(fp - ft);
  }
  const run = runningTotals(P, knownDiff, prospectsDiff, pur);
  const lastP = P - 1;
  const period = (p: number): IdentifyMetrics => ({
    newCustomers: newC[p] as number,
    prospects: run.prospects[p] as number,
    prospectConversionRate: rate(convNum[p] as number, p > 0 ? (run.prospects[p - 1] as number) : 0),
    medianDaysToFirstPurchase: median(ttfp[p] as number[]),
    acquisitionCost: rate(acqCost[p] as number, newC[p] as number),
    relationshipCustomers: run.repeaters[p] as number,
    transactionalCustomers: (run.buyers[p] as number) - (run.repeaters[p] as number),
  });
  const overall = (): IdentifyMetrics => {
    // lead conversion over the window: customers touched before any purchase (or never
    // buying) who were prospects at some point of it, and of those, the ones who bought in it
    let leads = 0;
    let converted = 0;
    for (let c = 0; c < nAll; c++) {
      const ft = firstTouch[c] as number;
      const fp = firstPurchase[c] as number;
      if (!(ft <= last) || fp <= ft || fp < first) continue;
      leads++;
      if (fp <= last) converted++;
    }
    const reported = lastP >= R0;
    return {
      newCustomers: reportedSum(ctx, newC),
      prospects: reported ? (run.prospects[lastP] as number) : 0,
      prospectConversionRate: rate(converted, leads),
      medianDaysToFirstPurchase: median(ttfp.slice(R0).flat()),
      acquisitionCost: rate(reportedSum(ctx, acqCost), reportedSum(ctx, newC)),
      relationshipCustomers: reported ? (run.repeaters[lastP] as number) : 0,
      transactionalCustomers: reported ? (run.buyers[lastP] as number) - (run.repeaters[lastP] as number) : 0,
    };
  };
  return { known: run.known, buyers: run.buyers, repeaters: run.repeaters, period, overall, customers: { total: onlyTx + onlyIt + both, onlyTransactions: onlyTx, onlyInteractions: onlyIt, both } };
}
