/**
 * customer-value: customer-value analytics in any JavaScript runtime.
 * @packageDocumentation
 */
export { CustomerValueError } from './errors.js';
export type { CustomerValueIssue, CustomerValueErrorCode } from './errors.js';

export type {
  CustomerId,
  DateInput,
  Transaction,
  Interaction,
  TableLike,
  ColumnsInput,
  RecordsInput,
  TransactionInput,
  InteractionInput,
  FieldMap,
  ColumnTable,
} from './data/types.js';
export type { TimeUnit } from './data/days.js';
export type { TransactionReadOptions, ReturnsPolicy } from './data/encodeTransactions.js';
export { TransactionSchema, InteractionSchema } from './data/schemas.js';
export type { RecordSchema, SchemaIssue } from './data/schemas.js';
export { toRows } from './data/toRows.js';

export { summarize } from './summary/summarize.js';
export type { SummarizeOptions } from './summary/summarize.js';
export type { CustomerSummary, FinalizeSummaryOptions, SummaryOrder } from './summary/types.js';
export { summarizePartial } from './summary/summarizePartial.js';
export type { SummarizePartialOptions } from './summary/summarizePartial.js';
export { mergePartials } from './summary/mergePartials.js';
export { finalizeSummary } from './summary/finalizeSummary.js';
export type { SummaryPartial, SummaryReport } from './summary/partial.js';
export { splitCalibrationHoldout } from './summary/splitCalibrationHoldout.js';
export type {
  SplitCalibrationHoldoutOptions,
  CalibrationHoldoutSummary,
  CalibrationHoldoutReport,
} from './summary/splitCalibrationHoldout.js';
export { compressSummary } from './summary/compressSummary.js';
export type { CompressedSummary } from './summary/compressSummary.js';
export type { SummaryRow, SummaryInput, SummaryFieldsOptions } from './summary/readSummary.js';
