/**
 * valueChain on a simulated history of about 2e6 transactions and 1e6 interactions.
 *   node --import tsx bench/valuechain.ts
 */
import { simulateCrmHistory, valueChain } from '../src/index.js';

const t0 = performance.now();
const h = simulateCrmHistory({ customers: 300_000, days: 730, campaigns: 8, seed: 5 });
const genMs = performance.now() - t0;
const times: number[] = [];
let periods = 0;
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  const report = valueChain(h.transactions, h.interactions, { period: 'month' });
  times.push(performance.now() - t);
  periods = report.periods.length;
}
console.log(
  JSON.stringify({
    bench: 'valueChain',
    transactions: h.transactions.length,
    interactions: h.interactions.length,
    periods,
    generateMs: Math.round(genMs),
    bestMs: Math.round(Math.min(...times)),
    targetMs: 5000,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
