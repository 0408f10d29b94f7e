import { fileURLToPath } from 'node:url';
import * as cv from '../../src/index.js';
import { readCsv } from '../../src/node/index.js';

/** The CDNOW demo's results, computed once: what the charts draw. */
export function cdnowResults() {
  const tx = readCsv(fileURLToPath(new URL('../../data/cdnow-sample.csv', import.meta.url)), { numeric: ['quantity', 'amount'] });
  const split = cv.splitCalibrationHoldout(tx, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'week' });
  const bg = cv.fitBgNbd(split);
  const pareto = cv.fitParetoNbd(split);
  const gg = cv.fitGammaGamma(split);
  const clvOptions = { purchaseModel: bg, spendModel: gg, customers: split, horizon: 52, unit: 'week', discountRate: 0.01 } as const;
  return {
    tx,
    split,
    bg,
    pareto,
    gg,
    histogram: cv.repeatPurchaseHistogram(bg, split),
    comparison: cv.holdoutComparison(bg, split),
    tracking: cv.trackingCurve(bg, tx, { calibrationEnd: '1997-09-30', unit: 'week' }),
    aliveHistory: cv.probabilityAliveHistory(bg, tx, { customerId: '00004', unit: 'week' }),
    rfm: cv.rfm(tx, { asOf: '1998-06-30' }),
    abc: cv.abc(tx),
    clv: cv.customerLifetimeValue(clvOptions),
    decomposition: cv.valueDecomposition(clvOptions as never),
  };
}

/** A seeded CRM history's value chain and lifecycle transitions. */
export function crmResults() {
  const crm = cv.simulateCrmHistory({ customers: 400, days: 365, seed: 3 });
  return {
    valueChain: cv.valueChain(crm.transactions, crm.interactions, { period: 'month' } as never),
    transitions: cv.lifecycleTransitions(crm.transactions, { from: '2023-06-30', to: '2023-12-31' } as never),
  };
}
