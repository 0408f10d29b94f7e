/**
 * Quickstart: a customer-value report on the CDNOW sample the package ships
 * (2,357 customers of an online music store, 1997-1998).
 *
 * Run it with `npm run demo`.
 */
import { fileURLToPath } from 'node:url';
import {
  abc,
  simulateCrmHistory,
  valueChain,
  customerLifetimeValueIntervals,
  bootstrapFit,
  predictiveDistribution,
  rfm,
  fitBgNbd,
  fitGammaGamma,
  holdoutComparison,
  probabilityAlive,
  splitCalibrationHoldout,
  summarize,
  toRows,
} from 'customer-value';
import { readCsv } from 'customer-value/node';
import { heading, pct, table } from './format.js';
import { covariatesSection } from './covariates.js';
import { crmMeasuresSection } from './crm.js';

const file = fileURLToPath(new URL('../data/cdnow-sample.csv', import.meta.url));
const transactions = readCsv(file, { numeric: ['quantity', 'amount'] });

console.log(heading('Data'));
console.log(`${transactions.length} transactions from ${file.split('/').slice(-2).join('/')}`);

// 1. Per-customer summary over the first 39 weeks, as in Fader, Hardie & Lee (2005).
const summary = summarize(transactions, { observationEnd: '1997-09-30', unit: 'week' });
const repeaters = summary.frequency.filter((f) => f > 0).length;
let revenue = 0;
for (const v of summary.totalValue) revenue += v;
console.log(heading('Customers at 1997-09-30 (time in weeks)'));
console.log(
  table([
    { customers: summary.length, repeatCustomers: repeaters, repeatShare: pct(repeaters / summary.length), revenue: revenue.toFixed(2), rowsAfterEnd: summary.report.afterObservationEnd },
  ]),
);
console.log('\nTop 5 customers by value:');
const rows = toRows(summary).sort((a, b) => b.totalValue - a.totalValue).slice(0, 5);
console.log(table(rows));

// 2. Who matters: RFM segments and ABC tiers over the whole window.
const segments = rfm(transactions, { asOf: '1998-06-30' });
console.log(heading(`RFM segments at ${segments.asOf} (standard scheme, 5 bins)`));
console.log(
  table(
    toRows(segments.segments).map((s) => ({
      segment: s.segment,
      customers: s.count,
      share: pct(s.shareOfCustomers),
      revenue: pct(s.shareOfRevenue),
      meanDaysSince: s.meanRecency,
      meanPurchaseDays: s.meanFrequency,
      meanValue: s.meanMonetary,
    })),
    1,
  ),
);
const tiers = abc(transactions);
console.log(heading('ABC tiers by revenue (A: 80 %, B: next 15 %)'));
console.log(
  table(
    toRows(tiers.tiers).map((t) => ({ tier: t.tier, customers: t.count, share: pct(t.shareOfCustomers), revenue: t.value, revenueShare: pct(t.shareOfValue) })),
  ),
);
console.log(
  `\nGini ${tiers.pareto.gini.toFixed(3)}; the top 20 % of customers hold ${pct(tiers.pareto.top20Share)} of revenue; ${pct(tiers.pareto.customersFor80)} of customers hold 80 %.`,
);

