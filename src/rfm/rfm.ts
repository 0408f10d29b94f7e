import * as z from 'zod/mini';
import { rulesSchema } from './validateRfmRules.js';
import { withMeta } from '../data/columns.js';
import { dayToIso } from '../data/days.js';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import { dateOption, fieldsOption, parseOptions } from '../data/options.js';
import type { CustomerId } from '../data/types.js';
import { optionError } from '../errors.js';
import { rfmRaw } from './customerTotals.js';
import { QUADRANT, STANDARD, VALUE_MATRIX, type Locale, type Range, type RfmRule } from './schemes.js';
import { naturalBreaksScores, quantileScores, thresholdScores } from './scores.js';

export type { RfmRule, Range, Locale };

/** Built-in segment schemes. */
export type RfmScheme = 'standard' | 'value-matrix' | 'quadrant';

/** Options of {@link rfm}. */
export interface RfmOptions extends TransactionReadOptions {
  /** Analysis date: R counts days from the last purchase to it. Default: the summary's observationEnd or the last transaction day. */
  asOf?: Date | string | number | undefined;
  /** Number of score bins. Default 5. */
  bins?: number | undefined;
  /**
   * How scores are binned: `'quantile'` (default: equal shares of customers) or `'ckmeans'`
   * (natural breaks: optimal one-dimensional k-means of each of R, F and M, Wang & Song 2011,
   * through simple-statistics; fewer bins when a dimension has fewer distinct values).
   */
  binning?: 'quantile' | 'ckmeans' | undefined;
  /** M as the total value (`'total'`, default) or the mean value per purchase day (`'mean'`). */
  monetary?: 'total' | 'mean' | undefined;
  /**
   * Fixed thresholds instead of quantiles (ascending): R in days (score 1 + number of
   * thresholds >= days), F in purchase days and M (score 1 + number of thresholds <= value).
   * Each list gives bins = length + 1.
   */
  thresholds?: { recency?: number[]; frequency?: number[]; monetary?: number[] } | undefined;
  /** Segment scheme: 'standard' (default), 'value-matrix', 'quadrant', or your own ordered rules. */
  scheme?: RfmScheme | readonly RfmRule[] | undefined;
  /** Label language of the built-in schemes. Default 'en'. */
  locale?: Locale | undefined;
  /** Segment of customers no custom rule matches. Default 'Other'. */
  fallback?: string | undefined;
  /** Force the input kind instead of detecting it from a `frequency` field. */
  input?: 'transactions' | 'summary' | undefined;
}

/** Per-customer RFM columns. */
export interface RfmCustomers {
  customerId: CustomerId[];
  /** Days since the last purchase at asOf. */
  recency: Float64Array;
  /** Purchase days. */
  frequency: Float64Array;
  /** Total (or mean per purchase day) value. */
  monetary: Float64Array;
  rScore: Uint8Array;
  fScore: Uint8Array;
  mScore: Uint8Array;
  /** Scores as a string, e.g. '545'. */
  cell: string[];
  /** rScore + fScore + mScore. */
  score: Uint8Array;
  segment: string[];
  readonly length: number;
}

/** One row per segment. */
export interface RfmSegments {
  segment: string[];
  count: Float64Array;
  shareOfCustomers: Float64Array;
  /** Share of the total value (always total value, also with monetary: 'mean'). */
  shareOfRevenue: Float64Array;
  /** Mean R, F and M of the segment's customers; NaN for a segment with no customer. */
  meanRecency: Float64Array;
  meanFrequency: Float64Array;
  meanMonetary: Float64Array;
  readonly length: number;
}

export interface RfmResult {
  customers: RfmCustomers;
  segments: RfmSegments;
  /** The analysis date used, YYYY-MM-DD. */
  asOf: string;
  bins: number;
}

/** zod schema of {@link rfm}'s options (rfmSql parses the same). @internal */
export const rfmOptionsSchema = z.looseObject({
  fields: z.optional(fieldsOption),
  returns: z.optional(z.enum(['net', 'ignore', 'error'])),
  dropDuplicateOrders: z.optional(z.boolean()),
  asOf: z.optional(dateOption),
  bins: z.optional(z.int().check(z.minimum(2, { error: 'must be a whole number from 2 to 9' })).check(z.maximum(9, { error: 'must be a whole number from 2 to 9' }))),
  monetary: z.optional(z.enum(['total', 'mean'], { error: "must be 'total' or 'mean'" })),
  binning: z.optional(z.enum(['quantile', 'ckmeans'], { error: "must be 'quantile' or 'ckmeans'" })),
  thresholds: z.optional(
    z.object({ recency: z.optional(z.array(z.number())), frequency: z.optional(z.array(z.number())), monetary: z.optional(z.array(z.number())) })),
  scheme: z.optional(
    z.union([
      z.enum(['standard', 'value-matrix', 'quadrant']),
      rulesSchema.shape.rules,
    ], { error: "must be 'standard', 'value-matrix', 'quadrant' or an array of rules" })),
  locale: z.optional(z.enum(['en', 'zh'], { error: "must be 'en' or 'zh'" })),
  fallback: z.optional(z.string()),
  input: z.optional(z.enum(['transactions', 'summary'])),
});

