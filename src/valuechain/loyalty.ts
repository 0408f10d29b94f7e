import * as z from 'zod/mini';
import { withMeta } from '../data/columns.js';
import { dayToIso } from '../data/days.js';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import type { InteractionReadOptions } from '../data/encodeInteractions.js';
import { dateOption, finiteOption, historyOptionsShape, optionDay, parseOptions } from '../data/options.js';
import type { CustomerId, InteractionInput, TransactionInput } from '../data/types.js';
import { indexOf } from '../data/idIndex.js';
import { rfm } from '../rfm/rfm.js';
import { summaryFromEncoded } from '../summary/summarize.js';
import { customerHistory } from './customerHistory.js';
import { calendarOptionsShape, periodGrid, type PeriodKind } from './periods.js';
import { proportionTest, type ProportionTest } from './proportionTest.js';
import { scoresByRow } from './scores.js';
import { labelsOf } from './stages/context.js';
import type { SegmentLabels } from './types.js';

/** Options of {@link loyalty}. */
export interface LoyaltyOptions extends TransactionReadOptions, InteractionReadOptions {
  /** The date of the measures (inclusive). Default: the last transaction day. */
  asOf?: Date | string | number | undefined;
  /** Calendar periods for the share of active periods and the per-period counts. Default 'month'. */
  period?: PeriodKind | undefined;
  /** The month (1-12) quarters and years start in (4: April to March, labelled 'FY2025'). Default 1. */
  fiscalYearStart?: number | undefined;
  /** Behaviour and attitude at or above this count as high. Default 0.6. */
  threshold?: number | undefined;
  /** Segment labels (as `valueChain` takes them), for the loyal counts per segment. */
  segments?: SegmentLabels | undefined;
}

/**
 * Dick & Basu's (1994) loyalty types, high or low repeat behaviour against high or low
 * attitude: 'true', 'latent' (attitude only), 'spurious' (behaviour only), 'none'; without
 * a survey response, 'behavioural' for high behaviour and 'none' for low.
 */
export type LoyaltyType = 'true' | 'latent' | 'spurious' | 'behavioural' | 'none';

/** Per buyer up to asOf, in order of first appearance. */
export interface Loyalty {
  customerId: CustomerId[];
  /** 1 with two or more purchase days. */
  repeat: Uint8Array;
  /** Days from the first purchase to asOf. */
  tenureDays: Float64Array;
  /** Periods with a purchase / periods from the first purchase's to asOf's. */
  activeShare: Float64Array;
  /** Coefficient of variation (sd / mean) of the days between purchase days; NaN with fewer than two intervals. */
  intervalCv: Float64Array;
  /** (rScore + fScore + mScore - 3) / (3 (bins - 1)): RFM behaviour in [0, 1]. */
  behaviour: Float64Array;
  /** Mean normalized survey score in [0, 1]; NaN without responses. */
  attitude: Float64Array;
  /** The loyalty index: the mean of behaviour and attitude where both exist, else behaviour. */
  index: Float64Array;
  /** Dick & Basu's type where the attitude is known, else 'behavioural' or 'none' by behaviour alone. */
  type: LoyaltyType[];
  /** 1 for a repeat customer whose index is at least the threshold. */
  loyal: Uint8Array;
  readonly length: number;
  /** Per period: buyers up to its end, repeat buyers, and behaviourally loyal ones (repeat, active in at least half of their periods so far). */
  readonly periods: { period: string[]; end: string[]; buyers: Float64Array; repeatBuyers: Float64Array; loyalBuyers: Float64Array; repeatPurchaseRate: Float64Array; readonly length: number };
  /** Loyal customers and customers per segment label at asOf (empty without segments), the loyal share tested against the other buyers' (two-proportion z-test). */
  readonly segments: Record<string, { customers: number; loyal: number; loyalVsRest: ProportionTest | null }>;
}

const schema = z.looseObject({
  ...historyOptionsShape,
  asOf: z.optional(dateOption),
  ...calendarOptionsShape,
  threshold: z.optional(finiteOption.check(z.minimum(0, { error: 'must be between 0 and 1' })).check(z.maximum(1, { error: 'must be between 0 and 1' }))),
});

