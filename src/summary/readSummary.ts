import { IssueCollector } from '../errors.js';
import { resolveColumns, requireColumn } from '../data/input.js';
import { DAYS_PER_UNIT, type TimeUnit } from '../data/days.js';
import type { CustomerId, RecordsInput } from '../data/types.js';

/** One customer's summary row as accepted by fitters and prediction functions. */
export interface SummaryRow {
  customerId?: CustomerId;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue?: number;
  /** Multiplicity of the row in a compressed summary. */
  count?: number;
  /**
   * Sum of the logs of the inter-purchase times (in the summary's unit): what the Erlang-k
   * timing models (BG/CNBD-k, MBG/CNBD-k) need; `summarize(tx, { regularity: true })` adds it.
   */
  logIntervalSum?: number;
}

/** Summary input: a summary from {@link summarize}, rows, columns or an arquero table. */
export type SummaryInput = RecordsInput<SummaryRow>;

/** Options to read a summary whose columns have other names. */
export interface SummaryFieldsOptions {
  /** Our field name -> the caller's column name, e.g. `{ T: 'periods', count: 'weights' }`. */
  fields?: { readonly [K in keyof SummaryRow]?: string } | undefined;
}

/** A numeric column: a typed array or a plain array of numbers. @internal */
export type NumberColumn = ArrayLike<number>;

/** Validated summary columns. @internal */
export interface SummaryColumns {
  readonly n: number;
  /** Whole numbers >= 0 (a typed array of the input is used as is). */
  readonly frequency: NumberColumn;
  readonly recency: NumberColumn;
  readonly T: NumberColumn;
  /** Row weights (`count` column or `weights` option); undefined = all 1. */
  readonly weight: Float64Array | undefined;
  readonly monetaryValue: Float64Array | undefined;
  readonly customerId: ArrayLike<unknown> | undefined;
  /** Sum of log inter-purchase times, when the input has it (0 for x = 0, at most x ln(t_x/x)). */
  readonly logIntervalSum: Float64Array | undefined;
}

/** What a reader requires besides frequency, recency and T. @internal */
export interface SummaryNeeds {
  needMonetary?: boolean | undefined;
  needRegularity?: boolean | undefined;
}

const REGULARITY_HINT = ": this model needs the sum of log inter-purchase times (summarize(transactions, { regularity: true }) adds it)";

const FIELDS = ['customerId', 'frequency', 'recency', 'T', 'monetaryValue', 'count', 'logIntervalSum'] as const;

function isNumberTypedArray(col: unknown): col is NumberColumn {
  return ArrayBuffer.isView(col) && !(col instanceof DataView) && !(col instanceof BigInt64Array) && !(col instanceof BigUint64Array);
}

const EXPECT_NONNEGATIVE = 'must be a finite number >= 0';
const EXPECT_WHOLE = 'must be a whole number >= 0';

/** A column as numbers, each checked; a typed array is used as is (never written to). */
function toNumbers(col: ArrayLike<unknown>, n: number, field: string, issues: IssueCollector, rule: 'whole' | 'nonNegative' | 'finite'): NumberColumn {
  const lower = rule === 'finite' ? Number.NEGATIVE_INFINITY : 0;
  const typed = isNumberTypedArray(col);
  const out = typed ? col : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = col[i];
    // finite and >= lower in one comparison chain (NaN fails it)
    const ok = typeof v === 'number' && v >= lower && v < Number.POSITIVE_INFINITY && (rule !== 'whole' || v === Math.floor(v));
    if (!ok) {
      const expectation = rule === 'whole' ? EXPECT_WHOLE : rule === 'nonNegative' ? EXPECT_NONNEGATIVE : 'must be a finite number';
      issues.row(i, field, 'invalid_value', expectation, v);
      if (issues.full(field)) break;
    } else if (!typed) (out as Float64Array)[i] = v;
  }
  return out;
}

function toFloat(col: ArrayLike<unknown>, n: number, field: string, issues: IssueCollector, nonNegative: boolean): Float64Array {
  const v = toNumbers(col, n, field, issues, nonNegative ? 'nonNegative' : 'finite');
  return v instanceof Float64Array ? v : Float64Array.from(v);
}

/**
 * One fused pass over typed frequency, recency and T columns checking everything a summary
 * must satisfy; true when every row is valid (the common case: nothing else to do), false
 * when a row is not (the caller then collects the issues). @internal
 */
export function typedHistoriesValid(X: NumberColumn, R: NumberColumn, TT: NumberColumn, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isValidHistory(X[i] as number, R[i] as number, TT[i] as number)) return false;
  return true;
}

/**
 * Whether (x, t_x, T) is a valid history: x a whole number >= 0, 0 <= t_x <= T finite
 * (within 1e-9), t_x = 0 when x = 0. The one definition every reader and hot loop uses
 * (small enough to be inlined). @internal
 */
export function isValidHistory(x: number, r: number, t: number): boolean {
  return x >= 0 && x < Number.POSITIVE_INFINITY && x === Math.floor(x) && r >= 0 && t < Number.POSITIVE_INFINITY && r <= t * (1 + 1e-9) + 1e-9 && (x !== 0 || r <= 1e-9);
}