const inRange = (v: number, r: Range | undefined): boolean => r === undefined || (v >= r[0] && v <= r[1]);

/**
 * RFM analysis: recency, frequency and monetary value per customer, scores 1..bins (higher
 * is better), a cell such as '545', the total score and a named segment; plus a table per
 * segment (count, share of customers, share of revenue, mean R, F and M).
 *
 * Definitions (the classic CRM ones, not the BTYD summary's): R = days from the last
 * purchase to `asOf`; F = purchase days (UTC days with a purchase); M = total value, or the
 * mean value per purchase day with `monetary: 'mean'`.
 *
 * Scores: quantiles by default, with the tie rule score = 1 + floor(bins · w / n), w the
 * number of customers with a strictly worse value (fewer days for R is better): equal values
 * get equal scores, a better value never gets a lower score, and distinct values fill the
 * bins evenly. Or natural breaks (`binning: 'ckmeans'`), or fixed `thresholds`.
 *
 * Schemes (labels in English, or Chinese with `locale: 'zh'`):
 *
 * - `'standard'`, 11 segments on 5 bins, first match wins (scores 1-5):
 *
 *   | segment | R | F | M |
 *   | --- | --- | --- | --- |
 *   | Champions (冠军客户) | 5 | 4-5 | any |
 *   | Loyal Customers (忠诚客户) | 3-4 | 4-5 | any |
 *   | Potential Loyalist (潜在忠诚客户) | 4-5 | 2-3 | any |
 *   | New Customers (新客户) | 5 | 1 | any |
 *   | Promising (有潜力客户) | 4 | 1 | any |
 *   | Need Attention (需要关注客户) | 3 | 3 | any |
 *   | About To Sleep (即将沉睡客户) | 3 | 1-2 | any |
 *   | Can't Lose Them (不能失去的客户) | 1-2 | 5 | any |
 *   | At Risk (有流失风险客户) | 1-2 | 3-4 | any |
 *   | Lost (流失客户) | 1 | 1-2 | 1-2 |
 *   | Hibernating (休眠客户) | 1-2 | 1-2 | any |
 *
 * - `'value-matrix'`, 8 segments, each of R, F, M "high" when strictly better than its mean
 *   over all customers (days since the last purchase below the mean, F and M above):
 *   Important Value (重要价值客户: R, F, M high), Important Development (重要发展客户: R high,
 *   F low, M high), Important Retention (重要保持客户: R low, F high, M high), Important
 *   Win-back (重要挽留客户: R low, F low, M high), and General Value / Development /
 *   Retention / Win-back (一般价值/发展/保持/挽留客户) with M low; any number of bins.
 * - `'quadrant'`, 4 classes on R and F high/low by the same mean rule: High Value (高价值客户:
 *   both high), Important to Retain (重点保持客户: R low, F high), New (新客户: R high, F
 *   low), Low Value (低价值客户: both low).
 * - custom rules `{ segment, r?, f?, m?, recency?, frequency?, monetary? }` (inclusive
 *   ranges on scores or raw values) evaluated in order, first match wins, `fallback`
 *   otherwise; check them with {@link validateRfmRules}.
 *
 * Cost: three sorts of the customers plus linear passes.
 *
 * @example
 * ```ts
 * const { customers, segments } = rfm(transactions, { asOf: '1998-06-30' });
 * customers.segment[0]; // 'Champions'
 * toRows(segments);
 * ```
 */
