/**
 * `customer-value/charts`: a function per figure that takes a result of this library and
 * returns a Vega-Lite specification (plain JSON, data inlined, titles and axis labels in
 * English or Chinese). No runtime dependency: render with vega-embed, vl-convert,
 * Observable, Jupyter or any Vega-Lite host.
 * @packageDocumentation
 */
export type { ChartOptions, VegaLiteSpec } from './vegaLite.js';
export { periodTransactionsChart, calibrationHoldoutChart, trackingChart, expectedPurchasesChart, probabilityAliveHistoryChart } from './btyd.js';
export { frequencyRecencyChart, probabilityAliveMatrixChart } from './matrices.js';
export type { MatrixChartOptions } from './matrices.js';
export { heterogeneityChart, spendingChart, purchasesPmfChart } from './heterogeneity.js';
export { rfmHeatmapChart, rfmSegmentsChart, rfmHistogramsChart, rfmScatterChart, paretoChart, lorenzChart } from './segments.js';
export { clvDistributionChart, valueDecompositionChart, holdoutScatterChart } from './value.js';
export { funnelChart, cohortRetentionChart, lifecycleTransitionsChart, campaignsChart, valueChainDashboard } from './crm.js';
