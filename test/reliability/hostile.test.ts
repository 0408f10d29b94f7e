/**
 * Hostile inputs for every public function (fast-check): each call either throws a
 * CustomerValueError whose issues have a code from ISSUE_CODES and a path, or returns a
 * result with no NaN and no undefined anywhere except the documented cases below; every call
 * finishes within a time bound, and no input is changed. The arbitraries mix valid values
 * (most of the time, so calls get past the first check) with the hostile ones a demanding
 * user throws: NaN, ±Infinity, -0, 1e308, 5e-324, empty strings, null, undefined, objects,
 * arrays, Maps, invalid dates, BigInt arrays, booleans.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as cv from '../../src/index.js';
import * as sql from '../../src/sql/index.js';
import * as charts from '../../src/charts/index.js';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 300);
const TIME_LIMIT_MS = 5000;
let generated = 0;

/** Fields where NaN is a documented value. */
const NAN_ALLOWED = [
  /^tiers\.(minValue|maxValue)\[/, // abc: an empty tier
  /^(mae|rmse|bias)$/, // holdoutComparison with no customers
  /^cohorts\.(retained|share)\[/, // valueChain: cells after the last period
  /^segments\.(meanRecency|meanFrequency|meanMonetary|recency|frequency|monetary)/, // rfm: an empty segment
  /^(standardErrors\.|covariance\[)/, // a fit whose Hessian is not positive definite (its warnings say so)
  /^models\.[^.]+\.(standardErrors\.|covariance\[)/, // the same fits inside compareModels
  /^(pooled|cohorts\.[^.]+)\.(standardErrors\.|covariance\[)/, // the same fits inside the sBG cohort fit
  /^(coefficientStandardErrors\.|correlation\.(omega|rho)StandardError$)/, // coefficients and ω of such fits
  /^maxDay$/, // a summary partial of no rows
];

const hostileScalar = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -1, 0, 1.5),
  fc.constantFrom('', 'abc', '12,50', '2024-13-45', ' ', 'NaN', '__proto__', 'toString'),
  fc.constantFrom(null, undefined, true, false),
  fc.constant({}),
  fc.constant([]),
  fc.constant(new Map()),
  fc.constant(new Date(Number.NaN)),
  fc.constant(BigInt64Array.of(1n)),
);
const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostileScalar });

const id = mostly(fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 1, max: 5 })));
const date = mostly(fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)));
const amount = mostly(fc.double({ min: -50, max: 500, noNaN: true }));
const tx = fc.oneof(
  fc.array(fc.record({ customerId: id, date, amount }), { maxLength: 25 }),
  fc.array(fc.record({ customerId: id, date, amount }), { maxLength: 25 }).map((rows) => ({ customerId: rows.map((r) => r.customerId), date: rows.map((r) => r.date), amount: rows.map((r) => r.amount) })),
  hostileScalar,
);
const interactions = fc.oneof(
  fc.array(fc.record({ customerId: id, date, channel: mostly(fc.constantFrom('email', 'phone')), kind: mostly(fc.constantFrom('contact', 'response', 'complaint', 'offer')), cost: mostly(fc.double({ min: 0, max: 5, noNaN: true })), score: fc.option(mostly(fc.integer({ min: 0, max: 10 })), { nil: undefined }), scale: fc.constantFrom(undefined, '1-5', '0-10', '1-5', 'bad') }, { requiredKeys: ['customerId', 'date', 'channel', 'kind'] }), { maxLength: 15 }),
  fc.constant(null),
  hostileScalar,
);
const whole = mostly(fc.integer({ min: 0, max: 12 }));
const time = mostly(fc.double({ min: 0, max: 80, noNaN: true }));
const summaryRows = fc.oneof(
  fc.array(fc.record({ frequency: whole, recency: time, T: time, monetaryValue: mostly(fc.double({ min: 0.5, max: 100, noNaN: true })) }), { maxLength: 25 }),
  hostileScalar,
);
// summaries with a logIntervalSum column, valid or not, for the Erlang-k fits
const regularRows = fc.oneof(
  fc.array(fc.record({ frequency: whole, recency: time, T: time, logIntervalSum: mostly(fc.double({ min: -5, max: 5, noNaN: true })) }), { maxLength: 25 }),
  summaryRows,
);
const param = mostly(fc.oneof(fc.double({ min: 0.05, max: 20, noNaN: true }), fc.constantFrom(1e-12, 1e12, 1e5, 1)));
const kinds = ['bg-nbd', 'pareto-nbd', 'mbg-nbd', 'bg-bb', 'gamma-gamma', 'sbg', 'nbd', 'bg-cnbd-k', 'mbg-cnbd-k', 'ggom-nbd', 'bdw'] as const;
const names: Record<string, string[]> = {
  'bg-nbd': ['r', 'alpha', 'a', 'b'],
  'pareto-nbd': ['r', 'alpha', 's', 'beta'],
  'mbg-nbd': ['r', 'alpha', 'a', 'b'],
  'bg-bb': ['alpha', 'beta', 'gamma', 'delta'],
  'gamma-gamma': ['p', 'q', 'v'],
  sbg: ['alpha', 'beta'],
  nbd: ['r', 'alpha'],
  'bg-cnbd-k': ['k', 'r', 'alpha', 'a', 'b'],
  'mbg-cnbd-k': ['k', 'r', 'alpha', 'a', 'b'],
  'ggom-nbd': ['r', 'alpha', 'b', 's', 'beta'],
  bdw: ['alpha', 'beta', 'c'],
};
// the Erlang order k is whole (1..50); anything else must be rejected by name
const order = mostly(fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(50, 51, 0, 2.5)));
const model = fc.oneof(
  fc.constantFrom(...kinds).chain((kind) => fc.tuple(...names[kind]!.map((n) => (n === 'k' ? order : param))).map((ps) => ({ kind, params: Object.fromEntries(names[kind]!.map((n, i) => [n, ps[i]])) }))),
  hostileScalar,
);
// static covariates: summaries with ids c0..c5, a covariate table over those ids (values
// sometimes hostile, ids sometimes missing or repeated) and models with coefficients
const covId = mostly(fc.integer({ min: 0, max: 5 }).map((i) => `c${i}`));
const idRows = fc.oneof(
  fc.array(fc.tuple(whole, time, time), { maxLength: 6 }).map((rows) => rows.map(([frequency, recency, T], i) => ({ customerId: `c${i}`, frequency, recency, T, monetaryValue: 10 }))),
  summaryRows,
);
const covValue = mostly(fc.oneof(fc.integer({ min: 0, max: 1 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.constantFrom(1e300, -1e300)));
const covTable = fc.oneof(
  fc.constant(Array.from({ length: 6 }, (_, i) => ({ customerId: `c${i}`, g: i % 2, h: i / 5 }))),
  fc.array(fc.record({ customerId: covId, g: covValue, h: covValue }), { maxLength: 8 }),
  hostileScalar,
);
const covariates = fc.record({ data: covTable, purchase: mostly(fc.constantFrom(['g'], ['g', 'h'], [], ['x'])), dropout: mostly(fc.constantFrom(['h'], ['g'], [])), constrain: fc.constantFrom(undefined, ['g'], ['h']) }, { requiredKeys: ['data'] });
// weekly covariate rows for customers a..d and 1..5 from 2023-12-31 (some hostile)
const dynTable = fc.oneof(
  fc.constant((() => {
    const rows: Array<Record<string, unknown>> = [];
    for (const customerId of ['a', 'b', 'c', 'd', 1, 2, 3, 4, 5]) for (let w = 0; w < 60; w++) rows.push({ customerId, date: new Date(Date.UTC(2023, 11, 31) + w * 7 * 86_400_000).toISOString().slice(0, 10), g: w % 13 < 6 ? 1 : 0, h: w / 60 });
    return rows;
  })()),
  fc.array(fc.record({ customerId: id, date, g: covValue, h: covValue }), { maxLength: 10 }),
  hostileScalar,
);
// Pareto/NBD records with a correlation (ω sometimes beyond its bounds or not a number)
const corrModel = fc.oneof(
  fc.tuple(param, param, param, param, mostly(fc.oneof(fc.double({ min: -2, max: 5, noNaN: true }), fc.constantFrom(0, 1e6, -1e6)))).map(([r, alpha, s, beta, omega]) => ({ kind: 'pareto-nbd', params: { r, alpha, s, beta }, correlation: { omega } })),
  model,
);
const coefficient = mostly(fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constantFrom(800, -800)));
const covModel = fc.oneof(
  fc.tuple(fc.constantFrom('pareto-nbd', 'bg-nbd', 'ggom-nbd', 'nbd'), fc.array(param, { minLength: 5, maxLength: 5 }), coefficient, coefficient).map(([kind, ps, g, h]) => ({
    kind,
    params: Object.fromEntries((names[kind] as string[]).map((n, i) => [n, ps[i]])),
    coefficients: { purchase: { g }, dropout: { h } },
  })),
  model,
);
const options = fc.oneof(
  fc.record({
    unit: mostly(fc.constantFrom('day', 'week', 'month', 'year')),
    observationEnd: mostly(fc.constantFrom('2024-12-31', '2025-06-30')),
    horizon: mostly(fc.integer({ min: 0, max: 24 })),
    discountRate: mostly(fc.double({ min: 0, max: 0.1, noNaN: true })),
    maxFrequency: mostly(fc.integer({ min: 1, max: 20 })),
    bins: mostly(fc.integer({ min: 2, max: 9 })),
    maxIterations: mostly(fc.integer({ min: 1, max: 50 })),
    seed: mostly(fc.integer({ min: 0, max: 100 })),
    draws: mostly(fc.integer({ min: 2, max: 10 })),
    customers: mostly(fc.integer({ min: 0, max: 50 })),
    T: mostly(fc.integer({ min: 0, max: 40 })),
    periods: mostly(fc.integer({ min: 0, max: 10 })),
    asOf: mostly(fc.constantFrom('2024-06-30')),
    from: mostly(fc.constantFrom('2024-03-31')),
    to: mostly(fc.constantFrom('2024-09-30')),
    calibrationEnd: mostly(fc.constantFrom('2024-06-30')),
    margin: mostly(fc.double({ min: 0, max: 1, noNaN: true })),
    retentionRate: mostly(fc.double({ min: 0, max: 0.99, noNaN: true })),
    ahead: mostly(fc.integer({ min: 0, max: 5 })),
    k: mostly(fc.integer({ min: 0, max: 13 })),
  }, { requiredKeys: [] }),
  hostileScalar,
);

/** NaN documented per function: customerProfiles' columns for prospects, customers without a response, and without a model. */
const NAN_ALLOWED_IN: { readonly [fn: string]: readonly RegExp[] } = {
  customerProfiles: [/^(frequency|recency|T|monetaryValue|totalValue|meanNormalizedScore|lastNormalizedScore|probabilityAlive|clv)\[/],
  loyalty: [/^(intervalCv|attitude)\[/],
  // toRows reshapes the caller's own rows and columns: a NaN they hold is theirs, passed through
  toRows: [/^\[\d+\]\./],
};

/** Every NaN or undefined in a result, with its path. */
function badValues(value: unknown, path: string, out: string[], depth = 0, allowed: readonly RegExp[] = NAN_ALLOWED): void {
  if (depth > 6 || out.length > 5) return;
  if (typeof value === 'number') {
    if (Number.isNaN(value) && !allowed.some((re) => re.test(path))) out.push(`${path} is NaN`);
    return;
  }
  if (value === undefined) {
    out.push(`${path} is undefined`);
    return;
  }
  if (ArrayBuffer.isView(value)) {
    const a = value as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i]) && !allowed.some((re) => re.test(`${path}[${i}]`))) out.push(`${path}[${i}] is NaN`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => badValues(v, `${path}[${i}]`, out, depth + 1, allowed));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) badValues(v, path ? `${path}.${k}` : k, out, depth + 1, allowed);
  }
}