/**
 * Customer loyalty, the second measure the CRM literature judges customer management by,
 * as behaviour and, where surveys exist, attitude (Dick & Basu 1994). Per buyer: repeat
 * purchase, tenure, the share of calendar periods with a purchase since the first, the
 * regularity of the intervals between purchase days (coefficient of variation), RFM
 * behaviour (the scores of {@link rfm} scaled to [0, 1]), attitude (the mean normalized
 * survey score), a loyalty index (the mean of the two, or behaviour alone) and the Dick &
 * Basu type (true: high behaviour and attitude; latent: high attitude only; spurious: high
 * behaviour only; none). `loyal` marks repeat customers whose index reaches `threshold`.
 * Per period: buyers so far, repeat buyers and behaviourally loyal buyers (repeat, and
 * active in at least half of the periods since their first).
 *
 * @example
 * ```ts
 * const l = loyalty(transactions, interactions, { period: 'month' });
 * l.type.filter((t) => t === 'true').length; l.periods.loyalBuyers;
 * ```
 * @see Dick, A. S., & Basu, K. (1994). Customer Loyalty: Toward an Integrated Conceptual Framework. Journal of the Academy of Marketing Science, 22(2), 99-113.
 */
export function loyalty(transactions: TransactionInput, interactions: InteractionInput | null | undefined, options: LoyaltyOptions = {}): Loyalty {
  const fn = 'loyalty';
  const o = parseOptions(fn, schema, options) as LoyaltyOptions;
  const asOf = optionDay(o.asOf, o.numericDates);
  const h = customerHistory(fn, transactions, interactions ?? undefined, o, asOf);
  const end = asOf ?? h.tx.maxDay;
  const threshold = o.threshold ?? 0.6;
  const kind = o.period ?? 'month';
  const { dayStart, day, purchaseRows } = h.partial;
  // the buyers: purchase days up to asOf
  const keep: number[] = [];
  const days: number[][] = [];
  for (let c = 0; c < h.nTx; c++) {
    const list: number[] = [];
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) if ((purchaseRows[i] as number) > 0 && (day[i] as number) <= end) list.push(day[i] as number);
    if (list.length === 0) continue;
    keep.push(c);
    days.push(list);
  }
  const n = keep.length;
  let lo = Infinity;
  for (const list of days) lo = Math.min(lo, list[0] as number);
  const grid = periodGrid(kind, n > 0 ? lo : 0, n > 0 ? end : -1, n > 0 ? lo : 0, n > 0 ? end : -1, o.fiscalYearStart ?? 1);
  const pOf = (d: number): number => grid.index[d - grid.lo] as number;
  const ids = keep.map((c) => h.index.ids[c] as CustomerId);
  // rfm of the history's summary (its lastPurchase gives recency in days) equals rfm of the transactions, without reading them again
  const r = n > 0 ? rfm(summaryFromEncoded(h.tx, h.partial, end, 'day'), { input: 'summary', asOf: dayToIso(end) }) : undefined;
  const rfmRow = r ? indexOf(r.customers.customerId) : undefined;
  const behaviourOf = (id: CustomerId): number => {
    const j = rfmRow ? rfmRow.get(id) : -1;
    return j < 0 || !r ? 0 : ((r.customers.score[j] as number) - 3) / (3 * (r.bins - 1));
  };
  const rowOf = new Int32Array(h.index.size).fill(-1);
  keep.forEach((c, k) => (rowOf[c] = k));
  const attitude = h.interactions ? scoresByRow(h.interactions, n, (c) => rowOf[c], end).mean : new Float64Array(n).fill(Number.NaN);
  const out = {
    customerId: ids,
    repeat: Uint8Array.from(days, (l) => (l.length >= 2 ? 1 : 0)),
    tenureDays: Float64Array.from(days, (l) => end - (l[0] as number)),
    activeShare: Float64Array.from(days, (l) => activePeriods(l, pOf) / (pOf(end) - pOf(l[0] as number) + 1)),
    intervalCv: Float64Array.from(days, intervalCv),
    behaviour: Float64Array.from(ids, behaviourOf),
    attitude,
    index: new Float64Array(n),
    type: new Array<LoyaltyType>(n),
    loyal: new Uint8Array(n),
  };
  for (let k = 0; k < n; k++) {
    const b = out.behaviour[k] as number;
    const a = attitude[k] as number;
    const known = Number.isFinite(a);
    out.index[k] = known ? (b + a) / 2 : b;
    const high = b >= threshold;
    out.type[k] = !known ? (high ? 'behavioural' : 'none') : high ? (a >= threshold ? 'true' : 'spurious') : a >= threshold ? 'latent' : 'none';
    out.loyal[k] = out.repeat[k] === 1 && (out.index[k] as number) >= threshold ? 1 : 0;
  }
  return withMeta(out, { length: n, periods: perPeriod(grid, days, pOf), segments: bySegment(fn, o.segments, ids, out.loyal) });
}