// 3. Calibration (to 1997-09-30) and holdout (to 1998-06-30) periods.
const split = splitCalibrationHoldout(transactions, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' });
let calibrationRepeats = 0;
let holdoutPurchases = 0;
for (let i = 0; i < split.length; i++) {
  calibrationRepeats += split.frequency[i] as number;
  holdoutPurchases += split.frequencyHoldout[i] as number;
}
console.log(heading('Calibration / holdout'));
console.log(
  table([
    { period: 'calibration (39 weeks)', repeatPurchases: calibrationRepeats, perCustomer: calibrationRepeats / split.length },
    { period: `holdout (${split.durationHoldout[0]} weeks)`, repeatPurchases: holdoutPurchases, perCustomer: holdoutPurchases / split.length },
  ]),
);

// 4. Customer lifetime value: BG/NBD for purchases, Gamma-Gamma for spend.
const bgnbd = fitBgNbd(split);
const spend = fitGammaGamma(split);
const params = (m: { params: object; standardErrors: object }) =>
  Object.entries(m.params).map(([name, value]) => ({ parameter: name, estimate: value as number, se: (m.standardErrors as Record<string, number>)[name] }));
console.log(heading('Customer lifetime value'));
console.log(`BG/NBD (time in weeks), log-likelihood ${bgnbd.logLikelihood.toFixed(1)}:`);
console.log(table(params(bgnbd), 3));
console.log(`\nGamma-Gamma on ${spend.n} repeat customers, log-likelihood ${spend.logLikelihood.toFixed(1)}:`);
console.log(table(params(spend), 3));
const check = holdoutComparison(bgnbd, split);
console.log(
  `\nHoldout check: ${check.predictedTotal.toFixed(0)} purchases predicted, ${check.actualTotal} made; per customer MAE ${check.mae.toFixed(3)}, RMSE ${check.rmse.toFixed(3)}, bias ${check.bias.toFixed(3)}`,
);

const clvOptions = { purchaseModel: bgnbd, spendModel: spend, customers: split, horizon: 12, unit: 'month' as const, discountRate: 0.01, margin: 0.3 };
const alive = probabilityAlive(bgnbd, split);
const intervals = customerLifetimeValueIntervals({ ...clvOptions, draws: 200, seed: 1 });
const topRows = Array.from(intervals.estimate.keys())
  .sort((i, j) => (intervals.estimate[j] as number) - (intervals.estimate[i] as number))
  .slice(0, 10);
// the predictive interval adds each customer's own randomness to the parameters' (a bootstrap)
const topCustomers = { frequency: topRows.map((i) => split.frequency[i] as number), recency: topRows.map((i) => split.recency[i] as number), T: topRows.map((i) => split.T[i] as number), monetaryValue: topRows.map((i) => split.monetaryValue[i] as number) };
const boot = bootstrapFit(split, { model: 'bg-nbd', replicates: 50, seed: 1 });
const predictive = predictiveDistribution({ ...clvOptions, purchaseModel: boot, customers: topCustomers, modelUnit: 'week', draws: 2000, seed: 1 });
const top = topRows.map((i, k) => ({
  customerId: split.customerId[i],
  frequency: split.frequency[i],
  pAlive: (alive[i] as number).toFixed(3),
  clv12m: intervals.estimate[i] as number,
  low90: intervals.lower[i] as number,
  high90: intervals.upper[i] as number,
  predLow90: predictive.clvLower[k] as number,
  predHigh90: predictive.clvUpper[k] as number,
}));
console.log('\nTop 10 customers by 12-month CLV (margin 30 %, 1 % a month discount; 90 % intervals):');
console.log(table(top));
console.log('low90/high90 cover where the expected CLV lies given the fit; predLow90/predHigh90 cover what the customer may actually spend, so they also hold the customer may buy nothing.');

// 5. The CRM value chain. CDNOW has no interaction records, so this section runs on a seeded
//    simulated CRM history (customers, purchases, campaigns, complaints) of the same size.
const crm = simulateCrmHistory({ customers: 2357, start: '2023-01-01', days: 730, seed: 7 });
const chain = valueChain(crm.transactions, crm.interactions, { period: 'quarter', attributionWindow: 30, inactivityThreshold: 90, margin: 0.3 });
const v = (r: { value: number | null }) => (r.value === null ? '-' : pct(r.value));
console.log(heading('CRM value chain (simulated history, quarterly)'));
console.log(
  `${crm.transactions.length} transactions and ${crm.interactions.length} interactions; customers: ${chain.customers.both} in both, ${chain.customers.onlyTransactions} silent buyers, ${chain.customers.onlyInteractions} prospects only`,
);
console.log('\nStage metrics of the last four quarters:');
console.log(
  table(
    chain.periods.slice(-4).map((p) => ({
      period: p.period,
      new: p.identify.newCustomers,
      prospects: p.identify.prospects,
      conversion: v(p.identify.prospectConversionRate),
      gini: p.differentiate.gini === null ? '-' : p.differentiate.gini.toFixed(2),
      reach: v(p.interact.reach),
      response: v(p.interact.responseRate),
      complaints: v(p.interact.complaintRate),
      offersTaken: v(p.customize.offerAcceptanceRate),
      active: p.retain.activeCustomers,
      retention: v(p.retain.retentionRate),
      revenueKept: v(p.retain.revenueRetention),
      winBack: v(p.retain.winBackRate),
      reactivated: p.retain.reactivated,
    })),
  ),
);
console.log('\nFunnel (customers per stage):');
console.log(table(chain.funnel.slice(-4)));
console.log('\nCampaigns:');
console.log(
  table(
    chain.campaigns.map((c) => ({
      campaign: c.campaignId,
      start: c.start,
      reached: c.reached,
      responders: c.responders,
      revenue: c.attributedRevenue,
      cost: c.cost,
      roi: c.roi === null ? '-' : c.roi.toFixed(1),
      upliftPerCustomer: c.upliftPerCustomer === null ? '-' : c.upliftPerCustomer.toFixed(2),
      upliftCi95: c.upliftTest ? `${c.upliftTest.lower.toFixed(2)} to ${c.upliftTest.upper.toFixed(2)}` : '-',
      pValue: c.upliftTest ? c.upliftTest.pValue.toFixed(3) : '-',
    })),
  ),
);
console.log('\nCohort retention (share of each acquisition quarter active k quarters later):');
console.log(
  table(
    chain.cohorts.cohorts.map((cohort, i) => ({
      cohort,
      size: chain.cohorts.sizes[i],
      ...Object.fromEntries(chain.cohorts.offsets.map((k) => [`+${k}`, Number.isNaN(chain.cohorts.share[i]![k]!) ? '' : pct(chain.cohorts.share[i]![k]!)])),
    })),
  ),
);

// 6. Satisfaction and profitability on the same simulated history.
crmMeasuresSection(crm);

// 7. Static covariates on the apparel retailer's data (CLVTools' example).
covariatesSection();
