import { CustomerValueError } from '../errors.js';
import { readSummary, type SummaryInput } from '../summary/readSummary.js';
import * as bg from './bgNbd.js';
import * as bb from './bgBb.js';
import { checkModel } from './fit.js';
import * as mbg from './mbgNbd.js';
import * as pnbd from './paretoNbd.js';
import type { Model, ModelParams, PurchaseModel, PurchaseModelKind } from './types.js';

/** @internal */
export const PARAM_NAMES = {
  'bg-nbd': ['r', 'alpha', 'a', 'b'],
  'pareto-nbd': ['r', 'alpha', 's', 'beta'],
  'mbg-nbd': ['r', 'alpha', 'a', 'b'],
  'bg-bb': ['alpha', 'beta', 'gamma', 'delta'],
  'gamma-gamma': ['p', 'q', 'v'],
  sbg: ['alpha', 'beta'],
} as const;

const PURCHASE: PurchaseModelKind[] = ['bg-nbd', 'pareto-nbd', 'mbg-nbd', 'bg-bb'];

/** Validate a purchase model record. @internal */
export function purchaseModel(fn: string, model: unknown): { kind: PurchaseModelKind; p: Record<string, number> } {
  return checkModel(fn, model, PURCHASE, PARAM_NAMES);
}

function checkTime(fn: string, name: string, t: unknown, discrete: boolean): number {
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || (discrete && !Number.isInteger(t))) {
    const message = `${name} must be a finite number >= 0${discrete ? ' (whole opportunities for bg-bb)' : ''}, got ${String(t)}`;
    throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [{ code: 'invalid_time', path: [name], message, value: t }]);
  }
  return t;
}

/**
 * Expected number of repeat purchases in (0, t] of a new customer (one who has just made
 * the first purchase), in the model's time unit (for BG/BB, t opportunities).
 *
 * - BG/NBD, FHL (2005) eq. (9): (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))];
 * - Pareto/NBD, Fader & Hardie (2005) eq. (17): rβ/(α(s-1)) [1 - (β/(β+t))^(s-1)];
 * - MBG/NBD: b/(a-1) [1 - (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))];
 * - BG/BB, FHS (2010) eq. (7): α/(α+β) δ/(γ-1) [1 - Γ(γ+δ)Γ(1+δ+t)/(Γ(γ+δ+t)Γ(1+δ))].
 *
 * Removable singularities (a = 1, s = 1, γ = 1) are handled.
 *
 * @example
 * ```ts
 * expectedPurchases({ kind: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, 39); // ≈ 1.67
 * ```
 */
export function expectedPurchases(model: PurchaseModel, t: number): number {
  const fn = 'expectedPurchases';
  const { kind, p } = purchaseModel(fn, model);
  checkTime(fn, 't', t, kind === 'bg-bb');
  switch (kind) {
    case 'bg-nbd':
      return bg.expected(p as ModelParams['bg-nbd'], t);
    case 'pareto-nbd':
      return pnbd.expected(p as ModelParams['pareto-nbd'], t);
    case 'mbg-nbd':
      return mbg.expected(p as ModelParams['mbg-nbd'], t);
    case 'bg-bb':
      return bb.expected(p as ModelParams['bg-bb'], t);
  }
}

/**
 * Probability that a new customer makes exactly n repeat purchases in (0, t].
 *
 * - BG/NBD, FHL (2005) eq. (8); MBG/NBD the same with the extra dropout at time 0;
 * - Pareto/NBD: (β/(β+t))^s NBD(n; t) + ∫_0^t sβ^s/(β+τ)^(s+1) NBD(n; τ) dτ (integrated
 *   adaptively to 1e-12), NBD(n; τ) = Γ(r+n)/(Γ(r) n!) (α/(α+τ))^r (τ/(α+τ))^n;
 * - BG/BB, FHS (2010) eq. (8), t opportunities.
 *
 * @example
 * ```ts
 * probabilityOfPurchases(model, 0, 39); // share of new customers with no repeat purchase in 39 weeks
 * ```
 */
