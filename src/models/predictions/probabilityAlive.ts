import { uncheckedTypedHistories, type SummaryInput } from '../../summary/readSummary.js';
import { optionsObject } from '../../errors.js';
import { purchaseModelOf } from '../registry.js';
import type { PurchaseModel } from '../types.js';
import { checkTime, customersOf } from './shared.js';
import { type PredictionCovariates, byGroup, customerGroups, perCustomerModel } from '../covariates/resolve.js';
import type { PurchaseModelSpec } from '../spec.js';

/** Options of {@link probabilityAlive}. */
export interface ProbabilityAliveOptions {
  /**
   * Time after the end of observation at which to evaluate P(alive), assuming no further
   * purchase is observed in between (BG/BB: opportunities after the next one). Default 0.
   */
  ahead?: number | undefined;
  /**
   * For a model fitted with covariates: the customers' covariates, `{ data, customerId? }`
   * (a table with a row per customer, joined by customerId; the columns the model's
   * coefficients name).
   */
  covariates?: PredictionCovariates | undefined;
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
  return aliveFor('probabilityAlive', model, customers, options);
}

/** {@link probabilityAlive} for a caller whose name the errors should carry. @internal */
export function aliveFor(fn: string, model: PurchaseModel, customers: SummaryInput, options: ProbabilityAliveOptions): Float64Array {
  const o = optionsObject(fn, options) as ProbabilityAliveOptions;
  if (perCustomerModel(model, o.covariates)) {
    const { c, ...g } = customerGroups(fn, model, customers, o.covariates);
    const ahead = checkTime(fn, 'ahead', o.ahead ?? 0, g.spec.discrete);
    return byGroup(c.n, g.groups, [c.frequency, c.recency, c.T], (p, [X, TX, TT]) => aliveLoop(g.spec, p, X!, TX!, TT!, ahead));
  }
  const { spec, p } = purchaseModelOf(fn, model);
  const ahead = checkTime(fn, 'ahead', o.ahead ?? 0, spec.discrete);
  const aliveMany = spec.aliveMany;
  const typed = ahead === 0 && aliveMany && !spec.historyProblem ? uncheckedTypedHistories(customers) : undefined;
  if (typed && aliveMany) {
    // the hot path: the kernel checks each history as it computes; on a bad one, the full
    // reader reports it
    const out = new Float64Array(typed.n);
    if (!aliveMany(p, typed.frequency, typed.recency, typed.T, out, 0, typed.n)) customersOf(fn, customers, false, spec);
    return out;
  }
  const c = customersOf(fn, customers, false, spec);
  return aliveLoop(spec, p, c.frequency, c.recency, c.T, ahead);
}

/** P(alive), `ahead` after the end of observation, of each history (validated). */
function aliveLoop(spec: PurchaseModelSpec<Record<string, number>>, p: Record<string, number>, X: ArrayLike<number>, TX: ArrayLike<number>, TT: ArrayLike<number>, ahead: number): Float64Array {
  const n = X.length;
  const out = new Float64Array(n);
  if (ahead === 0 && spec.aliveMany) {
    spec.aliveMany(p, X, TX, TT, out, 0, n);
    return out;
  }
  for (let i = 0; i < n; i++) {
    const x = X[i] as number;
    const T = TT[i] as number;
    const tx = TX[i] as number;
    const v = spec.alive(p, x, tx, T);
    out[i] = ahead === 0 || v === 0 ? v : v * spec.survivalAhead(p, x, T, ahead, tx);
  }
  return out;
}
