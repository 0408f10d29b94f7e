/**
 * Each customer's covariate path for the time-varying Pareto/NBD: from the first purchase
 * to an end, the pieces over which the covariates are constant (consecutive covariate
 * periods with equal values merged), as time spans in the model's unit and an index into
 * the distinct covariate vectors; and the sum of the purchase covariates at the customer's
 * repeat purchases.
 * @internal
 */
import { requireColumn, resolveColumns } from '../../data/input.js';
import { toDay } from '../../data/days.js';
import { CustomerValueError, IssueCollector, optionError } from '../../errors.js';

/** The covariates option of the time-varying model. */
export interface DynamicCovariatesOption {
  /** One row per customer and covariate period, the period starting at `date` and lasting until the customer's next row. */
  data: unknown;
  /** Columns acting on the purchase process. */
  purchase?: readonly string[] | undefined;
  /** Columns acting on the dropout process. */
  dropout?: readonly string[] | undefined;
  /** The id column. Default 'customerId'. */
  customerId?: string | undefined;
  /** The period-start column. Default 'date'. */
  date?: string | undefined;
}

/** The covariate table read once: rows grouped by customer and sorted by start day. */
export interface CovariateTable {
  readonly purchaseNames: readonly string[];
  readonly dropoutNames: readonly string[];
  /** Distinct covariate vectors: purchase values then dropout values, row-major. */
  readonly vectors: Float64Array;
  /** Each table row's start day and distinct-vector index. */
  readonly day: Int32Array;
  readonly vector: Uint32Array;
  /** A customer's rows, sorted by day. */
  readonly rowsOf: Map<string, Uint32Array>;
}

/** Read and check the covariate table: ids, dates and finite values, every error by row and column. */
export function readCovariateTable(fn: string, option: unknown): CovariateTable {
  const o = option as Partial<DynamicCovariatesOption> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) optionError(fn, 'covariates', 'must be an object { data, date?, purchase?, dropout? }', option);
  const list = (key: 'purchase' | 'dropout'): string[] => {
    const v = o[key] ?? [];
    if (!Array.isArray(v) || v.some((c) => typeof c !== 'string' || c === '') || new Set(v).size !== v.length) optionError(fn, `covariates.${key}`, 'must be a list of distinct column names', v);
    return v as string[];
  };
  const purchaseNames = list('purchase');
  const dropoutNames = list('dropout');
  if (purchaseNames.length + dropoutNames.length === 0) optionError(fn, 'covariates', 'must name at least one purchase or dropout column', option);
  const idField = o.customerId ?? 'customerId';
  const dateField = o.date ?? 'date';
  const columns = [...new Set([...purchaseNames, ...dropoutNames])];
  const raw = resolveColumns(o.data, fn, 'covariates', [idField, dateField, ...columns], undefined, [idField, dateField, ...columns]);
  const ids = requireColumn(raw, idField, fn, 'covariates', undefined);
  const dates = requireColumn(raw, dateField, fn, 'covariates', undefined);
  const issues = new IssueCollector(fn, 'covariates');
  const day = new Int32Array(raw.n);
  for (let i = 0; i < raw.n; i++) {
    const d = toDay(dates[i]);
    if (Number.isNaN(d)) issues.row(i, dateField, 'invalid_date', 'must be a date', dates[i]);
    else day[i] = d;
    if (ids[i] === undefined || ids[i] === null || String(ids[i]) === '') issues.row(i, idField, 'missing_id', 'must be a customer id', ids[i]);
  }
  const cols = columns.map((c) => requireColumn(raw, c, fn, 'covariates', undefined));
  cols.forEach((col, j) => {
    for (let i = 0; i < raw.n; i++) {
      const v = col[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        issues.row(i, columns[j] as string, 'invalid_value', 'must be a finite number', v);
        if (issues.full(columns[j] as string)) break;
      }
    }
  });
  issues.throwIfAny();
  const width = purchaseNames.length + dropoutNames.length;
  const at = [...purchaseNames, ...dropoutNames].map((c) => columns.indexOf(c));
  const index = new Map<string, number>();
  const vectors: number[] = [];
  const vector = new Uint32Array(raw.n);
  const values: number[] = new Array<number>(width);
  for (let i = 0; i < raw.n; i++) {
    for (let j = 0; j < width; j++) values[j] = cols[at[j] as number]![i] as number;
    const key = values.join(',');
    let v = index.get(key);
    if (v === undefined) {
      v = vectors.length / width;
      index.set(key, v);
      vectors.push(...values);
    }
    vector[i] = v;
  }
  const grouped = new Map<string, number[]>();
  for (let i = 0; i < raw.n; i++) {
    const key = String(ids[i]);
    let g = grouped.get(key);
    if (!g) grouped.set(key, (g = []));
    g.push(i);
  }
  const rowsOf = new Map<string, Uint32Array>();
  for (const [key, rows] of grouped) {
    rows.sort((a, b) => (day[a] as number) - (day[b] as number));
    for (let k = 1; k < rows.length; k++) {
      if (day[rows[k] as number] === day[rows[k - 1] as number]) throw new CustomerValueError('invalid_input', `${fn}: covariates row ${rows[k]}: customer ${key} has two covariate rows for ${String(dates[rows[k] as number])}`, [{ code: 'duplicate_id', path: ['covariates', rows[k] as number, dateField], message: 'a second row for the same customer and date', value: dates[rows[k] as number] }]);
    }
    rowsOf.set(key, Uint32Array.from(rows));
  }
  return { purchaseNames, dropoutNames, vectors: Float64Array.from(vectors), day, vector, rowsOf };
}

