import { z } from 'zod';
import { dayToIso, DAYS_PER_UNIT } from '../data/days.js';
import { dateOption, fieldsOption, optionDay, parseOptions } from '../data/options.js';
import type { CustomerId, InteractionInput, TransactionInput } from '../data/types.js';
import { CustomerValueError } from '../errors.js';
import { argsort } from '../math/sort.js';
import { probabilityAlive } from '../models/predictions/probabilityAlive.js';
import { classesFromHistory } from './customerClasses.js';
import { customerHistory } from './customerHistory.js';
import { campaignMetrics, type CampaignAcc } from './campaigns.js';
import { cohortMatrix } from './cohorts.js';
import { periodGrid } from './periods.js';
import type {
  DifferentiateMetrics,
  FunnelRow,
  PeriodMetrics,
  SegmentLabels,
  StageMetrics,
  ValueChainOptions,
  ValueChainReport,
} from './types.js';
import { rate } from './rate.js';

export type * from './types.js';

const schema = z.looseObject({
  fields: fieldsOption.optional(),
  interactionFields: fieldsOption.optional(),
  returns: z.enum(['net', 'ignore', 'error']).optional(),
  dropDuplicateOrders: z.boolean().optional(),
  period: z.enum(['week', 'month', 'quarter', 'year'], { error: "must be 'week', 'month', 'quarter' or 'year'" }).optional(),
  start: dateOption.optional(),
  end: dateOption.optional(),
  attributionWindow: z.number().min(0, { error: 'must be >= 0' }).optional(),
  inactivityThreshold: z.number().min(1, { error: 'must be >= 1' }).optional(),
  margin: z.number().optional(),
  modelUnit: z.enum(['day', 'week', 'month', 'year']).optional(),
});

function median(v: number[]): number | null {
  if (v.length === 0) return null;
  const s = Float64Array.from(v).sort();
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Gini and top-20 % share of positive values (zero/negative as 0). */
function concentration(values: number[]): { gini: number | null; top20Share: number | null } {
  const n = values.length;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.max(0, values[i] as number);
  v.sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += v[i] as number;
    weighted += (i + 1) * (v[i] as number);
  }
  if (!(total > 0)) return { gini: null, top20Share: null };
  let top = 0;
  const k = Math.ceil(0.2 * n - 1e-9);
  for (let i = n - k; i < n; i++) top += v[i] as number;
  return { gini: (2 * weighted) / (n * total) - (n + 1) / n, top20Share: top / total };
}

function labelsOf(fn: string, seg: SegmentLabels | undefined): Map<CustomerId, string> | undefined {
  if (!seg) return undefined;
  const src = ('customers' in seg ? seg.customers : seg) as {
    customerId?: ArrayLike<CustomerId>;
    segment?: ArrayLike<string>;
    tier?: ArrayLike<string>;
    label?: ArrayLike<string>;
  };
  const labels = src.segment ?? src.tier ?? src.label;
  if (!src.customerId || !labels || labels.length !== src.customerId.length) {
    throw new CustomerValueError('invalid_options', `${fn}: segments needs customerId and a segment, tier or label column of the same length`);
  }
  const map = new Map<CustomerId, string>();
  for (let i = 0; i < src.customerId.length; i++) map.set(src.customerId[i] as CustomerId, String(labels[i]));
  return map;
}

const RESPONSE = 'response';
const CONTACT = 'contact';
const COMPLAINT = 'complaint';
const SERVICE = 'service';
const OFFER = 'offer';

