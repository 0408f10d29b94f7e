import * as z from 'zod/mini';
import { dayToIso } from '../data/days.js';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import type { InteractionReadOptions } from '../data/encodeInteractions.js';
import { dateOption, historyOptionsShape, optionDay, parseOptions, wholeOption } from '../data/options.js';
import type { InteractionInput, TransactionInput } from '../data/types.js';
import { CustomerValueError } from '../errors.js';
import { customerHistory, type CustomerHistory } from './customerHistory.js';
import { calendarOptionsShape, periodGrid, type PeriodKind } from './periods.js';
import { rate } from './rate.js';
import { proportionTest, type ProportionTest } from './proportionTest.js';
import { isSatisfied, ScoreAccumulator, type ScoreSummary } from './scores.js';
import { labelsOf } from './stages/context.js';
import type { Rate, SegmentLabels } from './types.js';

/** Options of {@link satisfaction}. */
export interface SatisfactionOptions extends TransactionReadOptions, InteractionReadOptions {
  /** Calendar periods in UTC. Default 'month'. */
  period?: PeriodKind | undefined;
  /** The month (1-12) quarters and years start in (4: April to March, labelled 'FY2025'). Default 1. */
  fiscalYearStart?: number | undefined;
  /** First and last day reported (inclusive). Default: the first and last scored interaction. */
  start?: Date | string | number | undefined;
  end?: Date | string | number | undefined;
  /** Segment labels per customer (as `valueChain` takes them), for the per-segment figures. */
  segments?: SegmentLabels | undefined;
  /** CSAT counts the top this many points of each scale. Default 2 (4 and 5 of 1-5). */
  csatTop?: number | undefined;
  /** Days after a response within which a purchase counts as staying. Default 90. */
  retentionWindow?: number | undefined;
}

/** Per period, overall, per segment; complainers around their complaint; satisfaction against staying. */
export interface SatisfactionReport {
  periods: Array<ScoreSummary & { period: string; start: string; end: string }>;
  overall: ScoreSummary;
  /**
   * Over the window, per segment label (empty without `segments`), with `csatVsRest`: the
   * segment's CSAT share against all other responses', by the two-proportion z-test.
   */
  segments: Record<string, ScoreSummary & { csatVsRest: ProportionTest | null }>;
  /**
   * Customers with a complaint in the window: their responses before the first complaint,
   * while it was open (from the complaint to its resolution, the first later interaction with
   * outcome 'resolved'; unresolved complaints stay open), and after its resolution.
   */
  complaints: { complainers: number; beforeComplaint: ScoreSummary; whileOpen: ScoreSummary; afterResolution: ScoreSummary };
  /**
   * Do satisfied customers stay? Each respondent's last response in the window, at least
   * `retentionWindow` days before the last day (of several on that day, the least satisfied
   * one): satisfied (top `csatTop` points) or not, and
   * whether they bought within `retentionWindow` days after it.
   */
  retention: { satisfied: Rate; dissatisfied: Rate; difference: number | null; window: number };
}

const schema = z.looseObject({
  ...historyOptionsShape,
  ...calendarOptionsShape,
  start: z.optional(dateOption),
  end: z.optional(dateOption),
  csatTop: z.optional(wholeOption(1, 100)),
  retentionWindow: z.optional(wholeOption(1, 100_000)),
});

/**
 * Customer satisfaction from survey scores on interactions (`score` on its `scale`, e.g.
 * '1-5' or '0-10'), the first of the measures the CRM literature judges customer management
 * by. Per calendar period, over the window and per segment: responses, respondents, mean
 * score (when one scale), mean normalized score ((score - min)/(max - min)), CSAT (the share
 * of responses in the top two points of their scale, or `csatTop`) and NPS (over the 0-10
 * responses: % promoters 9-10 minus % detractors 0-6; Reichheld 2003). Complainers: their
 * scores before the complaint, while open and after resolution. Satisfaction against
 * retention: among respondents whose last response leaves `retentionWindow` days of data,
 * the share who bought again within that window, satisfied against dissatisfied.
 *
 * @example
 * ```ts
 * const s = satisfaction(transactions, interactions, { period: 'quarter' });
 * s.overall.csat.value; s.overall.nps.value; s.retention.difference;
 * ```
 * @see Reichheld, F. F. (2003). The One Number You Need to Grow. Harvard Business Review, 81(12), 46-54.
 */