export function probabilityOfPurchases(model: PurchaseModel, n: number, t: number): number {
  const fn = 'probabilityOfPurchases';
  const { kind, p } = purchaseModel(fn, model);
  checkTime(fn, 't', t, kind === 'bg-bb');
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new CustomerValueError('invalid_options', `${fn}: n must be a whole number >= 0, got ${String(n)}`);
  }
  return pmfOf(kind, p, n, t);
}

/** P(X(t) = n) of a new customer, without validation. @internal */
export function pmfOf(kind: PurchaseModelKind, p: Record<string, number>, n: number, t: number): number {
  switch (kind) {
    case 'bg-nbd':
      return bg.pmf(p as ModelParams['bg-nbd'], n, t);
    case 'mbg-nbd':
      return bg.pmf(p as ModelParams['mbg-nbd'], n, t, 'mbg');
    case 'pareto-nbd':
      return pnbd.pmf(p as ModelParams['pareto-nbd'], n, t);
    case 'bg-bb':
      return bb.pmf(p as ModelParams['bg-bb'], n, t);
  }
}

/**
 * The two factors of the continuous-time models' conditional expectation:
 * E[Y(t) | x, t_x, T] = bracket(x, T, t) · alive(x, t_x, T). @internal
 */
export function conditionalParts(kind: 'bg-nbd' | 'mbg-nbd' | 'pareto-nbd', p: Record<string, number>) {
  const q = p as ModelParams['bg-nbd'] & ModelParams['pareto-nbd'];
  const m = kind === 'bg-nbd' ? bg : kind === 'mbg-nbd' ? mbg : pnbd;
  return {
    bracket: (x: number, T: number, t: number): number => m.bracket(q, x, T, t),
    alive: (x: number, tx: number, T: number): number => m.alive(q, x, tx, T),
  };
}

/** Read customers for predictions. @internal */
export function customersOf(fn: string, customers: SummaryInput, needMonetary = false) {
  return readSummary(customers, fn, { needMonetary });
}

/**
 * Expected number of purchases in the next t time units (BG/BB: the next t opportunities)
 * for each customer with history (frequency x, recency t_x, age T), in input order.
 *
 * - BG/NBD, FHL (2005) eq. (10):
 *   (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))] · P(alive),
 *   evaluated through Euler's transformation of 2F1 so it stays exact for any frequency;
 * - Pareto/NBD, Fader & Hardie (2005) eq. (21):
 *   (r+x)(β+T)/((α+T)(s-1)) [1 - ((β+T)/(β+T+t))^(s-1)] · P(alive);
 * - MBG/NBD: (a+b+x)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; z)] · P(alive);
 * - BG/BB, FHS (2010) eq. (13).
 *
 * @example
 * ```ts
 * // FHL (2005): a CDNOW customer with x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks
 * conditionalExpectedPurchases(bgnbd, [{ frequency: 2, recency: 30.43, T: 38.86 }], 39); // [1.226]
 * ```
 */
export function conditionalExpectedPurchases(model: PurchaseModel, customers: SummaryInput, t: number): Float64Array {
  const fn = 'conditionalExpectedPurchases';
  const { kind, p } = purchaseModel(fn, model);
  checkTime(fn, 't', t, kind === 'bg-bb');
  const c = customersOf(fn, customers);
  return conditionalMany(kind, p, c.frequency, c.recency, c.T, t);
}

/**
 * Conditional expectations for many customers. For the continuous-time models the part
 * that needs 2F1 depends only on (x, T), so it is computed once per distinct pair (real
 * data has far fewer pairs than customers) and multiplied by each customer's P(alive).
 * @internal
 */