/** Customers' covariate paths, concatenated: customer i's pieces are from..to of `start`. */
export interface Paths {
  /** Piece offsets per customer (length n + 1). */
  readonly offset: Uint32Array;
  /** Each piece's start and end, in model units since the first purchase. */
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** Each piece's distinct covariate vector. */
  readonly vector: Uint32Array;
}

/**
 * The pieces of each customer's path over [0, until_i] (model units since the first
 * purchase day `first_i`, `per` days a unit). A customer without covariate rows, or whose
 * first row starts after their first purchase, is an error naming them.
 */
export function buildPaths(fn: string, table: CovariateTable, ids: ArrayLike<unknown>, first: ArrayLike<number>, until: ArrayLike<number>, per: number): Paths {
  const offset = new Uint32Array(ids.length + 1);
  const start: number[] = [];
  const end: number[] = [];
  const vector: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const rows = table.rowsOf.get(String(ids[i]));
    const f = first[i] as number;
    const u = until[i] as number;
    let k = rows ? upperBound(table.day, rows, f) - 1 : -1;
    if (!rows || k < 0) {
      const message = rows ? `covariates start after the first purchase (${new Date(f * 86_400_000).toISOString().slice(0, 10)}): the first row must start on or before it` : 'has no rows in covariates.data';
      throw new CustomerValueError('invalid_input', `${fn}: customer ${String(ids[i])} ${message}`, [{ code: 'missing_id', path: ['covariates', 'customerId'], message, value: ids[i] }]);
    }
    let s = 0;
    let v = table.vector[rows[k] as number] as number;
    for (k++; k < rows.length; k++) {
      const t = ((table.day[rows[k] as number] as number) - f) / per;
      if (t >= u) break;
      const w = table.vector[rows[k] as number] as number;
      if (w === v) continue;
      start.push(s);
      end.push(t);
      vector.push(v);
      s = t;
      v = w;
    }
    start.push(s);
    end.push(u);
    vector.push(v);
    offset[i + 1] = start.length;
  }
  return { offset, start: Float64Array.from(start), end: Float64Array.from(end), vector: Uint32Array.from(vector) };
}

/** The number of a customer's rows (sorted by day) starting on or before `d`. */
export function upperBound(day: Int32Array, rows: Uint32Array, d: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((day[rows[mid] as number] as number) <= d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