export function rfm(input: unknown, options: RfmOptions = {}): RfmResult {
  const fn = 'rfm';
  const o = parseOptions(fn, rfmOptionsSchema, options) as RfmOptions;
  const raw = rfmRaw(fn, input, o);
  const n = raw.n;
  const scheme = o.scheme ?? 'standard';
  const locale = o.locale ?? 'en';
  const th = o.thresholds;
  let bins = o.bins ?? 5;
  if (th) {
    const lens = [th.recency, th.frequency, th.monetary].map((t) => t?.length);
    if (lens.some((l) => l === undefined) || new Set(lens).size !== 1) {
      optionError(fn, 'thresholds', 'needs recency, frequency and monetary lists of the same length', o.thresholds);
    }
    for (const t of [th.recency, th.frequency, th.monetary] as number[][]) {
      for (let i = 1; i < t.length; i++) {
        if (!((t[i] as number) > (t[i - 1] as number))) optionError(fn, 'thresholds', 'must be strictly ascending', t);
      }
    }
    bins = (th.recency as number[]).length + 1;
  }
  if (scheme === 'standard' && bins !== 5) optionError(fn, 'bins', "must be 5 with the 'standard' scheme, which is defined on 5 bins (use another scheme or custom rules)", bins);
  const monetary = o.monetary === 'mean' ? Float64Array.from(raw.total, (v, i) => v / (raw.purchaseDays[i] as number)) : raw.total;
  if (th && o.binning !== undefined) optionError(fn, 'binning', 'cannot be given together with thresholds', o.binning);
  const binned = o.binning === 'ckmeans' ? naturalBreaksScores : quantileScores;
  const rScore = th ? thresholdScores(raw.recencyDays, th.recency as number[], false) : binned(raw.recencyDays, bins, false);
  const fScore = th ? thresholdScores(raw.purchaseDays, th.frequency as number[], true) : binned(raw.purchaseDays, bins, true);
  const mScore = th ? thresholdScores(monetary, th.monetary as number[], true) : binned(monetary, bins, true);

  const cell: string[] = new Array(n);
  const score = new Uint8Array(n);
  const segment: string[] = new Array(n);
  const cells = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const r = rScore[i] as number;
    const f = fScore[i] as number;
    const m = mScore[i] as number;
    const key = r * 100 + f * 10 + m;
    let c = cells.get(key);
    if (c === undefined) cells.set(key, (c = `${r}${f}${m}`));
    cell[i] = c;
    score[i] = r + f + m;
  }
  let order: string[];
  if (scheme === 'standard') {
    order = STANDARD.map((s) => s[locale]);
    for (let i = 0; i < n; i++) {
      const r = rScore[i] as number;
      const f = fScore[i] as number;
      const m = mScore[i] as number;
      const hit = STANDARD.find((s) => inRange(r, s.r) && inRange(f, s.f) && inRange(m, s.m));
      segment[i] = (hit as (typeof STANDARD)[number])[locale];
    }
  } else if (scheme === 'value-matrix' || scheme === 'quadrant') {
    const mean = (a: Float64Array): number => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
    const mr = mean(raw.recencyDays);
    const mf = mean(raw.purchaseDays);
    const mm = mean(monetary);
    const table = scheme === 'value-matrix' ? VALUE_MATRIX : QUADRANT;
    order = table.map((s) => s[locale]);
    for (let i = 0; i < n; i++) {
      const rh = (raw.recencyDays[i] as number) < mr;
      const fh = (raw.purchaseDays[i] as number) > mf;
      const mh = (monetary[i] as number) > mm;
      const hit = table.find((s) => s.r === rh && s.f === fh && (!('m' in s) || (s as { m: boolean }).m === mh));
      segment[i] = (hit as (typeof table)[number])[locale];
    }
  } else {
    const rules = scheme as readonly RfmRule[];
    const fallback = o.fallback ?? 'Other';
    order = [...new Set([...rules.map((r) => r.segment), fallback])];
    for (let i = 0; i < n; i++) {
      const hit = rules.find(
        (rule) =>
          inRange(rScore[i] as number, rule.r) &&
          inRange(fScore[i] as number, rule.f) &&
          inRange(mScore[i] as number, rule.m) &&
          inRange(raw.recencyDays[i] as number, rule.recency) &&
          inRange(raw.purchaseDays[i] as number, rule.frequency) &&
          inRange(monetary[i] as number, rule.monetary),
      );
      segment[i] = hit ? hit.segment : fallback;
    }
  }
  const customers = withMeta(
    { customerId: raw.customerId, recency: raw.recencyDays, frequency: raw.purchaseDays, monetary, rScore, fScore, mScore, cell, score, segment },
    { length: n },
  );
  return { customers, segments: segmentTable(order, segment, raw.recencyDays, raw.purchaseDays, monetary, raw.total), asOf: n ? dayToIso(raw.asOf) : '', bins };
}

/** The per-segment table, segments in scheme order, empty ones kept (count 0). @internal */
function segmentTable(
  order: string[],
  segment: string[],
  R: Float64Array,
  F: Float64Array,
  M: Float64Array,
  total: Float64Array,
): RfmSegments {
  const k = order.length;
  const index = new Map(order.map((s, j) => [s, j]));
  const count = new Float64Array(k);
  const rev = new Float64Array(k);
  const sr = new Float64Array(k);
  const sf = new Float64Array(k);
  const sm = new Float64Array(k);
  let allRev = 0;
  const n = segment.length;
  for (let i = 0; i < n; i++) {
    const j = index.get(segment[i] as string) as number;
    count[j] = (count[j] as number) + 1;
    rev[j] = (rev[j] as number) + (total[i] as number);
    sr[j] = (sr[j] as number) + (R[i] as number);
    sf[j] = (sf[j] as number) + (F[i] as number);
    sm[j] = (sm[j] as number) + (M[i] as number);
    allRev += total[i] as number;
  }
  // a share of nothing is 0; the mean of an empty segment is NaN (documented)
  const div = (a: Float64Array, b: Float64Array | number, empty = Number.NaN): Float64Array =>
    Float64Array.from(a, (v, j) => {
      const d = typeof b === 'number' ? b : (b[j] as number);
      return d === 0 ? empty : v / d;
    });
  return withMeta(
    {
      segment: order,
      count,
      shareOfCustomers: div(count, n, 0),
      shareOfRevenue: div(rev, allRev, 0),
      meanRecency: div(sr, count),
      meanFrequency: div(sf, count),
      meanMonetary: div(sm, count),
    },
    { length: k },
  );
}