/** Distinct periods among ascending purchase days (no set: equal periods are adjacent). */
function activePeriods(list: number[], pOf: (d: number) => number): number {
  let count = 0;
  let last = Number.NaN;
  for (const d of list) {
    const p = pOf(d);
    if (p !== last) (count++, (last = p));
  }
  return count;
}

/** sd / mean of the intervals between consecutive purchase days (NaN with fewer than two intervals). */
function intervalCv(list: number[]): number {
  if (list.length < 3) return Number.NaN;
  const gaps = list.slice(1).map((d, j) => d - (list[j] as number));
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const variance = gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / (gaps.length - 1);
  return Math.sqrt(variance) / mean;
}

/** Buyers, repeat buyers and behaviourally loyal buyers (repeat, active in at least half their periods) at each period's end. */
function perPeriod(grid: ReturnType<typeof periodGrid>, days: number[][], pOf: (d: number) => number): Loyalty['periods'] {
  const P = grid.count;
  const buyers = new Float64Array(P);
  const repeatBuyers = new Float64Array(P);
  const loyalBuyers = new Float64Array(P);
  for (const list of days) {
    const first = pOf(list[0] as number);
    let j = 0;
    let purchases = 0;
    let active = 0;
    let lastActive = -1;
    for (let p = first; p < P; p++) {
      for (; j < list.length && pOf(list[j] as number) === p; j++) {
        purchases++;
        if (lastActive !== p) (active++, (lastActive = p));
      }
      buyers[p] = (buyers[p] as number) + 1;
      if (purchases >= 2) {
        repeatBuyers[p] = (repeatBuyers[p] as number) + 1;
        if (2 * active >= p - first + 1) loyalBuyers[p] = (loyalBuyers[p] as number) + 1;
      }
    }
  }
  const starts = Array.from(grid.starts);
  return withMeta(
    { period: grid.labels.slice(0, P), end: starts.slice(1, P + 1).map((s) => dayToIso(s - 1)), buyers, repeatBuyers, loyalBuyers, repeatPurchaseRate: repeatBuyers.map((v, p) => v / Math.max(1, buyers[p] as number)) },
    { length: P },
  );
}

function bySegment(fn: string, segments: SegmentLabels | undefined, ids: CustomerId[], loyal: Uint8Array): Loyalty['segments'] {
  const labels = labelsOf(fn, segments);
  const out = new Map<string, { customers: number; loyal: number }>();
  if (!labels) return {};
  ids.forEach((id, k) => {
    const label = labels.get(id);
    if (label === undefined) return;
    const s = out.get(label) ?? { customers: 0, loyal: 0 };
    s.customers++;
    s.loyal += loyal[k] as number;
    out.set(label, s);
  });
  let customers = 0;
  let loyalAll = 0;
  for (let k = 0; k < ids.length; k++) (customers++, (loyalAll += loyal[k] as number));
  return Object.fromEntries([...out].map(([label, v]) => [label, { ...v, loyalVsRest: proportionTest(v.loyal, v.customers, loyalAll - v.loyal, customers - v.customers) }]));
}