/** The contract of one call. */
const TRACE = process.env.HOSTILE_TRACE;

function contract(name: string, call: (...args: unknown[]) => unknown, args: unknown[]): void {
  generated++;
  // HOSTILE_TRACE=file: the call about to run, to find one that does not return
  if (TRACE) writeFileSync(TRACE, `${name} ${show(args)}`);
  const before = fingerprint(args);
  const t0 = performance.now();
  let result: unknown;
  let error: unknown;
  try {
    result = call(...args);
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  expect(ms, `${name} took ${ms} ms`).toBeLessThan(TIME_LIMIT_MS);
  if (error !== undefined) {
    if (!(error instanceof cv.CustomerValueError)) throw new Error(`${name} threw ${String((error as Error)?.stack ?? error)} for ${show(args)}`);
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(cv.ISSUE_CODES, `${name}: issue code ${issue.code}`).toContain(issue.code);
      expect(Array.isArray(issue.path)).toBe(true);
    }
  } else {
    const bad: string[] = [];
    badValues(result, '', bad, 0, [...NAN_ALLOWED, ...(NAN_ALLOWED_IN[name] ?? [])]);
    expect(bad, `${name} for ${show(args)}`).toEqual([]);
  }
  expect(fingerprint(args), `${name} changed its input`).toBe(before);
}