/** recency <= T, and recency 0 without repeat purchases (within 1e-9). */
function checkConsistency(frequency: NumberColumn, recency: NumberColumn, T: NumberColumn, n: number, issues: IssueCollector): void {
  for (let i = 0; i < n; i++) {
    const r = recency[i] as number;
    const t = T[i] as number;
    if (r > t * (1 + 1e-9) + 1e-9) issues.row(i, 'recency', 'recency_after_T', `must not exceed T (${t})`, r);
    else if ((frequency[i] as number) === 0 && r > 1e-9) issues.row(i, 'recency', 'recency_without_repeat', 'must be 0 when frequency is 0', r);
    else continue;
    if (issues.full('recency')) break;
  }
}

/**
 * logIntervalSum = 0 without repeat purchases, and at most x ln(t_x / x): x intervals that
 * add up to t_x have the largest log sum when they are equal (AM-GM), so a larger value
 * means it was computed in another unit or from other purchases (tolerance 1e-6 of t_x).
 */
function checkIntervals(frequency: NumberColumn, recency: NumberColumn, litt: Float64Array, n: number, issues: IssueCollector): void {
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    const v = litt[i] as number;
    if (x === 0) {
      if (Math.abs(v) <= 1e-9) continue;
      issues.row(i, 'logIntervalSum', 'invalid_value', 'must be 0 when frequency is 0', v);
    } else {
      const bound = x * Math.log(((recency[i] as number) * (1 + 1e-6)) / x);
      if (v <= bound + 1e-9) continue;
      issues.row(i, 'logIntervalSum', 'invalid_value', `must not exceed frequency · ln(recency / frequency) = ${bound} (intervals adding up to the recency)`, v);
    }
    if (issues.full('logIntervalSum')) break;
  }
}

/**
 * The mark of a summary this library built (summarize, finalizeSummary,
 * splitCalibrationHoldout, compressSummary): its columns are valid by construction, so
 * readers skip re-checking them. The mark remembers the column objects; a column replaced
 * since is read and checked as usual.
 */
const VALIDATED = Symbol('customer-value.validatedSummary');

interface ValidatedMark {
  readonly frequency: NumberColumn;
  readonly recency: NumberColumn;
  readonly T: NumberColumn;
  readonly monetaryValue: Float64Array | undefined;
  readonly count: Float64Array | undefined;
  readonly customerId: ArrayLike<unknown> | undefined;
  readonly logIntervalSum: Float64Array | undefined;
  readonly unit: TimeUnit | undefined;
  /** The columns as readers want them, made on first use. */
  columns?: SummaryColumns;
}

/**
 * Mark a summary built by this library as validated (a non-enumerable symbol property, so
 * `Object.keys`, `aq.table` and JSON do not see it). @internal
 */
export function markValidated<S extends { frequency: NumberColumn; recency: NumberColumn; T: NumberColumn }>(summary: S, unit: TimeUnit | undefined): S {
  const s = summary as S & { monetaryValue?: Float64Array; count?: Float64Array; customerId?: ArrayLike<unknown>; logIntervalSum?: Float64Array };
  const mark: ValidatedMark = { frequency: s.frequency, recency: s.recency, T: s.T, monetaryValue: s.monetaryValue, count: s.count, customerId: s.customerId, logIntervalSum: s.logIntervalSum, unit };
  Object.defineProperty(summary, VALIDATED, { value: mark, enumerable: false });
  return summary;
}

/** The mark when `input` is a summary of ours whose columns are still the marked ones. */
function validMark(input: unknown): ValidatedMark | undefined {
  const m = (input as { [VALIDATED]?: ValidatedMark } | null)?.[VALIDATED];
  if (m === undefined) return undefined;
  const s = input as Record<string, unknown>;
  const same = s.frequency === m.frequency && s.recency === m.recency && s.T === m.T && s.monetaryValue === m.monetaryValue && s.count === m.count && s.customerId === m.customerId && s.logIntervalSum === m.logIntervalSum;
  return same ? m : undefined;
}

/**
 * The time unit of a summary's recency and T: the unit of a summary from this library, or
 * a valid `unit` property of any input; undefined when it does not say. The one place that
 * decides a summary's unit. @internal
 */
export function summaryUnit(input: unknown): TimeUnit | undefined {
  const mark = validMark(input);
  if (mark) return mark.unit;
  const u = (input as { unit?: unknown } | null)?.unit;
  return typeof u === 'string' && Object.hasOwn(DAYS_PER_UNIT, u) ? (u as TimeUnit) : undefined;
}

function markedColumns(m: ValidatedMark): SummaryColumns {
  if (m.columns) return m.columns;
  m.columns = { n: m.recency.length, frequency: m.frequency, recency: m.recency, T: m.T, weight: m.count, monetaryValue: m.monetaryValue, customerId: m.customerId, logIntervalSum: m.logIntervalSum };
  return m.columns;
}

