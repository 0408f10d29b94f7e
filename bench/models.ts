/**
 * Model benchmarks, one JSON line each:
 *   node --import tsx bench/models.ts [name]
 */
import { readFileSync } from 'node:fs';
import {
  conditionalExpectedPurchases,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  probabilityAlive,
  simulateBgNbd,
  simulateGammaGamma,
  simulateParetoNbd,
} from '../src/index.js';

const cdnowFile = new URL('../../shared/datasets/cdnow_customers_summary.csv', import.meta.url);
function cdnow() {
  const rows = readFileSync(cdnowFile, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  return { frequency: rows.map((r) => r[1]!), recency: rows.map((r) => r[2]!), T: rows.map((r) => r[3]!) };
}

/** Customers with whole-day histories: simulated in days, recency and T floored to days. */
function dayHistories(n: number, model: 'bg' | 'pareto', seed: number) {
  const T = Float64Array.from({ length: n }, (_, i) => 30 + (i % 700));
  const sim =
    model === 'bg'
      ? simulateBgNbd({ r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 }, { customers: n, T, seed })
      : simulateParetoNbd({ r: 0.553, alpha: 10.578 * 7, s: 0.606, beta: 11.669 * 7 }, { customers: n, T, seed });
  const recency = Float64Array.from(sim.recency, (v) => Math.floor(v));
  return { frequency: sim.frequency, recency, T: sim.T };
}

function time<T>(f: () => T, repeats = 5): { ms: number; value: T } {
  let best = Number.POSITIVE_INFINITY;
  let value!: T;
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    value = f();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: Math.round(best * 10) / 10, value };
}

const benches: Record<string, () => Record<string, unknown>> = {
  'fitBgNbd-cdnow': () => {
    const s = cdnow();
    const r = time(() => fitBgNbd(s), 20);
    return { customers: 2357, ms: r.ms, targetMs: 25, params: r.value.params };
  },
  'fitParetoNbd-cdnow': () => {
    const s = cdnow();
    const r = time(() => fitParetoNbd(s), 5);
    return { customers: 2357, ms: r.ms, targetMs: 130, params: r.value.params };
  },
  'fitBgNbd-1e6-days': () => {
    const s = dayHistories(1e6, 'bg', 1);
    const r = time(() => fitBgNbd(s), 3);
    return { customers: 1e6, ms: r.ms, targetMs: 1000, params: r.value.params, converged: r.value.converged };
  },
  'fitParetoNbd-1e5-days': () => {
    const s = dayHistories(1e5, 'pareto', 2);
    const r = time(() => fitParetoNbd(s), 1);
    return { customers: 1e5, ms: r.ms, targetMs: 5000, params: r.value.params, converged: r.value.converged };
  },
  'fitGammaGamma-8e5': () => {
    const frequency = Float64Array.from({ length: 8e5 }, (_, i) => 1 + (i % 12));
    const sim = simulateGammaGamma({ p: 6.25, q: 3.74, v: 15.44 }, { frequency, seed: 3 });
    const s = { frequency, recency: frequency, T: Float64Array.from(frequency, () => 52), monetaryValue: sim.monetaryValue };
    const r = time(() => fitGammaGamma(s), 3);
    return { customers: 8e5, ms: r.ms, targetMs: 500, params: r.value.params };
  },
  'predict-1e6': () => {
    const s = dayHistories(1e6, 'bg', 4);
    const model = { kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 }, unit: 'day' } as const;
    const ce = time(() => conditionalExpectedPurchases(model, s, 273), 3);
    const pa = time(() => probabilityAlive(model, s), 5);
    const spend = Float64Array.from({ length: 1e6 }, () => 30);
    const clv = time(() => customerLifetimeValue({ purchaseModel: model, spend, customers: s, horizon: 12, unit: 'month', discountRate: 0.01 }), 3);
    return {
      customers: 1e6,
      conditionalExpectedPurchasesMs: ce.ms,
      conditionalTargetMs: 300,
      probabilityAliveMs: pa.ms,
      probabilityAliveTargetMs: 50,
      clv12MonthsMs: clv.ms,
      clvTargetMs: 1000,
    };
  },
};

const only = process.argv[2];
for (const [name, run] of Object.entries(benches)) {
  if (only && name !== only) continue;
  console.log(JSON.stringify({ bench: name, ...run() }));
}
