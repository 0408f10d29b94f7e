/**
 * customer-value: customer-value analytics in any JavaScript runtime.
 * @packageDocumentation
 */
export { CustomerValueError, ISSUE_CODES } from './errors.js';
export type { CustomerValueIssue, CustomerValueErrorCode, CustomerValueIssueCode } from './errors.js';

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
export type { ArrowTableLike, ArrowVectorLike } from './data/arrow.js';
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
export { summarizeStream } from './summary/summarizeStream.js';
export type { SummarizeStreamOptions, SummarizeStreamProgress } from './summary/summarizeStream.js';
export type { Progress, ProgressOptions } from './models/progress.js';
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
  ModelRegistry,
  KindOfRole,
  PurchaseModel,
  PurchaseModelKind,
  SpendModel,
  SpendModelKind,
  RetentionModel,
  RetentionModelKind,
  BgNbdModel,
  ParetoNbdModel,
  ModifiedBgNbdModel,
  BgBbModel,
  GammaGammaModel,
  ShiftedBetaGeometricModel,
  NbdModel,
  BgCnbdModel,
  ModifiedBgCnbdModel,
  GammaGompertzNbdModel,
  FitOptions,
} from './models/types.js';
// one folder per model: fitter and simulator
export { fitBgNbd } from './models/bgNbd/fit.js';
export { simulateBgNbd } from './models/bgNbd/simulate.js';
export { fitParetoNbd } from './models/paretoNbd/fit.js';
export { simulateParetoNbd } from './models/paretoNbd/simulate.js';
export { fitModifiedBgNbd } from './models/modifiedBgNbd/fit.js';
export { simulateModifiedBgNbd } from './models/modifiedBgNbd/simulate.js';
export { fitBgBb } from './models/bgBb/fit.js';
export { simulateBgBb } from './models/bgBb/simulate.js';
export { fitGammaGamma } from './models/gammaGamma/fit.js';
export { simulateGammaGamma } from './models/gammaGamma/simulate.js';
export { fitShiftedBetaGeometric } from './models/shiftedBetaGeometric/fit.js';
export type { CohortsInput, CohortFitOptions, CohortRetentionFit } from './models/shiftedBetaGeometric/cohorts.js';
export type { RetentionInput } from './models/shiftedBetaGeometric/fit.js';
export { simulateShiftedBetaGeometric } from './models/shiftedBetaGeometric/simulate.js';
export { fitNbd } from './models/nbd/fit.js';
export { simulateNbd } from './models/nbd/simulate.js';
export { fitBgCnbd } from './models/bgCnbd/fit.js';
export type { CnbdFitOptions, CnbdFit } from './models/bgCnbd/fit.js';
export { simulateBgCnbd } from './models/bgCnbd/simulate.js';
export { fitModifiedBgCnbd } from './models/modifiedBgCnbd/fit.js';
export { simulateModifiedBgCnbd } from './models/modifiedBgCnbd/simulate.js';
export { fitGammaGompertzNbd } from './models/gammaGompertzNbd/fit.js';
export { likelihoodRatioTest, parameterIntervals } from './models/inference.js';
export { compareModels } from './models/diagnostics/compareModels.js';
export { estimateRegularity } from './summary/estimateRegularity.js';
export type { RegularityEstimate } from './summary/estimateRegularity.js';
export type { CompareModelsOptions, ModelComparison, ModelComparisonRow } from './models/diagnostics/compareModels.js';
export type { LikelihoodRatioTest, ParameterInterval } from './models/inference.js';
export { simulateGammaGompertzNbd } from './models/gammaGompertzNbd/simulate.js';
export { fitBetaDiscreteWeibull } from './models/betaDiscreteWeibull/fit.js';
export { simulateBetaDiscreteWeibull } from './models/betaDiscreteWeibull/simulate.js';
export { survivalCurve, retentionCurve, expectedLifetime, retentionElasticity } from './models/shiftedBetaGeometric/retention.js';
export type { ExpectedLifetimeOptions, RetentionElasticityOptions, RetentionElasticity } from './models/shiftedBetaGeometric/retention.js';
export type { SimulateOptions, SimulatedCustomers, SimulatedSpend, SimulatedCohort, SimulatorParams } from './models/simulation.js';
// predictions for any registered model
export { expectedPurchases } from './models/predictions/expectedPurchases.js';
export type { PopulationOptions } from './models/predictions/expectedPurchases.js';
export { conditionalProbabilityOfPurchases } from './models/predictions/conditionalProbabilityOfPurchases.js';
export { probabilityAliveHistory } from './models/predictions/probabilityAliveHistory.js';
export type { ProbabilityAliveHistory, ProbabilityAliveHistoryOptions } from './models/predictions/probabilityAliveHistory.js';
// static covariates: the option types, the coefficients of a fit, simulation with covariates
export type { CovariatesOption } from './data/covariates.js';
export type { Coefficients } from './models/covariates/links.js';
export type { RateCorrelation } from './models/types.js';
// spend beyond the classic Gamma-Gamma: individual transactions, and its assumption checked
export { fitGammaGammaIndividual } from './models/gammaGamma/fitIndividual.js';
export type { FitGammaGammaIndividualOptions } from './models/gammaGamma/fitIndividual.js';
export { spendFrequencyIndependence } from './models/gammaGamma/independence.js';
export type { SpendFrequencyIndependence } from './models/gammaGamma/independence.js';
export type { PredictionCovariates } from './models/covariates/resolve.js';
export { simulateWithCovariates } from './models/covariates/simulate.js';
// time-varying covariates (Pareto/NBD, Bachmann, Meierer & Näf 2021)
export { fitParetoNbdDynamic } from './models/paretoNbdDynamic/fit.js';
export type { FitParetoNbdDynamicOptions, ParetoNbdDynamicModel } from './models/paretoNbdDynamic/fit.js';
export { predictParetoNbdDynamic } from './models/paretoNbdDynamic/predictions.js';
export type { DynamicPredictions } from './models/paretoNbdDynamic/predictions.js';
export type { DynamicCovariatesOption } from './models/paretoNbdDynamic/paths.js';
export type { SimulateWithCovariatesOptions, SimulatedCovariateCustomers } from './models/covariates/simulate.js';
export { probabilityOfPurchases } from './models/predictions/probabilityOfPurchases.js';
export { conditionalExpectedPurchases } from './models/predictions/conditionalExpectedPurchases.js';
export { probabilityAlive } from './models/predictions/probabilityAlive.js';
export type { ProbabilityAliveOptions } from './models/predictions/probabilityAlive.js';
export { conditionalExpectedSpend } from './models/predictions/conditionalExpectedSpend.js';
// the likelihood of any registered purchase or spend model
export { logLikelihood } from './models/logLikelihood.js';
export { newCustomerValue, customerEquity } from './clv/newCustomerValue.js';
export type { NewCustomerValueOptions, CustomerEquityOptions, CustomerEquity } from './clv/newCustomerValue.js';
export { bootstrapFit } from './models/bootstrap.js';
export { predictiveDistribution } from './models/predictions/predictiveDistribution.js';
export type { PredictiveDistribution, PredictiveDistributionOptions } from './models/predictions/predictiveDistribution.js';
export type { BootstrapFit, BootstrapFitOptions } from './models/bootstrap.js';
export { samplePosterior } from './models/posterior/samplePosterior.js';
export { simulateParetoGgg } from './models/paretoGgg/simulate.js';
export type { ParetoGggParams } from './models/paretoGgg/simulate.js';
export type { HierarchicalPosterior, HierarchicalCustomers, IndividualDraws, HierarchicalKind } from './models/hierarchical/types.js';
export type { HierarchicalOptions } from './models/posterior/hierarchical.js';
export type { PosteriorSample, SamplePosteriorOptions } from './models/posterior/samplePosterior.js';
export type { Prior, Priors } from './models/posterior/priors.js';
export type { QuantileLabel } from './models/posterior/summarizeDraws.js';
export type { LogLikelihoodOptions } from './models/logLikelihood.js';
// model diagnostics
export { holdoutComparison } from './models/diagnostics/holdoutComparison.js';
export type { HoldoutComparison } from './models/diagnostics/holdoutComparison.js';
export { repeatPurchaseHistogram, repeatTransactionHistogram } from './models/diagnostics/repeatPurchaseHistogram.js';
export { trackingCurve } from './models/diagnostics/trackingCurve.js';
export type { TrackingCurveOptions } from './models/diagnostics/trackingCurve.js';

