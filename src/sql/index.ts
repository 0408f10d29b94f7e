/**
 * `customer-value/sql`: queries that compute summaries where the data live (no runtime
 * dependency; the caller runs them in their engine).
 */
export { compressedSummarySql, summarySql } from './summarySql.js';
export type { SummarySqlOptions } from './summarySql.js';
export type { Dialect } from './dialects.js';