/** A canonical text of a value: typed arrays, Maps, Dates (also invalid), NaN and BigInt included. */
function fingerprint(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, function (key, v) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Date) return `Date(${raw.getTime()})`;
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number' && !Number.isFinite(v)) return `num(${v})`;
    if (v === undefined) return 'undefined';
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return 'cycle';
      seen.add(v);
      if (ArrayBuffer.isView(v)) return { typed: v.constructor.name, values: Array.from(v as unknown as ArrayLike<number | bigint>, (x) => (typeof x === 'bigint' ? `${x}n` : Number.isFinite(x) ? x : `num(${x})`)) };
      if (v instanceof Map) return { map: [...v.entries()] };
    }
    return v;
  });
}

function show(args: unknown[]): string {
  try {
    return JSON.stringify(args, (_, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)).slice(0, 400);
  } catch {
    return String(args);
  }
}

type Case = [string, fc.Arbitrary<unknown[]>];
const fn = (name: string) => ((cv as Record<string, unknown>)[name] ?? (sql as Record<string, unknown>)[name] ?? (charts as Record<string, unknown>)[name]) as (...args: unknown[]) => unknown;
/** Options of the SQL builders: names with quotes, semicolons and comment marks, dates that are not. */
const sqlName = fc.oneof(fc.constantFrom('tx', 'sales.tx', 'a.b.c', 'tx"; DROP TABLE tx; --', 'x`y', "o'k", 'a--b', '/*', ''), fc.string({ maxLength: 8 }));
const sqlDate = fc.oneof(fc.constantFrom(undefined, '2024-01-01', '1997-09-30', "2024-01-01'; --", '2024-02-30'), hostileScalar);
const sqlOptions = fc.oneof(
  fc.record({
    dialect: mostly(fc.constantFrom('duckdb', 'postgres', 'bigquery', 'snowflake', 'spark')),
    table: sqlName,
    fields: fc.oneof(fc.constant(undefined), fc.record({ customerId: sqlName, date: sqlName, amount: sqlName }, { requiredKeys: [] })),
    observationEnd: sqlDate,
    calibrationEnd: sqlDate,
    asOf: sqlDate,
    unit: mostly(fc.constantFrom('day', 'week', 'month', 'year')),
    scheme: fc.constantFrom(undefined, 'value-matrix', 'quadrant', [{ segment: "it's", r: [1, 2] }], [{ segment: 'a\\b' }]),
    bins: fc.constantFrom(undefined, 3, 5, 10),
    rule: fc.constantFrom(undefined, 'value', 'customers', 'computed'),
    thresholds: fc.constantFrom(undefined, [0.5, 0.9], [0.9, 0.1], { recency: [10, 20], frequency: [2, 3], monetary: [5, 9] }),
  }, { requiredKeys: ['dialect', 'table'] }),
  hostileScalar,
);
const cases: Case[] = [
  ['summarize', fc.tuple(tx, options)],
  ['splitCalibrationHoldout', fc.tuple(tx, options)],
  ['summarizePartial', fc.tuple(tx, options)],
  ['compressSummary', fc.tuple(summaryRows)],
  ['rfm', fc.tuple(fc.oneof(tx, summaryRows), options)],
  ['rfm', fc.tuple(tx, fc.record({ binning: fc.constantFrom('ckmeans', 'quantile', 'x', undefined), bins: fc.constantFrom(undefined, 2, 5, 9), scheme: fc.constantFrom('quadrant', 'value-matrix', undefined) }, { requiredKeys: [] }))],
  ['abc', fc.tuple(fc.oneof(tx, fc.array(fc.record({ customerId: id, value: amount }), { maxLength: 20 })), options)],
  ['validateRfmRules', fc.tuple(fc.oneof(fc.constant([{ segment: 'x', r: [1, 3] }]), fc.array(hostileScalar, { maxLength: 3 }), hostileScalar), options)],
  ['customerClasses', fc.tuple(tx, options)],
  ['lifecycleStages', fc.tuple(tx, options)],
  ['loyalty', fc.tuple(tx, interactions, fc.oneof(options, fc.record({ asOf: fc.constantFrom(undefined, '2024-06-30', 'x'), threshold: fc.constantFrom(undefined, 0, 1, 2), period: fc.constantFrom(undefined, 'week', 'day') }, { requiredKeys: [] })))],
  ['lifecycleTransitions', fc.tuple(tx, options)],
  ['valueChain', fc.tuple(tx, interactions, options)],
  ['customerProfitability', fc.tuple(tx, interactions, fc.oneof(options, fc.record({ margin: mostly(fc.double({ min: 0, max: 1 })), costs: fc.constantFrom(undefined, { perTransaction: 1 }, { byChannel: { web: 2 } }, { byKind: { complaint: -1 } }, null), period: fc.constantFrom(undefined, 'week', 'year', 'day'), asOf: fc.constantFrom(undefined, '2024-01-01', 'nope') }, { requiredKeys: [] })))],
  ['satisfaction', fc.tuple(tx, interactions, fc.oneof(options, fc.record({ period: fc.constantFrom(undefined, 'week', 'day'), csatTop: fc.constantFrom(undefined, 1, 3, 0), retentionWindow: fc.constantFrom(undefined, 1, 365, -1), scoreScale: fc.constantFrom(undefined, '0-10', 'x') }, { requiredKeys: [] })))],
  ['customerProfiles', fc.tuple(tx, interactions, fc.oneof(options, fc.record({ asOf: fc.constantFrom(undefined, '2024-06-30', 'x'), margin: fc.constantFrom(undefined, 0.3, 2), unit: fc.constantFrom(undefined, 'week', 'day', 'fortnight'), horizon: fc.constantFrom(undefined, 12, 0) }, { requiredKeys: [] })))],
  ['fitBgNbd', fc.tuple(summaryRows, options)],
  ['fitParetoNbd', fc.tuple(summaryRows, options)],
  ['fitModifiedBgNbd', fc.tuple(summaryRows, options)],
  ['fitGammaGamma', fc.tuple(summaryRows, options)],
  ['fitBgBb', fc.tuple(summaryRows, options)],
  ['fitNbd', fc.tuple(summaryRows, options)],
  ['fitBgCnbd', fc.tuple(regularRows, options)],
  ['fitModifiedBgCnbd', fc.tuple(regularRows, options)],
  ['fitGammaGompertzNbd', fc.tuple(summaryRows, options)],
  ['fitShiftedBetaGeometric', fc.tuple(fc.oneof(fc.constant([100, 80, 65, 55]), fc.array(mostly(fc.integer({ min: 0, max: 100 })), { maxLength: 6 }), hostileScalar), options)],
  ['expectedPurchases', fc.tuple(model, time)],
  ['probabilityOfPurchases', fc.tuple(model, whole, time)],
  ['conditionalExpectedPurchases', fc.tuple(model, summaryRows, time)],
  ['probabilityAlive', fc.tuple(model, summaryRows, options)],
  ['conditionalExpectedSpend', fc.tuple(model, summaryRows)],
  ['logLikelihood', fc.tuple(model, summaryRows, options)],
  ['likelihoodRatioTest', fc.tuple(fc.oneof(model, fc.constant(cv.fitNbd({ frequency: [0, 1, 2, 5], recency: [0, 3, 8, 9], T: [10, 10, 10, 10] }))), fc.oneof(model, fc.constant(cv.fitParetoNbd({ frequency: [0, 1, 2, 5], recency: [0, 3, 8, 9], T: [10, 10, 10, 10] }))), options)],
  ['estimateRegularity', fc.tuple(tx, options)],
  ['compareModels', fc.tuple(summaryRows, fc.oneof(fc.constant({ kinds: ['nbd', 'bg-nbd'] }), options))],
  ['parameterIntervals', fc.tuple(fc.oneof(model, fc.constant(cv.fitNbd({ frequency: [0, 1, 2, 5], recency: [0, 3, 8, 9], T: [10, 10, 10, 10] }))), options)],
  ['survivalCurve', fc.tuple(model, whole)],
  ['retentionCurve', fc.tuple(model, whole)],
  ['expectedLifetime', fc.tuple(model, options)],
  ['retentionElasticity', fc.tuple(model, fc.oneof(fc.record({ discountRate: mostly(fc.double({ min: 0.001, max: 1 })), renewals: fc.constantFrom(undefined, 0, 3, 1e6, -1, 1.5), change: fc.constantFrom(undefined, 0.01, 1, 0, 2) }, { requiredKeys: [] }), hostileScalar))],
  ['discountedExpectedPurchases', fc.tuple(model, summaryRows, options)],
  ['conditionalExpectedPurchasesIntervals', fc.tuple(model, summaryRows, time, options)],
  ['repeatPurchaseHistogram', fc.tuple(model, summaryRows, options)],
  ['holdoutComparison', fc.tuple(model, summaryRows)],
  ['trackingCurve', fc.tuple(model, tx, options)],
  ['customerLifetimeValue', fc.tuple(fc.record({ purchaseModel: model, customers: summaryRows, spend: mostly(fc.double({ min: 0, max: 50, noNaN: true })) }), options).map(([a, b]) => [typeof b === 'object' && b !== null ? { ...b, ...a } : a])],
  ['valueDecomposition', fc.tuple(fc.record({ purchaseModel: model, customers: summaryRows, spend: mostly(fc.double({ min: 0, max: 50, noNaN: true })) }), options).map(([a, b]) => [typeof b === 'object' && b !== null ? { ...b, ...a } : a])],
  ['retentionLifetimeValue', fc.tuple(options)],
  ['simulateBgNbd', fc.tuple(model, options)],
  ['simulateParetoNbd', fc.tuple(model, options)],
  ['simulateModifiedBgNbd', fc.tuple(model, options)],
  ['simulateBgBb', fc.tuple(model, options)],
  ['simulateNbd', fc.tuple(model, options)],
  ['simulateBgCnbd', fc.tuple(model, options)],
  ['simulateModifiedBgCnbd', fc.tuple(model, options)],
  ['simulateGammaGompertzNbd', fc.tuple(model, options)],
  ['simulateGammaGamma', fc.tuple(model, fc.oneof(fc.record({ frequency: fc.array(whole, { maxLength: 10 }), seed: mostly(fc.integer()) }), hostileScalar))],
  ['simulateShiftedBetaGeometric', fc.tuple(model, options)],
  ['simulateBetaDiscreteWeibull', fc.tuple(model, options)],
  ['fitShiftedBetaGeometric', fc.tuple(fc.oneof(fc.record({ cohorts: fc.dictionary(fc.constantFrom('a', 'b', '__proto__', ''), fc.oneof(fc.constant([100, 80, 65, 55]), fc.array(mostly(fc.integer({ min: 0, max: 100 })), { maxLength: 5 }), hostileScalar), { maxKeys: 3 }) }), hostileScalar), fc.oneof(fc.record({ pooling: mostly(fc.constantFrom('none', 'shared')) }), hostileScalar))],
  ['fitBetaDiscreteWeibull', fc.tuple(fc.oneof(fc.constant([100, 80, 65, 55]), fc.array(mostly(fc.integer({ min: 0, max: 100 })), { maxLength: 6 }), hostileScalar), options)],
  ['simulateCrmHistory', fc.tuple(fc.oneof(fc.record({ customers: mostly(fc.integer({ min: 0, max: 30 })), days: mostly(fc.integer({ min: 1, max: 90 })), seed: mostly(fc.integer()) }), hostileScalar))],
  ['fitParetoNbd', fc.tuple(idRows, fc.record({ covariates, l2: mostly(fc.double({ min: 0, max: 5, noNaN: true })), maxIterations: mostly(fc.integer({ min: 1, max: 30 })) }, { requiredKeys: ['covariates'] }))],
  ['fitBgNbd', fc.tuple(idRows, fc.record({ covariates }))],
  ['fitParetoNbd', fc.tuple(idRows, fc.record({ covariates, correlation: fc.constant(true), maxIterations: mostly(fc.integer({ min: 1, max: 20 })) }, { requiredKeys: ['covariates', 'correlation'] }))],
  ['fitGammaGompertzNbd', fc.tuple(idRows, fc.record({ covariates, maxIterations: mostly(fc.integer({ min: 1, max: 30 })) }, { requiredKeys: ['covariates'] }))],
  ['probabilityAlive', fc.tuple(covModel, idRows, fc.record({ covariates, ahead: mostly(fc.integer({ min: 0, max: 5 })) }, { requiredKeys: [] }))],
  ['conditionalExpectedPurchases', fc.tuple(covModel, idRows, time, fc.oneof(fc.record({ covariates }), hostileScalar))],
  ['expectedPurchases', fc.tuple(covModel, time, fc.oneof(fc.record({ profile: fc.oneof(fc.record({ g: covValue, h: covValue }), hostileScalar) }), hostileScalar))],
  ['probabilityOfPurchases', fc.tuple(covModel, whole, time, fc.record({ profile: fc.oneof(fc.record({ g: covValue, h: covValue }, { requiredKeys: [] }), hostileScalar) }))],
  ['logLikelihood', fc.tuple(covModel, idRows, fc.record({ covariates, perCustomer: fc.boolean() }, { requiredKeys: [] }))],
  ['discountedExpectedPurchases', fc.tuple(covModel, idRows, fc.record({ covariates, discountRate: mostly(fc.double({ min: 0, max: 0.1, noNaN: true })) }))],
  ['holdoutComparison', fc.tuple(covModel, idRows.map((rows) => (Array.isArray(rows) ? rows.map((r) => ({ ...r, frequencyHoldout: 1, durationHoldout: 5 })) : rows)), fc.record({ covariates }, { requiredKeys: [] }))],
  ['customerLifetimeValue', fc.tuple(fc.record({ purchaseModel: covModel, customers: idRows, covariates, horizon: mostly(fc.integer({ min: 0, max: 12 })), spend: fc.constant(10) }, { requiredKeys: ['purchaseModel', 'customers', 'horizon'] }))],
  ['repeatPurchaseHistogram', fc.tuple(fc.oneof(covModel, corrModel), idRows, fc.record({ covariates, maxFrequency: mostly(fc.integer({ min: 1, max: 10 })) }, { requiredKeys: [] }))],
  ['trackingCurve', fc.tuple(fc.oneof(covModel, corrModel), tx, fc.record({ covariates: fc.record({ data: fc.oneof(covTable, fc.constant([{ customerId: 'a', g: 1, h: 0 }, { customerId: 'b', g: 0, h: 1 }, { customerId: 'c', g: 1, h: 1 }, { customerId: 'd', g: 0, h: 0 }, ...[1, 2, 3, 4, 5].map((customerId) => ({ customerId, g: 1, h: 0.5 }))])) }), unit: mostly(fc.constantFrom('week', 'day')) }, { requiredKeys: [] }))],
  ['conditionalExpectedPurchasesIntervals', fc.tuple(fc.oneof(covModel, corrModel), idRows, time, fc.record({ covariates, draws: mostly(fc.integer({ min: 2, max: 8 })), seed: mostly(fc.integer()) }, { requiredKeys: [] }))],
  ['conditionalProbabilityOfPurchases', fc.tuple(fc.oneof(model, covModel, corrModel), idRows, whole, time, fc.oneof(fc.record({ covariates }, { requiredKeys: [] }), hostileScalar))],
  ['probabilityAliveHistory', fc.tuple(fc.oneof(model, corrModel), tx, fc.oneof(fc.record({ customerId: mostly(fc.constantFrom('a', 'b', 1, 'zz')), unit: mostly(fc.constantFrom('day', 'week')), step: mostly(fc.double({ min: 0.01, max: 10, noNaN: true })), observationEnd: mostly(fc.constantFrom('2024-12-31', '2023-01-01')) }, { requiredKeys: [] }), hostileScalar))],
  ['samplePosterior', fc.tuple(fc.oneof(summaryRows, regularRows), fc.oneof(fc.record({ model: mostly(fc.constantFrom('bg-nbd', 'pareto-nbd', 'nbd', 'gamma-gamma', 'bg-cnbd-k', 'pareto-nbd-hb', 'pareto-ggg', 'sbg')), draws: mostly(fc.integer({ min: 10, max: 12 })), warmup: mostly(fc.integer({ min: 0, max: 10 })), chains: mostly(fc.integer({ min: 1, max: 2 })), seed: mostly(fc.integer()), priors: fc.constantFrom(undefined, 'flat', { r: 'flat' }, { r: { gamma: [1, 1] } }, { zz: 'flat' }, { r: { lognormal: [0, 0] } }), fit: fc.constantFrom(undefined, { k: 2 }) }, { requiredKeys: ['model'] }), hostileScalar))],
  ['bootstrapFit', fc.tuple(fc.oneof(summaryRows, regularRows), fc.oneof(fc.record({ model: mostly(fc.constantFrom('bg-nbd', 'pareto-nbd', 'nbd', 'gamma-gamma', 'bg-cnbd-k', 'sbg')), replicates: mostly(fc.integer({ min: 2, max: 4 })), seed: mostly(fc.integer()), fit: fc.constantFrom(undefined, { k: 2 }, { maxIterations: 5 }) }, { requiredKeys: ['model'] }), hostileScalar))],
  ['newCustomerValue', fc.tuple(fc.record({ purchaseModel: fc.oneof(model, corrModel, covModel), spend: mostly(fc.double({ min: 0, max: 50, noNaN: true })), horizon: mostly(fc.integer({ min: 0, max: 24 })), discountRate: mostly(fc.double({ min: 0, max: 0.1, noNaN: true })), firstPurchase: mostly(fc.boolean()), profile: fc.oneof(fc.constant(undefined), fc.record({ g: covValue, h: covValue })) }, { requiredKeys: ['purchaseModel', 'horizon'] }))],
  ['customerEquity', fc.tuple(fc.record({ purchaseModel: fc.oneof(model, corrModel), customers: summaryRows, spend: fc.constant(10), horizon: mostly(fc.integer({ min: 0, max: 12 })), acquisitions: fc.oneof(mostly(fc.integer({ min: 0, max: 100 })), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 })), acquisitionCost: mostly(fc.double({ min: 0, max: 5, noNaN: true })) }, { requiredKeys: ['purchaseModel', 'customers', 'horizon'] }))],
  ['predictiveDistribution', fc.tuple(fc.record({ purchaseModel: fc.oneof(model, corrModel), customers: summaryRows, horizon: mostly(fc.integer({ min: 1, max: 12 })), draws: mostly(fc.integer({ min: 10, max: 30 })), seed: mostly(fc.integer()), spend: mostly(fc.double({ min: 0, max: 50, noNaN: true })), discountRate: mostly(fc.double({ min: 0, max: 0.1, noNaN: true })), level: mostly(fc.double({ min: 0.5, max: 0.99, noNaN: true })) }, { requiredKeys: ['purchaseModel', 'customers', 'horizon'] }))],
  ['simulateWithCovariates', fc.tuple(covModel, fc.oneof(fc.record({ covariates, T: mostly(fc.integer({ min: 0, max: 40 })), holdout: mostly(fc.integer({ min: 0, max: 10 })), seed: mostly(fc.integer()) }, { requiredKeys: ['covariates'] }), hostileScalar))],
  ['fitParetoNbd', fc.tuple(summaryRows, fc.record({ correlation: fc.constantFrom(true, false, 'yes'), maxIterations: mostly(fc.integer({ min: 1, max: 30 })), l2: mostly(fc.double({ min: 0, max: 2, noNaN: true })) }, { requiredKeys: ['correlation'] }))],
  ['probabilityAlive', fc.tuple(corrModel, summaryRows, options)],
  ['customerLifetimeValue', fc.tuple(fc.record({ purchaseModel: corrModel, customers: summaryRows, horizon: mostly(fc.integer({ min: 0, max: 12 })), spend: fc.constant(10) }, { requiredKeys: ['purchaseModel', 'customers', 'horizon'] }))],
  ['probabilityOfPurchases', fc.tuple(corrModel, whole, time)],
  ['logLikelihood', fc.tuple(corrModel, summaryRows, fc.record({ perCustomer: fc.boolean() }))],
  ['fitGammaGammaIndividual', fc.tuple(tx, fc.oneof(fc.record({ observationEnd: mostly(fc.constantFrom('2024-12-31', '2024-06-30')), includeFirst: mostly(fc.boolean()), maxIterations: mostly(fc.integer({ min: 1, max: 30 })) }, { requiredKeys: [] }), hostileScalar))],
  ['spendFrequencyIndependence', fc.tuple(summaryRows, options)],
  ['fitParetoNbdDynamic', fc.tuple(tx, fc.oneof(fc.record({ calibrationEnd: mostly(fc.constantFrom('2024-12-31', '2024-06-30')), unit: mostly(fc.constantFrom('week', 'day')), maxIterations: mostly(fc.integer({ min: 1, max: 20 })), covariates: fc.record({ data: dynTable, purchase: mostly(fc.constantFrom(['g'], ['g', 'h'], [])), dropout: mostly(fc.constantFrom(['h'], [])) }, { requiredKeys: ['data'] }) }, { requiredKeys: ['calibrationEnd', 'covariates'] }), hostileScalar))],
  ['predictParetoNbdDynamic', fc.tuple(fc.oneof(fc.tuple(param, param, param, param, coefficient).map(([r, alpha, s, beta, g]) => ({ kind: 'pareto-nbd-dynamic', params: { r, alpha, s, beta }, unit: 'week', coefficients: { purchase: { g }, dropout: {} } })), model), fc.oneof(fc.constant(cv.summarize([{ customerId: 'a', date: '2024-01-03', amount: 1 }, { customerId: 'a', date: '2024-02-03', amount: 1 }, { customerId: 'b', date: '2024-03-01', amount: 2 }], { unit: 'week', observationEnd: '2024-06-30' })), summaryRows), fc.oneof(fc.record({ horizon: time, covariates: fc.record({ data: dynTable }) }), hostileScalar))],
  ['toRows', fc.tuple(fc.oneof(summaryRows, fc.constant(cv.summarize([])), hostileScalar))],
  ['summarySql', fc.tuple(sqlOptions)],
  ['compressedSummarySql', fc.tuple(sqlOptions)],
  ['rfmSql', fc.tuple(sqlOptions)],
  ['abcSql', fc.tuple(sqlOptions)],
  ['predictionSql', fc.tuple(fc.oneof(fc.tuple(sqlOptions, fc.oneof(model, covModel), summaryRows, time).map(([o, m, histories, horizon]) => (typeof o === 'object' && o !== null ? { ...o, model: m, histories, horizon } : o)), hostileScalar))],
  // charts: a result of the wrong shape, or hostile values inside the right one, gets a CustomerValueError, never a TypeError
  ...(['periodTransactionsChart', 'trackingChart', 'probabilityAliveHistoryChart', 'rfmHeatmapChart', 'rfmSegmentsChart', 'rfmHistogramsChart', 'rfmScatterChart', 'paretoChart', 'lorenzChart', 'clvDistributionChart', 'valueDecompositionChart', 'holdoutScatterChart', 'funnelChart', 'cohortRetentionChart', 'lifecycleTransitionsChart', 'campaignsChart', 'valueChainDashboard'] as const).map(
    (name): Case => [name, fc.tuple(fc.oneof(hostileScalar, fc.constant({}), fc.constant({ customers: {}, segments: {}, pareto: {} }), fc.constant({ funnel: [], cohorts: {}, campaigns: [], periods: [] }), fc.array(hostileScalar, { maxLength: 3 })), fc.oneof(fc.constant(undefined), hostileScalar, fc.record({ locale: mostly(fc.constantFrom('en', 'zh')) })))],
  ),
  ...(['expectedPurchasesChart', 'frequencyRecencyChart', 'probabilityAliveMatrixChart', 'heterogeneityChart', 'purchasesPmfChart'] as const).map(
    (name): Case => [name, fc.tuple(fc.oneof(model, corrModel, hostileScalar), fc.oneof(fc.constant(undefined), fc.record({ horizon: mostly(fc.integer({ min: 0, max: 20 })), T: mostly(fc.integer({ min: 1, max: 40 })), maxFrequency: mostly(fc.integer({ min: 1, max: 6 })), recencySteps: mostly(fc.integer({ min: 1, max: 6 })), t: mostly(fc.integer({ min: 0, max: 20 })), maxPurchases: mostly(fc.integer({ min: 1, max: 8 })), process: fc.constantFrom('purchase', 'dropout', 'x') }, { requiredKeys: [] })))],
  ),
  ['historyPredictions', fc.tuple(fc.oneof(model, covModel), summaryRows, fc.oneof(fc.record({ horizon: time, unit: mostly(fc.constantFrom('day', 'week')) }), hostileScalar))],
];

describe('every public function under hostile input', () => {
  it.each(cases)('%s keeps the contract', (name, args) => {
    fc.assert(
      fc.property(args, (a) => contract(name, fn(name as keyof typeof cv), a)),
      { numRuns: RUNS, seed: 42 },
    );
  });

  it('generated enough cases', () => {
    expect(generated).toBeGreaterThanOrEqual(cases.length * RUNS);
    console.log(`hostile suite: ${generated} generated calls over ${cases.length} functions`);
  });
});
