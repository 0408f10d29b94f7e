/**
 * The per-period table of {@link customerProfitability}.
 * @internal
 */
import { withMeta } from '../data/columns.js';
import { dayToIso } from '../data/days.js';
import type { CustomerHistory } from './customerHistory.js';
import { periodGrid, type PeriodKind } from './periods.js';
import { unitCost, type ServingCosts } from './profitability.js';

/** Per calendar period, as flat columns (`aq.table()` takes them). */
export interface ProfitPeriods {
  period: string[];
  start: string[];
  end: string[];
  revenue: Float64Array;
  grossMargin: Float64Array;
  costToServe: Float64Array;
  profit: Float64Array;
  /** Customers with a transaction or an interaction in the period. */
  customers: Float64Array;
  readonly length: number;
}

/** Sums per period from the first activity to `end`. */
export function periodTable(h: CustomerHistory, end: number, kind: PeriodKind, margin: number, costs: ServingCosts | undefined, fiscal = 1): ProfitPeriods {
  const it = h.interactions;
  let lo = Infinity;
  for (let i = 0; i < h.tx.length; i++) lo = Math.min(lo, h.tx.day[i] as number);
  if (it) for (let i = 0; i < it.length; i++) lo = Math.min(lo, it.day[i] as number);
  const empty = !(lo <= end);
  const grid = periodGrid(kind, empty ? 0 : lo, empty ? -1 : end, empty ? 0 : lo, empty ? -1 : end, fiscal);
  const P = grid.count;
  const revenue = new Float64Array(P);
  const cost = new Float64Array(P);
  const perTx = costs?.perTransaction ?? 0;
  const periodOf = (d: number): number => grid.index[d - grid.lo] as number;
  for (let i = 0; i < h.tx.length; i++) {
    const d = h.tx.day[i] as number;
    if (d > end) continue;
    const p = periodOf(d);
    revenue[p] = (revenue[p] as number) + (h.tx.amount[i] as number);
    cost[p] = (cost[p] as number) + perTx;
  }
  if (it) for (let i = 0; i < it.length; i++) {
    const d = it.day[i] as number;
    if (d > end) continue;
    const p = periodOf(d);
    cost[p] = (cost[p] as number) + (it.cost[i] as number) + unitCost(costs?.byChannel, it.channel[i] as string) + unitCost(costs?.byKind, it.kind[i] as string);
  }
  const customers = activeCustomers(h, end, P, periodOf);
  const grossMargin = revenue.map((v) => margin * v);
  const profit = grossMargin.map((g, p) => g - (cost[p] as number));
  const starts = Array.from(grid.starts);
  const out = {
    period: grid.labels.slice(0, P),
    start: starts.slice(0, P).map(dayToIso),
    end: starts.slice(1, P + 1).map((s) => dayToIso(s - 1)),
    revenue,
    grossMargin,
    costToServe: cost,
    profit,
    customers,
  };
  return withMeta(out, { length: P });
}

/**
 * Customers with a transaction or an interaction in each period: each customer's days (the
 * transactions grouped by the history, the interactions by a counting sort) mark their
 * periods in a stamp array, so each (period, customer) pair counts once. O(rows + customers).
 */
function activeCustomers(h: CustomerHistory, end: number, P: number, periodOf: (d: number) => number): Float64Array {
  const out = new Float64Array(P);
  const stamp = new Int32Array(P).fill(-1);
  const mark = (c: number, d: number): void => {
    if (d > end) return;
    const p = periodOf(d);
    if (stamp[p] === c) return;
    stamp[p] = c;
    out[p] = (out[p] as number) + 1;
  };
  const { dayStart, day } = h.partial;
  const it = h.interactions;
  const byCustomer = it ? groupRows(it.customer, it.length, h.index.size) : undefined;
  for (let c = 0; c < h.index.size; c++) {
    if (c < h.nTx) for (let j = dayStart[c] as number; j < (dayStart[c + 1] as number); j++) mark(c, day[j] as number);
    if (!it || !byCustomer) continue;
    for (let j = byCustomer.start[c] as number; j < (byCustomer.start[c + 1] as number); j++) mark(c, it.day[byCustomer.order[j] as number] as number);
  }
  return out;
}

/** Row numbers grouped by customer (a counting sort): customer c's rows are order[start[c]] to order[start[c + 1] - 1]. */
function groupRows(customer: ArrayLike<number>, n: number, customers: number): { start: Uint32Array; order: Uint32Array } {
  const start = new Uint32Array(customers + 1);
  for (let i = 0; i < n; i++) (start[(customer[i] as number) + 1] as number)++;
  for (let c = 0; c < customers; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const next = start.slice(0, customers);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    order[next[c] as number] = i;
    next[c] = (next[c] as number) + 1;
  }
  return { start, order };
}
