/**
 * The customer-management measures on the same simulated history as bench/valuechain.ts
 * (about 2e6 transactions and 1e6 interactions): customerProfitability, satisfaction,
 * loyalty and customerProfiles (with a BG/NBD fit for P(alive) and CLV), best of 2.
 *   node --import tsx bench/crm.ts
 */
import { customerProfiles, customerProfitability, fitBgNbd, loyalty, satisfaction, simulateCrmHistory, summarize } from '../src/index.js';

const h = simulateCrmHistory({ customers: 300_000, days: 730, campaigns: 8, seed: 5 });
const best = (f: () => unknown): number => {
  let ms = Infinity;
  for (let r = 0; r < 2; r++) {
    const t = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t);
  }
  return Math.round(ms);
};
const model = fitBgNbd(summarize(h.transactions, { unit: 'week' }));
console.log(
  JSON.stringify({
    bench: 'crm measures',
    transactions: h.transactions.length,
    interactions: h.interactions.length,
    profitabilityMs: best(() => customerProfitability(h.transactions, h.interactions, { margin: 0.3 })),
    satisfactionMs: best(() => satisfaction(h.transactions, h.interactions, { period: 'month' })),
    loyaltyMs: best(() => loyalty(h.transactions, h.interactions)),
    customerProfilesMs: best(() => customerProfiles(h.transactions, h.interactions, { purchaseModel: model, margin: 0.3 })),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    target: 'seconds each',
  }),
);