/**
 * CRM value-chain stage metrics from transactions and interactions (definitions in the
 * project's valuechain.md): per calendar period (UTC) and over the whole window, the five
 * stages — identify (acquisition), differentiate, interact, customize, retain — with every
 * rate as `{ value, numerator, denominator }`; the funnel known → differentiated → touched →
 * responded → purchased within the attribution window → retained next period; per-campaign
 * reach, responders, attributed revenue, cost, ROI and uplift against the known customers a
 * campaign did not reach; and the cohort retention matrix.
 *
 * Interactions join transactions by `customerId` only: customers seen only in interactions
 * are prospects, customers seen only in transactions are silent buyers; both are counted,
 * never dropped. Every period figure depends only on the data up to the period's end (and
 * the next period for the funnel's "retained"), so splitting the window does not change
 * them; data before `start` counts as history.
 *
 * Period metrics beyond the spec, chosen as a CRM analyst would expect: the prospect
 * conversion rate is the share of the previous period's prospects who made a first purchase;
 * a complaint or service request counts as resolved when it, or a later interaction of the
 * customer up to the period's end, has outcome 'resolved'; campaign uplift compares revenue per reached
 * customer (in the window after each customer's first contact) with revenue per control
 * customer (known at the campaign start, not reached, in the window after the start).
 *
 * Cost: one pass over the rows after grouping by customer; about a second for 2 million
 * transactions and 1 million interactions.
 *
 * @example
 * ```ts
 * const { transactions, interactions } = simulateCrmHistory({ customers: 2000, seed: 1 });
 * const report = valueChain(transactions, interactions, { period: 'month' });
 * report.periods.at(-1)?.retain.retentionRate.value;
 * ```
 */
