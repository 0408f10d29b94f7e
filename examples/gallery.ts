/**
 * The chart gallery: every chart of `customer-value/charts` on the CDNOW demo (and a seeded
 * CRM history for the value-chain charts), rendered to SVG with vega and vega-lite into
 * docs/gallery/, with an index page. Run it with `npm run gallery`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import * as cv from 'customer-value';
import * as charts from 'customer-value/charts';
import { readCsv } from 'customer-value/node';

const out = fileURLToPath(new URL('../docs/gallery/', import.meta.url));
mkdirSync(out, { recursive: true });
const tx = readCsv(fileURLToPath(new URL('../data/cdnow-sample.csv', import.meta.url)), { numeric: ['quantity', 'amount'] });
const split = cv.splitCalibrationHoldout(tx, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' });
const bg = cv.fitBgNbd(split);
const pareto = cv.fitParetoNbd(split);
const gg = cv.fitGammaGamma(split);
const clvOptions = { purchaseModel: bg, spendModel: gg, customers: split, horizon: 52, unit: 'week', discountRate: 0.01 } as const;
const segments = cv.rfm(tx, { asOf: '1998-06-30' });
const tiers = cv.abc(tx);
const crm = cv.simulateCrmHistory({ customers: 600, days: 365, seed: 7 });
const chain = cv.valueChain(crm.transactions, crm.interactions, { period: 'month' });

const gallery: Record<string, charts.VegaLiteSpec> = {
  'period-transactions': charts.periodTransactionsChart(cv.repeatPurchaseHistogram(bg, split)),
  'calibration-holdout': charts.calibrationHoldoutChart(cv.holdoutComparison(bg, split), split),
  'holdout-scatter': charts.holdoutScatterChart(cv.holdoutComparison(bg, split)),
  'tracking-cumulative': charts.trackingChart(cv.trackingCurve(bg, tx, { calibrationEnd: '1997-09-30', unit: 'week' }), { calibrationEnd: '1997-09-30' }),
  'tracking-incremental': charts.trackingChart(cv.trackingCurve(bg, tx, { calibrationEnd: '1997-09-30', unit: 'week' }), { incremental: true, calibrationEnd: '1997-09-30' }),
  'expected-purchases': charts.expectedPurchasesChart(bg, { horizon: 78, unit: 'week' }),
  'frequency-recency': charts.frequencyRecencyChart(bg, { T: 39, unit: 'week' }),
  'probability-alive-matrix': charts.probabilityAliveMatrixChart(bg, { T: 39, unit: 'week' }),
  'purchase-heterogeneity': charts.heterogeneityChart(bg),
  'dropout-heterogeneity': charts.heterogeneityChart(bg, { process: 'dropout' }),
  'pareto-nbd-dropout-heterogeneity': charts.heterogeneityChart(pareto, { process: 'dropout' }),
  'probability-alive-history': charts.probabilityAliveHistoryChart(cv.probabilityAliveHistory(bg, tx, { customerId: '00004', unit: 'week' })),
  'purchases-pmf': charts.purchasesPmfChart(bg, { t: 52, unit: 'week' }),
  spending: charts.spendingChart(gg, split),
  'rfm-heatmap': charts.rfmHeatmapChart(segments),
  'rfm-segments': charts.rfmSegmentsChart(segments),
  'rfm-segments-zh': charts.rfmSegmentsChart(cv.rfm(tx, { asOf: '1998-06-30', locale: 'zh' }), { locale: 'zh' }),
  'rfm-histograms': charts.rfmHistogramsChart(segments),
  'rfm-fm': charts.rfmScatterChart(segments, { pair: 'fm' }),
  'rfm-rf': charts.rfmScatterChart(segments, { pair: 'rf' }),
  'rfm-rm': charts.rfmScatterChart(segments, { pair: 'rm' }),
  'abc-pareto': charts.paretoChart(tiers),
  lorenz: charts.lorenzChart(tiers),
  'clv-distribution': charts.clvDistributionChart(cv.customerLifetimeValue(clvOptions)),
  'value-decomposition': charts.valueDecompositionChart(cv.valueDecomposition(clvOptions)),
  funnel: charts.funnelChart(chain),
  'cohort-retention': charts.cohortRetentionChart(chain),
  'lifecycle-transitions': charts.lifecycleTransitionsChart(cv.lifecycleTransitions(crm.transactions, { from: '2023-06-30', to: '2023-12-31' })),
  campaigns: charts.campaignsChart(chain),
  'value-chain-dashboard': charts.valueChainDashboard(chain),
};

const items: string[] = [];
for (const [name, spec] of Object.entries(gallery)) {
  const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
  writeFileSync(`${out}${name}.svg`, await view.toSVG());
  view.finalize();
  items.push(`<figure><img src="${name}.svg" alt="${name}"><figcaption>${name}</figcaption></figure>`);
}
writeFileSync(`${out}index.html`, `<!doctype html><meta charset="utf-8"><title>customer-value chart gallery</title><style>body{font-family:sans-serif}figure{display:inline-block;margin:1em}</style><h1>customer-value chart gallery (CDNOW sample)</h1>\n${items.join('\n')}\n`);
console.log(`${Object.keys(gallery).length} charts written to docs/gallery/`);
