import { IssueCollector } from '../errors.js';
import { dayColumn, isValidId, numberColumn, type NumericDates } from './encodeTransactions.js';
import { IdIndex } from './idIndex.js';
import { requireColumn, resolveColumns } from './input.js';
import type { FieldMap, Interaction } from './types.js';

/** Options shared by every function that reads interactions. */
export interface InteractionReadOptions {
  /** Our field name -> the caller's column name for interactions. Default: identity. */
  interactionFields?: FieldMap<Interaction> | undefined;
  /** How numeric interaction dates are read (see the transactions' `numericDates`). Default 'epoch-ms'. */
  numericDates?: NumericDates | undefined;
  /** The scale of scores whose row gives none, 'min-max'. Default '1-5'. */
  scoreScale?: string | undefined;
}

/** Interactions as typed columns. @internal */
export interface EncodedInteractions {
  /** Customer index into the shared id index. */
  customer: Uint32Array;
  day: Int32Array;
  kind: string[];
  channel: string[];
  campaignId: Array<string | undefined>;
  /** Cost, 0 when not given. */
  cost: Float64Array;
  outcome: Array<string | undefined>;
  /** Survey score (NaN where none) and its scale's lowest and highest point. */
  score: Float64Array;
  scaleLo: Float64Array;
  scaleHi: Float64Array;
  length: number;
}

const FIELDS = ['customerId', 'date', 'channel', 'kind', 'campaignId', 'cost', 'outcome', 'score', 'scale'] as const;

/**
 * Validate interactions and encode them, numbering customers in the given id index (shared
 * with the transactions, so ids join). Bad rows are reported with row, field and value.
 * @internal
 */
export function encodeInteractions(input: unknown, fn: string, index: IdIndex, options: InteractionReadOptions = {}): EncodedInteractions {
  const fields = options.interactionFields as Record<string, string | undefined> | undefined;
  const raw = resolveColumns(input, fn, 'interactions', FIELDS, fields, ['customerId', 'date', 'channel', 'kind']);
  const n = raw.n;
  const ids = requireColumn(raw, 'customerId', fn, 'interactions', fields);
  const dates = requireColumn(raw, 'date', fn, 'interactions', fields);
  const channels = requireColumn(raw, 'channel', fn, 'interactions', fields);
  const kinds = requireColumn(raw, 'kind', fn, 'interactions', fields);
  const issues = new IssueCollector(fn, 'interactions');
  const day = dayColumn(dates, n, issues, 'date', options.numericDates ?? 'epoch-ms');
  const costCol = raw.cols.cost;
  let cost: Float64Array = new Float64Array(n);
  if (costCol) {
    // missing costs are 0; present ones must be finite numbers (a typed column has no missing ones)
    const filled = ArrayBuffer.isView(costCol) ? costCol : Array.from({ length: n }, (_, i) => (costCol[i] === undefined || costCol[i] === null ? 0 : costCol[i]));
    cost = numberColumn(filled, n, issues, 'cost');
    for (let i = 0; i < n; i++) {
      if ((cost[i] as number) < 0) {
        issues.row(i, 'cost', 'negative_value', 'must be a finite number >= 0 (what the touch cost)', cost[i]);
        if (issues.full('cost')) break;
      }
    }
  }
  const customer = new Uint32Array(n);
  const kind: string[] = new Array(n);
  const channel: string[] = new Array(n);
  const campaignId: Array<string | undefined> = new Array(n);
  const outcome: Array<string | undefined> = new Array(n);
  const camp = raw.cols.campaignId;
  const out = raw.cols.outcome;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (!isValidId(id)) {
      const missing = id === undefined || id === '';
      issues.row(i, 'customerId', missing ? 'missing_id' : 'invalid_id', missing ? 'is missing' : 'must be a non-empty string or a finite number', id);
      continue;
    }
    const k = kinds[i];
    const c = channels[i];
    if (typeof k !== 'string' || k === '') issues.row(i, 'kind', 'invalid_value', 'must be a non-empty string', k);
    if (typeof c !== 'string' || c === '') issues.row(i, 'channel', 'invalid_value', 'must be a non-empty string', c);
    const cp = camp?.[i];
    if (cp !== undefined && cp !== null && typeof cp !== 'string') issues.row(i, 'campaignId', 'invalid_value', 'must be a string', cp);
    const oc = out?.[i];
    if (oc !== undefined && oc !== null && typeof oc !== 'string') issues.row(i, 'outcome', 'invalid_value', 'must be a string', oc);
    customer[i] = index.add(id);
    kind[i] = k as string;
    channel[i] = c as string;
    campaignId[i] = cp === null || cp === '' ? undefined : (cp as string | undefined);
    outcome[i] = oc === null ? undefined : (oc as string | undefined);
  }
  const { score, scaleLo, scaleHi } = readScores(raw.cols.score, raw.cols.scale, n, issues, options.scoreScale ?? '1-5');
  issues.throwIfAny();
  return { customer, day, kind, channel, campaignId, cost, outcome, score, scaleLo, scaleHi, length: n };
}

/** 'min-max' of whole points with min < max, or undefined. */
export function parseScale(v: unknown): [number, number] | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(-?\d+)-(\d+)$/.exec(v.trim());
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  return lo < hi ? [lo, hi] : undefined;
}

/** Scores (finite, within their scale) and scales per row; rows without a score get NaN. */
function readScores(scoreCol: ArrayLike<unknown> | undefined, scaleCol: ArrayLike<unknown> | undefined, n: number, issues: IssueCollector, fallback: string) {
  const score = new Float64Array(n).fill(Number.NaN);
  const scaleLo = new Float64Array(n).fill(Number.NaN);
  const scaleHi = new Float64Array(n).fill(Number.NaN);
  if (!scoreCol) return { score, scaleLo, scaleHi };
  const byDefault = parseScale(fallback);
  // rows mostly share a scale: the last one parsed is kept
  let lastRaw: unknown;
  let lastScale: [number, number] | undefined;
  for (let i = 0; i < n; i++) {
    const v = scoreCol[i];
    if (v === undefined || v === null || v === '') continue;
    const raw = scaleCol?.[i];
    if (raw !== lastRaw || lastScale === undefined) {
      lastRaw = raw;
      lastScale = raw === undefined || raw === null || raw === '' ? byDefault : parseScale(raw);
    }
    const scale = lastScale;
    if (!scale) {
      issues.row(i, 'scale', 'invalid_value', "must be 'min-max' of whole points with min < max, e.g. '1-5' or '0-10'", raw ?? fallback);
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < scale[0] || v > scale[1]) {
      issues.row(i, 'score', 'invalid_value', `must be a number from ${scale[0]} to ${scale[1]} (its scale)`, v);
      if (issues.full('score')) break;
      continue;
    }
    score[i] = v;
    scaleLo[i] = scale[0];
    scaleHi[i] = scale[1];
  }
  return { score, scaleLo, scaleHi };
}
