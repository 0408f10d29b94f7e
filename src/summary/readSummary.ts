import { IssueCollector } from '../errors.js';
import { resolveColumns, requireColumn } from '../data/input.js';
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
}

/** Summary input: a summary from {@link summarize}, rows, columns or an arquero table. */
export type SummaryInput = RecordsInput<SummaryRow>;

/** Options to read a summary whose columns have other names. */
export interface SummaryFieldsOptions {
  /** Our field name -> the caller's column name, e.g. `{ T: 'periods', count: 'weights' }`. */
  fields?: { readonly [K in keyof SummaryRow]?: string } | undefined;
}

/** Validated summary columns. @internal */
export interface SummaryColumns {
  readonly n: number;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  /** Row weights (`count` column or `weights` option); undefined = all 1. */
  readonly weight: Float64Array | undefined;
  readonly monetaryValue: Float64Array | undefined;
  readonly customerId: ArrayLike<unknown> | undefined;
}

const FIELDS = ['customerId', 'frequency', 'recency', 'T', 'monetaryValue', 'count'] as const;

function toFloat(
  col: ArrayLike<unknown>,
  n: number,
  field: string,
  issues: IssueCollector,
  nonNegative: boolean,
): Float64Array {
  const lower = nonNegative ? 0 : Number.NEGATIVE_INFINITY;
  if (ArrayBuffer.isView(col) && !(col instanceof DataView) && !(col instanceof BigInt64Array) && !(col instanceof BigUint64Array)) {
    // typed arrays: only the range check; a Float64Array is used as is (never written to),
    // other typed arrays are copied natively
    const v = col as unknown as ArrayLike<number>;
    for (let i = 0; i < n; i++) {
      const x = v[i] as number;
      if (!(x >= lower && x < Number.POSITIVE_INFINITY)) {
        issues.row(i, field, 'invalid_' + field, nonNegative ? 'must be a finite number >= 0' : 'must be a finite number', x);
        if (issues.full(field)) break;
      }
    }
    return col instanceof Float64Array ? col : Float64Array.from(v);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = col[i];
    // finite and >= lower, in one comparison chain without a call (NaN fails both)
    if (typeof v !== 'number' || !(v >= lower && v < Number.POSITIVE_INFINITY)) {
      issues.row(i, field, 'invalid_' + field, nonNegative ? 'must be a finite number >= 0' : 'must be a finite number', v);
      if (issues.full(field)) break;
      continue;
    }
    out[i] = v;
  }
  return out;
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
  options: { fields?: SummaryFieldsOptions['fields']; weights?: ArrayLike<number> | undefined; needMonetary?: boolean } = {},
): SummaryColumns {
  const fields = options.fields as Record<string, string | undefined> | undefined;
  const raw = resolveColumns(input, fn, 'customers', FIELDS, fields, ['frequency', 'recency', 'T']);
  const n = raw.n;
  const issues = new IssueCollector(fn, 'customers');
  const frequency = toFloat(requireColumn(raw, 'frequency', fn, 'customers', fields), n, 'frequency', issues, true);
  const recency = toFloat(requireColumn(raw, 'recency', fn, 'customers', fields), n, 'recency', issues, true);
  const T = toFloat(requireColumn(raw, 'T', fn, 'customers', fields), n, 'T', issues, true);
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
  issues.throwIfAny();
  for (let i = 0; i < n; i++) {
    const r = recency[i] as number;
    const t = T[i] as number;
    if (r > t * (1 + 1e-9) + 1e-9) issues.row(i, 'recency', 'recency_after_T', `must not exceed T (${t})`, r);
    else if ((frequency[i] as number) === 0 && r > 1e-9) issues.row(i, 'recency', 'recency_without_repeat', 'must be 0 when frequency is 0', r);
    else continue;
    if (issues.full('recency')) break;
  }
  issues.throwIfAny();
  return { n, frequency, recency, T, weight, monetaryValue, customerId: raw.cols.customerId };
}
