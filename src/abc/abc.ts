import * as z from 'zod/mini';
import { withMeta } from '../data/columns.js';
import { hasColumn, resolveColumns } from '../data/input.js';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import { dateOption, fieldsOption, parseOptions } from '../data/options.js';
import type { CustomerId } from '../data/types.js';
import { CustomerValueError, IssueCollector, optionError } from '../errors.js';
import { summarize } from '../summary/summarize.js';
import { isValidId } from '../data/encodeTransactions.js';
import { IdIndex } from '../data/idIndex.js';
import { compareIds } from '../summary/totals.js';
import { argsort } from '../math/sort.js';

/** Tier rules of {@link abc}. */
export type AbcRule = 'value' | 'customers' | 'computed';

/** Options of {@link abc}. */
export interface AbcOptions extends TransactionReadOptions {
  /**
   * How tiers are cut: `'value'` (default; cumulative share of value, thresholds
   * [0.8, 0.95]), `'customers'` (share of customers, thresholds [0.2, 0.5]) or `'computed'`
   * (limits computed from the ABC curve, Ultsch & Lötsch 2015).
   */
  rule?: AbcRule | undefined;
  /** The two cut points of the rule (A|B, B|C) as shares in (0, 1]. */
  thresholds?: readonly [number, number] | undefined;
  /** Name of the value column for per-customer input. Default 'value', else 'totalValue'. */
  value?: string | undefined;
  /** Force the input kind: transactions (summed per customer) or per-customer values. Default: transactions when there is a date column. */
  input?: 'transactions' | 'customers' | undefined;
  /** Observation end when summing transactions. */
  observationEnd?: Date | string | number | undefined;
  /** Points of the returned Lorenz curve (evenly spaced shares of customers), or 'all'. Default 101. */
  lorenzPoints?: number | 'all' | undefined;
}

export interface AbcCustomers {
  customerId: CustomerId[];
  value: Float64Array;
  /** 1 = highest value; ties broken by customerId (numbers first, ascending), then input order. */
  rank: Uint32Array;
  /** Share of the total positive value held by this customer and all ranked above. */
  cumulativeShare: Float64Array;
  tier: Array<'A' | 'B' | 'C'>;
  readonly length: number;
}

export interface AbcTiers {
  tier: Array<'A' | 'B' | 'C'>;
  count: Float64Array;
  shareOfCustomers: Float64Array;
  /** Sum of the tier's values (Infinity if it exceeds the largest double; the shares stay exact). */
  value: Float64Array;
  shareOfValue: Float64Array;
  /** Smallest and largest value in the tier; NaN for a tier with no customer. */
  minValue: Float64Array;
  maxValue: Float64Array;
  readonly length: number;
}

export interface ParetoFigures {
  /** Gini coefficient of max(value, 0): 2 Σ i x_(i) / (n Σ x) - (n + 1)/n over ascending values. */
  gini: number;
  /** Lorenz curve: share of customers (ascending value) and the share of value they hold. */
  lorenz: { customers: Float64Array; value: Float64Array; readonly length: number };
  /** Share of value held by the top ceil(0.2 n) customers. */
  top20Share: number;
  /** Share of customers (top-ranked) needed to reach 80 % of value. */
  customersFor80: number;
  /** Customers whose value is zero or negative (ranked last, always tier C). */
  nonPositive: number;
}

export interface AbcResult {
  customers: AbcCustomers;
  tiers: AbcTiers;
  pareto: ParetoFigures;
  /** The cut points used, as shares of value (rule 'value'/'computed') or of customers. */
  limits: { ab: number; bc: number };
}

const schema = z.looseObject({
  fields: z.optional(fieldsOption),
  returns: z.optional(z.enum(['net', 'ignore', 'error'])),
  dropDuplicateOrders: z.optional(z.boolean()),
  rule: z.optional(z.enum(['value', 'customers', 'computed'], { error: "must be 'value', 'customers' or 'computed'" })),
  thresholds: z.optional(z.tuple([z.number().check(z.gt(0)).check(z.lte(1)), z.number().check(z.gt(0)).check(z.lte(1))], { error: 'must be two shares in (0, 1]' })),
  value: z.optional(z.string()),
  input: z.optional(z.enum(['transactions', 'customers'])),
  observationEnd: z.optional(dateOption),
  lorenzPoints: z.optional(z.union([z.int().check(z.minimum(2)), z.literal('all')])),
});

