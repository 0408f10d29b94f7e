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
export type { TransactionReadOptions, ReturnsPolicy, NumericDates } from './data/encodeTransactions.js';
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

export type {
  Model,
  FittedModel,
  ModelKind,
  ModelParams,
  PurchaseModel,
  PurchaseModelKind,
  BgNbdModel,
  ParetoNbdModel,
  ModifiedBgNbdModel,
  BgBbModel,
  GammaGammaModel,
  ShiftedBetaGeometricModel,
  FitOptions,
} from './models/types.js';
export { fitBgNbd } from './models/fitBgNbd.js';
export { fitParetoNbd } from './models/fitParetoNbd.js';
export { fitModifiedBgNbd } from './models/fitModifiedBgNbd.js';
export { fitBgBb } from './models/fitBgBb.js';
export { fitGammaGamma } from './models/fitGammaGamma.js';
export { fitShiftedBetaGeometric } from './models/fitShiftedBetaGeometric.js';
export type { RetentionInput } from './models/fitShiftedBetaGeometric.js';
export {
  expectedPurchases,
  probabilityOfPurchases,
  conditionalExpectedPurchases,
  probabilityAlive,
} from './models/predictions.js';
export type { ProbabilityAliveOptions } from './models/predictions.js';
export { conditionalExpectedSpend } from './models/spend.js';
export { survivalCurve, retentionCurve, expectedLifetime } from './models/retention.js';
export type { ExpectedLifetimeOptions } from './models/retention.js';
export {
  simulateBgNbd,
  simulateParetoNbd,
  simulateModifiedBgNbd,
  simulateBgBb,
  simulateGammaGamma,
  simulateShiftedBetaGeometric,
} from './models/simulate.js';
export type { SimulateOptions, SimulatedCustomers, SimulatedSpend, SimulatedCohort } from './models/simulate.js';

export { customerLifetimeValue } from './clv/customerLifetimeValue.js';
export type { CustomerLifetimeValueOptions } from './clv/customerLifetimeValue.js';
export { customerLifetimeValueIntervals, conditionalExpectedPurchasesIntervals } from './clv/intervals.js';
export type { IntervalOptions, Intervals } from './clv/intervals.js';
export { retentionClv } from './clv/retentionClv.js';
export type { RetentionClvOptions } from './clv/retentionClv.js';
export { valueDecomposition } from './clv/valueDecomposition.js';
export type { ValueDecompositionOptions, ValueDecomposition } from './clv/valueDecomposition.js';
export { discountedExpectedTransactions } from './clv/discountedExpectedTransactions.js';
export { holdoutComparison, repeatTransactionHistogram, trackingCurve } from './clv/validation.js';
export type { HoldoutComparison, TrackingCurveOptions } from './clv/validation.js';

export { rfm } from './rfm/rfm.js';
export type { RfmOptions, RfmResult, RfmCustomers, RfmSegments, RfmScheme, RfmRule, Range, Locale } from './rfm/rfm.js';
export { validateRfmRules } from './rfm/validateRfmRules.js';
export type { RfmRulesReport } from './rfm/validateRfmRules.js';
export { abc } from './abc/abc.js';
export type { AbcOptions, AbcResult, AbcCustomers, AbcTiers, ParetoFigures, AbcRule } from './abc/abc.js';
export type { InteractionReadOptions } from './data/encodeInteractions.js';
export { customerClasses } from './valuechain/customerClasses.js';
export type { CustomerClassesOptions, CustomerClasses, ValueClass } from './valuechain/customerClasses.js';
export { lifecycleStages, lifecycleTransitions, LIFECYCLE_STAGES } from './valuechain/lifecycle.js';
export type {
  LifecycleStage,
  LifecycleThresholds,
  LifecycleStagesOptions,
  LifecycleStages,
  LifecycleTransitionsOptions,
} from './valuechain/lifecycle.js';
export { valueChain } from './valuechain/valueChain.js';
export type {
  ValueChainOptions,
  ValueChainReport,
  Rate,
  SegmentLabels,
  StageMetrics,
  PeriodMetrics,
  IdentifyMetrics,
  DifferentiateMetrics,
  InteractMetrics,
  CustomizeMetrics,
  RetainMetrics,
  FunnelRow,
  CampaignMetrics,
  CohortMatrix,
} from './valuechain/valueChain.js';
export type { PeriodKind } from './valuechain/periods.js';
export { simulateCrmHistory } from './valuechain/simulateCrmHistory.js';
export type { SimulateCrmHistoryOptions, SimulatedCrmHistory } from './valuechain/simulateCrmHistory.js';
