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

/** Customers with a transaction or an interaction in each period. */
function activeCustomers(h: CustomerHistory, end: number, P: number, periodOf: (d: number) => number): Float64Array {
  const out = new Float64Array(P);
  // the two inputs are not in period order together: each (period, customer) pair once, through a Set
  const seenPairs = new Set<number>();
  const mark = (c: number, d: number): void => {
    if (d > end) return;
    const p = periodOf(d);
    const key = p * h.index.size + c;
    if (seenPairs.has(key)) return;
    seenPairs.add(key);
    out[p] = (out[p] as number) + 1;
  };
  for (let i = 0; i < h.tx.length; i++) mark(h.tx.customer[i] as number, h.tx.day[i] as number);
  const it = h.interactions;
  if (it) for (let i = 0; i < it.length; i++) mark(it.customer[i] as number, it.day[i] as number);
  return out;
}