export function valueChain(transactions: TransactionInput, interactions: InteractionInput | null | undefined, options: ValueChainOptions = {}): ValueChainReport {
  const fn = 'valueChain';
  const o = parseOptions(fn, schema, options) as ValueChainOptions;
  const kind = o.period ?? 'month';
  const window = o.attributionWindow ?? 30;
  const inactivity = o.inactivityThreshold ?? 90;
  const margin = o.margin ?? 1;
  const endOpt = optionDay(o.end);
  const h = customerHistory(fn, transactions, interactions ?? undefined, o, endOpt);
  const { partial, nTx } = h;
  const it = h.interactions;
  const nAll = h.index.size;
  const { dayStart, day, valueHi, valueLo, purchaseRows } = partial;

  // data range
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < day.length; i++) {
    lo = Math.min(lo, day[i] as number);
    hi = Math.max(hi, day[i] as number);
  }
  if (it) {
    for (let i = 0; i < it.length; i++) {
      const d = it.day[i] as number;
      if (endOpt !== undefined && d > endOpt) continue;
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
  }
  const empty = !Number.isFinite(lo);
  const first = empty ? 0 : (optionDay(o.start) ?? lo);
  const last = empty ? -1 : (endOpt ?? hi);
  const gridLo = empty ? 0 : Math.min(lo, first);
  const gridHi = empty ? -1 : Math.max(hi, last) + Math.max(window, 1) + 400;
  // the grid starts at the data's first period so that earlier history counts; periods before `start` are not reported
  const grid = periodGrid(kind, gridLo, last, gridLo, gridHi);
  const P = grid.count;
  const pOf = (d: number): number => grid.index[d - grid.lo] as number;
  const startOf = (p: number): number => grid.starts[p] as number;
  const endOf = (p: number): number => (grid.starts[p + 1] as number) - 1;
  const R0 = empty ? 0 : Math.max(0, pOf(first));
  // per period arrays; index P is "after the window" (used for the funnel's next period)
  const newC = new Float64Array(P);
  const prospectsDiff = new Float64Array(P + 1);
  const convNum = new Float64Array(P);
  const ttfp: number[][] = Array.from({ length: P }, () => []);
  const acqCost = new Float64Array(P);
  const firstBuyers = new Float64Array(P + 1); // customers whose first purchase is in p (p clipped at 0)
  const secondBuyers = new Float64Array(P + 1);
  const knownDiff = new Float64Array(P + 1);
  const active = new Float64Array(P + 1);
  const revenue = new Float64Array(P + 1);
  const retained = new Float64Array(P);
  const revFromPrev = new Float64Array(P);
  const revOfPrevInPrev = new Float64Array(P);
  const winNum = new Float64Array(P);
  const winDen = new Float64Array(P);
  const crossNum = new Float64Array(P);
  const periodValues: number[][] = Array.from({ length: P }, () => []);
  const labels = labelsOf(fn, o.segments);
  const segStats: Array<Map<string, { active: number; revenue: number }>> = Array.from({ length: P }, () => new Map());
  const categories = h.tx.category;

  // first touch per customer
  const firstTouch = new Float64Array(nAll).fill(Number.POSITIVE_INFINITY);
  if (it) {
    for (let i = 0; i < it.length; i++) {
      const c = it.customer[i] as number;
      const d = it.day[i] as number;
      if (endOpt !== undefined && d > endOpt) continue;
      if (d < (firstTouch[c] as number)) firstTouch[c] = d;
    }
  }
  const firstPurchase = new Float64Array(nAll).fill(Number.POSITIVE_INFINITY);
  // per customer: distinct active periods (for cohorts and the funnel)
  const activeStart = new Uint32Array(nAll + 1);
  const activePeriods: number[] = [];
  const clip = (p: number): number => (p < 0 ? -1 : Math.min(p, P));

  // categories per customer-day are only kept as rows; collect per (customer, period) distinct categories
  let catRows: { customer: Uint32Array; day: Int32Array; cat: ArrayLike<unknown> } | undefined;
  if (categories) catRows = { customer: h.tx.customer, day: h.tx.day, cat: categories };

  for (let c = 0; c < nAll; c++) {
    activeStart[c] = activePeriods.length;
    if (c >= nTx) continue;
    const from = dayStart[c] as number;
    const to = dayStart[c + 1] as number;
    let prevDay = Number.NaN;
    let count = 0;
    let curP = -2;
    let curRev = 0;
    const flush = (): void => {
      if (curP < 0 || curP > P) return;
      activePeriods.push(curP);
      active[curP] = (active[curP] as number) + 1;
      revenue[curP] = (revenue[curP] as number) + curRev;
      if (curP < P) {
        periodValues[curP]?.push(curRev);
        if (labels) {
          const lab = labels.get(h.index.ids[c] as CustomerId);
          if (lab !== undefined) {
            const m = segStats[curP] as Map<string, { active: number; revenue: number }>;
            const s = m.get(lab) ?? { active: 0, revenue: 0 };
            s.active++;
            s.revenue += curRev;
            m.set(lab, s);
          }
        }
      }
    };
    for (let i = from; i < to; i++) {
      if ((purchaseRows[i] as number) === 0) continue;
      const d = day[i] as number;
      const v = (valueHi[i] as number) + (valueLo[i] as number);
      const p = pOf(d);
      if (count === 0) {
        firstPurchase[c] = d;
        firstBuyers[clip(p)] = (firstBuyers[clip(p)] as number) + 1;
      } else if (count === 1) {
        secondBuyers[clip(p)] = (secondBuyers[clip(p)] as number) + 1;
      }
      if (p !== curP) {
        flush();
        curP = p;
        curRev = 0;
      }
      curRev += v;
      prevDay = d;
      count++;
    }
    flush();
  }
  activeStart[nAll] = activePeriods.length;

  // win-back: count customers (not purchases) per period, and the lapsed denominators
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
        winNum[p] = (winNum[p] as number) + 1;
        lastCounted = p;
      }
      prev = d;
    }
    if (firstP < 0) continue;
    // denominator: customers whose last purchase before start(P) is >= inactivity days before it
    let i = from;
    let lastBefore = Number.NaN;
    for (let p = firstP + 1; p < P; p++) {
      const s0 = startOf(p);
      for (; i < to && (day[i] as number) < s0; i++) if ((purchaseRows[i] as number) > 0) lastBefore = day[i] as number;
      if (s0 - lastBefore >= inactivity) winDen[p] = (winDen[p] as number) + 1;
    }
  }

  // retention between consecutive periods
  for (let c = 0; c < nTx; c++) {
    const a = activeStart[c] as number;
    const b = activeStart[c + 1] as number;
    for (let k = a; k < b; k++) {
      const p = activePeriods[k] as number;
      if (k + 1 < b && activePeriods[k + 1] === p + 1 && p + 1 < P) retained[p + 1] = (retained[p + 1] as number) + 1;
    }
  }
  // revenue retention: revenue in P from active(P-1) customers, and their revenue in P-1
  {
    for (let c = 0; c < nTx; c++) {
      const from = dayStart[c] as number;
      const to = dayStart[c + 1] as number;
      // days ascending, so periods ascend: close each period's revenue as the next starts
      let curP = -2;
      let cur = 0;
      let prevP = -2;
      const close = (): void => {
        if (curP < 0 || curP >= P) return;
        if (curP + 1 < P) revOfPrevInPrev[curP + 1] = (revOfPrevInPrev[curP + 1] as number) + cur;
        if (prevP === curP - 1) revFromPrev[curP] = (revFromPrev[curP] as number) + cur;
      };
      for (let i = from; i < to; i++) {
        if ((purchaseRows[i] as number) === 0) continue;
        const p = pOf(day[i] as number);
        if (p !== curP) {
          close();
          prevP = curP;
          curP = p;
          cur = 0;
        }
        cur += (valueHi[i] as number) + (valueLo[i] as number);
      }
      close();
    }
  }
  // cross-sell breadth: distinct categories per (customer, period)
  if (catRows) {
    // categories to small integers first, so that (customer, period, category) is one exact number key
    const catIndex = new Map<unknown, number>();
    const code = new Int32Array(h.tx.length).fill(-1);
    for (let i = 0; i < h.tx.length; i++) {
      const cat = catRows.cat[i];
      if (cat === undefined || cat === null || cat === '') continue;
      let ci = catIndex.get(cat);
      if (ci === undefined) catIndex.set(cat, (ci = catIndex.size));
      code[i] = ci;
    }
    const nCat = Math.max(1, catIndex.size);
    const seen = new Set<number>();
    for (let i = 0; i < h.tx.length; i++) {
      const ci = code[i] as number;
      if (ci < 0) continue;
      const p = pOf(catRows.day[i] as number);
      if (p < 0 || p >= P) continue;
      const key = ((catRows.customer[i] as number) * (P + 1) + p) * nCat + ci;
      if (!seen.has(key)) {
        seen.add(key);
        crossNum[p] = (crossNum[p] as number) + 1;
      }
    }
  }

  // known, prospects, conversion, acquisition
  const preCost = new Float64Array(nAll);
  if (it) {
    for (let i = 0; i < it.length; i++) {
      const c = it.customer[i] as number;
      const d = it.day[i] as number;
      if (d <= (firstPurchase[c] as number) && Number.isFinite(firstPurchase[c] as number)) preCost[c] = (preCost[c] as number) + (it.cost[i] as number);
    }
  }
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
    const known = Math.min(fp, ft);
    const pk = clip(pOf(known));
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
    if (hasP) {
      const p = pOf(fp);
      if (p >= 0 && p < P) {
        newC[p] = (newC[p] as number) + 1;
        acqCost[p] = (acqCost[p] as number) + (preCost[c] as number);
        if (hasT && ft <= fp) (ttfp[p] as number[]).push(fp - ft);
      }
    }
  }

  // interactions per period
  const touched = new Float64Array(P);
  const touches = new Float64Array(P);
  const responses = new Float64Array(P);
  const contacts = new Float64Array(P);
  const complainers = new Float64Array(P);
  const offers = new Float64Array(P);
  const accepted = new Float64Array(P);
  const requests = new Float64Array(P);
  const resolvedReq = new Float64Array(P);
  const daysToResolve: number[][] = Array.from({ length: P }, () => []);
  const channelMix: Array<Map<string, number>> = Array.from({ length: P }, () => new Map());
  const funnel = Array.from({ length: P }, () => ({ known: 0, differentiated: 0, touched: 0, responded: 0, purchased: 0, retained: 0 }));
  const campaigns = new Map<string, CampaignAcc>();
  if (it) {
    // interactions grouped per customer, sorted by day
    const order = argsort(Float64Array.from({ length: it.length }, (_, i) => (it.customer[i] as number) * 4e6 + (it.day[i] as number) + 2e6));
    const touchStamp = new Int32Array(nAll).fill(-1);
    const complainStamp = new Int32Array(nAll).fill(-1);
    const respondStamp = new Int32Array(nAll).fill(-1);
    const firstResponse = new Map<number, number>(); // customer*P + period -> first response day
    for (let s = 0; s < order.length; ) {
      const c = it.customer[order[s] as number] as number;
      let e = s;
      while (e < order.length && it.customer[order[e] as number] === c) e++;
      // next 'resolved' day at or after each interaction, walking backwards
      let nextResolved = Number.POSITIVE_INFINITY;
      const resolvedAt = new Float64Array(e - s);
      for (let k = e - 1; k >= s; k--) {
        const i = order[k] as number;
        if (it.outcome[i] === 'resolved') nextResolved = it.day[i] as number;
        resolvedAt[k - s] = nextResolved;
      }
      for (let k = s; k < e; k++) {
        const i = order[k] as number;
        const d = it.day[i] as number;
        if (endOpt !== undefined && d > endOpt) continue;
        const kindI = it.kind[i] as string;
        const campaign = it.campaignId[i];
        if (campaign !== undefined) {
          let acc = campaigns.get(campaign);
          if (!acc) campaigns.set(campaign, (acc = { first: new Map(), responders: new Set(), cost: 0, start: Number.POSITIVE_INFINITY }));
          acc.cost += it.cost[i] as number;
          if (kindI === CONTACT) {
            if (!acc.first.has(c)) acc.first.set(c, d);
            acc.start = Math.min(acc.start, d);
          } else if (kindI === RESPONSE) acc.responders.add(c);
        }
        const p = pOf(d);
        if (p < 0 || p >= P) continue;
        touches[p] = (touches[p] as number) + 1;
        if (touchStamp[c] !== p) {
          touchStamp[c] = p;
          touched[p] = (touched[p] as number) + 1;
        }
        const mix = channelMix[p] as Map<string, number>;
        mix.set(it.channel[i] as string, (mix.get(it.channel[i] as string) ?? 0) + 1);
        if (kindI === RESPONSE) responses[p] = (responses[p] as number) + 1;
        else if (kindI === CONTACT) contacts[p] = (contacts[p] as number) + 1;
        else if (kindI === OFFER) {
          offers[p] = (offers[p] as number) + 1;
          if (it.outcome[i] === 'accepted') accepted[p] = (accepted[p] as number) + 1;
        }
        if (kindI === COMPLAINT && complainStamp[c] !== p) {
          complainStamp[c] = p;
          complainers[p] = (complainers[p] as number) + 1;
        }
        if (kindI === COMPLAINT || kindI === SERVICE) {
          requests[p] = (requests[p] as number) + 1;
          const r = resolvedAt[k - s] as number;
          if (r <= endOf(p)) {
            resolvedReq[p] = (resolvedReq[p] as number) + 1;
            (daysToResolve[p] as number[]).push(r - d);
          }
        }
        if ((kindI === RESPONSE || (kindI === OFFER && it.outcome[i] === 'accepted')) && respondStamp[c] !== p) {
          respondStamp[c] = p;
          firstResponse.set(c * (P + 1) + p, d);
        }
      }
      s = e;
    }
    // funnel per period
    const isActiveIn = (c: number, p: number): boolean => {
      for (let k = activeStart[c] as number; k < (activeStart[c + 1] as number); k++) if (activePeriods[k] === p) return true;
      return false;
    };
    for (const [key, r] of firstResponse) {
      const c = Math.floor(key / (P + 1));
      const p = key - c * (P + 1);
      const f = funnel[p];
      if (!f) continue;
      // responded customers must be in the previous stages: differentiated (labelled, or without
      // labels a customer with a purchase up to the period end) and touched (a response is a touch)
      if (labels ? !labels.has(h.index.ids[c] as CustomerId) : !((firstPurchase[c] as number) <= endOf(p))) continue;
      f.responded++;
      let bought = false;
      if (c < nTx) {
        for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
          const d = day[i] as number;
          if ((purchaseRows[i] as number) > 0 && d >= r && d <= r + window) {
            bought = true;
            break;
          }
        }
      }
      if (bought) {
        f.purchased++;
        if (isActiveIn(c, p + 1)) f.retained++;
      }
    }
    for (let c = 0; c < nAll; c++) {
      const known = Math.min(firstPurchase[c] as number, firstTouch[c] as number);
      if (!Number.isFinite(known)) continue;
      const fp = firstPurchase[c] as number;
      const labelled = labels ? labels.has(h.index.ids[c] as CustomerId) : undefined;
      for (let p = Math.max(0, pOf(known)); p < P; p++) {
        const f = funnel[p] as FunnelRow;
        f.known++;
        if (labels ? labelled : fp <= endOf(p)) f.differentiated++;
      }
    }
    // touched per period among the differentiated: a second pass over touch stamps
    touchStamp.fill(-1);
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      const c = it.customer[i] as number;
      const d = it.day[i] as number;
      if (endOpt !== undefined && d > endOpt) continue;
      const p = pOf(d);
      if (p < 0 || p >= P || touchStamp[c] === p) continue;
      touchStamp[c] = p;
      const diff = labels ? labels.has(h.index.ids[c] as CustomerId) : (firstPurchase[c] as number) <= endOf(p);
      if (diff) (funnel[p] as FunnelRow).touched++;
    }
  } else {
    for (let c = 0; c < nAll; c++) {
      const fp = firstPurchase[c] as number;
      if (!Number.isFinite(fp)) continue;
      const labelled = labels ? labels.has(h.index.ids[c] as CustomerId) : true;
      for (let p = Math.max(0, pOf(fp)); p < P; p++) {
        const f = funnel[p] as FunnelRow;
        f.known++;
        if (labelled) f.differentiated++;
      }
    }
  }

  // mean P(alive) per period end
  const meanAlive = new Array<number | null>(P).fill(null);
  if (o.purchaseModel) {
    const unit = o.purchaseModel.unit ?? o.modelUnit ?? 'week';
    const per = DAYS_PER_UNIT[unit];
    for (let p = 0; p < P; p++) {
      const e = endOf(p);
      const X: number[] = [];
      const TX: number[] = [];
      const TT: number[] = [];
      for (let c = 0; c < nTx; c++) {
        let f = Number.NaN;
        let l = 0;
        let x = -1;
        for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
          const d = day[i] as number;
          if (d > e) break;
          if ((purchaseRows[i] as number) === 0) continue;
          if (f !== f) f = d;
          l = d;
          x++;
        }
        if (x < 0) continue;
        X.push(x);
        TX.push((l - f) / per);
        TT.push((e - f) / per);
      }
      if (X.length) {
        const pa = probabilityAlive(o.purchaseModel, { frequency: X, recency: TX, T: TT });
        meanAlive[p] = pa.reduce((s, v) => s + v, 0) / pa.length;
      }
    }
  }

  // assemble per period
  let known = 0;
  let prospects = 0;
  let buyers = 0;
  let repeaters = 0;
  const periods: PeriodMetrics[] = [];
  for (let p = 0; p < P; p++) {
    const prevProspects = prospects;
    known += knownDiff[p] as number;
    prospects += prospectsDiff[p] as number;
    buyers += firstBuyers[p] as number;
    repeaters += secondBuyers[p] as number;
    if (p < R0) continue;
    const mix = [...(channelMix[p] as Map<string, number>).entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const conc = concentration(periodValues[p] as number[]);
    periods.push({
      period: grid.labels[p] as string,
      start: dayToIso(startOf(p)),
      end: dayToIso(endOf(p)),
      identify: {
        newCustomers: newC[p] as number,
        prospects,
        prospectConversionRate: rate(convNum[p] as number, prevProspects),
        medianDaysToFirstPurchase: median(ttfp[p] as number[]),
        acquisitionCost: rate(acqCost[p] as number, newC[p] as number),
        relationshipCustomers: repeaters,
        transactionalCustomers: buyers - repeaters,
      },
      differentiate: {
        segments: [...(segStats[p] as Map<string, { active: number; revenue: number }>).entries()]
          .sort((a, b) => (a[0] < b[0] ? -1 : 1))
          .map(([segment, s]) => ({ segment, activeCustomers: s.active, revenue: s.revenue })),
        gini: conc.gini,
        top20Share: conc.top20Share,
      },
      interact: {
        touched: touched[p] as number,
        reach: rate(touched[p] as number, known),
        touchesPerCustomer: rate(touches[p] as number, touched[p] as number),
        channelMix: mix.map(([channel, count]) => ({ channel, interactions: count, share: count / Math.max(1, touches[p] as number) })),
        responseRate: rate(responses[p] as number, contacts[p] as number),
        complaintRate: rate(complainers[p] as number, active[p] as number),
        resolutionRate: rate(resolvedReq[p] as number, requests[p] as number),
        medianDaysToResolve: median(daysToResolve[p] as number[]),
      },
      customize: {
        offerAcceptanceRate: rate(accepted[p] as number, offers[p] as number),
        crossSellBreadth: catRows ? rate(crossNum[p] as number, active[p] as number) : null,
      },
      retain: {
        activeCustomers: active[p] as number,
        revenue: revenue[p] as number,
        retentionRate: p > 0 ? rate(retained[p] as number, active[p - 1] as number) : rate(0, 0),
        churnRate: p > 0 ? rate((active[p - 1] as number) - (retained[p] as number), active[p - 1] as number) : rate(0, 0),
        revenueRetention: rate(revFromPrev[p] as number, revOfPrevInPrev[p] as number),
        winBackRate: rate(winNum[p] as number, winDen[p] as number),
        repeatPurchaseRate: rate(repeaters, buyers),
        meanProbabilityAlive: meanAlive[p] ?? null,
      },
    });
  }

  // campaigns
  const knownDay = Float64Array.from({ length: nAll }, (_, c) => Math.min(firstPurchase[c] as number, firstTouch[c] as number));
  const campaignRows = campaignMetrics(campaigns, partial, nTx, knownDay, window, margin);

  // cohorts (acquired in a reported period)
  const cohorts = cohortMatrix(nTx, activeStart, activePeriods, (c) => pOf(firstPurchase[c] as number), R0, P, grid.labels);

  // overall: the window as one period
  const overall = overallMetrics();
  function overallMetrics(): StageMetrics {
    const lastP = periods[periods.length - 1];
    const sum = (a: Float64Array): number => a.subarray(R0, P).reduce((s, v) => s + v, 0);
    const allValues: number[] = [];
    const segOverall = new Map<string, { active: number; revenue: number }>();
    for (let c = 0; c < nTx; c++) {
      let v = 0;
      let any = false;
      for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
        const d = day[i] as number;
        if ((purchaseRows[i] as number) === 0 || d < first || d > last) continue;
        v += (valueHi[i] as number) + (valueLo[i] as number);
        any = true;
      }
      if (!any) continue;
      allValues.push(v);
      if (labels) {
        const lab = labels.get(h.index.ids[c] as CustomerId);
        if (lab !== undefined) {
          const s = segOverall.get(lab) ?? { active: 0, revenue: 0 };
          s.active++;
          s.revenue += v;
          segOverall.set(lab, s);
        }
      }
    }
    const conc = concentration(allValues);
    let classes: DifferentiateMetrics['classes'];
    if (nTx > 0) {
      const cl = classesFromHistory(h, last, {});
      classes = { cashFlow: 0, quasiCashFlow: 0, lowYield: 0, other: 0, relationship: 0, transactional: 0 };
      for (let i = 0; i < cl.length; i++) {
        classes[cl.valueClass[i] as 'other']++;
        classes[cl.relationship[i] as 'relationship']++;
      }
    }
    // period-over-period sums over the reported periods (each with a previous period)
    function previousSum(a: Float64Array, shift = 0): number {
      let t = 0;
      for (let p = Math.max(R0, 1); p < P; p++) t += a[p - shift] as number;
      return t;
    }
    const mixAll = new Map<string, number>();
    for (const m of channelMix.slice(R0)) for (const [ch, n] of m) mixAll.set(ch, (mixAll.get(ch) ?? 0) + n);
    const touchesAll = sum(touches);
    const allTouched = it ? countTouched() : 0;
    function countTouched(): number {
      const seen = new Uint8Array(nAll);
      let n = 0;
      for (let i = 0; i < (it as NonNullable<typeof it>).length; i++) {
        const d = (it as NonNullable<typeof it>).day[i] as number;
        if (d < first || d > last) continue;
        const c = (it as NonNullable<typeof it>).customer[i] as number;
        if (!seen[c]) {
          seen[c] = 1;
          n++;
        }
      }
      return n;
    }
    const activeAll = allValues.length;
    // overall lead conversion: customers touched before any purchase (or never buying) who were
    // prospects at some point of the window, and of those, the ones who bought in it
    let leads = 0;
    let converted = 0;
    for (let c = 0; c < nAll; c++) {
      const ft = firstTouch[c] as number;
      const fp = firstPurchase[c] as number;
      if (!(ft <= last) || fp <= ft || fp < first) continue;
      leads++;
      if (fp <= last) converted++;
    }
    return {
      identify: {
        newCustomers: sum(newC),
        prospects: lastP ? lastP.identify.prospects : 0,
        prospectConversionRate: rate(converted, leads),
        medianDaysToFirstPurchase: median(ttfp.slice(R0).flat()),
        acquisitionCost: rate(sum(acqCost), sum(newC)),
        relationshipCustomers: lastP ? lastP.identify.relationshipCustomers : 0,
        transactionalCustomers: lastP ? lastP.identify.transactionalCustomers : 0,
      },
      differentiate: {
        segments: [...segOverall.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([segment, s]) => ({ segment, activeCustomers: s.active, revenue: s.revenue })),
        gini: conc.gini,
        top20Share: conc.top20Share,
        ...(classes ? { classes } : {}),
      },
      interact: {
        touched: allTouched,
        reach: rate(allTouched, known),
        touchesPerCustomer: rate(touchesAll, allTouched),
        channelMix: [...mixAll.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([channel, n]) => ({ channel, interactions: n, share: n / Math.max(1, touchesAll) })),
        responseRate: rate(sum(responses), sum(contacts)),
        complaintRate: rate(sum(complainers), activeAll),
        resolutionRate: rate(sum(resolvedReq), sum(requests)),
        medianDaysToResolve: median(daysToResolve.slice(R0).flat()),
      },
      customize: {
        offerAcceptanceRate: rate(sum(accepted), sum(offers)),
        crossSellBreadth: catRows ? rate(sum(crossNum), sum(active)) : null,
      },
      retain: {
        activeCustomers: activeAll,
        revenue: allValues.reduce((s, v) => s + v, 0),
        retentionRate: rate(previousSum(retained), previousSum(active, 1)),
        churnRate: rate(previousSum(active, 1) - previousSum(retained), previousSum(active, 1)),
        revenueRetention: rate(sum(revFromPrev), sum(revOfPrevInPrev)),
        winBackRate: rate(sum(winNum), sum(winDen)),
        repeatPurchaseRate: lastP ? lastP.retain.repeatPurchaseRate : rate(0, 0),
        meanProbabilityAlive: lastP ? lastP.retain.meanProbabilityAlive : null,
      },
    };
  }

  return {
    period: kind,
    periods,
    overall,
    funnel: funnel.slice(R0).map((f, k) => ({ period: grid.labels[R0 + k] as string, ...f })),
    campaigns: campaignRows,
    cohorts,
    customers: { total: onlyTx + onlyIt + both, onlyTransactions: onlyTx, onlyInteractions: onlyIt, both },
  };
}
