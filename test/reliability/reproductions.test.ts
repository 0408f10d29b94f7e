/**
 * The reproductions of the reliability issue, each now a named error or a correct finite
 * result. (Extreme parameters, unidentified fits and standard errors have their own files in
 * test/models: extremes, fitFailures, standardErrors.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cv from '../../src/index.js';
import { readCsv } from '../../src/node/index.js';

const { CustomerValueError } = cv;
const bg = { kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
const summary = cv.summarize(
  [
    { customerId: 'a', date: '2024-01-01', amount: 10 },
    { customerId: 'a', date: '2024-02-01', amount: 20 },
    { customerId: 'b', date: '2024-01-15', amount: 5 },
  ],
  { observationEnd: '2024-03-31', unit: 'week' },
);

/** The call throws a CustomerValueError whose issues name `path` (a prefix) and whose message matches. */
function rejects(call: () => unknown, path: ReadonlyArray<string | number>, message?: RegExp): void {
  let error: unknown;
  try {
    call();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a CustomerValueError').toBeInstanceOf(CustomerValueError);
  const issues = (error as InstanceType<typeof CustomerValueError>).issues;
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.some((i) => path.every((p, k) => i.path[k] === p)), JSON.stringify(issues.map((i) => i.path))).toBe(true);
  for (const i of issues) expect(cv.ISSUE_CODES).toContain(i.code);
  if (message) expect((error as Error).message).toMatch(message);
}

describe('1. inputs whose columns match no field', () => {
  it('are errors naming the missing columns, for columns, tables, Maps and interactions', () => {
    rejects(() => cv.summarize({ id: ['a'], d: ['2024-01-01'], v: [1] } as never), ['transactions', 'customerId'], /column "customerId" is missing/);
    rejects(() => cv.summarize({} as never), ['transactions', 'customerId']);
    rejects(() => cv.summarize(new Map() as never), ['transactions'], /got a Map/);
    const tx = [{ customerId: 'a', date: '2024-01-01', amount: 1 }];
    rejects(() => cv.valueChain(tx, { who: ['a'] } as never), ['interactions', 'customerId']);
  });
});

describe('2. huge finite values', () => {
  it('an overflowing total is an error naming the customer; abc near 1e308 stays finite', () => {
    rejects(() => cv.summarize([{ customerId: 'x', date: '2024-01-01', amount: 1e308 }, { customerId: 'x', date: '2024-01-01', amount: 1e308 }]), ['transactions', 'amount'], /customer "x" add up to more than the largest number/);
    const r = cv.abc({ customerId: ['a', 'b', 'c'], value: [1e308, 1.5e308, 5e307] });
    expect(Number.isFinite(r.pareto.gini)).toBe(true);
    expect(Array.from(r.customers.cumulativeShare).every(Number.isFinite)).toBe(true);
    expect(r.customers.cumulativeShare[1]).toBeCloseTo(1.5 / 3, 12);
  });
});