/** Per-customer values from transactions or records. */
function values(fn: string, input: unknown, o: AbcOptions): { ids: CustomerId[]; v: Float64Array } {
  const fields = o.fields as Record<string, string | undefined> | undefined;
  const dateName = fields?.date ?? 'date';
  const hasDate = hasColumn(input, dateName);
  const source = o.input ?? (hasDate ? 'transactions' : 'customers');
  if (source === 'transactions') {
    const s = summarize(input as never, { fields: o.fields, returns: o.returns, dropDuplicateOrders: o.dropDuplicateOrders, numericDates: o.numericDates, observationEnd: o.observationEnd });
    return { ids: s.customerId, v: s.totalValue };
  }
  let name = o.value;
  const probe = resolveColumns(input, fn, 'customers', ['customerId', 'value', 'totalValue'], fields);
  if (!name) name = probe.cols.value ? 'value' : probe.cols.totalValue ? 'totalValue' : 'value';
  const raw = resolveColumns(input, fn, 'customers', ['customerId', name], fields, [name]);
  const col = raw.cols[name];
  if (!col && raw.n > 0) throw new CustomerValueError('invalid_input', `${fn}: column "${name}" is missing`);
  const issues = new IssueCollector(fn, 'customers');
  const v = new Float64Array(raw.n);
  for (let i = 0; i < raw.n; i++) {
    const x = (col as ArrayLike<unknown>)[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) issues.row(i, name, 'invalid_value', 'must be a finite number', x);
    else v[i] = x;
  }
  const ids = raw.cols.customerId ? (Array.from(raw.cols.customerId) as CustomerId[]) : Array.from({ length: raw.n }, (_, i) => i);
  // each customer once, with a valid id: a repeated id would be counted twice
  const index = new IdIndex();
  const firstRow = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (!isValidId(id)) issues.row(i, 'customerId', 'invalid_id', 'must be a non-empty string or a finite number', id);
    else {
      const size = index.size;
      const k = index.add(id);
      if (index.size === size) issues.row(i, 'customerId', 'duplicate_id', `must appear once (also in row ${firstRow[k]}); sum the values per customer first`, id);
      else firstRow[k] = i;
    }
    if (issues.full('customerId')) break;
  }
  issues.throwIfAny();
  return { ids, v };
}

/** Ranking permutation: value descending, ties by id then input order. @internal */
export function rankOrder(ids: readonly CustomerId[], v: Float64Array): Uint32Array {
  const n = v.length;
  const perm = argsort(Float64Array.from(v, (x) => -x)); // stable: ties keep input order
  // within ties, order by customer id (stable)
  for (let s = 0; s < n; ) {
    const x = v[perm[s] as number] as number;
    let e = s + 1;
    while (e < n && v[perm[e] as number] === x) e++;
    if (e - s > 32) {
      const group = Array.from(perm.subarray(s, e)).sort((a, b) => compareIds(ids[a] as CustomerId, ids[b] as CustomerId) || a - b);
      perm.set(group, s);
    } else {
      // short tie groups: insertion sort in place (stable, so equal ids keep input order)
      for (let i = s + 1; i < e; i++) {
        const p = perm[i] as number;
        const id = ids[p] as CustomerId;
        let j = i - 1;
        while (j >= s && compareIds(ids[perm[j] as number] as CustomerId, id) > 0) {
          perm[j + 1] = perm[j] as number;
          j--;
        }
        perm[j + 1] = p;
      }
    }
    s = e;
  }
  return perm;
}

/**
 * Computed ABC limits (Ultsch & Lötsch 2015) on the ABC curve (x = share of customers
 * ranked by value, y = share of value): the Pareto point (closest to the ideal (0, 1)),
 * the break-even point (where the curve's slope falls to 1, i.e. the last customer whose
 * value reaches the mean), the A|B limit at the smaller of the two, and the B|C limit at the
 * submarginal point, the curve point after the A|B limit closest to (x_AB, 1).
 * Returns the number of customers in A and in A + B.
 * @internal
 */
