/**
 * Survey-score summaries of {@link satisfaction}: responses, mean, CSAT and NPS of a set of
 * scored interactions, accumulated one response at a time.
 * @internal
 */
import { rate } from './rate.js';
import type { Rate } from './types.js';

/** What every group of responses reports. */
export interface ScoreSummary {
  /** Scored interactions. */
  responses: number;
  /** Distinct customers among them. */
  respondents: number;
  /** Mean score, when every response is on the same scale (else null). */
  meanScore: number | null;
  /** Mean of (score - min) / (max - min) over the responses' own scales: 0 the worst, 1 the best. */
  meanNormalized: number | null;
  /** Responses in the top `csatTop` points of their scale (default 2: 4-5 of 1-5) / responses. */
  csat: Rate;
  /** Net Promoter Score over the 0-10 responses: 100 (promoters 9-10 - detractors 0-6) / responses. */
  nps: { value: number | null; promoters: number; passives: number; detractors: number; responses: number };
}

/** An accumulator of responses. */
export class ScoreAccumulator {
  private responses = 0;
  private readonly customers = new Set<number>();
  private sum = 0;
  private sumNormalized = 0;
  private scale: string | undefined | null = undefined;
  private top = 0;
  private promoters = 0;
  private passives = 0;
  private detractors = 0;

  constructor(private readonly csatTop: number) {}

  add(customer: number, score: number, lo: number, hi: number): void {
    this.responses++;
    this.customers.add(customer);
    this.sum += score;
    this.sumNormalized += (score - lo) / (hi - lo);
    const key = `${lo}-${hi}`;
    this.scale = this.scale === undefined ? key : this.scale === key ? key : null;
    if (isSatisfied(score, hi, this.csatTop)) this.top++;
    if (lo === 0 && hi === 10) {
      if (score >= 9) this.promoters++;
      else if (score >= 7) this.passives++;
      else this.detractors++;
    }
  }

  summary(): ScoreSummary {
    const n = this.responses;
    const npsN = this.promoters + this.passives + this.detractors;
    return {
      responses: n,
      respondents: this.customers.size,
      meanScore: n > 0 && typeof this.scale === 'string' ? this.sum / n : null,
      meanNormalized: n > 0 ? this.sumNormalized / n : null,
      csat: rate(this.top, n),
      nps: { value: npsN > 0 ? (100 * (this.promoters - this.detractors)) / npsN : null, promoters: this.promoters, passives: this.passives, detractors: this.detractors, responses: npsN },
    };
  }
}

/** In the top `csatTop` points of a scale whose highest point is `hi` (scores above hi - csatTop). */
export function isSatisfied(score: number, hi: number, csatTop: number): boolean {
  return score > hi - csatTop;
}

/** The interaction columns a per-customer score aggregation reads. */
interface ScoredInteractions {
  readonly length: number;
  readonly customer: ArrayLike<number>;
  readonly day: ArrayLike<number>;
  readonly score: ArrayLike<number>;
  readonly scaleLo: ArrayLike<number>;
  readonly scaleHi: ArrayLike<number>;
}

/**
 * Each row's survey responses up to `end`: their count, mean normalized score
 * ((score - min)/(max - min); NaN without responses) and the latest one's, for the rows
 * `rowOf(customer index)` gives (-1 or undefined: not a row).
 */
export function scoresByRow(it: ScoredInteractions, rows: number, rowOf: (customer: number) => number | undefined, end: number): { count: Float64Array; mean: Float64Array; last: Float64Array } {
  const count = new Float64Array(rows);
  const mean = new Float64Array(rows).fill(Number.NaN);
  const last = new Float64Array(rows).fill(Number.NaN);
  const sum = new Float64Array(rows);
  const lastDay = new Float64Array(rows).fill(-Infinity);
  for (let i = 0; i < it.length; i++) {
    const s = it.score[i] as number;
    const d = it.day[i] as number;
    const k = rowOf(it.customer[i] as number);
    if (k === undefined || k < 0 || !Number.isFinite(s) || d > end) continue;
    const v = (s - (it.scaleLo[i] as number)) / ((it.scaleHi[i] as number) - (it.scaleLo[i] as number));
    count[k] = (count[k] as number) + 1;
    sum[k] = (sum[k] as number) + v;
    if (d >= (lastDay[k] as number)) {
      lastDay[k] = d;
      last[k] = v;
    }
  }
  for (let k = 0; k < rows; k++) if ((count[k] as number) > 0) mean[k] = (sum[k] as number) / (count[k] as number);
  return { count, mean, last };
}