describe('6. options', () => {
  it('fit options are validated', () => {
    for (const bad of [-1, Number.NaN, 1.5, '5']) rejects(() => cv.fitBgNbd(summary, { maxIterations: bad as never }), ['options', 'maxIterations']);
    rejects(() => cv.fitBgNbd(summary, 'fast' as never), ['options']);
  });
  it('CLV units, spend and the numericDates of date options', () => {
    rejects(() => cv.customerLifetimeValue({ purchaseModel: bg, customers: summary, horizon: 12, spend: 10, unit: 'toString' as never }), ['options', 'unit']);
    rejects(() => cv.customerLifetimeValue({ purchaseModel: bg, customers: summary, horizon: 12, spend: 10, modelUnit: '__proto__' as never }), ['options', 'modelUnit']);
    rejects(() => cv.customerLifetimeValue({ purchaseModel: bg, customers: summary, horizon: 12, spend: Number.NaN }), ['options', 'spend']);
    const s = cv.summarize({ customerId: ['a', 'a'], date: [19970101, 19970315], amount: [1, 2] }, { numericDates: 'yyyymmdd', observationEnd: 19970930 });
    expect(s.length).toBe(1);
    expect(s.observationEnd).toBe('1997-09-30');
  });
  it('a diverging retention series, thresholds out of order, simulator options and seeds, the tracking window', () => {
    rejects(() => cv.retentionLifetimeValue({ margin: 1, retentionRate: 0.9, discountRate: -0.5 }), ['options', 'discountRate'], /diverges/);
    rejects(() => cv.lifecycleStages([{ customerId: 'a', date: '2024-01-01', amount: 1 }], { asOf: '2024-06-01', newDays: 400, matureDays: 100 }), ['options', 'newDays']);
    rejects(() => cv.simulateBgNbd(bg, { customers: Number.NaN, T: 39 }), ['options', 'customers']);
    rejects(() => cv.simulateBgNbd(bg, { customers: 10, T: -1 }), ['options', 'T']);
    rejects(() => cv.simulateBgNbd(bg, { customers: 10, T: 39, seed: 'x' as never }), ['options', 'seed']);
    rejects(() => cv.simulateBgNbd(bg, { customers: 10, T: 39, seed: Number.NaN }), ['options', 'seed']);
    rejects(() => cv.trackingCurve(bg, [{ customerId: 'a', date: '2024-01-01', amount: 1 }], { calibrationEnd: '2024-06-01', observationEnd: '2024-03-01' }), ['options', 'calibrationEnd']);
    rejects(() => cv.validateRfmRules([], { bins: 0 }), ['options', 'bins']);
    rejects(() => cv.rfm(summary, { bins: 0 }), ['options', 'bins']);
  });
});

describe('7. unbounded work is refused, naming the limit', () => {
  it('histogram buckets, CLV horizons and simulated customers', () => {
    rejects(() => cv.repeatPurchaseHistogram(bg, summary, { maxFrequency: 1e7 }), ['options', 'maxFrequency'], /at most 1,000/);
    rejects(() => cv.customerLifetimeValue({ purchaseModel: bg, customers: summary, horizon: 1e8, spend: 1 }), ['options', 'horizon'], /at most 100,000/);
    rejects(() => cv.simulateCrmHistory({ customers: 1e9 }), ['options', 'customers'], /1,000,000/);
    rejects(() => cv.simulateBgNbd(bg, { customers: 1e9, T: 1 }), ['options', 'customers'], /10,000,000/);
  });
});

describe('8. every error is a CustomerValueError', () => {
  it('null and look-alike inputs, missing options, BigInt columns, the node entry, missing files', () => {
    rejects(() => cv.toRows(null as never), ['columns']);
    rejects(() => cv.toRows(5 as never), ['columns']);
    rejects(() => cv.mergePartials({ kind: 'summary-partial' } as never, cv.summarizePartial([])), ['a']);
    rejects(() => cv.validateRfmRules(null as never), ['options', 'rules']);
    rejects(() => cv.retentionLifetimeValue(null as never), ['options']);
    rejects(() => cv.simulateBgNbd(bg, undefined as never), ['options', 'customers']);
    rejects(() => cv.simulateShiftedBetaGeometric({ alpha: 1, beta: 1 }, undefined as never), ['options', 'customers']);
    rejects(() => cv.simulateGammaGamma({ p: 1, q: 2, v: 3 }, undefined as never), ['options', 'frequency']);
    rejects(() => cv.summarize({ customerId: BigInt64Array.of(1n), date: ['2024-01-01'], amount: [1] } as never), ['transactions', 'customerId'], /BigInt64Array/);
    const dir = mkdtempSync(join(tmpdir(), 'cv-'));
    let nodeError: unknown;
    try {
      readCsv(join(dir, 'missing.csv'));
    } catch (e) {
      nodeError = e;
    }
    expect(nodeError).toBeInstanceOf(CustomerValueError);
    expect((nodeError as Error).message).toMatch(/readCsv: cannot read .*ENOENT/);
  });
});

