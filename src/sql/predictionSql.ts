import { DAYS_PER_UNIT } from '../data/days.js';
import { resolveColumns } from '../data/input.js';
import { CustomerValueError, optionError, optionsObject } from '../errors.js';
import { conditionalExpectedPurchases } from '../models/predictions/conditionalExpectedPurchases.js';
import { probabilityAlive } from '../models/predictions/probabilityAlive.js';
import type { PurchaseModel } from '../models/types.js';
import { columnName, numberLiteral, tableName, type DialectSyntax } from './dialects.js';
import { summaryParts, type SummarySource, type SummarySqlOptions } from './summarySql.js';

/** Options of {@link predictionSql}: where the summary comes from ({@link SummarySource}), the model and its predictions. */
export type PredictionSqlOptions = PredictionOptions & SummarySource;

/** The prediction part of {@link PredictionSqlOptions}. */
export interface PredictionOptions {
  /** A fitted purchase model (any registered kind, without covariates). */
  model: PurchaseModel;
  /** Horizon of `expectedPurchases`, in `unit`. */
  horizon: number;
  /**
   * The distinct histories to predict: the rows of {@link compressedSummarySql} for the same
   * table and options (frequency, recency, T; any other column is ignored). Predictions are
   * computed here, once per history, and written into the query. Give this or
   * `predictionsTable`.
   */
  histories?: unknown;
  /**
   * A table in the engine holding {@link historyPredictions}' columns instead (for millions
   * of distinct histories): the query joins it rather than inlining the values.
   */
  predictionsTable?: string | undefined;
}

/** Predictions per distinct history, keyed by whole days; what {@link predictionSql} joins. */
export interface HistoryPredictions {
  frequency: Int32Array;
  /** Days from the first to the last purchase day. */
  recencyDays: Int32Array;
  /** Days from the first purchase day to the observation end. */
  TDays: Int32Array;
  probabilityAlive: Float64Array;
  expectedPurchases: Float64Array;
  readonly length: number;
}

const MAX_INLINE = 200_000;

/**
 * P(alive) and the conditional expected purchases over `horizon` for each distinct (frequency,
 * recency, T) of `histories`, keyed by whole days so an engine can join them to its summary
 * exactly. Load the result as a table and pass its name to {@link predictionSql}'s
 * `predictionsTable` when the histories are too many to inline.
 *
 * @example
 * ```ts
 * const p = historyPredictions(model, compressedRows, { horizon: 52, unit: 'week' });
 * // load p's columns into the warehouse as "history_predictions"
 * ```
 */
export function historyPredictions(model: PurchaseModel, histories: unknown, options: { horizon: number; unit?: SummarySqlOptions['unit'] }): HistoryPredictions {
  const fn = 'historyPredictions';
  const o = optionsObject(fn, options);
  const unit = o.unit ?? 'week';
  if (!Object.prototype.hasOwnProperty.call(DAYS_PER_UNIT, unit)) optionError(fn, 'unit', "must be 'day', 'week', 'month' or 'year'", unit);
  if (typeof model !== 'object' || model === null) optionError(fn, 'model', 'must be a fitted purchase model', model);
  if ((model as { coefficients?: unknown }).coefficients !== undefined) {
    optionError(fn, 'model', 'was fitted with covariates: its predictions depend on each customer, not only on the history; predict per customer and join by customerId', (model as { kind?: unknown }).kind);
  }
  const per = DAYS_PER_UNIT[unit];
  const raw = resolveColumns(histories, fn, 'histories', ['frequency', 'recency', 'T'], undefined, ['frequency', 'recency', 'T']);
  const seen = new Map<string, number>();
  const keep: number[] = [];
  const num = (col: ArrayLike<unknown>, i: number): number => Number(col[i]); // engines hand integers over as bigint
  const f = raw.cols.frequency!;
  const r = raw.cols.recency!;
  const t = raw.cols.T!;
  for (let i = 0; i < raw.n; i++) {
    const key = `${num(f, i)},${Math.round(num(r, i) * per)},${Math.round(num(t, i) * per)}`;
    if (!seen.has(key)) {
      seen.set(key, keep.length);
      keep.push(i);
    }
  }
  const rows = { frequency: keep.map((i) => num(f, i)), recency: keep.map((i) => num(r, i)), T: keep.map((i) => num(t, i)) };
  const alive = probabilityAlive(model, rows);
  const expected = conditionalExpectedPurchases(model, rows, o.horizon);
  const out = {
    frequency: Int32Array.from(rows.frequency),
    recencyDays: Int32Array.from(rows.recency, (x) => Math.round(x * per)),
    TDays: Int32Array.from(rows.T, (x) => Math.round(x * per)),
    probabilityAlive: alive,
    expectedPurchases: expected,
  };
  Object.defineProperty(out, 'length', { value: keep.length, enumerable: false });
  return out as HistoryPredictions;
}