export { customerLifetimeValue } from './clv/customerLifetimeValue.js';
export type { CustomerLifetimeValueOptions } from './clv/customerLifetimeValue.js';
export { customerLifetimeValueIntervals, conditionalExpectedPurchasesIntervals } from './clv/intervals.js';
export type { IntervalOptions, Intervals } from './clv/intervals.js';
export { retentionLifetimeValue, retentionClv } from './clv/retentionLifetimeValue.js';
export type { RetentionLifetimeValueOptions, RetentionClvOptions } from './clv/retentionLifetimeValue.js';
export { valueDecomposition } from './clv/valueDecomposition.js';
export type { ValueDecompositionOptions, ValueDecomposition } from './clv/valueDecomposition.js';
export { discountedExpectedPurchases, discountedExpectedTransactions } from './clv/discountedExpectedPurchases.js';

export { rfm } from './rfm/rfm.js';
export type { RfmOptions, RfmResult, RfmCustomers, RfmSegments, RfmScheme, RfmRule, Range, Locale } from './rfm/rfm.js';
export { validateRfmRules } from './rfm/validateRfmRules.js';
export type { RfmRulesReport } from './rfm/validateRfmRules.js';
export { abc } from './abc/abc.js';
export type { AbcOptions, AbcResult, AbcCustomers, AbcTiers, ParetoFigures, AbcRule } from './abc/abc.js';
export type { InteractionReadOptions } from './data/encodeInteractions.js';
export { customerClasses } from './valuechain/customerClasses.js';
export { customerProfitability } from './valuechain/profitability.js';
export { satisfaction } from './valuechain/satisfaction.js';
export { customerProfiles } from './valuechain/customerProfiles.js';
export { loyalty } from './valuechain/loyalty.js';
export type { Loyalty, LoyaltyOptions, LoyaltyType } from './valuechain/loyalty.js';
export type { CustomerProfiles, CustomerProfilesOptions } from './valuechain/customerProfiles.js';
export type { SatisfactionOptions, SatisfactionReport } from './valuechain/satisfaction.js';
export type { ScoreSummary } from './valuechain/scores.js';
export type { ProportionTest } from './valuechain/proportionTest.js';
export type { CustomerProfitability, CustomerProfitabilityOptions, ServingCosts } from './valuechain/profitability.js';
export type { ProfitTier, ProfitTierSummary, WhaleCurve } from './valuechain/profitTiers.js';
export type { ProfitPeriods } from './valuechain/profitPeriods.js';
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
export { valueChainTables } from './valuechain/tables.js';
export type { ValueChainTables } from './valuechain/tables.js';
export type { SimulateCrmHistoryOptions, SimulatedCrmHistory } from './valuechain/simulateCrmHistory.js';
