/**
 * `customer-value/sql`: queries that compute summaries, RFM scores and ABC tiers where the
 * data live, and join predictions back (no runtime dependency; the caller runs them in their
 * engine).
 * @packageDocumentation
 */
export { compressedSummarySql, summarySql } from './summarySql.js';
export type { FromSummaryOptions, SummarySource, SummarySqlOptions } from './summarySql.js';
export { rfmSql } from './rfmSql.js';
export type { RfmSqlOptions } from './rfmSql.js';
export { abcSql } from './abcSql.js';
export type { AbcSqlOptions } from './abcSql.js';
export { historyPredictions, predictionSql } from './predictionSql.js';
export type { HistoryPredictions, PredictionOptions, PredictionSqlOptions } from './predictionSql.js';
export type { Dialect } from './dialects.js';