export function conditionalMany(
  kind: PurchaseModelKind,
  p: Record<string, number>,
  X: ArrayLike<number>,
  TX: ArrayLike<number>,
  TT: ArrayLike<number>,
  t: number,
): Float64Array {
  const n = X.length;
  const out = new Float64Array(n);
  if (kind !== 'bg-bb') {
    // the bracket depends on (x, T) only: once per distinct pair
    const { bracket, alive } = conditionalParts(kind, p);
    const cache = new PairCache();
    for (let i = 0; i < n; i++) {
      const x = X[i] as number;
      const T = TT[i] as number;
      const v = cache.get(x, T, () => bracket(x, T, t));
      out[i] = v === 0 ? 0 : v * alive(x, TX[i] as number, T);
    }
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = bb.conditional(p as ModelParams['bg-bb'], X[i] as number, TX[i] as number, TT[i] as number, t);
  return out;
}

/** Options of {@link probabilityAlive}. */
export interface ProbabilityAliveOptions {
  /**
   * Time after the end of observation at which to evaluate P(alive), assuming no further
   * purchase is observed in between (BG/BB: opportunities after the next one). Default 0.
   */
  ahead?: number | undefined;
}

/**
 * Probability that each customer is still alive (active) at the end of observation, given
 * the history (x, t_x, T), in [0, 1].
 *
 * - BG/NBD: 1 / (1 + [x>0] a/(b+x-1) ((α+T)/(α+t_x))^(r+x)) (Fader, Hardie & Lee 2008 note, eq. 2);
 * - MBG/NBD: 1 / (1 + a/(b+x) ((α+T)/(α+t_x))^(r+x));
 * - Pareto/NBD, Fader & Hardie (2005) eq. (18): 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A0);
 * - BG/BB, FHS (2010) eq. (11): alive at opportunity n + 1.
 *
 * With `ahead: t`, P(alive at T + t) with no purchase seen in (T, T + t]: P(alive) times
 * E[e^(-μt)] = ((β+T)/(β+T+t))^s for Pareto/NBD, and times E[e^(-λpt)] =
 * ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x; t/(α+T+t)) for BG/NBD (b+x+1 for MBG/NBD).
 *
 * @example
 * ```ts
 * probabilityAlive(bgnbd, summary); // Float64Array of P(alive), one per customer
 * ```
 */
export function probabilityAlive(model: PurchaseModel, customers: SummaryInput, options: ProbabilityAliveOptions = {}): Float64Array {
  const fn = 'probabilityAlive';
  const { kind, p } = purchaseModel(fn, model);
  const ahead = checkTime(fn, 'ahead', options.ahead ?? 0, kind === 'bg-bb');
  const c = customersOf(fn, customers);
  const out = new Float64Array(c.n);
  const X = c.frequency;
  const TX = c.recency;
  const TT = c.T;
  if (ahead === 0 && kind === 'bg-nbd') {
    // the hot path: one power per customer (an overflow to Infinity gives the right limit, 0)
    const { r, alpha, a, b } = p as ModelParams['bg-nbd'];
    for (let i = 0; i < c.n; i++) {
      const x = X[i] as number;
      out[i] = x === 0 ? 1 : 1 / (1 + (a / (b + x - 1)) * ((alpha + (TT[i] as number)) / (alpha + (TX[i] as number))) ** (r + x));
    }
    return out;
  }
  for (let i = 0; i < c.n; i++) {
    const x = X[i] as number;
    const tx = TX[i] as number;
    const T = TT[i] as number;
    let v: number;
    switch (kind) {
      case 'bg-nbd':
        v = bg.aliveAhead(p as ModelParams['bg-nbd'], x, tx, T, ahead);
        break;
      case 'mbg-nbd':
        v = ahead === 0 ? mbg.alive(p as ModelParams['mbg-nbd'], x, tx, T) : mbg.aliveAhead(p as ModelParams['mbg-nbd'], x, tx, T, ahead);
        break;
      case 'pareto-nbd':
        v = pnbd.aliveAhead(p as ModelParams['pareto-nbd'], x, tx, T, ahead);
        break;
      case 'bg-bb':
        v = bb.aliveAhead(p as ModelParams['bg-bb'], x, tx, T, ahead);
        break;
    }
    out[i] = v;
  }
  return out;
}

/** @internal */
export type { Model };

/** Values memoized by a (frequency, T) pair: real data has far fewer pairs than customers. @internal */
export class PairCache {
  private readonly map = new Map<number, Map<number, number>>();
  get(x: number, T: number, compute: () => number): number {
    let byT = this.map.get(x);
    if (!byT) this.map.set(x, (byT = new Map()));
    let v = byT.get(T);
    if (v === undefined) {
      v = compute();
      byT.set(T, v);
    }
    return v;
  }
}
