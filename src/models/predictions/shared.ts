import { CustomerValueError, IssueCollector } from '../../errors.js';
import { readSummary, type SummaryColumns, type SummaryInput } from '../../summary/readSummary.js';
import type { PurchaseModelSpec } from '../spec.js';
import { PairCache, TripleCache } from './pairCache.js';

type Spec = PurchaseModelSpec<Record<string, number>>;

/** Opportunities a discrete-time prediction may look ahead (the BG/BB pmf sums over each). */
export const MAX_OPPORTUNITIES = 1_000_000;

/** A time argument: finite, >= 0, whole (and at most {@link MAX_OPPORTUNITIES}) for discrete-time models. @internal */
export function checkTime(fn: string, name: string, t: unknown, discrete: boolean): number {
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || (discrete && !(Number.isInteger(t) && t <= MAX_OPPORTUNITIES))) {
    const rule = discrete ? ` (whole opportunities, at most ${MAX_OPPORTUNITIES.toLocaleString('en-US')}, for a discrete-time model)` : '';
    const message = `${name} must be a finite number >= 0${rule}, got ${String(t)}`;
    throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [{ code: 'invalid_option', path: [name], message, value: t }]);
  }
  return t;
}

/**
 * Read customers for predictions; with a purchase model's spec, each history is also checked
 * against what that model can produce (`historyProblem`, e.g. BG/BB's whole opportunities).
 * @internal
 */
export function customersOf(fn: string, customers: SummaryInput, needMonetary = false, spec?: Spec): SummaryColumns {
  const c = readSummary(customers, fn, { needMonetary });
  const problem = spec?.historyProblem;
  if (problem) {
    const issues = new IssueCollector(fn, 'customers');
    for (let i = 0; i < c.n; i++) {
      const why = problem(c.frequency[i] as number, c.recency[i] as number, c.T[i] as number);
      if (why === undefined) continue;
      issues.row(i, 'frequency', 'invalid_value', why, [c.frequency[i], c.recency[i], c.T[i]]);
      if (issues.full('frequency')) break;
    }
    issues.throwIfAny();
  }
  return c;
}

/**
 * Σ_k w_k (E[Y(t_k)] - E[Y(t_{k-1})]) per customer, E[Y(t)] the conditional expectation of
 * purchases in the next t: with one time and weight 1 the conditional expectation itself,
 * with a grid of period ends and discount weights the discounted expected purchases of CLV.
 * E[Y(t)] = bracket(x, T, t) · P(alive | x, t_x, T), and the bracket sum depends on (x, T)
 * only, so it is computed once per distinct pair (once per distinct (x, T, t_x) for a
 * model whose bracket reads t_x); P(alive) once per customer.
 * @internal
 */
export function weightedConditional(
  spec: Spec,
  p: Record<string, number>,
  X: ArrayLike<number>,
  TX: ArrayLike<number>,
  TT: ArrayLike<number>,
  times: readonly number[],
  weights: readonly number[],
): Float64Array {
  const n = X.length;
  const out = new Float64Array(n);
  const cache = new PairCache();
  const K = times.length;
  let tx = 0;
  const bracketSum = (x: number, T: number): number => {
    let sum = 0;
    let prev = 0;
    for (let k = 0; k < K; k++) {
      const cur = spec.bracket(p, x, T, times[k] as number, tx);
      sum += (weights[k] as number) * (cur - prev);
      prev = cur;
    }
    return sum;
  };
  const triples = spec.recencyMatters?.(p) === true ? new TripleCache() : undefined;
  for (let i = 0; i < n; i++) {
    const x = X[i] as number;
    const T = TT[i] as number;
    tx = TX[i] as number;
    const v = triples ? triples.get(x, T, tx, bracketSum) : cache.get(x, T, bracketSum);
    out[i] = v === 0 ? 0 : v * spec.alive(p, x, tx, T);
  }
  return out;
}

/** Conditional expected purchases in the next t for many customers, without validation. @internal */
export function conditionalMany(spec: Spec, p: Record<string, number>, X: ArrayLike<number>, TX: ArrayLike<number>, TT: ArrayLike<number>, t: number): Float64Array {
  return weightedConditional(spec, p, X, TX, TT, [t], [1]);
}

/**
 * P(Y = n | history) from P(alive) and the pmf given alive: alive · pmf + [n = 0] (1 - alive).
 * @internal
 */
export function withDead(alive: number, pmfIfAlive: number, n: number): number {
  return alive * pmfIfAlive + (n === 0 ? 1 - alive : 0);
}