export function computedLimits(sortedDesc: Float64Array, total: number): { a: number; ab: number } {
  const n = sortedDesc.length;
  if (n === 0 || !(total > 0)) return { a: 0, ab: 0 };
  const mean = total / n;
  let cum = 0;
  let pareto = 1;
  let best = Number.POSITIVE_INFINITY;
  let breakEven = 1;
  const y = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) {
    cum += Math.max(0, sortedDesc[k - 1] as number);
    y[k] = cum / total;
    const x = k / n;
    const d = x * x + (1 - (y[k] as number)) ** 2;
    if (d < best) {
      best = d;
      pareto = k;
    }
    if ((sortedDesc[k - 1] as number) >= mean) breakEven = k;
  }
  const a = Math.min(pareto, breakEven);
  const xa = a / n;
  let sub = a;
  best = Number.POSITIVE_INFINITY;
  for (let k = a; k <= n; k++) {
    const d = (k / n - xa) ** 2 + (1 - (y[k] as number)) ** 2;
    if (d < best) {
      best = d;
      sub = k;
    }
  }
  return { a, ab: Math.max(a, sub) };
}

/**
 * ABC / Pareto analysis of customer value: customers ranked by value (revenue from
 * transactions, `totalValue` of a summary, or any per-customer value such as a CLV), their
 * cumulative share of value, tiers A/B/C, a table per tier, and the concentration figures
 * (Gini, Lorenz curve, share of the top 20 %, share of customers holding 80 %).
 *
 * Tiers by the cumulative-share rule (default 80 % / 95 %): A is the smallest set of
 * top-ranked customers whose value reaches 80 % of the total, A and B together the smallest
 * set reaching 95 %, C the rest; the customer who crosses a threshold belongs to the higher
 * tier, so A is never empty while any value is positive. `rule: 'customers'` cuts by share of
 * customers instead (A = the top ceil(0.2 n)), `rule: 'computed'` by the limits of Ultsch &
 * Lötsch (2015). Customers with zero or negative value rank last, are always tier C, and
 * count as 0 in the shares, the Gini and the Lorenz curve. Ties are ranked by customer id.
 *
 * @example
 * ```ts
 * const { customers, tiers, pareto } = abc(transactions);
 * pareto.gini; pareto.top20Share; toRows(tiers);
 * ```
 * @see Ultsch, A., & Lötsch, J. (2015). Computed ABC Analysis for Rational Selection of Most
 * Informative Variables in Multivariate Data. PLoS One, 10(6), e0129767.
 */
export function abc(input: unknown, options: AbcOptions = {}): AbcResult {
  const fn = 'abc';
  const o = parseOptions(fn, schema, options) as AbcOptions;
  const { ids, v } = values(fn, input, o);
  const n = v.length;
  const perm = rankOrder(ids, v);
  // shares, the Gini and the Lorenz curve are computed on values scaled by a power of two
  // (exact) when their sum would overflow, e.g. values near 1e308
  const vs = scaledForSums(v);
  let total = 0;
  let nonPositive = 0;
  for (let i = 0; i < n; i++) {
    const x = vs[i] as number;
    if (x > 0) total += x;
    else nonPositive++;
  }
  const rank = new Uint32Array(n);
  const cumulativeShare = new Float64Array(n);
  const sortedDesc = new Float64Array(n);
  let cum = 0;
  for (let k = 0; k < n; k++) {
    const i = perm[k] as number;
    rank[i] = k + 1;
    sortedDesc[k] = vs[i] as number;
    cum += Math.max(0, vs[i] as number);
    cumulativeShare[i] = total > 0 ? cum / total : 0;
  }
  const rule = o.rule ?? 'value';
  const [t1, t2] = o.thresholds ?? (rule === 'customers' ? [0.2, 0.5] : [0.8, 0.95]);
  if (!(t1 <= t2)) optionError(fn, 'thresholds', 'must be ascending', [t1, t2]);
  // number of customers in A and in A + B, by rank
  let nA = 0;
  let nAB = 0;
  const positives = n - nonPositive;
  if (rule === 'customers') {
    nA = Math.min(positives, Math.ceil(t1 * n - 1e-9));
    nAB = Math.min(positives, Math.ceil(t2 * n - 1e-9));
  } else if (rule === 'computed') {
    const lim = computedLimits(sortedDesc, total);
    nA = lim.a;
    nAB = lim.ab;
  } else {
    let before = 0;
    for (let k = 0; k < positives; k++) {
      const share = total > 0 ? before / total : 1;
      if (share < t1) nA = k + 1;
      if (share < t2) nAB = k + 1;
      before += sortedDesc[k] as number;
    }
  }
  const tier: Array<'A' | 'B' | 'C'> = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = (rank[i] as number) - 1;
    tier[i] = k < nA ? 'A' : k < nAB ? 'B' : 'C';
  }
  const customers = withMeta({ customerId: ids, value: v, rank, cumulativeShare, tier }, { length: n });
  return {
    customers,
    tiers: tierTable(tier, v, vs, total, n),
    pareto: paretoFigures(sortedDesc, total, nonPositive, o.lorenzPoints ?? 101),
    limits: rule === 'customers' ? { ab: t1, bc: t2 } : { ab: shareAt(sortedDesc, nA, total), bc: shareAt(sortedDesc, nAB, total) },
  };
}