/**
 * Read and validate summary columns: `frequency`, `recency`, `T` finite and >= 0 with
 * recency <= T and recency = 0 when frequency = 0 (within 1e-9); optional `count` (weights)
 * and `monetaryValue`.
 * @internal
 */
export function readSummary(
  input: unknown,
  fn: string,
  options: SummaryNeeds & { fields?: SummaryFieldsOptions['fields']; weights?: ArrayLike<number> | undefined } = {},
): SummaryColumns {
  const fields = options.fields as Record<string, string | undefined> | undefined;
  const mark = fields === undefined ? validMark(input) : undefined;
  if (mark) return fromMark(mark, fn, options.weights, options);
  const raw = resolveColumns(input, fn, 'customers', FIELDS, fields, ['frequency', 'recency', 'T']);
  const n = raw.n;
  const issues = new IssueCollector(fn, 'customers');
  const fCol = requireColumn(raw, 'frequency', fn, 'customers', fields);
  const rCol = requireColumn(raw, 'recency', fn, 'customers', fields);
  const tCol = requireColumn(raw, 'T', fn, 'customers', fields);
  const typed = isNumberTypedArray(fCol) && isNumberTypedArray(rCol) && isNumberTypedArray(tCol) && typedHistoriesValid(fCol, rCol, tCol, 0, n);
  const frequency = typed ? fCol : toNumbers(fCol, n, 'frequency', issues, 'whole');
  const recency = typed ? rCol : toNumbers(rCol, n, 'recency', issues, 'nonNegative');
  const T = typed ? tCol : toNumbers(tCol, n, 'T', issues, 'nonNegative');
  let weight: Float64Array | undefined;
  const w = options.weights ?? raw.cols.count;
  if (w !== undefined) {
    if (w.length !== n) {
      issues.row(0, 'count', 'invalid_weights', `must have one weight per row (${n})`, w.length);
    } else weight = toFloat(w as ArrayLike<unknown>, n, 'count', issues, true);
  }
  let monetaryValue: Float64Array | undefined;
  const m = raw.cols.monetaryValue;
  if (m !== undefined) monetaryValue = toFloat(m, n, 'monetaryValue', issues, false);
  else if (options.needMonetary && n > 0) requireColumn(raw, 'monetaryValue', fn, 'customers', fields);
  let logIntervalSum: Float64Array | undefined;
  const l = options.needRegularity ? requireColumn(raw, 'logIntervalSum', fn, 'customers', fields, REGULARITY_HINT) : raw.cols.logIntervalSum;
  if (l !== undefined && n > 0) logIntervalSum = toFloat(l, n, 'logIntervalSum', issues, false);
  issues.throwIfAny();
  if (!typed) checkConsistency(frequency, recency, T, n, issues);
  if (logIntervalSum) checkIntervals(frequency, recency, logIntervalSum, n, issues);
  issues.throwIfAny();
  return { n, frequency, recency, T, weight, monetaryValue, customerId: raw.cols.customerId, logIntervalSum };
}

/**
 * The frequency, recency and T of a plain column object that has exactly these three as
 * typed arrays of one length (no count, monetaryValue or other known column), not yet
 * checked: for a hot loop that checks them block by block with {@link typedHistoriesValid}
 * while the block is in cache. Undefined for any other input. @internal
 */
export function uncheckedTypedHistories(input: unknown): { n: number; frequency: NumberColumn; recency: NumberColumn; T: NumberColumn } | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || validMark(input)) return undefined;
  const s = input as Record<string, unknown>;
  const { frequency, recency, T } = s;
  if (s.count !== undefined || s.monetaryValue !== undefined) return undefined;
  if (!isNumberTypedArray(frequency) || !isNumberTypedArray(recency) || !isNumberTypedArray(T)) return undefined;
  const n = frequency.length;
  return recency.length === n && T.length === n ? { n, frequency, recency, T } : undefined;
}

/** The columns of a marked summary, with a weights option and the monetary requirement applied. */
function fromMark(mark: ValidatedMark, fn: string, weights: ArrayLike<number> | undefined, needs: SummaryNeeds): SummaryColumns {
  const cols = markedColumns(mark);
  if (needs.needMonetary && cols.monetaryValue === undefined) requireColumn({ n: cols.n, cols: {} }, 'monetaryValue', fn, 'customers', undefined);
  if (needs.needRegularity && cols.logIntervalSum === undefined) requireColumn({ n: cols.n, cols: {} }, 'logIntervalSum', fn, 'customers', undefined, REGULARITY_HINT);
  const issues = new IssueCollector(fn, 'customers');
  if (weights === undefined) {
    issues.throwIfAny();
    return cols;
  }
  let weight: Float64Array | undefined;
  if (weights.length !== cols.n) issues.row(0, 'count', 'invalid_weights', `must have one weight per row (${cols.n})`, weights.length);
  else weight = toFloat(weights as ArrayLike<unknown>, cols.n, 'count', issues, true);
  issues.throwIfAny();
  return { ...cols, weight };
}