export function satisfaction(transactions: TransactionInput, interactions: InteractionInput, options: SatisfactionOptions = {}): SatisfactionReport {
  const fn = 'satisfaction';
  const o = parseOptions(fn, schema, options) as SatisfactionOptions;
  if (interactions === undefined || interactions === null) throw new CustomerValueError('invalid_input', `${fn}: interactions are required (the scores are on them)`);
  const h = customerHistory(fn, transactions, interactions, o);
  const it = h.interactions!;
  const scored: number[] = [];
  for (let i = 0; i < it.length; i++) if (Number.isFinite(it.score[i] as number)) scored.push(i);
  let lo = optionDay(o.start, o.numericDates);
  let hi = optionDay(o.end, o.numericDates);
  for (const i of scored) {
    const d = it.day[i] as number;
    if (o.start === undefined && !(lo! <= d)) lo = d;
    if (o.end === undefined && !(hi! >= d)) hi = d;
  }
  const csatTop = o.csatTop ?? 2;
  const kind = o.period ?? 'month';
  const empty = lo === undefined || hi === undefined || !(lo <= hi);
  const grid = periodGrid(kind, empty ? 0 : lo!, empty ? -1 : hi!, empty ? 0 : lo!, empty ? -1 : hi!, o.fiscalYearStart ?? 1);
  const periods = Array.from({ length: grid.count }, () => new ScoreAccumulator(csatTop));
  const overall = new ScoreAccumulator(csatTop);
  const labels = labelsOf(fn, o.segments);
  const bySegment = new Map<string, ScoreAccumulator>();
  const inWindow = scored.filter((i) => !empty && (it.day[i] as number) >= lo! && (it.day[i] as number) <= hi!);
  for (const i of inWindow) {
    const c = it.customer[i] as number;
    const args = [c, it.score[i] as number, it.scaleLo[i] as number, it.scaleHi[i] as number] as const;
    periods[grid.index[(it.day[i] as number) - grid.lo] as number]!.add(...args);
    overall.add(...args);
    const label = labels?.get(h.index.ids[c]!);
    if (label !== undefined) {
      if (!bySegment.has(label)) bySegment.set(label, new ScoreAccumulator(csatTop));
      bySegment.get(label)!.add(...args);
    }
  }
  const starts = Array.from(grid.starts);
  return {
    periods: periods.map((acc, p) => ({ period: grid.labels[p] as string, start: dayToIso(starts[p] as number), end: dayToIso((starts[p + 1] as number) - 1), ...acc.summary() })),
    overall: overall.summary(),
    segments: withRest(bySegment, overall.summary()),
    complaints: complaintScores(h, inWindow, empty ? [0, -1] : [lo!, hi!], csatTop),
    retention: retentionBySatisfaction(h, inWindow, empty ? -1 : hi!, o.retentionWindow ?? 90, csatTop),
  };
}

/** Each segment's summary with its CSAT share tested against the other responses'. */
function withRest(bySegment: Map<string, ScoreAccumulator>, all: ScoreSummary): SatisfactionReport['segments'] {
  return Object.fromEntries(
    [...bySegment].map(([label, acc]) => {
      const s = acc.summary();
      const rest = proportionTest(s.csat.numerator, s.csat.denominator, all.csat.numerator - s.csat.numerator, all.csat.denominator - s.csat.denominator);
      return [label, { ...s, csatVsRest: rest }];
    }),
  );
}

/** The complainers' responses before their first complaint in the window, while it was open, and after its resolution. */
function complaintScores(h: CustomerHistory, responses: number[], [lo, hi]: [number, number], csatTop: number): SatisfactionReport['complaints'] {
  const it = h.interactions!;
  const complained = new Map<number, number>();
  const resolved = new Map<number, number>();
  for (let i = 0; i < it.length; i++) {
    const d = it.day[i] as number;
    const c = it.customer[i] as number;
    if (it.kind[i] === 'complaint' && d >= lo && d <= hi && !(complained.get(c)! <= d)) complained.set(c, d);
  }
  for (let i = 0; i < it.length; i++) {
    const c = it.customer[i] as number;
    const d = it.day[i] as number;
    const since = complained.get(c);
    if (since !== undefined && it.outcome[i] === 'resolved' && d >= since && !(resolved.get(c)! <= d)) resolved.set(c, d);
  }
  const before = new ScoreAccumulator(csatTop);
  const open = new ScoreAccumulator(csatTop);
  const after = new ScoreAccumulator(csatTop);
  for (const i of responses) {
    const c = it.customer[i] as number;
    const since = complained.get(c);
    if (since === undefined) continue;
    const d = it.day[i] as number;
    const r = resolved.get(c) ?? Infinity;
    const group = d < since ? before : d < r ? open : after;
    group.add(c, it.score[i] as number, it.scaleLo[i] as number, it.scaleHi[i] as number);
  }
  return { complainers: complained.size, beforeComplaint: before.summary(), whileOpen: open.summary(), afterResolution: after.summary() };
}

/** Satisfied and dissatisfied respondents (by their last response with `window` days of data after it) and who bought again within them. */
function retentionBySatisfaction(h: CustomerHistory, responses: number[], hi: number, window: number, csatTop: number): SatisfactionReport['retention'] {
  const it = h.interactions!;
  const lastDay = Math.max(hi, Number.isFinite(h.tx.maxDay) ? h.tx.maxDay : -Infinity);
  const last = new Map<number, number>();
  for (const i of responses) {
    const c = it.customer[i] as number;
    const d = it.day[i] as number;
    if (d + window > lastDay) continue;
    const j = last.get(c);
    // the last day's response; of several that day, the least satisfied (so row order does not matter)
    const norm = (k: number): number => ((it.score[k] as number) - (it.scaleLo[k] as number)) / ((it.scaleHi[k] as number) - (it.scaleLo[k] as number));
    if (j === undefined || (it.day[j] as number) < d || ((it.day[j] as number) === d && norm(i) < norm(j))) last.set(c, i);
  }
  const { dayStart, day, purchaseRows } = h.partial;
  const counts = { satisfied: [0, 0], dissatisfied: [0, 0] };
  for (const [c, i] of last) {
    const d = it.day[i] as number;
    let stayed = false;
    if (c < h.nTx) {
      for (let k = dayStart[c] as number; k < (dayStart[c + 1] as number) && !stayed; k++) {
        const e = day[k] as number;
        stayed = (purchaseRows[k] as number) > 0 && e > d && e <= d + window;
      }
    }
    const group = isSatisfied(it.score[i] as number, it.scaleHi[i] as number, csatTop) ? counts.satisfied : counts.dissatisfied;
    group[0]! += stayed ? 1 : 0;
    group[1]! += 1;
  }
  const satisfied = rate(counts.satisfied[0]!, counts.satisfied[1]!);
  const dissatisfied = rate(counts.dissatisfied[0]!, counts.dissatisfied[1]!);
  const difference = satisfied.value !== null && dissatisfied.value !== null ? satisfied.value - dissatisfied.value : null;
  return { satisfied, dissatisfied, difference, window };
}