function shareAt(sortedDesc: Float64Array, k: number, total: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.max(0, sortedDesc[i] as number);
  return total > 0 ? s / total : 0;
}

/** v itself, or v times a power of two small enough that n times its largest |value| stays finite. */
function scaledForSums(v: Float64Array): Float64Array {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i] as number));
  const room = 2 ** 1000 / Math.max(1, v.length);
  if (max <= room) return v;
  const scale = 2 ** -Math.ceil(Math.log2(max / room));
  return Float64Array.from(v, (x) => x * scale);
}

/**
 * Per tier: customers, value (sum, min, max; NaN min and max for an empty tier) and the
 * shares; `vs` are the values the shares are computed on (see scaledForSums).
 */
function tierTable(tier: Array<'A' | 'B' | 'C'>, v: Float64Array, vs: Float64Array, total: number, n: number): AbcTiers {
  const names: Array<'A' | 'B' | 'C'> = ['A', 'B', 'C'];
  const count = new Float64Array(3);
  const value = new Float64Array(3);
  const minValue = new Float64Array(3).fill(Number.NaN);
  const maxValue = new Float64Array(3).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const t = tier[i];
    const j = t === 'A' ? 0 : t === 'B' ? 1 : 2;
    const x = v[i] as number;
    count[j] = (count[j] as number) + 1;
    value[j] = (value[j] as number) + x;
    if (!((minValue[j] as number) <= x)) minValue[j] = x;
    if (!((maxValue[j] as number) >= x)) maxValue[j] = x;
  }
  const posValue = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    const x = vs[i] as number;
    if (x > 0) {
      const t = tier[i];
      const j = t === 'A' ? 0 : t === 'B' ? 1 : 2;
      posValue[j] = (posValue[j] as number) + x;
    }
  }
  return withMeta(
    {
      tier: names,
      count,
      shareOfCustomers: Float64Array.from(count, (c) => (n ? c / n : 0)),
      value,
      shareOfValue: Float64Array.from(posValue, (s) => (total > 0 ? s / total : 0)),
      minValue,
      maxValue,
    },
    { length: 3 },
  );
}

function paretoFigures(sortedDesc: Float64Array, total: number, nonPositive: number, points: number | 'all'): ParetoFigures {
  const n = sortedDesc.length;
  // ascending, clipped at 0
  // in units of the largest value, so sums of values near 1e308 stay finite
  const scale = n > 0 && (sortedDesc[0] as number) > 0 ? (sortedDesc[0] as number) : 1;
  let weighted = 0;
  let scaledTotal = 0;
  for (let k = 0; k < n; k++) {
    const v = Math.max(0, sortedDesc[k] as number) / scale;
    weighted += (n - k) * v; // i = n - k in ascending order
    scaledTotal += v;
  }
  const gini = n > 0 && total > 0 ? (2 * weighted) / (n * scaledTotal) - (n + 1) / n : 0;
  const cumAsc = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) cumAsc[i] = (cumAsc[i - 1] as number) + Math.max(0, sortedDesc[n - i] as number);
  const m = points === 'all' ? n + 1 : Math.min(points, n + 1);
  const lx = new Float64Array(m);
  const ly = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const k = m === 1 ? n : Math.round((j * n) / (m - 1));
    lx[j] = n ? k / n : 0;
    ly[j] = total > 0 ? (cumAsc[k] as number) / total : 0;
  }
  const top = Math.ceil(0.2 * n - 1e-9);
  let topSum = 0;
  for (let k = 0; k < top; k++) topSum += Math.max(0, sortedDesc[k] as number);
  let cum = 0;
  let need = n;
  for (let k = 0; k < n; k++) {
    cum += Math.max(0, sortedDesc[k] as number);
    if (cum >= 0.8 * total) {
      need = k + 1;
      break;
    }
  }
  return {
    gini,
    lorenz: withMeta({ customers: lx, value: ly }, { length: m }),
    top20Share: total > 0 ? topSum / total : 0,
    customersFor80: n && total > 0 ? need / n : 0,
    nonPositive,
  };
}
