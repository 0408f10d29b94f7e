/**
 * Quickstart: a customer-value report on the CDNOW sample the package ships
 * (2,357 customers of an online music store, 1997-1998).
 *
 * Run it with `npm run demo`.
 */
import { fileURLToPath } from 'node:url';
import { splitCalibrationHoldout, summarize, toRows } from 'customer-value';
import { readCsv } from 'customer-value/node';
import { heading, pct, table } from './format.js';

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

// 2. Calibration (to 1997-09-30) and holdout (to 1998-06-30) periods.
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