const PREDICTION_COLUMNS = [['frequency', 'integer'], ['recency_days', 'integer'], ['t_days', 'integer'], ['probability_alive', 'double'], ['expected_purchases', 'double']] as const;

/** The predictions as an inline table named `history_predictions`, in the dialect's syntax. */
function inlinePredictions(fn: string, q: DialectSyntax, p: HistoryPredictions): string {
  const lit = (x: number): string => numberLiteral(fn, 'model', x);
  const tuples = Array.from({ length: p.length }, (_, i) => `(${p.frequency[i]}, ${p.recencyDays[i]}, ${p.TDays[i]}, ${lit(p.probabilityAlive[i]!)}, ${lit(p.expectedPurchases[i]!)})`);
  return `history_predictions AS (\n  ${q.rows(PREDICTION_COLUMNS, tuples)}\n)`;
}

/**
 * The round trip's last step: one query that puts the model's per-customer predictions next
 * to the summary in the engine (customerId, frequency, recency, T, probabilityAlive,
 * expectedPurchases over `horizon`), ordered by customerId. Every customer with the same
 * (frequency, recency, T) has the same predictions under a model without covariates, so they
 * are computed here once per distinct history of {@link compressedSummarySql}'s rows (any
 * registered purchase model, exactly as `probabilityAlive` and `conditionalExpectedPurchases`
 * give them) and joined on (frequency, whole days of recency, whole days of T). The join is
 * a left join: a customer whose history is not in `histories` keeps their row with NULL
 * predictions, so pass the rows of compressedSummarySql for the same table and options.
 *
 * @example
 * ```ts
 * const base = { dialect: 'duckdb', table: 'tx', observationEnd: '1997-09-30', unit: 'week' } as const;
 * const histories = await run(compressedSummarySql(base));
 * const model = fitBgNbd(histories);
 * const sql = predictionSql({ ...base, model, histories, horizon: 52 });
 * ```
 */
export function predictionSql(options: PredictionSqlOptions): string {
  const fn = 'predictionSql';
  const { q, ctes } = summaryParts(fn, options as SummarySource);
  const unit = options.unit ?? 'week';
  const per = numberLiteral(fn, 'unit', DAYS_PER_UNIT[unit]);
  let table: string;
  let inline = '';
  if (options.predictionsTable !== undefined) {
    if (options.histories !== undefined) optionError(fn, 'histories', 'cannot be given together with predictionsTable', '[histories]');
    table = tableName(fn, q, options.predictionsTable);
  } else {
    if (options.histories === undefined) optionError(fn, 'histories', 'is needed (the rows of compressedSummarySql), or predictionsTable', undefined);
    const p = historyPredictions(options.model, options.histories, { horizon: options.horizon, unit });
    if (p.length > MAX_INLINE) {
      throw new CustomerValueError('invalid_options', `${fn}: ${p.length} distinct histories are too many to inline (at most ${MAX_INLINE}); load historyPredictions(...) as a table and pass predictionsTable`, [
        { code: 'invalid_option', path: ['options', 'histories'], message: 'too many distinct histories to inline', value: p.length },
      ]);
    }
    inline = `,\n${inlinePredictions(fn, q, p)}`;
    table = 'history_predictions';
  }
  const col = (name: string, as: string = name): string => `${q.ident(name)} AS ${q.ident(as)}`;
  const pc = (name: string): string => (options.predictionsTable === undefined ? `p.${name}` : `p.${columnName(fn, q, 'predictionsTable', name)}`);
  const [pf, pr, pt, pa, pe] = options.predictionsTable === undefined
    ? ['frequency', 'recency_days', 't_days', 'probability_alive', 'expected_purchases'].map(pc)
    : ['frequency', 'recencyDays', 'TDays', 'probabilityAlive', 'expectedPurchases'].map(pc);
  return `WITH ${ctes}${inline}
SELECT s.${col('customerId')}, s.${col('frequency')}, s.${col('recency')}, s.${col('T')},
  ${q.toDouble(pa!)} AS ${q.ident('probabilityAlive')}, ${q.toDouble(pe!)} AS ${q.ident('expectedPurchases')}
FROM customer_summary s
LEFT JOIN ${table} p
  ON s.${q.ident('frequency')} = ${pf} AND ROUND(s.${q.ident('recency')} * ${per}) = ${pr} AND ROUND(s.${q.ident('T')} * ${per}) = ${pt}
ORDER BY ${q.binaryOrder(`s.${q.ident('customerId')}`)}`;
}