describe('9. nothing is accepted silently', () => {
  it('fractional frequencies, abc ids, interaction costs, windows, labels, schemas', () => {
    rejects(() => cv.fitBgNbd({ frequency: [1.5], recency: [1], T: [2] }), ['customers', 0, 'frequency'], /whole number/);
    rejects(() => cv.repeatPurchaseHistogram(bg, { frequency: [1.5], recency: [1], T: [2] }), ['customers', 0, 'frequency']);
    rejects(() => cv.compressSummary({ frequency: [1.5], recency: [1], T: [2] }), ['customers', 0, 'frequency']);
    rejects(() => cv.abc({ customerId: ['a', null], value: [1, 2] } as never), ['customers', 1, 'customerId']);
    rejects(() => cv.abc({ customerId: ['a', 'a'], value: [1, 2] }), ['customers', 1, 'customerId'], /must appear once/);
    const tx = [{ customerId: 'a', date: '2024-01-01', amount: 1 }];
    rejects(() => cv.valueChain(tx, [{ customerId: 'a', date: '2024-01-02', channel: 'email', kind: 'contact', cost: -1 }]), ['interactions', 0, 'cost']);
    rejects(() => cv.valueChain(tx, null, { start: '2024-06-01', end: '2024-01-01' }), ['options', 'start']);
    rejects(() => cv.valueChain(tx, null, { segments: { customerId: ['a'], segment: [7 as never] } }), ['options', 'segments', 0]);
    expect(cv.InteractionSchema.safeParse({ customerId: 'a', date: '2024-01-01', channel: '', kind: 'contact' }).success).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'cv-'));
    writeFileSync(join(dir, 'short.csv'), 'customerId,date,amount\na,2024-01-01\n');
    rejects(() => readCsv(join(dir, 'short.csv')), [join(dir, 'short.csv'), 0], /amount is missing/);
    rejects(() => readCsv(join(dir, 'short.csv'), { delimiter: ';;' }), ['options', 'delimiter']);
    writeFileSync(join(dir, 'spaces.txt'), ' customer_id  date amount\n 00001 19970101   11.77\n 00002 19970112  12.00\n');
    const spaces = readCsv(join(dir, 'spaces.txt'), { delimiter: 'whitespace', numeric: ['amount'] });
    expect(spaces.customer_id).toEqual(['00001', '00002']);
    expect(Array.from(spaces.amount as Float64Array)).toEqual([11.77, 12]);
  });
});

describe('found in session 4', () => {
  it('CNBD-k E[X(t)] at r = 1e5, α = 1e-12 is finite and increasing (the NB pmf lost every digit at m ~ 1e16 and gave NaN)', () => {
    const m = { kind: 'bg-cnbd-k' as const, params: { k: 2, r: 1e5, alpha: 1e-12, a: 0.05, b: 1e-12 } };
    const e = [0.5, 1, 4.3, 13].map((t) => cv.expectedPurchases(m, t));
    e.forEach((v, i) => {
      expect(Number.isFinite(v)).toBe(true);
      if (i > 0) expect(v).toBeGreaterThan(e[i - 1]!);
    });
  });

  it('logGammaRatioDiff keeps its digits at a shift of 1e17: it matches (u - v) ln d - ln Γ(u) + ln Γ(v), exact to O(1/d)', async () => {
    const { logGammaRatioDiff, logGamma } = await import('../../src/math/special.js');
    for (const [u, v] of [[1e-12, 0.05], [3, 0.5], [20, 40]] as const) {
      const d = 1e17;
      const asymptotic = (u - v) * Math.log(d) - logGamma(u) + logGamma(v);
      expect(logGammaRatioDiff(u, v, d)).toBeCloseTo(asymptotic, 8);
    }
  });
});
